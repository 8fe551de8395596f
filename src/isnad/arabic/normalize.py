"""The matching form of Arabic text, and the way back from it to the original.

Outlets spell the same word many ways: with or without diacritics and tatweel, أ/إ/آ/ا,
ى/ي, ة/ه, Arabic-Indic or ASCII digits, «» or "" quotes, presentation-form ligatures pasted
from PDFs. `normalize` folds all of these into one form so that words compare equal; it never
touches the original text, and `normalize_with_offsets` says for every normalised character
which original character produced it, so spans found in the normalised form can be reported
in the original.

The mapping is one table from a character to its replacement (possibly empty, possibly
several characters), so normalising is a single ``str.translate`` and is idempotent:
every replacement is already in normal form.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# The quotation marks Arabic news writes around a quote, a name or a word.
QUOTE_CHARS = "\"'“”«»"

# Letters that remain after normalisation (diacritics, tatweel and the unified variants are gone).
ARABIC_LETTERS = (
    "\u0621-\u063a\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ff"
    "\u0750-\u077f\u08a0-\u08c9"
)
# Every Arabic code point, letters or not: what a "Latin" (non-Arabic) word must not contain.
ARABIC_BLOCKS = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"

_LETTER_VARIANTS = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "\u0672": "ا",  # alef with wavy hamza above
    "\u0673": "ا",  # alef with wavy hamza below
    "\u0675": "ا",  # high hamza alef
    "ى": "ي",
    "ی": "ي",  # Farsi yeh, common in text typed on Persian keyboards
    "ئ": "ي",
    "ؤ": "و",
    "ة": "ه",
    "ۀ": "ه",
    "ۃ": "ه",
    "ە": "ه",
    "ھ": "ه",
    "ک": "ك",  # Farsi keheh
}
_PUNCTUATION = {
    "،": ",",
    "؛": ";",
    "؟": "?",
    "٪": "%",
    "٫": ".",  # Arabic decimal separator
    "٬": ",",  # Arabic thousands separator
    "۔": ".",
    **dict.fromkeys("“”«»„‟″", '"'),
    **dict.fromkeys("‘’‚‛‹›′", "'"),
}
# Line breaks stay line breaks, where sentences end. CR becomes one too rather than being dropped,
# so that no span of a line ever ends in an invisible CR.
_LINE_BREAKS = {
    "\n": "\n",
    "\r": "\n",
    "\x0b": "\n",
    "\x0c": "\n",
    "\x85": "\n",
    "\u2028": "\n",
    "\u2029": "\n",
}
# Invisible characters that only steer rendering: bidi marks and embeddings, joiners, BOM, soft hyphen.
_INVISIBLE_RANGES = ((0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x2064), (0x2066, 0x206F), (0xFE00, 0xFE0F))
_INVISIBLE = "\u00ad\u034f\u061c\ufeff\u0640"  # ... and tatweel, which only stretches a word
_ARABIC_MARK_RANGES = (
    (0x0610, 0x061A),
    (0x064B, 0x065F),
    (0x0670, 0x0670),
    (0x06D6, 0x06ED),
    (0x08D3, 0x08FF),
)
_PRESENTATION_RANGES = ((0xFB50, 0xFDFF), (0xFE70, 0xFEFE))


def _build_table() -> dict[int, str]:
    table: dict[int, str] = {}
    # Case folding first, so that the Arabic rules below win where a character has both.
    for cp in range(0x10000):
        char = chr(cp)
        if not 0xD800 <= cp <= 0xDFFF and char.casefold() != char:
            table[cp] = char.casefold()
    for char, replacement in (_LETTER_VARIANTS | _PUNCTUATION | _LINE_BREAKS).items():
        table[ord(char)] = replacement
    for low, high in _ARABIC_MARK_RANGES:
        for cp in range(low, high + 1):
            if unicodedata.category(chr(cp)) in ("Mn", "Me", "Cf"):
                table[cp] = ""
    for low, high in _INVISIBLE_RANGES:
        for cp in range(low, high + 1):
            table[cp] = ""
    for char in _INVISIBLE:
        table[ord(char)] = ""
    for digit in range(10):
        table[0x0660 + digit] = str(digit)
        table[0x06F0 + digit] = str(digit)
    for cp in range(0x10000):
        char = chr(cp)
        if char.isspace() and cp not in table and char != " ":
            table[cp] = " "
    # Presentation forms decompose (ﻻ -> لا, ﷲ -> الله) and then take the rules above.
    for low, high in _PRESENTATION_RANGES:
        for cp in range(low, high + 1):
            decomposed = unicodedata.normalize("NFKC", chr(cp))
            if decomposed == chr(cp):
                continue
            replacement = "".join(table.get(ord(c), c) for c in decomposed)
            # Isolated-form diacritics decompose to a space plus the mark: they carry no letter.
            table[cp] = replacement if replacement.strip() else ""
    return table


def _character_class(code_points: list[int]) -> str:
    """A compact regex class for sorted code points, written as ranges."""
    ranges: list[str] = []
    low = high = code_points[0]
    for cp in [*code_points[1:], -1]:
        if cp == high + 1:
            high = cp
            continue
        ranges.append(re.escape(chr(low)) if low == high else f"{re.escape(chr(low))}-{re.escape(chr(high))}")
        low = high = cp
    return "[" + "".join(ranges) + "]"


_TABLE = _build_table()
_RESIZED = re.compile(
    _character_class(sorted(cp for cp, replacement in _TABLE.items() if len(replacement) != 1))
)


def normalize(text: str) -> str:
    """The matching form of ``text``; see the module docstring for what is folded."""
    return text.translate(_TABLE)


def word_set(words: str) -> frozenset[str]:
    """The matching forms of whitespace-separated ``words``: how hand-written word lists are stored."""
    return frozenset(normalize(word) for word in words.split())


@dataclass(frozen=True)
class NormalizedText:
    """A normalised text with, for each of its characters, the original character that produced it.

    ``offsets[i]`` is the index in the original of the character that produced ``text[i]``;
    ``offsets[len(text)]`` is the length of the original. Characters that normalisation drops
    (diacritics, tatweel, invisible marks) belong to the kept character before them.
    """

    text: str
    offsets: tuple[int, ...]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The original half-open span whose characters produced ``text[start:end]``."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span ({start}, {end}) outside normalised text of length {len(self.text)}")
        offsets = self.offsets
        if start == end:
            return offsets[start], offsets[start]
        # A span ending inside an expansion (ﻻ -> لا) must still cover the whole source character.
        last_source = offsets[end - 1]
        while offsets[end] == last_source:
            end += 1
        return offsets[start], offsets[end]


def normalize_with_offsets(text: str) -> NormalizedText:
    """Normalise ``text`` and keep the map from normalised back to original positions."""
    # Characters replaced one for one (أ -> ا, ة -> ه, ...) keep every offset where it is; only
    # the dropped and the expanded ones shift the rest, and news text has few of them.
    offsets: list[int] = []
    position = 0
    for match in _RESIZED.finditer(text):
        index = match.start()
        offsets.extend(range(position, index))
        offsets.extend([index] * len(_TABLE[ord(text[index])]))
        position = index + 1
    offsets.extend(range(position, len(text) + 1))
    return NormalizedText(text.translate(_TABLE), tuple(offsets))
