"""The SQLite store: the only module that knows SQL.

One file holds the articles (their repaired text, layout and sentences), a full-text index over
their normalised text, the problems met while reading inputs, and the results of the latest
analysis. WAL mode lets readers (a report, a web app) work while a run writes; every write is a
transaction, so a run interrupted halfway leaves the store as it was before that write.

A store is checked when it is opened (an SQLite file, not damaged, of a schema this isnad knows),
so nothing is written into a broken file. Writers are serialised by a lock file beside the store
(`Store.writing`): a whole read-modify-write (add articles, update events, save results) runs
alone, and readers see one committed state (`Store.snapshot`). A store opened ``read_only`` sets
nothing on the file, so a read-only file or folder can still be searched.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

import numpy as np
from filelock import FileLock, Timeout

from isnad.arabic import normalize
from isnad.model import Analysis, Article, ArticleFeatures, Event, Problem, Storyline, StoryLink
from isnad.store.codec import article_from_row, decode_result, encode_record, owner_of
from isnad.store.pieces import BOILERPLATE_MIGRATION, KEPT_LAYERS_MIGRATION, PIECES_MIGRATION, Pieces

SCHEMA_VERSION = 6

# Each entry migrates the store from version i to i+1. Append, never edit: stores in the wild
# were created by the earlier entries.
MIGRATIONS: list[str] = [
    """
    CREATE TABLE articles (
        id          TEXT PRIMARY KEY,
        source_path TEXT NOT NULL,
        title       TEXT,
        outlet      TEXT,
        dateline    TEXT,          -- JSON {text, place, outlet} or NULL
        published   TEXT,
        url         TEXT,
        encoding    TEXT,
        text        TEXT NOT NULL,
        blocks      TEXT NOT NULL, -- JSON [[kind, start, end], ...]
        sentences   TEXT NOT NULL, -- JSON [[start, end], ...]
        added_at    TEXT NOT NULL
    );
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        article_id UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2'
    );
    CREATE TABLE problems (
        source_path TEXT NOT NULL,
        line        INTEGER,
        error       TEXT NOT NULL,
        seen_at     TEXT NOT NULL,
        UNIQUE (source_path, line, error)
    );
    CREATE TABLE results (
        kind    TEXT NOT NULL,     -- events, storylines, reuse, entities, ...
        seq     INTEGER NOT NULL,
        record  TEXT NOT NULL,     -- JSON of one record
        PRIMARY KEY (kind, seq)
    );
    CREATE TABLE result_articles (
        kind       TEXT NOT NULL,
        seq        INTEGER NOT NULL,
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        FOREIGN KEY (kind, seq) REFERENCES results (kind, seq) ON DELETE CASCADE
    );
    CREATE INDEX result_articles_by_article ON result_articles (article_id);
    """,
    # 2: what the stories stage keeps between runs, so new articles join events incrementally.
    """
    CREATE TABLE story_features (
        article_id   TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        day          INTEGER,
        term_ids     BLOB NOT NULL,   -- int32 array
        term_weights BLOB NOT NULL,   -- float32 array
        shingles     BLOB NOT NULL,   -- int32 array
        anchors      BLOB NOT NULL,   -- int32 array
        sources      BLOB NOT NULL,   -- int32 array
        embedding    BLOB NOT NULL    -- float32 array
    );
    CREATE TABLE story_links (
        a          TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        b          TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        similarity REAL NOT NULL,
        event      INTEGER NOT NULL,
        PRIMARY KEY (a, b)
    );
    CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL          -- JSON
    );
    """,
    # 3: the pieces `isnad add` updates one by one (per-article records, reuse signatures, result
    # owners, per-event input fingerprints); see `isnad.store.pieces`.
    PIECES_MIGRATION,
    # 4: what the boilerplate model counts per article, so that `isnad add` grows it as a batch
    # run learns it (`isnad.store.pieces`).
    BOILERPLATE_MIGRATION,
    # 5: the rows of `result_articles` found by their result: deleting a result cascades to them,
    # and without this index each deleted result scanned the whole table (13 s of an `isnad add`
    # of a day that replaced the results of a thousand events).
    "CREATE INDEX result_articles_by_result ON result_articles (kind, seq);",
    # 6: each article's text layer and the labels of parties framing found in it, so that stored
    # articles read again are not tokenised nor searched for labels again (`isnad.store.pieces`).
    # A store made before has none: they are made as before.
    KEPT_LAYERS_MIGRATION,
]


class StoreError(Exception):
    """The store file cannot be used (corrupt, from a newer isnad, not a database, read-only, busy)."""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


_SQLITE_HEADER = b"SQLite format 3\x00"
_REBUILD = "restore it from a backup, or move it aside and rebuild it with isnad analyze PATH --db FILE"
# How long a writer waits for another process's write to finish before giving up.
WRITE_WAIT_SECONDS = 600.0


class Store(Pieces):
    """An isnad store in one SQLite file (or in memory with ``":memory:"``).

    ``read_only`` opens the file for reading alone: nothing is created, migrated or written.
    """

    def __init__(self, path: str | Path = ":memory:", *, read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        in_memory = self.path == ":memory:"
        self._lock = None if in_memory else FileLock(self.path + ".lock", timeout=WRITE_WAIT_SECONDS)
        if not in_memory:
            _check_file(self.path, read_only)
        try:
            self._db = _connect_read_only(self.path) if read_only else _connect(self.path)
        except sqlite3.DatabaseError as exc:
            raise StoreError(
                f"{self.path}: cannot be opened ({exc}); check the path and its permissions"
            ) from None
        try:
            self._db.execute("PRAGMA foreign_keys = ON")
            self._check()
            if read_only:
                self._check_version(writable=False)
            else:
                if not in_memory:
                    self._db.execute("PRAGMA journal_mode = WAL")
                self._migrate()
        except sqlite3.DatabaseError as exc:
            self._db.close()
            raise StoreError(f"{self.path}: {_explain(exc)}") from None
        except StoreError:
            self._db.close()
            raise

    # -- lifecycle -----------------------------------------------------------------------------

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def writing(self) -> Iterator[Store]:
        """Hold the store's write lock: no other process writes until the block ends.

        Wrap every read-modify-write (read what is stored, compute, write back) in it, so that two
        runs never interleave. Blocks while another process holds the lock, at most
        `WRITE_WAIT_SECONDS`.
        """
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only; it cannot be written")
        if self._lock is None:
            yield self
            return
        try:
            self._lock.acquire()
        except Timeout:
            raise StoreError(
                f"{self.path}: another isnad process has been writing to this store for over "
                f"{WRITE_WAIT_SECONDS:.0f} s; wait for it to finish and run again"
            ) from None
        except OSError as exc:
            raise StoreError(
                f"{self.path}: cannot create the lock file {self._lock.lock_file} ({exc.strerror or exc}); "
                "the store's folder must be writable to change the store"
            ) from None
        try:
            yield self
        finally:
            self._lock.release()

    @contextmanager
    def snapshot(self) -> Iterator[Store]:
        """Read in one transaction: every query in the block sees the same committed state."""
        if self._db.in_transaction:
            yield self
            return
        self._db.execute("BEGIN")
        try:
            yield self
        finally:
            self._db.execute("COMMIT")

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write, all or nothing; an SQLite failure (read-only, disk full) as a `StoreError`."""
        try:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
        except sqlite3.DatabaseError as exc:
            if self._db.in_transaction:
                with suppress(sqlite3.Error):
                    self._db.execute("ROLLBACK")
            raise StoreError(f"{self.path}: {_explain(exc)}") from None

    def _check(self) -> None:
        """Refuse a damaged store before anything is read from it or written into it."""
        rows = [row[0] for row in self._db.execute("PRAGMA quick_check").fetchall()]
        if rows != ["ok"]:
            raise StoreError(f"{self.path}: the store is damaged ({rows[0]}); {_REBUILD}")

    def _check_version(self, *, writable: bool) -> int:
        version = int(self._db.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: store schema version {version} is newer than this isnad understands "
                f"({SCHEMA_VERSION}); upgrade isnad"
            )
        if version < SCHEMA_VERSION and not writable:
            raise StoreError(
                f"{self.path}: the store was made by an older isnad (schema {version}) and is opened "
                "read-only; open it once with write access (isnad add --db) to upgrade it"
            )
        return version

    def _migrate(self) -> None:
        # The version is read again inside each write transaction: another process opening the
        # same new store at the same moment may have migrated it meanwhile.
        while self._check_version(writable=True) < SCHEMA_VERSION:
            with self._transaction() as db:
                version = int(db.execute("PRAGMA user_version").fetchone()[0])
                if version >= SCHEMA_VERSION:
                    return
                for statement in MIGRATIONS[version].split(";"):
                    if statement.strip():
                        db.execute(statement)
                db.execute(f"PRAGMA user_version = {version + 1}")

    @property
    def schema_version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    # -- articles ------------------------------------------------------------------------------

    def add_articles(self, articles: Iterable[Article]) -> list[str]:
        """Store articles not seen before, in one transaction; returns the ids that were new.

        An article already in the store (same content hash) is left untouched, so ingesting the
        same input twice changes nothing.
        """
        new: list[str] = []
        with self._transaction() as db:
            for article in articles:
                cursor = db.execute(
                    "INSERT OR IGNORE INTO articles VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                    (
                        article.id,
                        article.source_path,
                        article.title,
                        article.outlet,
                        json.dumps(asdict(article.dateline), ensure_ascii=False)
                        if article.dateline
                        else None,
                        article.published,
                        article.url,
                        article.encoding,
                        article.text,
                        json.dumps([[b.kind, b.start, b.end] for b in article.blocks]),
                        json.dumps([list(s) for s in article.sentences]),
                        _now(),
                    ),
                )
                if cursor.rowcount:
                    new.append(article.id)
                    db.execute(
                        "INSERT INTO articles_fts (article_id, title, body) VALUES (?,?,?)",
                        (article.id, normalize(article.title or ""), normalize(article.text)),
                    )
        return new

    def article_ids(self) -> list[str]:
        return [row[0] for row in self._db.execute("SELECT id FROM articles ORDER BY rowid")]

    def articles(self, ids: Sequence[str] | None = None) -> list[Article]:
        """Articles in insertion order, all of them or those with the given ids."""
        if ids is None:
            rows = self._db.execute("SELECT rowid, * FROM articles ORDER BY rowid").fetchall()
        else:
            rows = []
            unique = sorted(set(ids))
            for start in range(0, len(unique), 500):  # SQLite caps the parameters of one query
                part = unique[start : start + 500]
                rows += self._db.execute(
                    f"SELECT rowid, * FROM articles WHERE id IN ({','.join('?' * len(part))})", part
                ).fetchall()
            rows.sort()
        return [article_from_row(row[1:]) for row in rows]

    def search(self, query: str, limit: int = 20) -> list[tuple[str, str]]:
        """Full-text search over normalised title and text: ``(article_id, snippet)`` pairs.

        The query is normalised like the index, so أ/ا, ة/ه, diacritics and digit scripts match.
        Words are searched as phrases, so punctuation in the query cannot break FTS5 syntax.
        """
        terms = [t for t in normalize(query).replace('"', " ").split() if t]
        if not terms:
            return []
        match = " ".join(f'"{t}"' for t in terms)
        rows = self._db.execute(
            "SELECT article_id, snippet(articles_fts, 2, '[', ']', '…', 12) FROM articles_fts "
            "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
            (match, limit),
        )
        return [(row[0], row[1]) for row in rows]

    # -- problems ------------------------------------------------------------------------------

    def add_problems(self, problems: Iterable[Problem]) -> None:
        with self._transaction() as db:
            db.executemany(
                "INSERT OR IGNORE INTO problems VALUES (?,?,?,?)",
                [(p.source_path, p.line, p.error, _now()) for p in problems],
            )

    def problems(self) -> list[Problem]:
        rows = self._db.execute("SELECT source_path, error, line FROM problems ORDER BY rowid")
        return [Problem(source_path=r[0], error=r[1], line=r[2]) for r in rows]

    # -- analysis results ----------------------------------------------------------------------

    def save_results(self, analysis: Analysis) -> None:
        """Replace the stored results with those of ``analysis``, atomically."""
        groups: dict[str, Sequence[Any]] = {
            "events": analysis.events,
            "storylines": analysis.storylines,
            "reuse": analysis.reuse,
            "entities": analysis.entities,
            "attributions": analysis.attributions,
            "figures": analysis.figures,
            "comparisons": analysis.comparisons,
            "briefs": analysis.briefs,
            "dates": analysis.dates,
            "framings": analysis.framings,
            "provenance": analysis.provenance,
            "storyline_briefs": analysis.storyline_briefs,
            "single_reports": analysis.single_reports,
        }
        with self._transaction() as db:
            db.execute("DELETE FROM results")
            for kind, records in groups.items():
                _insert_results(db, kind, records)

    def load_results(self, version: str) -> Analysis:
        """The stored articles, problems and latest results as an `Analysis`."""
        with self.snapshot():
            analysis = Analysis(version=version, articles=self.articles(), problems=self.problems())
            rows = self._db.execute("SELECT kind, record FROM results ORDER BY kind, seq").fetchall()
        for kind, record in rows:
            getattr(analysis, kind).append(decode_result(kind, json.loads(record)))
        return analysis

    # -- stories: features and links kept for incremental updates ------------------------------

    def story_setting(self) -> Any:
        """The settings the stored story features and links were made with (None when none)."""
        row = self._db.execute("SELECT value FROM settings WHERE key = 'stories'").fetchone()
        return json.loads(row[0]) if row else None

    def reset_stories(self, setting: Any, keep_features: bool = False) -> None:
        """Drop stored story links (and features) made with other settings; record the new ones."""
        with self._transaction() as db:
            db.execute("DELETE FROM story_links")
            if not keep_features:
                db.execute("DELETE FROM story_features")
            db.execute(
                "INSERT OR REPLACE INTO settings VALUES ('stories', ?)",
                (json.dumps(setting, sort_keys=True),),
            )

    def add_story_features(self, features: Iterable[ArticleFeatures], links: Iterable[StoryLink]) -> None:
        """Keep new articles' story features and links, in one transaction."""
        with self._transaction() as db:
            db.executemany(
                "INSERT OR REPLACE INTO story_features VALUES (?,?,?,?,?,?,?,?)",
                [
                    (
                        f.article_id,
                        f.day,
                        f.term_ids.astype("<i4").tobytes(),
                        f.term_weights.astype("<f4").tobytes(),
                        f.shingles.astype("<i4").tobytes(),
                        f.anchors.astype("<i4").tobytes(),
                        f.sources.astype("<i4").tobytes(),
                        f.embedding.astype("<f4").tobytes(),
                    )
                    for f in features
                ],
            )
            db.executemany(
                "INSERT OR REPLACE INTO story_links VALUES (?,?,?,?)",
                [(link.a, link.b, link.similarity, int(link.event)) for link in links],
            )

    def story_features(self) -> list[ArticleFeatures]:
        """Stored story features, in the order the articles were stored."""
        rows = self._db.execute(
            "SELECT f.* FROM story_features f JOIN articles a ON a.id = f.article_id ORDER BY a.rowid"
        )
        return [
            ArticleFeatures(
                article_id=row[0],
                day=row[1],
                term_ids=np.frombuffer(row[2], dtype="<i4").astype(np.int32),
                term_weights=np.frombuffer(row[3], dtype="<f4").astype(np.float32),
                shingles=np.frombuffer(row[4], dtype="<i4").astype(np.int32),
                anchors=np.frombuffer(row[5], dtype="<i4").astype(np.int32),
                sources=np.frombuffer(row[6], dtype="<i4").astype(np.int32),
                embedding=np.frombuffer(row[7], dtype="<f4").astype(np.float32),
            )
            for row in rows
        ]

    def published_dates(self) -> dict[str, str | None]:
        """Every stored article's publication date, without reading its text."""
        return dict(self._db.execute("SELECT id, published FROM articles ORDER BY rowid").fetchall())

    def story_results(self) -> tuple[list[Event], list[Storyline]]:
        """The stored events and storylines alone, without the articles and other results."""
        rows = self._db.execute(
            "SELECT kind, record FROM results WHERE kind IN ('events', 'storylines') ORDER BY kind, seq"
        ).fetchall()
        events = [Event(**json.loads(record)) for kind, record in rows if kind == "events"]
        storylines = [Storyline(**json.loads(record)) for kind, record in rows if kind == "storylines"]
        return events, storylines

    def story_links(self) -> list[StoryLink]:
        rows = self._db.execute("SELECT a, b, similarity, event FROM story_links ORDER BY a, b")
        return [StoryLink(a, b, similarity, bool(event)) for a, b, similarity, event in rows]

    def save_story_results(self, events: Sequence[Event], storylines: Sequence[Storyline]) -> None:
        """Replace the stored events and storylines only, leaving the other results as they are."""
        with self._transaction() as db:
            groups: dict[str, Sequence[Event | Storyline]] = {"events": events, "storylines": storylines}
            for kind, records in groups.items():
                db.execute("DELETE FROM results WHERE kind = ?", (kind,))
                _insert_results(db, kind, records)


