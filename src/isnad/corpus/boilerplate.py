"""Boilerplate learnt from the corpus: the formulas and fixed lines outlets repeat, which are not news.

Agency datelines (``الرياض 18 شوال 1436 هـ الموافق 03 أغسطس 2015م واس``), market-report
headers, columnists' SMS and contact footers, "news link" lines, closing prayers and condolence
formulas, standing appeals, the full protocol titles of royals and ministers: text that recurs in
many articles that otherwise say different things. Two articles that share only such text have not
copied each other, and features made from it say nothing about the article's event.

The unit is a run of ``n`` consecutive tokens (punctuation dropped, each token keyed by
`isnad.arabic.formulas.formula_key`, so the day's date or a columnist's code does not hide the
formula). A run is a formula when it occurs in at least ``min_articles`` articles that are *not
copies of one another*: the same agency release printed by six outlets is six copies of one piece
of news, not a formula, so recurrence is counted over independent articles only: apart from the shared block
of text that holds the run, two articles must share less than ``copy_overlap`` of the smaller
one's word trigrams. A formula run covers its
tokens; the covered tokens of an article, merged into runs, are its formula spans.

The model has a second layer, each outlet's **fixed lines**: a whole short line (a byline, an
SMS footer, a "news link" line) that recurs, word for word once normalised, under at least
``min_titles`` differently titled articles of one outlet. They say who published, not what
happened. Both layers are learnt in one pass over the corpus (`Boilerplate.learn`) and found by
one method (`Boilerplate.spans`).

**An article's boilerplate is what was known by the end of its day.** Each formula and fixed line
keeps the day it became one: the day of the article that brought its independent holders (or an
outlet's titles under the line) to the threshold, articles taken day by day. It covers the articles
of that day and of every later day, not earlier ones: what an archive knew by the end of that
day. So a new day added to an archive never changes the boilerplate of the days stored before it
(`boilerplate_growth.grow`). Without this rule, over an archive of weeks every day turned phrases
of ordinary news into formulas, and every stored article holding one had to be made again
(docs/archive.md). Undated articles count as the earliest day; a single day analysed alone is
learnt as before. Text reuse leaves out both (neither is evidence of copying);
the events stage leaves out the fixed lines only: formulas of the trade include the titles of
office that name an event's actors.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
from numpy.typing import NDArray

from isnad.arabic import Token, normalize, tokenize
from isnad.arabic.formulas import formula_key, formula_keys
from isnad.corpus.arrays import distinct
from isnad.model import Article, Span, publication_day


@dataclass(frozen=True)
class BoilerplateParams:
    """Why these values: see docs/reuse.md ("Boilerplate")."""

    n: int = 5  # tokens per run: the shortest formulas (a closing prayer) are about five words
    # Independent articles a run must recur in. Within one day a piece of news is rarely told,
    # word for word, in four articles that are otherwise different, while formulas recur in
    # dozens (datelines, footers) or at least in every article of a kind (appeals, titles).
    min_articles: int = 4
    # Two articles are copies when, beyond the block they share around a run, this share of the
    # smaller one's word trigrams is in the other.
    copy_overlap: float = 0.5
    # Under this many differently titled articles of one outlet, a repeated line may be a story
    # the outlet followed all day; a byline or a footer recurs far more often over a day's output.
    min_titles: int = 4
    max_line_chars: int = 200  # fixed lines are short; a long repeated paragraph is content

    def __post_init__(self) -> None:
        if (
            self.n < 2
            or self.min_articles < 2
            or not 0 < self.copy_overlap <= 1
            or self.min_titles < 2
            or self.max_line_chars < 1
        ):
            raise ValueError(f"BoilerplateParams out of range: {self}")


Layer = Literal["formula", "line"]
LAYERS: tuple[Layer, ...] = ("formula", "line")
# What the events stage leaves out of its features: an outlet's fixed lines say who published,
# while formulas of the trade include the titles of office that name an event's actors.
FIXED_LINES: tuple[Layer, ...] = ("line",)


@dataclass
class Boilerplate:
    """The formulas and fixed lines of a corpus, and how to find them in any article.

    ``formulas`` maps each formula run (keys joined by spaces) to the number of articles it was
    seen in, ``outlets`` to how many outlets those articles came from (1: an outlet's own
    template; more: a formula of the trade) and ``since`` to the day it became a formula
    (`article_day`). ``lines`` maps each outlet's fixed lines (normalised) to the day each became
    one. A formula or line covers the articles of its day and later days.
    """

    params: BoilerplateParams = field(default_factory=BoilerplateParams)
    formulas: dict[str, int] = field(default_factory=dict)
    outlets: dict[str, int] = field(default_factory=dict)
    since: dict[str, int] = field(default_factory=dict)
    lines: dict[str, dict[str, int]] = field(default_factory=dict)

    @classmethod
    def learn(
        cls,
        articles: Iterable[Article],
        params: BoilerplateParams | None = None,
        layers: Collection[Layer] = LAYERS,
    ) -> Boilerplate:
        """These layers, in one pass over the corpus (``articles`` may be a stream). Fixed lines
        alone need no tokens and keep only each line's titles, not the articles' text."""
        with_keys = "formula" in layers
        return cls._learn(((a, formula_keys(a.text) if with_keys else []) for a in articles), params, layers)

    @classmethod
    def learn_tokens(
        cls,
        documents: Iterable[tuple[Article, Sequence[Token]]],
        params: BoilerplateParams | None = None,
        layers: Collection[Layer] = LAYERS,
    ) -> Boilerplate:
        """The same from already tokenised articles: (article, its tokens without punctuation)."""
        keyed = ((a, token_keys(tokens)) for a, tokens in documents)
        return cls._learn(keyed, params, layers)

    @classmethod
    def _learn(
        cls,
        documents: Iterable[tuple[Article, list[str]]],
        params: BoilerplateParams | None = None,
        layers: Collection[Layer] = LAYERS,
    ) -> Boilerplate:
        """The same from each article's token keys (`formula_keys`)."""
        params = params or BoilerplateParams()
        outlet_of: dict[int, str | None] = {}
        day_of: dict[int, int] = {}
        keys_of: dict[int, list[str]] = {}
        runs = _RunTable()
        titles = LineTitles()
        for number, (article, keys) in enumerate(documents):
            day = article_day(article)
            if "line" in layers:
                titles.add(article, day, params)
            if "formula" not in layers:
                continue
            outlet_of[number] = article.outlet
            day_of[number] = day
            keys_of[number] = interned(keys)
            runs.add(number, first_runs(keys_of[number], params.n))
        seen_in = runs.recurring(keys_of, params.n, params.min_articles)
        # The copy judge reads only the articles that hold a recurring run.
        holders = {at for where in seen_in.values() for at, _ in where}
        kept = {at: keys_of[at] for at in sorted(holders)}
        return cls.judged(seen_in, kept, outlet_of, day_of, params, titles.fixed(params))

    @classmethod
    def judged(
        cls,
        seen_in: Mapping[str, Sequence[tuple[int, int]]],
        keys_of: Mapping[int, list[str]],
        outlet_of: Mapping[int, str | None],
        day_of: Mapping[int, int],
        params: BoilerplateParams | None = None,
        lines: Mapping[str, dict[str, int]] | None = None,
    ) -> Boilerplate:
        """The model from runs counted apart: the formulas among the runs ``seen_in`` (run ->
        (article, position), articles in corpus order) are those in ``min_articles`` independent
        articles, each from the day its holders, taken day by day, reach that many. ``keys_of``,
        ``outlet_of`` and ``day_of`` (`article_day`) need hold only the articles of runs seen that
        often (the Spark job counts runs in parallel and judges the recurring ones here)."""
        params = params or BoilerplateParams()
        judge = _CopyJudge(keys_of, params.copy_overlap)
        formulas: dict[str, int] = {}
        outlets: dict[str, int] = {}
        since: dict[str, int] = {}
        for run, where in seen_in.items():
            if len(where) < params.min_articles:
                continue
            by_day = sorted(where, key=lambda holder: day_of[holder[0]])  # stable: corpus order within a day
            enough = judge.enough_at(by_day, params.min_articles)
            if enough is not None:
                formulas[run] = len(where)
                outlets[run] = len({outlet_of[i] for i, _ in where})
                since[run] = day_of[by_day[enough][0]]
        return cls(params=params, formulas=formulas, outlets=outlets, since=since, lines=dict(lines or {}))

    def spans(
        self, article: Article, layers: Collection[Layer] = LAYERS, tokens: Sequence[Token] | None = None
    ) -> list[Span]:
        """Character spans of the article's boilerplate of these layers, in order, not overlapping.
        ``tokens``: the article's `words`, when the caller has them."""
        found = self.line_spans(article) if "line" in layers else []
        if "formula" in layers:
            found += self._formula_spans(words(article.text) if tokens is None else tokens, article)
        merged: list[Span] = []
        for start, end in sorted(found):
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        return merged

    def line_spans(self, article: Article) -> list[Span]:
        """Where the article's outlet's fixed lines (those of its day) lie in its text."""
        fixed = self.lines.get(article.outlet or "")
        if not fixed:
            return []
        day = article_day(article)
        return [
            (start, end)
            for start, end, line in _lines(article.text, self.params.max_line_chars)
            if fixed.get(line, day + 1) <= day
        ]

    def _formula_spans(self, tokens: Sequence[Token], article: Article) -> list[Span]:
        covered = self.covered(tokens, article, lines=False)
        spans: list[Span] = []
        for i, token in enumerate(tokens):
            if not covered[i]:
                continue
            if spans and i and covered[i - 1]:
                spans[-1] = (spans[-1][0], token.end)
            else:
                spans.append((token.start, token.end))
        return spans

    def covered(
        self, tokens: Sequence[Token], article: Article | None = None, *, lines: bool = True
    ) -> list[bool]:
        """For each token (punctuation dropped), whether a formula covers it, or, given the
        article the tokens are of, one of its outlet's fixed lines. Given the article, only the
        formulas and lines of its day count; without it, every one the model holds."""
        keys = [formula_key(t) for t in tokens]
        return self.covered_keys(keys, [t.start for t in tokens], article, lines=lines)

    def covered_keys(
        self,
        keys: Sequence[str],
        starts: Sequence[int],
        article: Article | None = None,
        *,
        lines: bool = True,
    ) -> list[bool]:
        """`covered` from each token's `formula_key` and where it starts (a Doc's arrays give
        them without making its tokens)."""
        n = self.params.n
        covered = [False] * len(keys)
        day = article_day(article) if article is not None else None
        for i in range(len(keys) - n + 1):
            since = self.since.get(" ".join(keys[i : i + n]))
            if since is not None and (day is None or since <= day):
                covered[i : i + n] = [True] * n
        if article is not None and lines:
            for start, end in self.line_spans(article):
                for i, token_start in enumerate(starts):
                    if start <= token_start < end:
                        covered[i] = True
        return covered

    def to_json(self) -> str:
        """A compact text form for a store to keep; `from_json` restores it."""
        return json.dumps(
            {
                "params": {
                    "n": self.params.n,
                    "min_articles": self.params.min_articles,
                    "copy_overlap": self.params.copy_overlap,
                    "min_titles": self.params.min_titles,
                    "max_line_chars": self.params.max_line_chars,
                },
                "formulas": [
                    [run, count, self.outlets.get(run, 0), self.since[run]]
                    for run, count in sorted(self.formulas.items())
                ],
                "lines": {outlet: sorted(lines.items()) for outlet, lines in sorted(self.lines.items())},
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str) -> Boilerplate:
        try:
            data = json.loads(text)
            params = BoilerplateParams(**data["params"])
            formulas = {str(run): int(count) for run, count, _, _ in data["formulas"]}
            outlets = {str(run): int(outlets) for run, _, outlets, _ in data["formulas"]}
            since = {str(run): int(day) for run, _, _, day in data["formulas"]}
            lines = {
                str(outlet): {str(line): int(day) for line, day in found}
                for outlet, found in data["lines"].items()
            }
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise ValueError(f"not a saved Boilerplate: {error}") from error
        return cls(params=params, formulas=formulas, outlets=outlets, since=since, lines=lines)


def inside(position: int, spans: list[Span]) -> bool:
    """Whether a character position lies in one of ``spans``."""
    return any(start <= position < end for start, end in spans)


def titled_lines(article: Article, params: BoilerplateParams) -> Iterator[tuple[str, str, str]]:
    """(outlet, normalised line, normalised title) for each short line of an article with an
    outlet: what the fixed-lines layer counts."""
    if not article.outlet:
        return
    title = normalize(article.title or article.text[:80])
    for _, _, line in _lines(article.text, params.max_line_chars):
        yield article.outlet, line, title


def article_day(article: Article) -> int:
    """The day the boilerplate model places an article on: its publication day as an ordinal,
    0 (before every dated day) when it has none."""
    return publication_day(article.published) or 0


def fixed_lines(
    counts: Iterable[tuple[str, str, Sequence[int]]], params: BoilerplateParams
) -> dict[str, dict[str, int]]:
    """Each outlet's fixed lines, each with the day it became one, from (outlet, line, the first
    day of each distinct title it appears under): the day its ``min_titles``-th title appeared."""
    found: dict[str, dict[str, int]] = defaultdict(dict)
    for outlet, line, days in counts:
        if len(days) >= params.min_titles:
            found[outlet][line] = sorted(days)[params.min_titles - 1]
    return dict(found)


class LineTitles:
    """The distinct titles each (outlet, short line) appears under, with the first day of each:
    what the fixed-lines layer counts."""

    def __init__(self) -> None:
        self.first_day: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)

    def add(self, article: Article, day: int, params: BoilerplateParams) -> None:
        for outlet, line, title in titled_lines(article, params):
            self.add_line(outlet, line, title, day)

    def add_line(self, outlet: str, line: str, title: str, day: int) -> None:
        seen = self.first_day[(outlet, line)]
        seen[title] = min(day, seen.get(title, day))

    def fixed(self, params: BoilerplateParams) -> dict[str, dict[str, int]]:
        return fixed_lines(
            ((outlet, line, list(titles.values())) for (outlet, line), titles in self.first_day.items()),
            params,
        )


