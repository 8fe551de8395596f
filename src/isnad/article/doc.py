"""Articles with their text layer computed once, shared by every analysis stage.

Tokenising and stemming are the costliest steps every stage needs; a `Corpus` does them once per
article, lazily, so stages never normalise the same text twice.
"""

from __future__ import annotations

import gc
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from isnad.arabic import Token, is_stopword, stem, tokenize
from isnad.model import Article, Span


@dataclass
class ArticleText:
    """An article's tokens with a matching term per token.

    ``terms[i]`` is the stem of token i when it is a content word or a number, and ``""`` for
    stopwords and punctuation: the unit of comparison across articles.
    """

    article: Article
    tokens: list[Token]
    terms: list[str]
    _sentence_starts: list[int] = field(default_factory=list, repr=False)
    _content_terms: list[str] | None = field(default=None, repr=False)
    _content_positions: list[int] | None = field(default=None, repr=False)

    def content_terms(self) -> list[str]:
        """The non-empty terms, in order (computed once; callers must not modify the list)."""
        if self._content_terms is None:
            self._content_terms = [t for t in self.terms if t]
        return self._content_terms

    def content_positions(self) -> list[int]:
        """Token index of each content term, so content-term positions map back to characters."""
        if self._content_positions is None:
            self._content_positions = [i for i, term in enumerate(self.terms) if term]
        return self._content_positions

    def sentence_index(self, token_index: int) -> int:
        """Index of the sentence holding a token, or -1 when it lies outside every sentence."""
        start = self.tokens[token_index].start
        i = bisect_right(self._sentence_starts, start) - 1
        if i >= 0 and start < self.article.sentences[i][1]:
            return i
        return -1

    def sentence_terms(self) -> list[list[str]]:
        """Content terms of each sentence, in sentence order."""
        out: list[list[str]] = [[] for _ in self.article.sentences]
        for i, term in enumerate(self.terms):
            if term:
                s = self.sentence_index(i)
                if s >= 0:
                    out[s].append(term)
        return out

    def tokens_in(self, span: Span) -> list[int]:
        """Indices of the tokens inside a span."""
        return [i for i, t in enumerate(self.tokens) if span[0] <= t.start and t.end <= span[1]]


@lru_cache(maxsize=1 << 18)
def _term(kind: str, text: str) -> str:
    """A token's term; cached because a corpus repeats its words (stopword test and stemmer are
    the larger half of the text layer's cost)."""
    return "" if kind == "word" and is_stopword(text) else stem(text)


def analyse_text(article: Article) -> ArticleText:
    tokens = [t for t in tokenize(article.text) if t.kind != "punct"]
    terms = [_term(t.kind, t.text) for t in tokens]
    return ArticleText(
        article=article,
        tokens=tokens,
        terms=terms,
        _sentence_starts=[s for s, _ in article.sentences],
    )


class Corpus:
    """The articles of one analysis, addressable by id, with their `ArticleText` cached."""

    def __init__(self, articles: Iterable[Article]) -> None:
        self.articles: list[Article] = list(articles)
        self.by_id: dict[str, Article] = {a.id: a for a in self.articles}
        self._texts: dict[str, ArticleText] = {}

    def __len__(self) -> int:
        return len(self.articles)

    def __iter__(self) -> Iterator[Article]:
        return iter(self.articles)

    def text(self, article_id: str) -> ArticleText:
        cached = self._texts.get(article_id)
        if cached is None:
            cached = self._texts[article_id] = analyse_text(self.by_id[article_id])
        return cached

    def texts(self, ids: Sequence[str] | None = None) -> list[ArticleText]:
        wanted = ids if ids is not None else [a.id for a in self.articles]
        # The text layer makes millions of small objects and no reference cycles; left on, the
        # cyclic collector rescans every token made so far, again and again, for nothing (about
        # 40% of the tokeniser's time on ExAra dev).
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            return [self.text(i) for i in wanted]
        finally:
            if was_enabled:
                gc.enable()