def _check_file(path: str, read_only: bool) -> None:
    """Refuse what is plainly not a store before SQLite opens it (and, writing, turns it into one)."""
    file = Path(path)
    if not file.exists():
        if read_only:
            raise StoreError(f"{path}: no such store; create it with isnad add PATH --db {path}")
        return
    if file.is_dir():
        raise StoreError(f"{path}: is a folder, not a store file; give the path of a .db file")
    try:
        with file.open("rb") as handle:
            header = handle.read(len(_SQLITE_HEADER))
    except OSError as exc:
        raise StoreError(f"{path}: cannot be read ({exc.strerror or exc}); check its permissions") from None
    if header and header != _SQLITE_HEADER:
        raise StoreError(
            f"{path}: not a usable isnad store (it is not an SQLite database); give the path of a store or of a new file"
        )


def _connect(path: str) -> sqlite3.Connection:
    # A reader in WAL mode never blocks a writer; writers wait for each other at most this long
    # (they are serialised by `Store.writing` first).
    return sqlite3.connect(path, isolation_level=None, timeout=30.0)


def _connect_read_only(path: str) -> sqlite3.Connection:
    """A connection that writes nothing; on a read-only folder, where SQLite cannot keep the
    shared-memory file WAL readers need, the file is read as immutable (nobody can write it there)."""
    uri = f"file:{quote(str(Path(path).resolve()))}"
    db = sqlite3.connect(f"{uri}?mode=ro", uri=True, isolation_level=None, timeout=30.0)
    try:
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return db
    except sqlite3.OperationalError:
        db.close()
        return sqlite3.connect(f"{uri}?immutable=1", uri=True, isolation_level=None)


