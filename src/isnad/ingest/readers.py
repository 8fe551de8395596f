"""Read articles from files and folders of any of the formats news comes in.

Each input becomes `Article`s or `Problem`s, never an exception: one unreadable file, or one bad
line of a JSONL file, is reported and the rest of the run goes on.

Formats, by extension: ``.txt``/``.text``/``.md`` (one article a file), ``.jsonl``/``.ndjson`` (one
article a line), ``.json`` (an article object or a list of them), ``.html``/``.htm`` (the page's main
text, through trafilatura), ``.xml``/``.rss``/``.atom`` (a feed, one article an entry, through
feedparser). A ``.gz`` file is read as the file it unpacks to (``day.jsonl.gz`` as
``day.jsonl``). Other files are sniffed: markup is read as a page or a feed, other text as an article,
binary files are reported. An article read from a file that holds several is named
``path:LINE`` (JSONL) or ``path#N`` (the Nth object of a JSON list or entry of a feed).
"""

from __future__ import annotations

import io
import json
import os
import re
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import feedparser
import trafilatura
from trafilatura.settings import Document

from isnad.ingest.checks import checked_published, not_arabic
from isnad.ingest.encoding import IngestError, decode, decode_keeping_damaged
from isnad.ingest.layout import build_article
from isnad.model import Article, Problem

DEFAULT_MAX_BYTES = 20_000_000

Item = Article | Problem
_Reader = Callable[[bytes, str], Iterator[Item]]

_METADATA_FIELDS = ("title", "outlet", "url", "published")
# What a web page's extractor keeps of a page without an article (a menu, a footer, a list of links)
# is a few words; the shortest news items (a one-line breaking report) have more.
_MIN_PAGE_WORDS = 8
# Where a page or feed names its own charset, in the first few kilobytes.
_DECLARED_CHARSET = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_SNIFF_BYTES = 4096
# Files that describe a folder of articles rather than being one (README.md, LICENSE); read only
# when named on their own.
_FOLDER_NOTES = frozenset({"README", "LICENSE", "LICENCE"})
NO_SUCH_PATH = "no such file or folder; check the path"
EMPTY_FOLDER = "no readable articles in this folder; it needs .txt, .jsonl, .json, .html or feed files"


def read_paths(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Item]:
    """Every article in ``paths`` (one path, or several: files, or folders read recursively in name
    order), and every problem.

    Inside a folder, hidden files and folders and README or LICENSE files are skipped. Files larger
    than ``max_bytes`` are reported, not read. Raises `TypeError` when ``paths`` is neither a path
    nor an iterable of paths.
    """
    for raw_path in _path_list(paths):
        path = Path(raw_path)
        if path.is_dir():
            yield from _read_folder(path, max_bytes)
        elif path.exists():
            yield from read_file(path, max_bytes=max_bytes)
        else:
            yield Problem(str(path), NO_SUCH_PATH)


def _path_list(paths: object) -> list[str | os.PathLike[str]]:
    """``paths`` as a list of paths: a single path is one (a string is not a list of characters)."""
    if isinstance(paths, str | os.PathLike):
        return [paths]
    if isinstance(paths, bytes) or not isinstance(paths, Iterable):
        raise TypeError(f"expected a path or a list of paths, not {type(paths).__name__}: {paths!r:.80}")
    listed = list(paths)
    for path in listed:
        if not isinstance(path, str | os.PathLike):
            raise TypeError(
                f"expected a path or a list of paths, but one item is {type(path).__name__}: {path!r:.80}"
            )
    return listed


