"""Tokens with offsets into the original text.

Tokenising runs on the normalised form, where diacritics, tatweel and invisible marks are gone
and digits and punctuation have one shape, so one regular expression does the work; spans are
mapped back to the original. Clitics stay attached (وبريطانيا is one token): splitting them is
`morphology`'s job.
"""

from __future__ import annotations

import re
from typing import Literal, NamedTuple

from isnad.arabic.normalize import ARABIC_BLOCKS, ARABIC_LETTERS, normalize, normalize_with_offsets

TokenKind = Literal["word", "number", "punct", "latin"]

_TOKEN = re.compile(
    r"(?P<number>\d+(?:[.,]\d+)*)"  # 1,700  1.5  2014 (١٫٥ is 1.5 once normalised)
    rf"|(?P<word>[{ARABIC_LETTERS}]+)"
    rf"|(?P<latin>(?:[^\W\d_{ARABIC_BLOCKS}][\u0300-\u036f]*)+)"  # letters of other scripts
    r"|(?P<punct>\S)"
)
_ARABIC_WORD = re.compile(f"[{ARABIC_LETTERS}]+")
_KINDS: dict[str | None, TokenKind] = {"number": "number", "word": "word", "latin": "latin", "punct": "punct"}


class Token(NamedTuple):
    """One token: ``text`` is the original surface ``original[start:end]``, ``norm`` its matching form.

    A named tuple rather than a dataclass: a corpus holds millions of tokens, and a tuple is built
    several times faster and is smaller.
    """

    text: str
    start: int
    end: int
    norm: str
    kind: TokenKind


class TokenTable(NamedTuple):
    """The tokens of a text as parallel lists (what `tokenize` gives, without a record per token)."""

    starts: list[int]
    ends: list[int]
    norms: list[str]
    kinds: list[TokenKind]


def token_table(text: str, start: int = 0, end: int | None = None) -> TokenTable:
    """The tokens of ``text[start:end]`` as `tokenize` finds them, as parallel lists: what a
    store's worth of articles can afford (no object per token for the collector to track)."""
    end = len(text) if end is None else end
    normalized = normalize_with_offsets(text[start:end])
    offsets = normalized.offsets
    table = TokenTable([], [], [], [])
    add_start, add_end = table.starts.append, table.ends.append
    add_norm, add_kind = table.norms.append, table.kinds.append
    kinds = _KINDS
    # NormalizedText.to_original, inlined: this loop runs once per token of every article.
    for match in _TOKEN.finditer(normalized.text):
        norm_start, norm_end = match.span()
        last_source = offsets[norm_end - 1]
        while offsets[norm_end] == last_source:
            norm_end += 1
        add_start(start + offsets[norm_start])
        add_end(start + offsets[norm_end])
        add_norm(match[0])
        add_kind(kinds[match.lastgroup])
    return table


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]``, with offsets into ``text``.

    Numbers with separators stay one token, Arabic words keep their clitics, and every
    punctuation mark is a token of its own (``لندن-سانا`` is word, punct, word).
    """
    table = token_table(text, start, end)
    make = tuple.__new__  # a named tuple's own __new__ is a Python function: several times slower
    return [
        make(Token, (text[s:e], s, e, norm, kind))
        for s, e, norm, kind in zip(table.starts, table.ends, table.norms, table.kinds, strict=True)
    ]


def token_forms(text: str) -> list[tuple[str, TokenKind]]:
    """The normalised form and kind of each token of ``text``, as `tokenize` gives them, without
    offsets or surfaces: several times cheaper, for what only counts forms (boilerplate)."""
    kinds = _KINDS
    return [(match[0], kinds[match.lastgroup]) for match in _TOKEN.finditer(normalize(text))]


def words(text: str) -> list[str]:
    """The normalised Arabic word tokens of ``text`` (no numbers, punctuation or Latin words)."""
    # The same maximal runs of Arabic letters that `tokenize` makes word tokens of, without the spans.
    return _ARABIC_WORD.findall(normalize(text))
