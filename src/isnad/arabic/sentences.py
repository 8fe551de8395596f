"""Sentence and clause boundaries for Arabic news text.

Splitting runs on the normalised text (one shape for ؟/?, ،/, and every quote style) and the
spans are mapped back to the original. The rules, in the order they apply:

* A sentence ends at a newline and after a run of ``. ! ? …``; closing quotes and brackets
  written right after the mark belong to the sentence.
* A period is not an end between digits (1.5, 1.700), after a one-letter word (د. أ. م. ص.,
  initials, U.S.) unless that letter follows a number (2014م. ends a sentence), after a Latin
  abbreviation (Mr., Dr.), or inside a token such as a URL or e-mail address (a period followed
  by anything but a space, quote or bracket, except between two Arabic letters, where it is a
  missing space after a full stop).
* Marks inside a short quotation (at most ``SHORT_QUOTE_WORDS`` words between a pair of quotes)
  do not end the sentence; a mark right before the closing quote still does.
* The Arabic comma never ends a sentence. ؛ does only once the sentence has more than
  ``SEMICOLON_MIN_WORDS`` words: news writers use it inside sentences, often before لأن.
* A sentence of more than ``LONG_SENTENCE_WORDS`` words (news chains clauses with و for a whole
  paragraph) is cut after the ``،`` or ``.`` of a ``، و`` boundary nearest its middle, again and
  again until no piece is longer or no such boundary is left.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from isnad.arabic.morphology import split_clitics
from isnad.arabic.normalize import ARABIC_LETTERS, NormalizedText, normalize_with_offsets, word_set

SEMICOLON_MIN_WORDS = 40
LONG_SENTENCE_WORDS = 80
SHORT_QUOTE_WORDS = 25
MIN_PIECE_WORDS = 8  # a long sentence is never cut so that a piece is shorter than this
# Hard caps above any real sentence (the longest of the 24,829 sentences of a day of Saudi news,
# SaudiNewsNet 2015-08-06, has 417 words and 2,427 characters), that bound the per-sentence work
# on text without punctuation.
MAX_SENTENCE_WORDS = 500
MAX_SENTENCE_CHARS = 5000

_TERMINATORS = re.compile(r"[.!?…]+|;|\n")
_CLOSERS = "\"')]}"
_WORD = re.compile(r"\w+")
_ARABIC_LETTER = re.compile(f"[{ARABIC_LETTERS}]")
_LATIN_ABBREVIATIONS = word_set(
    "mr mrs ms dr prof st jr sr vs inc ltd co corp gen col lt sgt capt rev gov sen rep dept no fig vol"
)
_CONJUNCTION_BOUNDARY = re.compile(r"[,.]\s+(?=و)")
_CLAUSE_MARKS = re.compile(r"[,;]")


class _Words:
    """Word start positions of a text, to count the words of any span quickly."""

    def __init__(self, text: str) -> None:
        self.starts = [match.start() for match in _WORD.finditer(text)]

    def count(self, start: int, end: int) -> int:
        return bisect_left(self.starts, end) - bisect_left(self.starts, start)


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]`` as offsets into ``text``, without surrounding whitespace."""
    end = len(text) if end is None else end
    normalized = normalize_with_offsets(text[start:end])
    norm = normalized.text
    word_index = _Words(norm)
    quoted = _short_quotes(norm, word_index)
    spans: list[tuple[int, int]] = []
    sentence_start = 0
    for match in _TERMINATORS.finditer(norm):
        mark = match.group()
        if mark == "\n":
            boundary = match.start()
        elif mark == ";":
            if word_index.count(sentence_start, match.start()) <= SEMICOLON_MIN_WORDS:
                continue
            boundary = match.end()
        else:
            if _inside(quoted, match.start(), match.end()) or (
                mark == "." and not _ends_sentence(norm, match)
            ):
                continue
            boundary = match.end()
            while boundary < len(norm) and norm[boundary] in _CLOSERS:
                boundary += 1
        spans.extend(_split_long(norm, sentence_start, boundary, word_index))
        sentence_start = boundary
    spans.extend(_split_long(norm, sentence_start, len(norm), word_index))
    return _to_original(normalized, spans, start)


