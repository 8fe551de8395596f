"""The read side of the store: what the web app asks of an archive, in a few indexed queries.

An `Archive` opens the store file read-only (``mode=ro``), so it works on a file it may not
write, and never takes a writer's lock: a store that `isnad add` is filling can be browsed at the
same time, each request seeing the last committed state. What every page needs (which event an
article belongs to, each event's outlets and badges) is gathered once into an `ArchiveIndex` and
built again only when another process has committed (``PRAGMA data_version`` changes).
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from isnad.arabic import normalize, normalize_with_offsets
from isnad.model import (
    Article,
    Attribution,
    Brief,
    Comparison,
    Date,
    Entity,
    Event,
    Figure,
    Framing,
    Provenance,
    ReuseLink,
    SingleReport,
    Storyline,
    StorylineBrief,
)
from isnad.store import SCHEMA_VERSION, StoreError
from isnad.store.codec import article_from_row, decode_result

# A result row's owner is its event's, storyline's or article's id (`isnad.store.codec.owner_of`).
_OWNED = "AND owner = ?"
SNIPPET_CHARS = 90  # characters of context either side of the first hit
SEARCH_LIMIT = 1000  # matches counted for facets; pages show the best ranked of them


@dataclass(frozen=True)
class ArticleMeta:
    """What a list shows of an article, without its text."""

    id: str
    title: str | None
    outlet: str | None
    published: str | None

    @property
    def day(self) -> str | None:
        return self.published[:10] if self.published else None


@dataclass
class EventSummary:
    """An event as the front page lists it."""

    event: Event
    first: str | None  # earliest publication date of its articles
    outlets: list[str]
    conflicts: int = 0
    reuse_links: int = 0


@dataclass
class ArchiveIndex:
    """Every article's metadata, every event and storyline, and which event holds each article."""

    articles: dict[str, ArticleMeta]
    events: list[EventSummary]  # newest first
    storylines: list[Storyline]
    event_of: dict[str, str]
    event_by_id: dict[str, EventSummary]
    storyline_by_id: dict[str, Storyline]
    event_days: dict[str, set[str]] = field(default_factory=dict)
    event_outlets: dict[str, set[str]] = field(default_factory=dict)


@dataclass(frozen=True)
class Hit:
    """One search result: the article and a snippet of its own words, hits marked as spans."""

    article: ArticleMeta
    snippet: str
    marks: list[tuple[int, int]]  # spans of ``snippet`` that matched


@dataclass
class SearchResult:
    hits: list[Hit]
    total: int
    outlets: list[tuple[str, int]]
    days: list[tuple[str, int]]


@dataclass
class EventRecords:
    """Everything stored about one event."""

    summary: EventSummary
    articles: list[Article]
    brief: Brief | None
    comparisons: list[Comparison]
    single_reports: list[SingleReport]
    framing: Framing | None
    provenance: Provenance | None
    reuse: list[ReuseLink]


@dataclass
class StorylineRecords:
    """Everything stored about one storyline; its events oldest first."""

    storyline: Storyline
    events: list[EventSummary]
    brief: StorylineBrief | None
    framing: Framing | None


@dataclass
class ArticleRecords:
    """Everything stored about one article."""

    article: Article
    event: EventSummary | None
    entities: list[Entity]
    attributions: list[Attribution]
    figures: list[Figure]
    dates: list[Date]
    reuse: list[ReuseLink]


