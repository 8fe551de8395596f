"""One `Doc` per article: its text layer, computed once and read by every stage.

Tokenising, normalising and stemming are the costliest steps every stage needs. A `Doc` tokenises
the whole article once (spaCy's ``Doc`` is the model: one object per text, components that read
it) and gives each stage the view it needs: the tokens of each sentence with punctuation (the
extractors), the tokens of any character range (number expressions, line by line), the word
tokens with a stem per token (reuse, stories, brief, framing). Token starts are held as a numpy
array, so slicing a range is a binary search rather than a second tokenisation.
"""

from __future__ import annotations

import sys
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cached_property, lru_cache

import numpy as np
from numpy.typing import NDArray

from isnad.arabic import Token, TokenKind, is_stopword, stem, token_table, tokenize
from isnad.arabic.formulas import form_key
from isnad.memory import collector_paused
from isnad.model import Article

_KIND_CODES: dict[TokenKind, int] = {"word": 0, "number": 1, "punct": 2, "latin": 3}
_KINDS: tuple[TokenKind, ...] = ("word", "number", "punct", "latin")

# What `Doc.layer` writes. The store keeps each article's layer so that reading an article back
# does not tokenise it again; a layer of another version is not read (the Doc is made from the
# text). Bump it when the tokeniser, normaliser, stemmer or stop list change what a Doc holds.
LAYER_VERSION = 1
_SEPARATOR = "\x1f"  # a whitespace character: never inside a token, so it can join them