def clauses(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Clause spans of one sentence ``text[start:end]``: it is cut after every ، and ؛.

    A comma between digits (1,700) is not a cut. The conjunction و after a comma opens the next
    clause, so ``قال X، وأضاف Y`` gives ``قال X،`` and ``وأضاف Y``.
    """
    end = len(text) if end is None else end
    normalized = normalize_with_offsets(text[start:end])
    norm = normalized.text
    spans: list[tuple[int, int]] = []
    clause_start = 0
    for match in _CLAUSE_MARKS.finditer(norm):
        position = match.start()
        if 0 < position < len(norm) - 1 and norm[position - 1].isdigit() and norm[position + 1].isdigit():
            continue
        spans.append((clause_start, match.end()))
        clause_start = match.end()
    spans.append((clause_start, len(norm)))
    return _to_original(normalized, spans, start)


def _ends_sentence(norm: str, match: re.Match[str]) -> bool:
    """Whether a single period (or a run of periods) at ``match`` ends a sentence."""
    before, after = match.start(), match.end()
    if match.group() != ".":
        return True  # an ellipsis
    next_char = norm[after] if after < len(norm) else " "
    previous_char = norm[before - 1] if before else " "
    if previous_char.isdigit() and next_char.isdigit():
        return False
    if not (next_char.isspace() or next_char in _CLOSERS):
        # Inside a URL, an e-mail address or a number; but "الماضي.وقال" is a missing space.
        # Not between the letters of an abbreviation ("أ.د." for professor: one letter, a dot,
        # one letter, a dot).
        if _is_dotted_abbreviation(norm, before):
            return False
        if before >= 1 and norm[before - 1] in "دما" and (before < 2 or not norm[before - 2].isalnum()):
            return False  # "د.علي البكالي": a title's dot with no space after it
        return bool(_ARABIC_LETTER.match(previous_char) and _ARABIC_LETTER.match(next_char))
    word_start = before
    while word_start and (norm[word_start - 1].isalnum() or norm[word_start - 1] == "_"):
        word_start -= 1
    word = norm[word_start:before]
    if not word:
        return True
    if len(word) == 1 and not word.isdigit():
        # د. or U.S.: an abbreviation or initial, unless it is the era mark after a year (2014م.)
        ahead = word_start
        while ahead and norm[ahead - 1] in " \t":
            ahead -= 1
        return ahead > 0 and norm[ahead - 1].isdigit()
    return word not in _LATIN_ABBREVIATIONS


def _is_dotted_abbreviation(norm: str, dot: int) -> bool:
    """Whether the period at ``dot`` is inside letters joined by periods, each piece of three
    letters at most, with two periods or more ("أ.د.", "بي.بي.سي", "د.ب.أ"): not a sentence end
    ("الماضي.وقال" is)."""
    start, end = dot, dot
    while start and not norm[start - 1].isspace() and norm[start - 1] not in "()[]«»\"'":
        start -= 1
    while end < len(norm) and not norm[end].isspace() and norm[end] not in "()[]«»\"'":
        end += 1
    pieces = norm[start:end].rstrip(".،,:;").split(".")
    return len(pieces) >= 2 and norm[start:end].count(".") >= 2 and all(0 < len(p) <= 3 for p in pieces)


def _short_quotes(norm: str, word_index: _Words) -> list[tuple[int, int]]:
    """Spans strictly inside short quotations, pairing quote marks line by line."""
    inside: list[tuple[int, int]] = []
    line_start = 0
    for line in norm.split("\n"):
        marks = [line_start + i for i, char in enumerate(line) if char == '"']
        for opening, closing in zip(marks[::2], marks[1::2], strict=False):
            if word_index.count(opening, closing) <= SHORT_QUOTE_WORDS:
                inside.append((opening + 1, closing))
        line_start += len(line) + 1
    return inside


def _inside(quoted: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether the mark at ``[start, end)`` lies in a short quote and does not close it."""
    return any(low <= start and end < high for low, high in quoted)


def _split_long(norm: str, start: int, end: int, word_index: _Words) -> list[tuple[int, int]]:
    """``[start, end)``, cut at ``، و`` boundaries while a piece is longer than LONG_SENTENCE_WORDS."""
    if word_index.count(start, end) <= LONG_SENTENCE_WORDS:
        return _cap(start, end, word_index)
    middle = (start + end) / 2
    cuts = [
        match.start() + 1
        for match in _CONJUNCTION_BOUNDARY.finditer(norm, start, end)
        if _opens_with_conjunction(norm, match.end())
        and min(word_index.count(start, match.start()), word_index.count(match.end(), end)) >= MIN_PIECE_WORDS
    ]
    if not cuts:
        return _cap(start, end, word_index)
    cut = min(cuts, key=lambda position: abs(position - middle))
    return _split_long(norm, start, cut, word_index) + _split_long(norm, cut, end, word_index)


def _cap(start: int, end: int, word_index: _Words) -> list[tuple[int, int]]:
    """``[start, end)`` in pieces of at most MAX_SENTENCE_WORDS words and MAX_SENTENCE_CHARS
    characters, each cut at a word start where there is one (else inside a very long word)."""
    starts = word_index.starts
    pieces: list[tuple[int, int]] = []
    while end - start > MAX_SENTENCE_CHARS or word_index.count(start, end) > MAX_SENTENCE_WORDS:
        after_cap = bisect_left(starts, start) + MAX_SENTENCE_WORDS  # the word after the cap
        limit = min(start + MAX_SENTENCE_CHARS, end, starts[after_cap] if after_cap < len(starts) else end)
        last = bisect_right(starts, limit) - 1  # the last word start up to the limit
        cut = starts[last] if last >= 0 and starts[last] > start else limit
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


def _opens_with_conjunction(norm: str, position: int) -> bool:
    word = _WORD.match(norm, position)
    return word is not None and split_clitics(word.group())[0].startswith("و")


def _to_original(
    normalized: NormalizedText, spans: list[tuple[int, int]], offset: int
) -> list[tuple[int, int]]:
    """Strip whitespace from normalised spans, drop empty ones, and map them into the original."""
    norm = normalized.text
    result: list[tuple[int, int]] = []
    for start, end in spans:
        while start < end and norm[start].isspace():
            start += 1
        while end > start and norm[end - 1].isspace():
            end -= 1
        if start < end:
            original_start, original_end = normalized.to_original(start, end)
            result.append((offset + original_start, offset + original_end))
    return result