def runs_of(tokens: Sequence[Token], n: int) -> tuple[list[str], dict[str, int]]:
    """An article's token keys (punctuation dropped) and each distinct run of ``n`` keys with the
    position it first starts at."""
    keys = token_keys(tokens)
    return keys, first_runs(keys, n)


def token_keys(tokens: Iterable[Token]) -> list[str]:
    """The `formula_key` of each token, punctuation dropped: what boilerplate is counted on."""
    return [formula_key(t) for t in tokens if t.kind != "punct"]


def interned(keys: Iterable[str]) -> list[str]:
    """Token keys sharing one string per distinct word: a corpus's keys held for every article
    cost a pointer per token, not a string."""
    return [sys.intern(k) for k in keys]


class _RunTable:
    """Where each distinct run of every article first starts, as flat arrays of run hashes,
    articles and positions: a corpus's runs counted without a dictionary entry per run."""

    def __init__(self) -> None:
        self.hashes: list[NDArray[np.int64]] = []
        self.owners: list[NDArray[np.int64]] = []
        self.starts: list[NDArray[np.int64]] = []

    def add(self, article: int, first: Mapping[str, int]) -> None:
        # Python's own string hash: the table lives in one process and never leaves it.
        self.hashes.append(np.fromiter(map(hash, first), dtype=np.int64, count=len(first)))
        self.owners.append(np.full(len(first), article, dtype=np.int64))
        self.starts.append(np.fromiter(first.values(), dtype=np.int64, count=len(first)))

    def recurring(
        self, keys_of: Mapping[int, list[str]], n: int, least: int
    ) -> dict[str, list[tuple[int, int]]]:
        """Each run held by ``least`` articles or more: its (article, position) in article order;
        runs listed as a pass over the articles meets them first."""
        if not self.hashes:
            return {}
        hashes, owners, starts = (np.concatenate(a) for a in (self.hashes, self.owners, self.starts))
        order = np.argsort(hashes, kind="stable")  # holders of a run stay in article order
        hashes, owners, starts = hashes[order], owners[order], starts[order]
        bounds = np.flatnonzero(np.diff(hashes)) + 1
        lows = np.concatenate([[0], bounds])
        highs = np.concatenate([bounds, [len(hashes)]])
        many = highs - lows >= least
        lows, highs = lows[many], highs[many]
        first = np.lexsort((starts[lows], owners[lows]))
        seen_in: dict[str, list[tuple[int, int]]] = {}
        for lo, hi in zip(lows[first].tolist(), highs[first].tolist(), strict=True):
            at, start = int(owners[lo]), int(starts[lo])
            run = " ".join(keys_of[at][start : start + n])
            seen_in[run] = list(zip(owners[lo:hi].tolist(), starts[lo:hi].tolist(), strict=True))
        return seen_in


