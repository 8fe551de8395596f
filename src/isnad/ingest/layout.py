"""Layout repair: raw article text in, an `Article` with whole paragraphs and labelled blocks out.

Scraped and pasted news text arrives with lines broken mid-sentence, sentences split across blank
lines, titles and datelines glued to the body, and headings or lists mixed in. This module does what
a careful editor would: join what was broken, keep real paragraph breaks, and label the title,
standfirst, dateline, headings, list items and closing signature so that later stages read only the
running text as sentences. The language cues it relies on come from `isnad.arabic.layout_cues`.
"""

from __future__ import annotations

import hashlib
import html
import itertools
import re
import unicodedata
from dataclasses import dataclass

from isnad.arabic import layout_cues as cues
from isnad.ingest.encoding import IngestError
from isnad.model import Article, Block, BlockKind, Dateline

# A heading or list line has at most this many words and characters; anything longer is running text.
_SHORT_WORDS = 12
_SHORT_CHARS = 80
# A title is the first line, at most this long.
_TITLE_WORDS = 18
_TITLE_CHARS = 150
# A standfirst (the summary under a title) is at most this long.
_STANDFIRST_CHARS = 250
# A text whose running lines mostly end in a full stop (at most this share not) marks breaks with
# stops; otherwise at least _MIN_CHUNKS unstopped lines, the shortest at least _CHUNK_SPREAD of the
# longest, show text cut into fixed-size chunks.
_MAX_UNSTOPPED_SHARE = 0.5
_MIN_CHUNKS = 3
_CHUNK_SPREAD = 0.8
# A headline may ask or exclaim, but a full stop or colon makes the line a sentence or a lead-in.
_NOT_TITLE_ENDINGS = (cues.SENTENCE_FINAL - {"?", "!", "؟"}) | {":"}
# Hard-wrapped text: nearly all lines followed by another line are filled to within _WRAP_SLACK
# characters (about one long word) of the longest such line, which is a usual wrap width (mail and
# terminals wrap at 60 to 80 characters; paragraphs of about 100 or more are paragraphs).
_WRAP_SLACK = 20
_WRAP_WIDTHS = range(40, 101)
_WRAP_MIN_LINES = 4
_WRAP_FILLED_SHARE = 0.85

# HTML character references, named or numeric, only with their closing semicolon: scraped news is
# full of `&quot;` and `&#8220;`, while a bare ampersand ("AT&T", a URL's "&id=") is left as it is.
_CHARACTER_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_TRAILING_REFERENCES = re.compile(r"(?:\[\d+\])+$")
_NEWLINES = re.compile(r"\r\n|[\r\u2028\u2029\x0b\x0c\x85]")
_SPACE_RUNS = re.compile(r" {2,}")
# Characters that only steer display or hyphenation: byte-order marks left mid-text, soft hyphens and
# bidirectional controls, which web copy of right-to-left text is full of. Control characters go too,
# tabs and odd Unicode spaces (no-break, thin, ...) become plain spaces.
_DROP = "\ufeff\u00ad\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_CLEAN_TABLE = {
    **{code: None for code in [*range(0x20), *range(0x7F, 0xA0)] if chr(code) != "\n"},
    **{ord(char): None for char in _DROP},
    **{code: " " for code in range(0x3001) if unicodedata.category(chr(code)) == "Zs"},
    ord("\t"): " ",
}


@dataclass(frozen=True)
class _Piece:
    """A block's kind and text before it is placed in the article text."""

    kind: BlockKind
    text: str


@dataclass
class _Layout:
    pieces: list[_Piece]
    title: str | None
    dateline: Dateline | None
    signed_outlet: str | None

    @property
    def text_outlet(self) -> str | None:
        """The outlet the text names: in a closing signature or, failing that, in the dateline."""
        return self.signed_outlet or (self.dateline.outlet if self.dateline else None)


