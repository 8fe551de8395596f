"""An outlet's fixed lines, learnt from the corpus: bylines, footers, contact and link lines.

An outlet repeats some lines under article after article (``للتواصل مع الكاتب ارسل رسالة SMS``,
``عمر إبراهيم – عين اليوم``, the numbers of its SMS service). They say who published, not what
happened, yet they share words and figures: left in, they make an outlet's articles alike. A
line counts as the outlet's own when it recurs, word for word once normalised, under several
articles of that outlet that are otherwise different (different titles): copies of one story
the outlet ran twice do not make its lines fixed ones.

This is the least the stories stage needs; a shared corpus-learnt boilerplate model (outlets'
and agencies' formulas, for text reuse too) can take its place behind `OutletLines.spans`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

from isnad.arabic import normalize
from isnad.model import Article, Span

# Under this many differently titled articles of one outlet, a repeated line may be a story the
# outlet followed all day; a byline or a footer recurs far more often over a day's output.
MIN_TITLES = 4
MAX_LINE_CHARS = 200  # fixed lines are short; a long repeated paragraph is content, for reuse


class OutletLines:
    """Each outlet's fixed lines (normalised), learnt from a set of articles."""

    def __init__(self, lines: dict[str, frozenset[str]] | None = None) -> None:
        self.lines = lines or {}

    @classmethod
    def learn(cls, articles: Iterable[Article]) -> OutletLines:
        titles: dict[tuple[str, str], set[str]] = defaultdict(set)
        for article in articles:
            for outlet, key, title in titled_lines(article):
                titles[(outlet, key)].add(title)
        return cls.of_counts((outlet, key, len(seen)) for (outlet, key), seen in titles.items())

    @classmethod
    def of_counts(cls, counts: Iterable[tuple[str, str, int]]) -> OutletLines:
        """The fixed lines from (outlet, line, how many distinct titles it appears under), counted
        over the corpus (here, or by the Spark job)."""
        found: dict[str, set[str]] = defaultdict(set)
        for outlet, key, titles in counts:
            if titles >= MIN_TITLES:
                found[outlet].add(key)
        return cls({outlet: frozenset(keys) for outlet, keys in found.items()})

    def spans(self, article: Article) -> list[Span]:
        """Where the article's outlet's fixed lines lie in its text."""
        fixed = self.lines.get(article.outlet or "")
        if not fixed:
            return []
        return [(start, end) for start, end, key in _lines(article) if key in fixed]


def titled_lines(article: Article) -> Iterator[tuple[str, str, str]]:
    """(outlet, normalised line, normalised title) for each short line of an article with an
    outlet: what `OutletLines.learn` counts."""
    if not article.outlet:
        return
    title = normalize(article.title or article.text[:80])
    for _, _, key in _lines(article):
        yield article.outlet, key, title


def _lines(article: Article) -> Iterator[tuple[int, int, str]]:
    """Each short non-empty line of the text: its span and its normalised form."""
    start = 0
    for line in article.text.split("\n"):
        end = start + len(line)
        if line.strip() and len(line) <= MAX_LINE_CHARS:
            yield start, end, " ".join(normalize(line).split())
        start = end + 1


def inside(position: int, spans: list[Span]) -> bool:
    """Whether a character position lies in one of ``spans``."""
    return any(start <= position < end for start, end in spans)
