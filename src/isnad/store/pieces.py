"""The pieces `isnad add` keeps so that adding articles updates only what they change.

- ``article_pass``: one row per article whose per-article pass is stored: the hash of its
  normalised content (exact copies share it) and the MinHash signatures of its chunks, the reuse
  index new articles are looked up in.
- ``article_records``: what the per-article pass found in each article, rows per article:
  attributions (before sources are linked across articles), figures, dates and entity mentions
  (before they are linked into entities).
- ``results.owner``: the article, event, storyline, entity or pair each result row belongs to,
  so one owner's rows are replaced without touching the others.
- ``boilerplate_rows``: what the boilerplate model counts in each article (its runs' hashes, its
  short lines), and the model itself in ``settings``, so that each addition grows the model as a
  batch run over the whole store would learn it (`isnad.corpus.boilerplate_growth.grow`).
- ``article_layer``: each article's text layer (`isnad.article.doc.Doc.layer`: token offsets,
  kinds, forms and terms), so that the stages that read stored articles again (reuse partners,
  the events a new day changes) do not tokenise them again.
- ``article_labels``: the labels of parties framing found in each article, with a digest of the
  entity spans they were found with, so that a storyline a new event joins is framed again
  without finding its older articles' labels again.
- ``stage_inputs``: per event and storyline, a fingerprint of what its per-event results
  (comparisons, brief, framing, provenance) were computed from; an unchanged fingerprint means
  the stored results are those a fresh run would give.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray

from isnad.article.doc import LAYER_VERSION, Doc
from isnad.corpus.boilerplate import Boilerplate
from isnad.corpus.boilerplate_growth import Recurring
from isnad.event.actors import LABELS_VERSION, LabelMention
from isnad.model import Article, Attribution, Date, Figure, Mention, publication_day
from isnad.store.codec import (
    decode_labels,
    decode_mention,
    decode_result,
    encode_labels,
    encode_mention,
    encode_record,
)

PIECES_MIGRATION = """
    ALTER TABLE results ADD COLUMN owner TEXT;
    UPDATE results SET owner = CASE
        WHEN kind = 'reuse' THEN json_extract(record, '$.a') || ' ' || json_extract(record, '$.b')
        WHEN kind IN ('events', 'storylines', 'entities') THEN json_extract(record, '$.id')
        WHEN kind IN ('attributions', 'figures', 'dates') THEN json_extract(record, '$.article_id')
        WHEN kind = 'framings' THEN json_extract(record, '$.scope_id')
        WHEN kind = 'storyline_briefs' THEN json_extract(record, '$.storyline_id')
        ELSE json_extract(record, '$.event_id') END;
    CREATE INDEX results_by_owner ON results (kind, owner);
    CREATE TABLE article_pass (
        article_id   TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        content_hash TEXT NOT NULL,     -- empty for too few content stems (reuse.duplicate_key)
        chunks       INTEGER NOT NULL,  -- rows of the signature matrix
        signatures   BLOB NOT NULL      -- uint32, chunks x permutations
    );
    CREATE INDEX article_pass_by_hash ON article_pass (content_hash);
    CREATE TABLE article_records (
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        kind       TEXT NOT NULL,       -- attributions, figures, dates, mentions
        seq        INTEGER NOT NULL,
        record     TEXT NOT NULL,       -- JSON of one record
        PRIMARY KEY (article_id, kind, seq)
    );
    CREATE TABLE stage_inputs (
        scope_id    TEXT PRIMARY KEY,   -- an event or storyline id
        fingerprint TEXT NOT NULL
    );
"""

BOILERPLATE_MIGRATION = """
    CREATE TABLE boilerplate_rows (
        article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        runs       BLOB NOT NULL,       -- uint64, the sorted hashes of its distinct runs
        lines      TEXT NOT NULL        -- JSON [outlet, title, [line, ...]], normalised
    );
"""

KEPT_LAYERS_MIGRATION = """
    CREATE TABLE article_layer (
        article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        version    INTEGER NOT NULL,    -- the isnad.article.doc.LAYER_VERSION it was made with
        layer      BLOB NOT NULL        -- Doc.layer()
    );
    CREATE TABLE article_labels (
        article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        version    INTEGER NOT NULL,    -- the isnad.event.actors.LABELS_VERSION they were found with
        spans      TEXT NOT NULL,       -- a digest of the entity spans they were found with
        labels     TEXT NOT NULL        -- JSON, isnad.store.codec.encode_labels
    );