class Doc:
    """An article's tokens (offsets, normalised form, kind) and a matching term per word token.

    ``tokens`` are the word, number and Latin tokens (punctuation left out), the unit of
    comparison across articles; ``terms[i]`` is the stem of ``tokens[i]``, or ``""`` for a
    stopword. ``all_tokens`` keeps punctuation too, for the extractors, whose cues include it.

    What a Doc holds is arrays (token starts, ends, kinds) and the token forms; the `Token`
    records stages read are made from them on first use and not pickled, so a Doc crosses from
    a worker process to the main one at the cost of its arrays and strings.
    """

    def __init__(self, article: Article) -> None:
        self.article = article
        # Parallel lists, not `Token` records: a run that reads a store's worth of articles again
        # would otherwise make (and have the collector track) millions of them.
        table = token_table(article.text)
        self.starts: NDArray[np.int32] = np.array(table.starts, dtype=np.int32)
        self.ends: NDArray[np.int32] = np.array(table.ends, dtype=np.int32)
        codes = _KIND_CODES
        self.kinds: NDArray[np.int8] = np.array([codes[k] for k in table.kinds], dtype=np.int8)
        self.norms: list[str] = table.norms
        self.terms: list[str] = [
            _term(kind, norm) for kind, norm in zip(table.kinds, table.norms, strict=True) if kind != "punct"
        ]

    def layer(self) -> bytes:
        """The arrays, forms and terms as bytes (zlib), which `from_layer` reads back."""
        norms = _SEPARATOR.join(self.norms).encode()
        head = np.array([len(self.starts), len(norms)], dtype="<u4")
        arrays = [self.starts.astype("<i4"), self.ends.astype("<i4"), self.kinds]
        parts = [head.tobytes(), *(a.tobytes() for a in arrays), norms, _SEPARATOR.join(self.terms).encode()]
        return zlib.compress(b"".join(parts), 1)

    @classmethod
    def from_layer(cls, article: Article, layer: bytes) -> Doc:
        """The Doc of ``article`` from its `layer`, without tokenising the text again."""
        raw = zlib.decompress(layer)
        count, norms_size = np.frombuffer(raw, dtype="<u4", count=2).tolist()
        doc = cls.__new__(cls)
        doc.article = article
        at = 8
        doc.starts = np.frombuffer(raw, dtype="<i4", count=count, offset=at).astype(np.int32)
        doc.ends = np.frombuffer(raw, dtype="<i4", count=count, offset=at + 4 * count).astype(np.int32)
        at += 8 * count
        doc.kinds = np.frombuffer(raw, dtype=np.int8, count=count, offset=at).copy()
        at += count
        # Joined, an empty list and a list of one empty term look alike: the counts tell them apart.
        doc.norms = raw[at : at + norms_size].decode().split(_SEPARATOR) if count else []
        words = count - int(np.count_nonzero(doc.kinds == _KIND_CODES["punct"]))
        doc.terms = raw[at + norms_size :].decode().split(_SEPARATOR) if words else []
        return doc

    def __getstate__(self) -> dict[str, object]:
        # Only the arrays and forms travel; Token records and derived views are made again.
        keep = ("article", "starts", "ends", "kinds", "norms", "terms")
        return {name: self.__dict__[name] for name in keep}

    @cached_property
    def all_tokens(self) -> list[Token]:
        """Every token of the article, punctuation included, in text order."""
        text, kinds = self.article.text, _KINDS
        make = tuple.__new__  # a named tuple's own __new__ is a Python function: several times slower
        return [
            make(Token, (text[start:end], start, end, norm, kinds[kind]))
            for start, end, norm, kind in zip(
                self.starts.tolist(), self.ends.tolist(), self.norms, self.kinds.tolist(), strict=True
            )
        ]

    @cached_property
    def tokens(self) -> list[Token]:
        """The word, number and Latin tokens (punctuation left out), one per term."""
        return [t for t in self.all_tokens if t.kind != "punct"]

    def word_span(self, index: int) -> tuple[int, int]:
        """The characters of ``tokens[index]``, read from the arrays (no `Token` made)."""
        at = int(self._word_index[index])
        return int(self.starts[at]), int(self.ends[at])

    def word_norms(self) -> list[str]:
        """The normalised form of each of ``tokens``, read from the arrays (no `Token` made)."""
        norms = self.norms
        return [norms[i] for i in self._word_index.tolist()]

    def word_keys(self) -> list[str]:
        """The boilerplate key (`isnad.arabic.formulas.formula_key`) of each of ``tokens``."""
        words = self._word_index.tolist()
        norms, kinds = self.norms, self.kinds.tolist()
        return [form_key(norms[i], _KINDS[kinds[i]]) for i in words]

    def words_where(self, keep: Callable[[str], bool]) -> list[tuple[int, int]]:
        """The spans of the word tokens (numbers and Latin left out) whose normalised form ``keep``
        accepts, read from the arrays: a scan of a whole article that makes no `Token`."""
        norms, starts, ends = self.norms, self.starts, self.ends
        found = [i for i in np.flatnonzero(self.kinds == _KIND_CODES["word"]).tolist() if keep(norms[i])]
        return [(int(starts[i]), int(ends[i])) for i in found]

    def word_starts(self) -> list[int]:
        """Where each of ``tokens`` starts in the text."""
        return list(self.starts[self._word_index].tolist())

    @cached_property
    def _word_index(self) -> NDArray[np.int64]:
        return np.flatnonzero(self.kinds != _KIND_CODES["punct"])

    def for_alignment(self) -> Doc:
        """This Doc as text reuse holds a store's worth of them while aligning: its arrays, forms
        (interned, so each is held once) and terms, and of its article only what direction reads
        (id, outlet, dates, dateline). The text, title, layout blocks and sentence spans are let go
        (at 27,000 articles, millions of small objects), so its `Token` records can no longer be
        made. Returns the Doc itself."""
        article = self.article
        self.article = Article(
            article.id, "", "", outlet=article.outlet, dateline=article.dateline, published=article.published
        )
        self.__dict__.pop("all_tokens", None)
        self.__dict__.pop("tokens", None)
        self.norms = list(map(sys.intern, self.norms))  # map: half the time of a comprehension
        self.terms = list(map(sys.intern, self.terms))
        self.__dict__.pop("_content", None)
        return self

    def tokens_between(self, start: int, end: int) -> list[Token]:
        """Every token (punctuation included) inside ``text[start:end]``, as ``tokenize(text,
        start, end)`` gives them when the range does not cut a token."""
        first = int(np.searchsorted(self.starts, start, side="left"))
        last = int(np.searchsorted(self.starts, end, side="left"))
        every = self.all_tokens
        cut_at_start = first > 0 and every[first - 1].end > start
        cut_at_end = last > first and every[last - 1].end > end
        if cut_at_start or cut_at_end:  # a range that cuts a token: tokenise it alone
            return tokenize(self.article.text, start, end)
        return every[first:last]

    @cached_property
    def sentence_tokens(self) -> list[list[Token]]:
        """The tokens of each sentence of the article, punctuation included."""
        return [self.tokens_between(start, end) for start, end in self.article.sentences]

    def content_terms(self) -> list[str]:
        """The non-empty terms, in order (computed once; callers must not modify the list)."""
        return self._content[0]

    def content_positions(self) -> list[int]:
        """Token index of each content term, so content-term positions map back to characters."""
        return self._content[1]

    @cached_property
    def _content(self) -> tuple[list[str], list[int]]:
        positions = [i for i, term in enumerate(self.terms) if term]
        return [self.terms[i] for i in positions], positions

    def sentence_of_tokens(self) -> NDArray[np.int64]:
        """For each (word) token, the index of the sentence holding it, -1 outside every one."""
        starts = self.starts[self.kinds != _KIND_CODES["punct"]]
        if not self.article.sentences:
            return np.full(len(starts), -1, dtype=np.int64)
        bounds = np.array(self.article.sentences, dtype=np.int64)
        index = np.searchsorted(bounds[:, 0], starts, side="right") - 1
        inside = (index >= 0) & (starts < bounds[np.maximum(index, 0), 1])
        return np.where(inside, index, -1)

    def sentence_index(self, token_index: int) -> int:
        """The sentence holding (word) token ``token_index``, -1 when outside every one."""
        return int(self._sentence_of[token_index])

    @cached_property
    def _sentence_of(self) -> NDArray[np.int64]:
        return self.sentence_of_tokens()

    def sentence_terms(self) -> list[list[str]]:
        """Content terms of each sentence, in sentence order."""
        out: list[list[str]] = [[] for _ in self.article.sentences]
        for term, sentence in zip(self.terms, self.sentence_of_tokens().tolist(), strict=True):
            if term and sentence >= 0:
                out[sentence].append(term)
        return out