def _explain(exc: sqlite3.DatabaseError) -> str:
    """An SQLite error in words a user can act on."""
    message = str(exc)
    if "readonly" in message or "read-only" in message:
        return "the store is read-only; give a store you may write to, or copy it and use the copy"
    if "disk is full" in message or "disk I/O" in message:
        return f"cannot write ({message}); free disk space and run again (nothing was changed)"
    if "locked" in message or "busy" in message:
        return f"the store is busy ({message}); another program holds it, run again when it is done"
    if "not a database" in message or "malformed" in message or "corrupt" in message:
        return f"the store is damaged ({message}); {_REBUILD}"
    return f"cannot be used ({message})"


def _insert_results(db: sqlite3.Connection, kind: str, records: Sequence[Any], first_seq: int = 0) -> None:
    """Write one kind of result record in order, with its owner and the articles it names."""
    for seq, record in enumerate(records, start=first_seq):
        db.execute(
            "INSERT INTO results (kind, seq, record, owner) VALUES (?,?,?,?)",
            (kind, seq, encode_record(record), owner_of(kind, record)),
        )
        db.executemany(
            "INSERT INTO result_articles VALUES (?,?,?)",
            [(kind, seq, article_id) for article_id in _article_ids_of(record)],
        )


def _article_ids_of(record: object) -> set[str]:
    """The articles a result record refers to, so results can be found by article."""
    ids: set[str] = set()
    for name in ("article_id", "a", "b", "source_article_id"):
        value = getattr(record, name, None)
        if isinstance(value, str):
            ids.add(value)
    ids.update(getattr(record, "article_ids", []) or [])
    for nested in ("mentions", "claims", "sentences"):
        for item in getattr(record, nested, []) or []:
            ids |= _article_ids_of(item)
    return ids