"""

Found = tuple[Any, Mention]  # (entity type, mention), as `isnad.article.entities` finds them


@dataclass
class ArticlePieces:
    """What the per-article pass leaves in the store for one article."""

    article_id: str
    content_hash: str
    signatures: NDArray[np.uint32]
    outlet: str | None = None  # as the pass settled it (an outlet named as translator)
    attributions: list[Attribution] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    dates: list[Date] = field(default_factory=list)
    mentions: list[Found] = field(default_factory=list)
    layer: bytes = b""  # `Doc.layer()`; empty: none kept


@dataclass
class StoredSignatures:
    """The reuse index: every stored article's chunk signatures, in the order articles were stored."""

    article_ids: list[str]
    chunks: NDArray[np.int64]  # chunks per article
    rows: NDArray[np.uint32]  # all chunks' signatures, article after article


class Pieces:
    """The store's methods over these tables (mixed into `isnad.store.Store`)."""

    _db: sqlite3.Connection

    def _transaction(self) -> AbstractContextManager[sqlite3.Connection]:  # pragma: no cover
        raise NotImplementedError

    # -- per article ---------------------------------------------------------------------------

    def add_article_pieces(self, pieces: Iterable[ArticlePieces]) -> None:
        """Keep (or replace) the per-article pass's records and signatures, in one transaction."""
        with self._transaction() as db:
            for piece in pieces:
                db.execute("DELETE FROM article_records WHERE article_id = ?", (piece.article_id,))
                if piece.outlet is not None:
                    db.execute(
                        "UPDATE articles SET outlet = ? WHERE id = ? AND outlet IS NULL",
                        (piece.outlet, piece.article_id),
                    )
                signatures = np.ascontiguousarray(piece.signatures, dtype="<u4")
                db.execute(
                    "INSERT OR REPLACE INTO article_pass VALUES (?,?,?,?)",
                    (piece.article_id, piece.content_hash, len(signatures), signatures.tobytes()),
                )
                rows: list[tuple[str, str, int, str]] = []
                for kind, records in (
                    ("attributions", piece.attributions),
                    ("figures", piece.figures),
                    ("dates", piece.dates),
                ):
                    rows += [(piece.article_id, kind, n, encode_record(r)) for n, r in enumerate(records)]
                rows += [
                    (piece.article_id, "mentions", n, encode_mention(t, m))
                    for n, (t, m) in enumerate(piece.mentions)
                ]
                db.executemany("INSERT INTO article_records VALUES (?,?,?,?)", rows)
                if piece.layer:
                    db.execute(
                        "INSERT OR REPLACE INTO article_layer VALUES (?,?,?)",
                        (piece.article_id, LAYER_VERSION, piece.layer),
                    )

    def docs(self, ids: Sequence[str]) -> list[Doc]:
        """The Docs of stored articles (in storage order), from their kept text layer when it is
        of this version, else made from the text."""
        layers: dict[str, bytes] = dict(self._kept("article_layer", "layer", LAYER_VERSION, ids))
        return [Doc.from_layer(a, layers[a.id]) if a.id in layers else Doc(a) for a in self.articles(ids)]

    def label_mentions(self, spans: Mapping[str, str]) -> dict[str, list[LabelMention]]:
        """The kept label mentions of the articles of ``spans`` (article id -> digest of its
        entity spans) found with those spans and this version."""
        return {
            article_id: decode_labels(article_id, json.loads(labels))
            for article_id, digest, labels in self._kept(
                "article_labels", "spans, labels", LABELS_VERSION, list(spans)
            )
            if spans[article_id] == digest
        }

    def _kept(self, table: str, columns: str, version: int, ids: Sequence[str]) -> Iterator[tuple[Any, ...]]:
        """(article id, ``columns``...) of the rows of ``table`` kept for ``ids`` at ``version``."""
        for part in _parts(ids):
            assert part is not None
            yield from self._db.execute(
                f"SELECT article_id, {columns} FROM {table} WHERE version = ? "
                f"AND article_id IN ({','.join('?' * len(part))})",
                (version, *part),
            )

    def keep_label_mentions(self, found: Mapping[str, tuple[str, list[LabelMention]]]) -> None:
        """Keep (or replace) label mentions: article id -> (digest of its entity spans, labels)."""
        with self._transaction() as db:
            db.executemany(
                "INSERT OR REPLACE INTO article_labels VALUES (?,?,?,?)",
                [(i, LABELS_VERSION, digest, encode_labels(labels)) for i, (digest, labels) in found.items()],
            )

    def articles(self, ids: Sequence[str] | None = None) -> list[Article]:  # pragma: no cover
        raise NotImplementedError

    def articles_with_pieces(self) -> set[str]:
        return {row[0] for row in self._db.execute("SELECT article_id FROM article_pass")}

    def article_records(self, kind: str, ids: Sequence[str] | None = None) -> dict[str, list[Any]]:
        """The stored per-article records of ``kind`` by article, articles in the order stored
        (``mentions`` as (entity type, mention) pairs)."""
        decode = (lambda d: decode_mention(d)) if kind == "mentions" else (lambda d: decode_result(kind, d))
        sql = (
            "SELECT r.article_id, r.record FROM article_records r JOIN articles a ON a.id = r.article_id "
            "WHERE r.kind = ? {} ORDER BY a.rowid, r.seq"
        )
        found: dict[str, list[Any]] = defaultdict(list)
        for part in _parts(ids):
            where = "" if part is None else f"AND r.article_id IN ({','.join('?' * len(part))})"
            for article_id, record in self._db.execute(sql.format(where), (kind, *(part or ()))):
                found[article_id].append(decode(json.loads(record)))
        if ids is not None and len(ids) > 500:  # several queries: back into storage order
            order = {article_id: n for n, article_id in enumerate(self._order(found))}
            return dict(sorted(found.items(), key=lambda item: order[item[0]]))
        return dict(found)

    def _order(self, ids: Iterable[str]) -> list[str]:
        wanted = set(ids)
        return [
            row[0] for row in self._db.execute("SELECT id FROM articles ORDER BY rowid") if row[0] in wanted
        ]

    def reuse_signatures(self, num_perm: int) -> StoredSignatures:
        rows = self._db.execute(
            "SELECT p.article_id, p.chunks, p.signatures FROM article_pass p "
            "JOIN articles a ON a.id = p.article_id ORDER BY a.rowid"
        ).fetchall()
        matrix = np.frombuffer(b"".join(r[2] for r in rows), dtype="<u4").astype(np.uint32)
        return StoredSignatures(
            [r[0] for r in rows],
            np.array([r[1] for r in rows], dtype=np.int64),
            matrix.reshape(-1, num_perm),
        )

    def content_hashes(self) -> dict[str, str]:
        """Every stored article's content hash (empty: no content stems)."""
        return dict(self._db.execute("SELECT article_id, content_hash FROM article_pass").fetchall())

    def same_content(self, hashes: Iterable[str]) -> dict[str, list[str]]:
        """Stored articles by content hash, for the given hashes (empty ones never match)."""
        found: dict[str, list[str]] = defaultdict(list)
        for part in _parts(sorted({h for h in hashes if h})):
            assert part is not None
            rows = self._db.execute(
                "SELECT p.content_hash, p.article_id FROM article_pass p JOIN articles a ON a.id = p.article_id "
                f"WHERE p.content_hash IN ({','.join('?' * len(part))}) ORDER BY a.rowid",
                part,
            )
            for content_hash, article_id in rows:
                found[content_hash].append(article_id)
        return dict(found)

    # -- the boilerplate model ---------------------------------------------------------------

    def boilerplate(self) -> tuple[Boilerplate | None, dict[str, Recurring]]:
        """The stored boilerplate model (None before any, or when an older isnad kept it) and the
        rows it was learnt from."""
        row = self._db.execute("SELECT value FROM settings WHERE key = 'boilerplate'").fetchone()
        try:
            model = Boilerplate.from_json(row[0]) if row else None
        except ValueError:  # kept by an isnad whose formulas held for every day
            model = None
        rows = {}
        for article_id, runs, lines, published in self._db.execute(
            "SELECT b.article_id, b.runs, b.lines, a.published FROM boilerplate_rows b "
            "JOIN articles a ON a.id = b.article_id"
        ):
            outlet, title, found = json.loads(lines)
            rows[article_id] = Recurring(
                np.frombuffer(runs, dtype="<u8").astype(np.uint64),
                outlet,
                title,
                found,
                publication_day(published) or 0,
            )
        return model, rows

    def set_boilerplate(self, model: Boilerplate, rows: Mapping[str, Recurring]) -> None:
        """Keep the model and the rows of the articles it learnt from anew."""
        with self._transaction() as db:
            db.execute("INSERT OR REPLACE INTO settings VALUES ('boilerplate', ?)", (model.to_json(),))
            db.executemany(
                "INSERT OR REPLACE INTO boilerplate_rows VALUES (?,?,?)",
                [
                    (
                        article_id,
                        np.ascontiguousarray(row.runs, dtype="<u8").tobytes(),
                        json.dumps([row.outlet, row.title, row.lines], ensure_ascii=False),
                    )
                    for article_id, row in rows.items()
                ],
            )

    def article_stamps(self) -> list[tuple[str, str | None, str | None]]:
        """(id, outlet, publication date) of every stored article, in the order stored, without
        its text: what the reuse direction reads of the whole store."""
        return self._db.execute("SELECT id, outlet, published FROM articles ORDER BY rowid").fetchall()

    def setting(self, key: str) -> Any:
        """A value kept in ``settings`` (JSON), None when never set."""
        row = self._db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else None

    def set_setting(self, key: str, value: Any) -> None:
        with self._transaction() as db:
            db.execute(
                "INSERT OR REPLACE INTO settings VALUES (?, ?)", (key, json.dumps(value, sort_keys=True))
            )

    def drop_story_features(self, ids: Iterable[str]) -> None:
        """Forget the story features and links of these articles (made again with a grown model)."""
        with self._transaction() as db:
            for part in _parts(sorted(set(ids))):
                assert part is not None
                marks = ",".join("?" * len(part))
                db.execute(f"DELETE FROM story_features WHERE article_id IN ({marks})", part)
                db.execute(f"DELETE FROM story_links WHERE a IN ({marks}) OR b IN ({marks})", (*part, *part))

    # -- results by owner ----------------------------------------------------------------------

    def owned_results(self, kind: str) -> dict[str | None, list[str]]:
        """The stored JSON of every result of ``kind`` by owner (None: a row from before owners)."""
        found: dict[str | None, list[str]] = defaultdict(list)
        for owner, record in self._db.execute(
            "SELECT owner, record FROM results WHERE kind = ? ORDER BY seq", (kind,)
        ):
            found[owner].append(record)
        return dict(found)

    def results_of(self, kind: str, owners: Sequence[str] | None = None) -> list[Any]:
        """The stored results of ``kind``, all of them or those of the given owners."""
        out: list[Any] = []
        for part in _parts(None if owners is None else sorted(set(owners))):
            where = "" if part is None else f"AND owner IN ({','.join('?' * len(part))})"
            rows = self._db.execute(
                f"SELECT record FROM results WHERE kind = ? {where} ORDER BY seq", (kind, *(part or ()))
            )
            out += [decode_result(kind, json.loads(row[0])) for row in rows]
        return out

    def replace_results(
        self, changes: Mapping[str, tuple[Mapping[str, Sequence[Any]], Iterable[str]]]
    ) -> None:
        """Per kind, ``(records by owner, owners to drop)``: each listed owner's rows are replaced
        by its records (none: removed), rows of dropped owners and rows without an owner are
        removed, and every other row is kept; all in one transaction."""
        from isnad.store import _insert_results  # the writer's own row format

        with self._transaction() as db:
            for kind, (by_owner, drop) in changes.items():
                gone = [*by_owner, *drop]
                # Rows of `result_articles` go with their result (ON DELETE CASCADE).
                db.execute("DELETE FROM results WHERE kind = ? AND owner IS NULL", (kind,))
                for part in _parts(sorted(set(gone))):
                    assert part is not None
                    marks = ",".join("?" * len(part))
                    db.execute(f"DELETE FROM results WHERE kind = ? AND owner IN ({marks})", (kind, *part))
                last = db.execute("SELECT max(seq) FROM results WHERE kind = ?", (kind,)).fetchone()[0]
                records = [r for owner in by_owner for r in by_owner[owner]]
                _insert_results(db, kind, records, first_seq=0 if last is None else last + 1)

    # -- per-event inputs ----------------------------------------------------------------------

    def stage_fingerprints(self) -> dict[str, str]:
        return dict(self._db.execute("SELECT scope_id, fingerprint FROM stage_inputs").fetchall())

    def set_stage_fingerprints(self, fingerprints: Mapping[str, str], replace_all: bool = False) -> None:
        """Record the inputs the stored per-event results were made from (``replace_all``: the
        given ones are all there are)."""
        with self._transaction() as db:
            if replace_all:
                db.execute("DELETE FROM stage_inputs")
            db.executemany("INSERT OR REPLACE INTO stage_inputs VALUES (?,?)", list(fingerprints.items()))

    def drop_stage_fingerprints(self, scope_ids: Iterable[str]) -> None:
        with self._transaction() as db:
            db.executemany("DELETE FROM stage_inputs WHERE scope_id = ?", [(i,) for i in scope_ids])


def _parts(ids: Sequence[str] | None, size: int = 500) -> Iterator[Sequence[str] | None]:
    """``ids`` in slices SQLite accepts as parameters of one query (None: no filter)."""
    if ids is None:
        yield None
        return
    for start in range(0, len(ids), size):
        yield ids[start : start + size]