def read_file(path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """The articles in one file, or the problems that kept them from being read."""
    path = Path(path)
    source = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise IngestError(
                source,
                f"the file is {_size(size)}, over the {_size(max_bytes)} limit; "
                "split it into smaller files or raise the limit with --max-size",
            )
        data = path.read_bytes()
        if path.suffix.lower() == ".gz":
            data = _gunzip(data, source, max_bytes)
            path = path.with_suffix("")
    except IngestError as error:
        yield error.to_problem()
        return
    except OSError as error:
        yield Problem(source, f"cannot be read ({error.strerror or error}); check its permissions")
        return
    try:
        yield from _reader_for(path, data)(data, source)
    except IngestError as error:
        yield error.to_problem()
    except Exception as error:  # a parser library failing on one odd file must not end the whole run
        yield Problem(
            source, f"could not be parsed ({type(error).__name__}: {error}); check the file's format"
        )


def _gunzip(data: bytes, source: str, max_bytes: int) -> bytes:
    """The bytes a gzip file unpacks to, at most ``max_bytes`` of them (a small file may unpack huge).

    Every member of a multi-member file (``cat a.gz b.gz``) is unpacked, as gzip itself does.
    """
    parts: list[bytes] = []
    size = 0
    rest = data
    while rest:
        unpacker = zlib.decompressobj(wbits=zlib.MAX_WBITS | 16)
        try:
            part = unpacker.decompress(rest, max_bytes + 1 - size)
        except zlib.error as error:
            raise IngestError(source, f"is not a valid gzip file ({error}); check it or unpack it") from None
        size += len(part)
        parts.append(part)
        if size > max_bytes:
            raise IngestError(
                source,
                f"unpacks to over the {_size(max_bytes)} limit; split it into smaller files or raise "
                "the limit with --max-size",
            )
        if not unpacker.eof:
            raise IngestError(source, "the gzip file is cut short; copy or download it again")
        rest = unpacker.unused_data
    return b"".join(parts)


def _size(count: int) -> str:
    return f"{count / 1e6:.1f} MB" if count >= 100_000 else f"{count:,} bytes"


def _read_folder(folder: Path, max_bytes: int) -> Iterator[Item]:
    found = False
    for entry in files_under(folder):
        items = read_file(entry, max_bytes=max_bytes) if isinstance(entry, Path) else [entry]
        for item in items:
            found = found or isinstance(item, Article)
            yield item
    if not found:
        yield Problem(str(folder), EMPTY_FOLDER)


def files_under(folder: Path) -> Iterator[Path | Problem]:
    """The files under ``folder`` in name order, without hidden ones, notes and symlinked folders."""
    try:
        entries = sorted(folder.iterdir(), key=lambda entry: entry.name)
    except OSError as error:
        yield Problem(str(folder), f"cannot be listed ({error.strerror or error})")
        return
    for entry in entries:
        if entry.name.startswith(".") or entry.stem.upper() in _FOLDER_NOTES:
            continue
        if entry.is_dir():
            if not entry.is_symlink():
                yield from files_under(entry)
        elif entry.is_file():
            yield entry


def _reader_for(path: Path, data: bytes) -> _Reader:
    suffix = path.suffix.lower()
    if suffix in {".txt", ".text", ".md"}:
        return _read_text
    if suffix in {".jsonl", ".ndjson"}:
        return _read_jsonl
    if suffix == ".json":
        return _read_json
    if suffix in {".html", ".htm", ".xhtml"}:
        return _read_html
    if suffix in {".xml", ".rss", ".atom"}:
        return _read_feed
    # Unknown extension: markup by its first tag, anything else as plain text (decoding reports
    # binary files).
    head = data[:_SNIFF_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<"):
        if b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head:
            return _read_feed
        if b"<html" in head or b"<!doctype html" in head:
            return _read_html
    return _read_text


def _read_text(data: bytes, source: str) -> Iterator[Item]:
    decoded = decode_keeping_damaged(data, source)
    yield from _damage(decoded.damage)
    yield from _checked_article(decoded.text, source, Place(source), encoding=decoded.encoding)


def _read_jsonl(data: bytes, source: str) -> Iterator[Item]:
    decoded = decode_keeping_damaged(data, source)
    yield from _damage(decoded.damage)
    # Split on line feeds only: JSON strings may hold U+2028 and other characters splitlines() cuts at.
    for number, line in enumerate(decoded.text.split("\n"), start=1):
        if not line.strip():
            continue
        place = Place(source, number)
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield place.problem(f"not valid JSON ({error.msg}); fix or remove this line")
            continue
        yield from _article_from_record(record, f"{source}:{number}", place, decoded.encoding)


def _read_json(data: bytes, source: str) -> Iterator[Item]:
    decoded = decode_keeping_damaged(data, source)
    yield from _damage(decoded.damage)
    try:
        document = json.loads(decoded.text)
    except json.JSONDecodeError as error:
        raise IngestError(source, f"not valid JSON ({error.msg}); fix the file", line=error.lineno) from None
    if not isinstance(document, list):
        yield from _article_from_record(document, source, Place(source), decoded.encoding)
        return
    if not document:
        raise IngestError(source, "the JSON list is empty; there is no article to read")
    for number, record in enumerate(document, start=1):
        place = Place(source, prefix=f"item {number}: ")
        yield from _article_from_record(record, f"{source}#{number}", place, decoded.encoding)


def read_records(records: Iterable[Any], source: str) -> Iterator[Item]:
    """Articles from records already parsed (the rows of a table, such as a Parquet file): each a
    mapping with ``text`` and optional title, outlet, url and published, as in a JSONL file."""
    for number, record in enumerate(records, start=1):
        yield from _article_from_record(record, f"{source}:{number}", Place(source, number), "utf-8")


def _article_from_record(record: Any, source: str, place: Place, encoding: str) -> Iterator[Item]:
    """An article from a JSON object with ``text`` and optional title, outlet, url and published."""
    if not isinstance(record, dict):
        yield place.problem(f'expected a JSON object with a "text" field, found {type(record).__name__}')
        return
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        yield place.problem('has no "text" field with the article text (a non-empty string)')
        return
    metadata: dict[str, str | None] = {}
    for name in _METADATA_FIELDS:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            yield place.problem(f'the "{name}" field must be a string, not {type(value).__name__}')
            return
        metadata[name] = value
    yield from _checked_article(
        text,
        source,
        place,
        encoding=encoding,
        title=metadata["title"],
        outlet=metadata["outlet"],
        url=metadata["url"],
        published=metadata["published"],
    )


@dataclass(frozen=True)
class Place:
    """Where in a file an article comes from, for the problems met while reading it."""

    source: str
    line: int | None = None
    prefix: str = ""

    def problem(self, reason: str) -> Problem:
        return Problem(self.source, self.prefix + reason, self.line)


def _checked_article(
    body: str,
    source: str,
    place: Place,
    *,
    encoding: str,
    title: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    published: str | None = None,
    min_words: int = 1,
) -> Iterator[Item]:
    """The article built from ``body`` and its metadata, after the problems found in them.

    A publication date that is not a plausible date is dropped (the article kept); a body that is
    not Arabic, or shorter than ``min_words`` words, is reported instead of the article.
    """
    published, dropped = checked_published(published)
    try:
        article = build_article(
            body, source, title=title, outlet=outlet, url=url, published=published, encoding=encoding
        )
    except IngestError as error:
        yield place.problem(error.reason)
        return
    words = len(article.text.split())
    if words < min_words:
        reason: str | None = (
            f"the text is too short to be an article ({words} words); it may be a menu or a list of links"
        )
    else:
        reason = not_arabic(article.text)
    if reason is not None:
        yield place.problem(reason)
        return
    if dropped is not None:
        yield place.problem(dropped)
    yield article


def _damage(problem: Problem | None) -> Iterator[Problem]:
    if problem is not None:
        yield problem


def _read_html(data: bytes, source: str) -> Iterator[Item]:
    decoded = decode_keeping_damaged(data, source, declared=_declared_charset(data))
    yield from _damage(decoded.damage)
    # Precision over recall: a menu, a cookie notice or a list of links is not an article.
    page = trafilatura.bare_extraction(
        decoded.text, with_metadata=True, include_comments=False, favor_precision=True
    )
    fields = page.as_dict() if isinstance(page, Document) else page or {}
    body = _string(fields, "text")
    if body is None or not body.strip():
        raise IngestError(
            source, "no article text found in this page (it may be an index, a menu or need JavaScript)"
        )
    yield from _checked_article(
        body,
        source,
        Place(source),
        title=_string(fields, "title"),
        outlet=_string(fields, "sitename"),
        url=_string(fields, "url"),
        published=_string(fields, "date"),
        encoding=decoded.encoding,
        min_words=_MIN_PAGE_WORDS,
    )


def _string(fields: dict[str, Any], name: str) -> str | None:
    value = fields.get(name)
    return value if isinstance(value, str) else None


def _read_feed(data: bytes, source: str) -> Iterator[Item]:
    # Decoded here only to report empty, binary or undecodable files in the same words as elsewhere;
    # feedparser decodes the bytes itself, honouring the feed's XML declaration. A stream, because
    # feedparser would take bytes or a string that looks like a path or URL for one.
    _, encoding = decode(data, source, declared=_declared_charset(data))
    feed = feedparser.parse(io.BytesIO(data))
    if not feed.entries:
        detail = f" ({feed.bozo_exception})" if feed.get("bozo") else ""
        raise IngestError(source, f"no RSS or Atom entries found{detail}; is this a news feed?")
    outlet = feed.feed.get("title")
    for number, entry in enumerate(feed.entries, start=1):
        place = Place(source, prefix=f"entry {number}: ")
        try:
            text = _entry_text(entry, source)
        except IngestError as error:
            yield place.problem(error.reason)
            continue
        yield from _checked_article(
            text,
            f"{source}#{number}",
            place,
            title=entry.get("title"),
            outlet=outlet,
            url=entry.get("link"),
            published=_entry_date(entry),
            encoding=encoding,
        )


def _entry_text(entry: Any, source: str) -> str:
    """A feed entry's full content, else its summary, as plain text."""
    parts = entry.get("content") or []
    value = parts[0].get("value") if parts else entry.get("summary")
    if not value or not value.strip():
        raise IngestError(source, "has no content or summary to read")
    content_type = (parts[0] if parts else entry.get("summary_detail", {})).get("type", "text/html")
    if "html" not in content_type:
        return str(value)
    # Wrapped as an article so that trafilatura keeps every paragraph of the fragment.
    text = trafilatura.extract(
        f"<html><body><article>{value}</article></body></html>", include_comments=False
    )
    if not text or not text.strip():
        raise IngestError(source, "has no readable text in its content or summary")
    return str(text)


def _entry_date(entry: Any) -> str | None:
    """The entry's publication (else update) time in ISO 8601 UTC, as feedparser normalised it."""
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", parsed) if parsed else None


def _declared_charset(data: bytes) -> str | None:
    match = _DECLARED_CHARSET.search(data[:_SNIFF_BYTES])
    return match.group(1).decode("ascii") if match else None