def build_article(
    raw_text: str,
    source_path: str,
    *,
    title: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    published: str | None = None,
    encoding: str | None = None,
) -> Article:
    """Repair the layout of ``raw_text`` and return it as an `Article`.

    Metadata given here wins over what is read off the text: a given ``title`` is not looked for in
    the first line (but is labelled there if the text repeats it), a given ``outlet`` is kept over a
    closing signature or dateline. HTML character references (``&quot;``) are decoded in the text and
    in every metadata field, so spans point into the decoded text. Raises `IngestError` when there
    is no text.
    """
    lines = clean_lines(raw_text)
    if not any(lines):
        raise IngestError(source_path, "there is no text: it is empty or holds only whitespace")
    given_title = _tidy(title)
    layout = _lay_out(lines, given_title)
    text, blocks = _assemble(layout.pieces)
    return Article(
        id=article_id(text, _tidy(url)),
        text=text,
        source_path=source_path,
        title=given_title or layout.title,
        outlet=_tidy(outlet) or layout.text_outlet,
        dateline=layout.dateline,
        published=_tidy(published),
        url=_tidy(url),
        encoding=encoding,
        blocks=blocks,
    )


# Fewer words than this do not tell one item from another: a cartoon, a photo page or an
# infographic whose text is only its label ("كاريكاتير", "صور اقتصادية").
MIN_IDENTIFYING_WORDS = 5


def article_id(text: str, url: str | None = None) -> str:
    """The content id of an article text: the same text from any file or encoding gets the same id.
    A text too short to identify its item (`MIN_IDENTIFYING_WORDS`) is identified with its URL as
    well, so a day's cartoons, all captioned "كاريكاتير", stay twelve items, not one."""
    key = unicodedata.normalize("NFC", text)
    if url and len(key.split()) < MIN_IDENTIFYING_WORDS:
        key = f"{url}\n{key}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def clean_lines(raw_text: str) -> list[str]:
    """``raw_text`` with HTML character references decoded, in NFC, split into lines with invisible
    clutter dropped and spaces tidied.

    Blank lines are kept (as empty strings) because hard-wrap detection needs to see them.
    """
    decoded = decode_character_references(raw_text)
    text = _NEWLINES.sub("\n", unicodedata.normalize("NFC", decoded)).translate(_CLEAN_TABLE)
    return [cues.SPACE_BEFORE_PUNCT.sub("", _SPACE_RUNS.sub(" ", line).strip()) for line in text.split("\n")]


def decode_character_references(text: str) -> str:
    """``text`` with every HTML character reference (``&quot;``, ``&#8220;``, ``&#x627;``) decoded."""
    if "&" not in text:
        return text
    return _CHARACTER_REFERENCE.sub(lambda match: html.unescape(match.group()), text)


def _tidy(value: str | None) -> str | None:
    """A metadata string cleaned like the text, so a given title can be matched in it; None if blank."""
    if value is None:
        return None
    return " ".join(line for line in clean_lines(value) if line) or None


def _lay_out(lines: list[str], given_title: str | None) -> _Layout:
    units = [line for line in lines if line]
    wrap = _wrap_width(lines)
    # Whether this text ends its paragraphs with full stops, so that a missing one means something.
    stops_matter = wrap is not None or _missing_stops_are_breaks(units)
    pieces: list[_Piece] = []
    found_title = None
    if given_title is not None:
        has_title = units[0] == given_title
    else:
        has_title = _is_title(units, wrap) and (stops_matter or not _is_long(units[0], wrap))
        found_title = units[0] if has_title else None
    if has_title:
        pieces.append(_Piece("title", units.pop(0)))
    dateline = _take_dateline(units, pieces)
    if has_title and stops_matter and dateline is None and _is_standfirst(units, wrap):
        pieces.append(_Piece("standfirst", units.pop(0)))
        dateline = _take_dateline(units, pieces)
    # A signature closes finished text: a bracketed line after another one is a list item.
    signed_outlet = cues.match_signature(units[-1]) if len(units) > 1 and _ends_block(units[-2]) else None
    signature = units.pop() if signed_outlet else None
    pieces.extend(_classify(_join_broken_lines(units, wrap, join_unstopped=stops_matter), wrap))
    if signature is not None:
        pieces.append(_Piece("signature", signature))
    return _Layout(pieces, found_title, dateline, signed_outlet)