# The former name of `Doc`, kept for the stages and tools that import it.
ArticleText = Doc


@lru_cache(maxsize=1 << 18)
def _term(kind: str, norm: str) -> str:
    """A token's term; cached because a corpus repeats its words (stopword test and stemmer are
    the larger half of the text layer's cost)."""
    return "" if kind == "word" and is_stopword(norm) else stem(norm)


def analyse_text(article: Article) -> Doc:
    return Doc(article)


class Corpus:
    """The articles of one analysis, addressable by id, with their `Doc` made on first use.

    ``docs`` may hand in Docs made already (by the per-article pass), so none is made twice.
    """

    def __init__(self, articles: Iterable[Article], docs: Iterable[Doc] = ()) -> None:
        self.articles: list[Article] = list(articles)
        self.by_id: dict[str, Article] = {a.id: a for a in self.articles}
        self._texts: dict[str, Doc] = {d.article.id: d for d in docs}

    def __len__(self) -> int:
        return len(self.articles)

    def __iter__(self) -> Iterator[Article]:
        return iter(self.articles)

    def text(self, article_id: str) -> Doc:
        cached = self._texts.get(article_id)
        if cached is None:
            cached = self._texts[article_id] = Doc(self.by_id[article_id])
        return cached

    def texts(self, ids: Sequence[str] | None = None) -> list[Doc]:
        wanted = ids if ids is not None else [a.id for a in self.articles]
        # The text layer makes millions of small objects and no reference cycles; left on, the
        # cyclic collector rescans every token made so far, again and again, for nothing (about
        # 40% of the tokeniser's time on ExAra dev).
        with collector_paused():
            return [self.text(i) for i in wanted]