def first_runs(keys: list[str], n: int) -> dict[str, int]:
    """Each distinct run of ``n`` keys with the position it first starts at."""
    first: dict[str, int] = {}
    for i in range(len(keys) - n + 1):
        first.setdefault(" ".join(keys[i : i + n]), i)
    return first


def words(text: str) -> list[Token]:
    """The tokens the formulas layer reads: the text's, punctuation dropped."""
    return [t for t in tokenize(text) if t.kind != "punct"]


def _lines(text: str, longest: int) -> Iterator[tuple[int, int, str]]:
    """Each short non-empty line of the text: its span and its normalised form."""
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip() and len(line) <= longest:
            yield start, end, " ".join(normalize(line).split())
        start = end + 1


class _CopyJudge:
    """Whether two articles that share a run are copies of one another.

    Copies share word trigrams all through, and rewrites of one release most of their words;
    articles that share a formula share one block of text around it and little else. So the
    shared block holding the run is set aside, and the rest is compared: copies when what else
    they share (trigrams, or words of four letters or more) reaches ``overlap`` of the smaller rest.
    """

    def __init__(self, keys: Mapping[int, list[str]], overlap: float) -> None:
        self.keys = keys
        # As sorted arrays of hashes, not sets: a corpus's worth of them is held at once.
        self.trigrams = {n: _hash_set(_trigrams(k, 0, len(k))) for n, k in keys.items()}
        # Words of four letters or more: the names, places and figures a rewrite keeps.
        self.words = {n: _hash_set(hash(w) for w in k if len(w) > 3) for n, k in keys.items()}
        self.overlap = overlap
        self._shared: dict[tuple[int, int], tuple[int, int]] = {}
        self._known: dict[tuple[int, int, int], bool] = {}

    def copies(self, a: tuple[int, int], b: tuple[int, int]) -> bool:
        """``a`` and ``b`` are (article, position of the run in it)."""
        (first, i), (second, j) = a, b
        keys_a, keys_b = self.keys[first], self.keys[second]
        while i and j and keys_a[i - 1] == keys_b[j - 1]:  # the shared block's start
            i, j = i - 1, j - 1
        key = (first, second, i)
        known = self._known.get(key)
        if known is None:
            length = 0
            while (
                i + length < len(keys_a)
                and j + length < len(keys_b)
                and keys_a[i + length] == keys_b[j + length]
            ):
                length += 1
            known = self._known[key] = self._beyond(first, second, keys_a[i : i + length])
        return known

    def _beyond(self, first: int, second: int, block: list[str]) -> bool:
        """Copies by what they share beyond the block: word trigrams (a copy), or words (a rewrite)."""
        pair = (min(first, second), max(first, second))
        if pair not in self._shared:
            self._shared[pair] = (
                len(np.intersect1d(self.trigrams[first], self.trigrams[second], assume_unique=True)),
                len(np.intersect1d(self.words[first], self.words[second], assume_unique=True)),
            )
        shared_trigrams, shared_words = self._shared[pair]
        by_trigrams = (shared_trigrams, self.trigrams, _trigrams(block, 0, len(block)))
        by_words = (shared_words, self.words, {w for w in block if len(w) > 3})
        for shared, sets, in_block in (by_trigrams, by_words):
            rest = min(len(sets[first]), len(sets[second])) - len(in_block)
            # An article that is all block can't be told apart from a copy: it counts as one.
            if rest < 3 or shared - len(in_block) >= self.overlap * rest:
                return True
        return False

    def enough_at(self, where: Sequence[tuple[int, int]], enough: int) -> int | None:
        """Where in ``where`` the holders that copy none of those kept before them (greedy, in
        order) first number ``enough``; None when they never do."""
        kept: list[tuple[int, int]] = []
        for at, occurrence in enumerate(where):
            if all(not self.copies(occurrence, other) for other in kept):
                kept.append(occurrence)
                if len(kept) >= enough:
                    return at
        return None


def _hash_set(hashes: Iterable[int]) -> NDArray[np.int64]:
    return distinct(np.fromiter(hashes, dtype=np.int64))


def _trigrams(keys: list[str], start: int, end: int) -> set[int]:
    return {hash((keys[i], keys[i + 1], keys[i + 2])) for i in range(start, end - 2)}