def _take_dateline(units: list[str], pieces: list[_Piece]) -> Dateline | None:
    """Move a dateline standing first in ``units`` (a whole line or a line's opening) into ``pieces``."""
    match = cues.match_dateline(units[0]) if units else None
    if match is None:
        return None
    text, rest = units[0][: match.end], units[0][match.end :].strip()
    pieces.append(_Piece("dateline", text))
    if rest:
        units[0] = rest
    else:
        units.pop(0)
    return Dateline(text, match.place, match.outlet)


def _is_title(units: list[str], wrap: int | None) -> bool:
    """Whether the first line is a headline: short, not a sentence or a fragment, text after it."""
    if len(units) < 2:
        return False
    first, following = units[0], units[1]
    # A line above a dateline can only be a headline, however long.
    stretch = 2 if cues.match_dateline(following) is not None else 1
    return (
        len(first) <= _TITLE_CHARS * stretch
        and len(first.split()) <= _TITLE_WORDS * stretch
        and _last_mark(first) not in _NOT_TITLE_ENDINGS
        and not _continues(first)
        and not _fills_line(first, wrap)
        and not cues.BULLET_MARKER.match(first)
        and any(char.isalpha() for char in first)
        and cues.match_dateline(first) is None
        and (stretch == 2 or _is_long(following, wrap) or _ends_block(following))
    )


def _is_standfirst(units: list[str], wrap: int | None) -> bool:
    """Whether the line under the title is a standfirst: a short summary without a final stop.

    A summary that ends in a full stop cannot be told from a short first paragraph, so it is left
    a paragraph.
    """
    if len(units) < 2:
        return False
    line, following = units[0], units[1]
    return (
        len(line) <= _STANDFIRST_CHARS
        and len(line.split()) >= 3
        and not _ends_block(line)
        and not _continues(line)
        and not _fills_line(line, wrap)
        and not cues.BULLET_MARKER.match(line)
        and (
            _is_long(following, wrap) or _ends_block(following) or cues.match_dateline(following) is not None
        )
    )


def _join_broken_lines(units: list[str], wrap: int | None, *, join_unstopped: bool) -> list[str]:
    """Join lines and blank-line paragraphs that were broken in the middle of a sentence."""
    joined: list[str] = []
    for unit in units:
        glue = _glue(joined[-1], unit, wrap, join_unstopped=join_unstopped) if joined else None
        if glue is None:
            joined.append(unit)
        else:
            joined[-1] += glue + unit
    return joined


def _glue(previous: str, line: str, wrap: int | None, *, join_unstopped: bool) -> str | None:
    """What joins ``line`` to ``previous`` ("" or " "), or None when a real break lies between them.

    A sentence is joined across a line end that shows it goes on (a comma, a particle, an open
    quote), and, if ``join_unstopped``, across the end of running text that lacks a full stop.
    """
    if cues.BULLET_MARKER.match(line) or _ends_block(previous):
        return None
    if _continues(previous):
        # An opening quote ends the line: 'ترجمته "' + 'عربي21"' reads 'ترجمته "عربي21"'.
        return "" if _ends_with_opener(previous) else " "
    if (
        join_unstopped
        and _is_running(previous, wrap)
        and (_is_long(line, wrap) or _ends_block(line) or _continues(line))
    ):
        return " "
    return None


def _missing_stops_are_breaks(units: list[str]) -> bool:
    """Whether running text that ends without a full stop was broken mid-sentence in this text.

    It is where most running lines do end in a stop, or where the unstopped ones are all about as
    long as each other (the text was cut into chunks of a fixed size). Some papers end no paragraph
    with a stop; joining their paragraphs would run a whole article into one.
    """
    running = [unit for unit in units if _is_long(unit, None)]
    unstopped = [len(unit) for unit in running if not _ends_block(unit) and not _continues(unit)]
    if len(unstopped) <= _MAX_UNSTOPPED_SHARE * len(running):
        return True
    return len(unstopped) >= _MIN_CHUNKS and min(unstopped) >= _CHUNK_SPREAD * max(unstopped)