def build_index(
    articles: dict[str, ArticleMeta],
    events: Sequence[Event],
    storylines: Sequence[Storyline],
    conflict_event_ids: Sequence[str],
    reuse_pairs: Sequence[tuple[str, str]],
) -> ArchiveIndex:
    """The index of an archive from its records: each event's outlets, dates and badges."""
    event_of = {a: e.id for e in events for a in e.article_ids}
    conflicts = Counter(conflict_event_ids)
    reuse: Counter[str] = Counter()
    for a, b in reuse_pairs:
        if event_of.get(a) is not None and event_of.get(a) == event_of.get(b):
            reuse[event_of[a]] += 1
    summaries = []
    days: dict[str, set[str]] = {}
    outlets_of: dict[str, set[str]] = {}
    for event in events:
        metas = [articles[a] for a in event.article_ids if a in articles]
        dated = sorted(m.published for m in metas if m.published)
        outlets = Counter(m.outlet for m in metas if m.outlet)
        summaries.append(
            EventSummary(
                event=event,
                first=dated[0] if dated else None,
                outlets=[o for o, _ in outlets.most_common()],
                conflicts=conflicts.get(event.id, 0),
                reuse_links=reuse.get(event.id, 0),
            )
        )
        days[event.id] = {m.day for m in metas if m.day}
        outlets_of[event.id] = set(outlets)
    # Newest day first, undated events last; within a day the story most outlets tell first,
    # as an editor scans a day's news.
    summaries.sort(
        key=lambda s: (s.first is not None, (s.first or "")[:10], len(s.outlets), len(s.event.article_ids)),
        reverse=True,
    )
    return ArchiveIndex(
        articles=articles,
        events=summaries,
        storylines=list(storylines),
        event_of=event_of,
        event_by_id={s.event.id: s for s in summaries},
        storyline_by_id={s.id: s for s in storylines},
        event_days=days,
        event_outlets=outlets_of,
    )


class Browsable:
    """What every page reads: an index, one event, storyline or article; lists and facets from
    the index. `Archive` reads a store; `isnad.output.site` reads an analysis in memory."""

    def index(self) -> ArchiveIndex:
        raise NotImplementedError

    def event(self, event_id: str) -> EventRecords | None:
        raise NotImplementedError

    def storyline(self, storyline_id: str) -> StorylineRecords | None:
        raise NotImplementedError

    def article(self, article_id: str) -> ArticleRecords | None:
        raise NotImplementedError

    def events(self, day: str | None = None, outlet: str | None = None) -> list[EventSummary]:
        """Events newest first, those with an article of ``day`` and of ``outlet`` when given."""
        index = self.index()
        return [
            s
            for s in index.events
            if (day is None or day in index.event_days[s.event.id])
            and (outlet is None or outlet in index.event_outlets[s.event.id])
        ]

    def facets(self) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
        """Article counts by day (newest first) and by outlet (largest first)."""
        metas = self.index().articles.values()
        days = Counter(m.day for m in metas if m.day)
        outlets = Counter(m.outlet for m in metas if m.outlet)
        return sorted(days.items(), reverse=True), outlets.most_common()


