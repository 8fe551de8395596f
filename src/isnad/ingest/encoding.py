"""Turn a file's bytes into text, knowing which encoding it was in, or say why it cannot be done.

Arabic news files come as UTF-8, UTF-8 with a byte-order mark, UTF-16 from Windows "Unicode" saves,
or Windows-1256 from older Arabic Windows tools. Only an encoding that is certain (a BOM, strict
UTF-8, a charset the file declares) or checked (the result reads as Arabic) is accepted: a wrong
guess would silently turn every later stage's input into noise.
"""

from __future__ import annotations

import codecs
import re

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


def decode(data: bytes, source_path: str, *, declared: str | None = None) -> tuple[str, str]:
    """The text in ``data`` and the name of the encoding it was in.

    ``declared`` is a charset the file names for itself (an HTML ``<meta charset>``), trusted after
    a byte-order mark and strict UTF-8. Raises `IngestError` for empty, binary or undecodable data.
    """
    if not data:
        raise IngestError(source_path, "the file is empty; there is no article to read")
    text, encoding = _decode_text(data, source_path, declared)
    if not text.strip():
        raise IngestError(source_path, "the file holds only whitespace; there is no article to read")
    return text, encoding


def _decode_text(data: bytes, source_path: str, declared: str | None) -> tuple[str, str]:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            unmarked = codec.removesuffix("-sig")
            try:
                return data[len(bom) :].decode(unmarked), codec
            except UnicodeDecodeError as error:
                raise IngestError(
                    source_path,
                    f"starts with a {unmarked.upper()} byte-order mark but is not valid {unmarked.upper()} "
                    f"(bad bytes at offset {error.start}); {_RESAVE_HINT}",
                ) from None
    _reject_binary(data, source_path)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        bad_line = data.count(b"\n", 0, error.start) + 1
    if declared is not None:
        declared_text = _decode_declared(data, declared)
        if declared_text is not None:
            return declared_text
    cp1256 = data.decode("cp1256")
    if looks_like_arabic(cp1256):
        return cp1256, "cp1256"
    guessed = _decode_guessed(data)
    if guessed is not None:
        return guessed
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
    arabic = len(ARABIC_LETTER.findall(text))
    letters = len(_LETTER.findall(text))
    non_ascii = len(_NON_ASCII.findall(text))
    odd = len(_ODD.findall(text))
    return arabic > 0 and arabic >= _MIN_ARABIC_LETTER_SHARE * letters and odd <= _MAX_ODD_SHARE * non_ascii
