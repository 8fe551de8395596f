"""Turn a file's bytes into text, knowing which encoding it was in, or say why it cannot be done.

Arabic news files come as UTF-8, UTF-8 with a byte-order mark, UTF-16 from Windows "Unicode" saves,
or Windows-1256 from older Arabic Windows tools. Only an encoding that is certain (a BOM, strict
UTF-8, a charset the file declares) or checked (the result reads as Arabic) is accepted: a wrong
guess would silently turn every later stage's input into noise.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

import charset_normalizer

from isnad.arabic.layout_cues import ARABIC_LETTER
from isnad.model import Problem

_RESAVE_HINT = "re-save it as UTF-8"


class IngestError(Exception):
    """An input that cannot become an article: which file, where, what is wrong and what to do."""

    def __init__(self, source_path: str, reason: str, *, line: int | None = None) -> None:
        self.source_path = source_path
        self.line = line
        self.reason = reason
        where = source_path if line is None else f"{source_path}:{line}"
        super().__init__(f"{where}: {reason}")

    def to_problem(self) -> Problem:
        """The error as a `Problem`; its text is the reason alone, since the record holds the place."""
        return Problem(self.source_path, self.reason, self.line)


# Checked longest first: a UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# File signatures of formats that people drop into a folder of articles by mistake.
_MAGIC = (
    (b"%PDF-", "a PDF document", "extract its text first"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image", "it holds no text to read"),
    (b"\xff\xd8\xff", "a JPEG image", "it holds no text to read"),
    (b"GIF87a", "a GIF image", "it holds no text to read"),
    (b"GIF89a", "a GIF image", "it holds no text to read"),
    (b"II*\x00", "a TIFF image", "it holds no text to read"),
    (b"MM\x00*", "a TIFF image", "it holds no text to read"),
    (b"PK\x03\x04", "a ZIP archive (or a Word, Excel or EPUB file)", "unpack it or save it as text"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Word or Excel file", "save it as text"),
    (b"\x1f\x8b", "a gzip archive", "unpack it first"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive", "unpack it first"),
    (b"Rar!\x1a\x07", "a RAR archive", "unpack it first"),
    (b"SQLite format 3\x00", "an SQLite database", "export the articles as JSONL"),
    (b"\x7fELF", "a program", "it holds no text to read"),
)

# Encodings other than Windows-1256 that Arabic text is found in; charset-normalizer may name them.
_OTHER_ARABIC_CODECS = frozenset({"iso8859_6", "cp720", "cp864", "mac_arabic"})

# Decoded Arabic text: at least this share of its letters Arabic, and at most this share of its
# non-ASCII characters Latin letters with accents or control characters. Windows-1256 decodes any
# byte, so without this check Latin-1, ISO-8859-6 or broken UTF-8 would come out as fluent-looking
# Arabic-script garbage.
_MIN_ARABIC_LETTER_SHARE = 0.5
_MAX_ODD_SHARE = 0.01
_LETTER = re.compile(r"[^\W\d_]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# Accented Latin letters, control characters other than whitespace, private-use characters.
_ODD = re.compile(r"[\u00c0-\u024f\x00-\x08\x0e-\x1f\x7f-\x9f\ue000-\uf8ff]")


@dataclass(frozen=True)
class Decoded:
    """A file's text, the encoding it was in, and, when some bytes could not be decoded, the
    problem that says where they were (each was replaced in ``text`` by U+FFFD)."""

    text: str
    encoding: str
    damage: Problem | None = None


def decode(data: bytes, source_path: str, *, declared: str | None = None) -> tuple[str, str]:
    """The text in ``data`` and the name of the encoding it was in.

    ``declared`` is a charset the file names for itself (an HTML ``<meta charset>``), trusted after
    a byte-order mark and strict UTF-8. Raises `IngestError` for empty, binary or undecodable data.
    """
    decoded = _decode(data, source_path, declared, keep_damaged=False)
    return decoded.text, decoded.encoding


def decode_keeping_damaged(data: bytes, source_path: str, *, declared: str | None = None) -> Decoded:
    """Like `decode`, but UTF-8 Arabic text with a few invalid bytes is kept, not refused.

    The bad bytes become U+FFFD and the result's ``damage`` names their offsets, so one damaged byte
    in a long article costs that byte, not the article.
    """
    return _decode(data, source_path, declared, keep_damaged=True)


def _decode(data: bytes, source_path: str, declared: str | None, *, keep_damaged: bool) -> Decoded:
    if not data:
        raise IngestError(source_path, "the file is empty; there is no article to read")
    decoded = _decode_text(data, source_path, declared, keep_damaged)
    if not decoded.text.strip():
        raise IngestError(source_path, "the file holds only whitespace; there is no article to read")
    return decoded


# A UTF-8 file with at most this share of its non-ASCII bytes invalid is taken for UTF-8 text with
# a few damaged bytes (a bad copy, a cut in mid-character); more than that is another encoding.
_MAX_DAMAGED_SHARE = 0.01
_SHOWN_OFFSETS = 5
_HIGH_BYTES = bytes(range(0x80, 0x100))
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")


def _decode_damaged_utf8(data: bytes, source_path: str) -> Decoded | None:
    # Each undecodable byte comes out as one lone surrogate, found again in one pass.
    escaped = data.decode("utf-8", errors="surrogateescape")
    escapes = [match.start() for match in _ESCAPED_BYTE.finditer(escaped)]
    non_ascii = len(data) - len(data.translate(None, _HIGH_BYTES))
    if not escapes or len(escapes) > _MAX_DAMAGED_SHARE * non_ascii:
        return None
    text = _ESCAPED_BYTE.sub("\ufffd", escaped)
    if not text.strip() or not looks_like_arabic(text):
        return None
    bad: list[int] = []
    byte_offset = previous = 0
    for position in escapes:
        byte_offset += len(escaped[previous:position].encode("utf-8"))
        bad.append(byte_offset)
        byte_offset += 1
        previous = position + 1
    shown = ", ".join(str(offset) for offset in bad[:_SHOWN_OFFSETS])
    more = f" and {len(bad) - _SHOWN_OFFSETS} more" if len(bad) > _SHOWN_OFFSETS else ""
    problem = Problem(
        source_path,
        f"{len(bad)} invalid UTF-8 byte(s) at byte offset(s) {shown}{more} were replaced with "
        f"U+FFFD and the rest kept; {_RESAVE_HINT} from a clean copy",
        data.count(b"\n", 0, bad[0]) + 1,
    )
    return Decoded(text, "utf-8", problem)


def _decode_text(data: bytes, source_path: str, declared: str | None, keep_damaged: bool) -> Decoded:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            unmarked = codec.removesuffix("-sig")
            try:
                return Decoded(data[len(bom) :].decode(unmarked), codec)
            except UnicodeDecodeError as error:
                raise IngestError(
                    source_path,
                    f"starts with a {unmarked.upper()} byte-order mark but is not valid {unmarked.upper()} "
                    f"(bad bytes at offset {error.start}); {_RESAVE_HINT}",
                ) from None
    _reject_binary(data, source_path)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as error:
        bad_line = data.count(b"\n", 0, error.start) + 1
    if declared is not None:
        declared_text = _decode_declared(data, declared)
        if declared_text is not None:
            return Decoded(*declared_text)
    # Tried before the other encodings: text in them is invalid UTF-8 all over, not in a few bytes.
    damaged = _decode_damaged_utf8(data, source_path) if keep_damaged else None
    if damaged is not None:
        return damaged
    cp1256 = data.decode("cp1256")
    if looks_like_arabic(cp1256):
        return Decoded(cp1256, "cp1256")
    guessed = _decode_guessed(data)
    if guessed is not None:
        return Decoded(*guessed)
    raise IngestError(
        source_path,
        "not valid UTF-8 (the first bad byte is on this line) and does not look like "
        f"Windows-1256 Arabic text; {_RESAVE_HINT}",
        line=bad_line,
    )


def _reject_binary(data: bytes, source_path: str) -> None:
    for magic, kind, advice in _MAGIC:
        if data.startswith(magic):
            raise IngestError(source_path, f"this is a binary file: it looks like {kind}, not text; {advice}")
    if b"\x00" in data:
        raise IngestError(
            source_path,
            "this is a binary file: it contains NUL bytes (if it is UTF-16 text without a byte-order "
            f"mark, {_RESAVE_HINT})",
        )


def _decode_declared(data: bytes, declared: str) -> tuple[str, str] | None:
    try:
        codec = codecs.lookup(declared).name
        return data.decode(codec), codec
    except (LookupError, UnicodeDecodeError):
        return None


def _decode_guessed(data: bytes) -> tuple[str, str] | None:
    """A charset-normalizer guess among the other Arabic encodings, kept only if it reads as Arabic."""
    best = charset_normalizer.from_bytes(data).best()
    if best is None or best.encoding not in _OTHER_ARABIC_CODECS:
        return None
    try:
        text = data.decode(best.encoding)
    except UnicodeDecodeError:
        return None
    return (text, best.encoding) if looks_like_arabic(text) else None


def looks_like_arabic(text: str) -> bool:
    """Whether ``text`` reads as Arabic: mostly Arabic letters, hardly any stray Latin or controls."""
    share = arabic_letter_share(text)
    non_ascii = _count(_NON_ASCII, text)
    odd = _count(_ODD, text)
    return share is not None and share >= _MIN_ARABIC_LETTER_SHARE and odd <= _MAX_ODD_SHARE * non_ascii


def arabic_letter_share(text: str) -> float | None:
    """The share of the letters of ``text`` that are Arabic; None when it has no letters."""
    letters = _count(_LETTER, text)
    return arabic_letter_count(text) / letters if letters else None


def arabic_letter_count(text: str) -> int:
    """How many letters of ``text`` are Arabic, presentation forms (ﻭ, ﻓﻴﺴﺒﻮﻙ) counted as letters."""
    return _count(ARABIC_LETTER, unicodedata.normalize("NFKC", text))


def _count(pattern: re.Pattern[str], text: str) -> int:
    # subn counts without building a list of every match (a 10 MB text has millions).
    return pattern.subn("", text)[1]