class Archive(Browsable):
    """A store opened for reading only. Safe to share between threads (one lock per query)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise StoreError(
                f"{self.path}: no such store; make one with `isnad add PATH... --db {self.path}`"
            )
        try:
            self._db = sqlite3.connect(
                f"{self.path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False
            )
            version = int(self._db.execute("PRAGMA user_version").fetchone()[0])
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a usable isnad store ({exc})") from exc
        if version == 0 or version > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: not an isnad store this version can read (schema {version})")
        if version < SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: the store was made by an older isnad (schema {version}); open it once "
                "with write access (isnad add --db) to upgrade it"
            )
        self._lock = threading.Lock()
        self._index: ArchiveIndex | None = None
        self._seen_version: int | None = None

    def close(self) -> None:
        self._db.close()

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            return self._db.execute(sql, params).fetchall()

    def _records(self, kind: str, where: str = "", params: Sequence[Any] = ()) -> list[Any]:
        sql = f"SELECT record FROM results WHERE kind = ? {where} ORDER BY seq"
        return [decode_result(kind, json.loads(r[0])) for r in self._rows(sql, (kind, *params))]

    # -- the index every page uses -------------------------------------------------------------

    def index(self) -> ArchiveIndex:
        """The archive's index, rebuilt when another process has written to the store."""
        version = self._rows("PRAGMA data_version")[0][0]
        if self._index is None or version != self._seen_version:
            self._index = self._build_index()
            self._seen_version = version
        return self._index

    def _build_index(self) -> ArchiveIndex:
        articles = {
            r[0]: ArticleMeta(r[0], r[1], r[2], r[3])
            for r in self._rows("SELECT id, title, outlet, published FROM articles ORDER BY rowid")
        }
        conflicts = self._rows(
            "SELECT json_extract(record, '$.event_id') FROM results "
            "WHERE kind = 'comparisons' AND json_extract(record, '$.verdict') = 'conflict'"
        )
        reuse = self._rows(
            "SELECT json_extract(record, '$.a'), json_extract(record, '$.b') FROM results WHERE kind = 'reuse'"
        )
        return build_index(
            articles,
            self._records("events"),
            self._records("storylines"),
            [r[0] for r in conflicts],
            [(a, b) for a, b in reuse],
        )

    # -- one event, storyline or article -------------------------------------------------------

    def articles(self, ids: Sequence[str]) -> list[Article]:
        found: dict[str, Article] = {}
        unique = sorted(set(ids))
        for start in range(0, len(unique), 500):  # SQLite caps the parameters of one query
            part = unique[start : start + 500]
            rows = self._rows(f"SELECT * FROM articles WHERE id IN ({','.join('?' * len(part))})", part)
            found.update((row[0], article_from_row(row)) for row in rows)
        return [found[i] for i in ids if i in found]

    def event(self, event_id: str) -> EventRecords | None:
        summary = self.index().event_by_id.get(event_id)
        if summary is None:
            return None
        briefs: list[Brief] = self._records("briefs", _OWNED, (event_id,))
        framings: list[Framing] = self._records("framings", _OWNED, (event_id,))
        provenance: list[Provenance] = self._records("provenance", _OWNED, (event_id,))
        members = set(summary.event.article_ids)
        reuse = [
            link
            for link in self._records_of_articles("reuse", summary.event.article_ids)
            if link.a in members and link.b in members
        ]
        comparisons: list[Comparison] = self._records("comparisons", _OWNED, (event_id,))
        return EventRecords(
            summary=summary,
            articles=self.articles(summary.event.article_ids),
            brief=briefs[0] if briefs else None,
            comparisons=conflicts_first(comparisons),
            single_reports=self._records("single_reports", _OWNED, (event_id,)),
            framing=framings[0] if framings else None,
            provenance=provenance[0] if provenance else None,
            reuse=sorted(reuse, key=lambda link: -link.score),
        )

    def storyline(self, storyline_id: str) -> StorylineRecords | None:
        index = self.index()
        storyline = index.storyline_by_id.get(storyline_id)
        if storyline is None:
            return None
        briefs: list[StorylineBrief] = self._records("storyline_briefs", _OWNED, (storyline_id,))
        framings: list[Framing] = self._records("framings", _OWNED, (storyline_id,))
        return StorylineRecords(
            storyline,
            events_in_time_order(index, storyline),
            briefs[0] if briefs else None,
            framings[0] if framings else None,
        )

    def article(self, article_id: str) -> ArticleRecords | None:
        found = self.articles([article_id])
        if not found:
            return None
        index = self.index()
        by_kind: dict[str, list[Any]] = defaultdict(list)
        rows = self._rows(
            "SELECT r.kind, r.record FROM result_articles ra JOIN results r ON r.kind = ra.kind AND r.seq = ra.seq "
            "WHERE ra.article_id = ? AND ra.kind IN ('entities', 'attributions', 'figures', 'dates', 'reuse') "
            "ORDER BY r.kind, r.seq",
            (article_id,),
        )
        for kind, record in rows:
            by_kind[kind].append(decode_result(kind, json.loads(record)))
        event_id = index.event_of.get(article_id)
        return ArticleRecords(
            article=found[0],
            event=index.event_by_id.get(event_id) if event_id else None,
            entities=by_kind["entities"],
            attributions=[a for a in by_kind["attributions"] if a.article_id == article_id],
            figures=[f for f in by_kind["figures"] if f.article_id == article_id],
            dates=[d for d in by_kind["dates"] if d.article_id == article_id],
            reuse=sorted(by_kind["reuse"], key=lambda link: -link.score),
        )

    def _records_of_articles(self, kind: str, article_ids: Sequence[str]) -> list[Any]:
        records: dict[int, Any] = {}
        for start in range(0, len(article_ids), 500):
            part = list(article_ids[start : start + 500])
            rows = self._rows(
                "SELECT DISTINCT r.seq, r.record FROM result_articles ra "
                "JOIN results r ON r.kind = ra.kind AND r.seq = ra.seq "
                f"WHERE ra.kind = ? AND ra.article_id IN ({','.join('?' * len(part))})",
                (kind, *part),
            )
            for seq, record in rows:
                records.setdefault(seq, decode_result(kind, json.loads(record)))
        return [records[s] for s in sorted(records)]

    # -- search --------------------------------------------------------------------------------

    def search(
        self,
        query: str,
        outlet: str | None = None,
        start: str | None = None,
        end: str | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> SearchResult:
        """Articles matching every word of ``query`` in any spelling, best first.

        The index holds normalised text, so أ/ا, ة/ه, diacritics and digit scripts match; the
        snippet is cut from the article's own text, hits marked where its words matched.
        """
        terms = [t for t in normalize(query).replace('"', " ").split() if t]
        if not terms:
            return SearchResult([], 0, [], [])
        match = " ".join(f'"{t}"' for t in terms)
        rows = self._rows(
            "SELECT f.article_id FROM articles_fts f WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
            (match, SEARCH_LIMIT),
        )
        metas = self.index().articles
        found = [metas[r[0]] for r in rows if r[0] in metas]
        found = [
            m
            for m in found
            if (outlet is None or m.outlet == outlet)
            and (start is None or (m.day is not None and m.day >= start))
            and (end is None or (m.day is not None and m.day <= end))
        ]
        outlets = Counter(m.outlet for m in found if m.outlet).most_common()
        days = sorted(Counter(m.day for m in found if m.day).items(), reverse=True)
        page = found[offset : offset + limit]
        texts = {a.id: a for a in self.articles([m.id for m in page])}
        hits = [Hit(m, *snippet(texts[m.id].text, terms)) for m in page if m.id in texts]
        return SearchResult(hits, len(found), outlets, days)


def events_in_time_order(index: ArchiveIndex, storyline: Storyline) -> list[EventSummary]:
    events = [index.event_by_id[e] for e in storyline.event_ids if e in index.event_by_id]
    return sorted(events, key=lambda s: (s.first is None, s.first or ""))


def conflicts_first(comparisons: Sequence[Comparison]) -> list[Comparison]:
    order = {"conflict": 0, "differ": 1, "agree": 2}
    return sorted(comparisons, key=lambda c: order.get(c.verdict, 3))


def snippet(text: str, terms: Sequence[str]) -> tuple[str, list[tuple[int, int]]]:
    """A window of ``text`` around its first hit, in the original spelling, with the hit spans.

    ``terms`` are normalised words; a hit is a whole word of the text whose normalised form is
    a term, as FTS5 matched whole tokens (a word with a glued و or ب is another token).
    """
    normal = normalize_with_offsets(text)
    spans: list[tuple[int, int]] = []
    for term in terms:
        at = normal.text.find(term)
        while at >= 0:
            end = at + len(term)
            whole = (at == 0 or not normal.text[at - 1].isalnum()) and (
                end == len(normal.text) or not normal.text[end].isalnum()
            )
            if whole:
                spans.append(normal.to_original(at, end))
            at = normal.text.find(term, end)
    if not spans:
        return text[: 2 * SNIPPET_CHARS].strip(), []
    spans.sort()
    first = spans[0][0]
    lo = max(0, first - SNIPPET_CHARS)
    hi = min(len(text), first + SNIPPET_CHARS)
    # Widen to whole words so the window never cuts one in half.
    while lo > 0 and not text[lo - 1].isspace():
        lo -= 1
    while hi < len(text) and not text[hi].isspace():
        hi += 1
    marks = [(s - lo, e - lo) for s, e in spans if s >= lo and e <= hi]
    prefix = "… " if lo > 0 else ""
    suffix = " …" if hi < len(text) else ""
    shift = len(prefix)
    body = text[lo:hi].replace("\n", " ")
    return prefix + body + suffix, [(s + shift, e + shift) for s, e in marks]