def _classify(units: list[str], wrap: int | None) -> list[_Piece]:
    """Label joined units: running text is a paragraph, short lines are headings and list items.

    A short line before running text is a heading; several short lines in a row are a heading and
    its list (or only a list after a line ending in a colon). A lone short line closing the article
    stays a paragraph, since nothing shows it heads anything.
    """
    kinds: list[BlockKind] = [
        "bullet" if cues.BULLET_MARKER.match(unit) else "heading" if _is_short(unit, wrap) else "paragraph"
        for unit in units
    ]
    start = 0
    while start < len(units):
        if kinds[start] != "heading":
            start += 1
            continue
        end = start
        while end < len(units) and kinds[end] == "heading":
            end += 1
        if start > 0 and _last_mark(units[start - 1]) == ":":
            kinds[start:end] = ["bullet"] * (end - start)
        elif end - start == 1 and end == len(units):
            kinds[start] = "paragraph"
        else:
            kinds[start + 1 : end] = ["bullet"] * (end - start - 1)
        start = end
    return [_Piece(kind, unit) for kind, unit in zip(kinds, units, strict=True)]


def _assemble(pieces: list[_Piece]) -> tuple[str, list[Block]]:
    """The article text (pieces joined by blank lines) and each piece's span in it."""
    blocks: list[Block] = []
    offset = 0
    for piece in pieces:
        blocks.append(Block(piece.kind, offset, offset + len(piece.text)))
        offset += len(piece.text) + 2
    return "\n\n".join(piece.text for piece in pieces), blocks


def _wrap_width(lines: list[str]) -> int | None:
    """The width the text was hard-wrapped at, or None when its lines were not wrapped."""
    wrapped = [len(line) for line, following in itertools.pairwise(lines) if line and following]
    if len(wrapped) < _WRAP_MIN_LINES:
        return None
    width = max(wrapped)
    filled = sum(length >= width - _WRAP_SLACK for length in wrapped)
    return width if width in _WRAP_WIDTHS and filled >= _WRAP_FILLED_SHARE * len(wrapped) else None


def _last_mark(line: str) -> str:
    """The last character of ``line`` once closing quotes, brackets and reference marks are set aside.

    Reference marks ("...في عام 1998.[91]") close sentences in encyclopaedia text pasted as news.
    """
    return _TRAILING_REFERENCES.sub("", line).rstrip("".join(cues.CLOSERS))[-1:] or line[-1:]


def _ends_block(line: str) -> bool:
    """Whether ``line`` ends a sentence, or a lead-in (a colon) that stands before a quote or list."""
    mark = _last_mark(line)
    return mark in cues.SENTENCE_FINAL or mark == ":"


def _ends_with_opener(line: str) -> bool:
    return line[-1] in cues.OPENERS or (line[-1] == '"' and line.count('"') % 2 == 1)


def _continues(line: str) -> bool:
    """Whether ``line`` stops where a sentence cannot: after a comma, an open quote, a particle."""
    if _ends_block(line):
        return False
    words = line.split()
    return (
        line[-1] in cues.CLAUSE_CONTINUING
        or _ends_with_opener(line)
        or cues.unbalanced_open(line)
        or cues.is_continuation_word(words[-1].strip("".join(cues.CLOSERS)))
    )


def _fills_line(line: str, wrap: int | None) -> bool:
    return wrap is not None and len(line) >= wrap - _WRAP_SLACK


def _is_long(line: str, wrap: int | None) -> bool:
    """Whether ``line`` is too long to be a title, heading or list item."""
    return len(line) > _SHORT_CHARS or len(line.split()) > _SHORT_WORDS or _fills_line(line, wrap)


def _is_running(line: str, wrap: int | None) -> bool:
    """Whether ``line`` reads as running text: long, or punctuated inside like a sentence."""
    return _is_long(line, wrap) or any(mark in line for mark in cues.CLAUSE_CONTINUING)


def _is_short(line: str, wrap: int | None) -> bool:
    """A heading or list line: short, unpunctuated, and not a fragment of a sentence."""
    return not _is_running(line, wrap) and not _ends_block(line) and not _continues(line)
