"""The store's story tables: features and links kept for incremental updates (schema 2)."""

import sqlite3
from pathlib import Path

import numpy as np

from isnad.model import Analysis, Article, ArticleFeatures, Event, ReuseLink, Storyline, StoryLink
from isnad.store import MIGRATIONS, SCHEMA_VERSION, Store


def _article(id_: str) -> Article:
    return Article(id=id_, text=f"نص الخبر {id_}", source_path=f"/tmp/{id_}.txt")


def _features(id_: str, day: int | None = 737000) -> ArticleFeatures:
    return ArticleFeatures(
        article_id=id_,
        day=day,
        term_ids=np.array([3, 17, 4_000_000], dtype=np.int32),
        term_weights=np.array([0.6, 0.64, 0.48], dtype=np.float32),
        shingles=np.array([8], dtype=np.int32),
        anchors=np.zeros(0, dtype=np.int32),
        embedding=np.linspace(-1, 1, 512, dtype=np.float32),
        sources=np.array([42], dtype=np.int32),
    )


def test_features_and_links_round_trip() -> None:
    store = Store()
    store.add_articles([_article("a"), _article("b")])
    link = StoryLink("a", "b", 0.5, True)
    store.add_story_features([_features("a"), _features("b", None)], [link])
    loaded = store.story_features()
    assert [f.article_id for f in loaded] == ["a", "b"]
    assert loaded[1].day is None
    for name in ("term_ids", "term_weights", "shingles", "anchors", "embedding", "sources"):
        original = getattr(_features("a"), name)
        assert np.array_equal(getattr(loaded[0], name), original)
        assert getattr(loaded[0], name).dtype == original.dtype
    assert store.story_links() == [link]


def test_story_results_leave_other_results_alone() -> None:
    store = Store()
    store.add_articles([_article("a"), _article("b")])
    reuse = ReuseLink("a", "b", 0.4)
    store.save_results(Analysis(version="t", events=[Event("e0", ["a", "b"], "قديم")], reuse=[reuse]))
    events = [Event("e1", ["a"], "حدث", "s1"), Event("e2", ["b"], "حدث آخر", "s1")]
    storylines = [Storyline("s1", ["e1", "e2"], "قصة")]
    store.save_story_results(events, storylines)
    loaded = store.load_results("t")
    assert loaded.events == events
    assert loaded.storylines == storylines
    assert loaded.reuse == [reuse]


def test_reset_drops_links_and_optionally_features() -> None:
    store = Store()
    store.add_articles([_article("a"), _article("b")])
    store.add_story_features([_features("a"), _features("b")], [StoryLink("a", "b", 0.5, True)])
    store.reset_stories({"features": 1, "params": {"x": 1}}, keep_features=True)
    assert store.story_links() == []
    assert len(store.story_features()) == 2
    assert store.story_setting() == {"features": 1, "params": {"x": 1}}
    store.reset_stories({"features": 2}, keep_features=False)
    assert store.story_features() == []


def test_a_version_1_store_is_migrated_keeping_its_articles(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    connection = sqlite3.connect(db)
    connection.executescript(MIGRATIONS[0])
    connection.execute("PRAGMA user_version = 1")
    connection.execute(
        "INSERT INTO articles VALUES ('a', '/a.txt', NULL, NULL, NULL, NULL, NULL, NULL, 'نص', '[]', '[]', 'now')"
    )
    connection.commit()
    connection.close()
    with Store(db) as store:
        assert store.schema_version == SCHEMA_VERSION == 6
        assert store.article_ids() == ["a"]
        assert store.story_features() == []
        assert store.story_setting() is None


def test_a_version_2_store_gets_result_owners_from_its_records(tmp_path: Path) -> None:
    db = tmp_path / "v2.db"
    connection = sqlite3.connect(db)
    connection.executescript(MIGRATIONS[0] + ";" + MIGRATIONS[1])
    connection.execute("PRAGMA user_version = 2")
    rows = [
        ("events", '{"id": "e1", "article_ids": ["a"], "title": "t", "storyline_id": null}', "e1"),
        ("reuse", '{"a": "a", "b": "b", "score": 1.0, "passages": []}', "a b"),
        ("figures", '{"article_id": "a", "value": 3}', "a"),
        ("framings", '{"scope": "event", "scope_id": "e1", "outlets": []}', "e1"),
        ("storyline_briefs", '{"storyline_id": "s1", "sentences": []}', "s1"),
        ("briefs", '{"event_id": "e1", "sentences": []}', "e1"),
    ]
    connection.executemany(
        "INSERT INTO results VALUES (?, 0, ?)", [(kind, record) for kind, record, _ in rows]
    )
    connection.commit()
    connection.close()
    with Store(db):
        pass
    connection = sqlite3.connect(db)
    owners = dict(connection.execute("SELECT kind, owner FROM results").fetchall())
    connection.close()
    assert owners == {kind: owner for kind, _, owner in rows}


def test_deleting_results_finds_their_article_rows_by_index(tmp_path: Path) -> None:
    # A result's rows in `result_articles` go with it (ON DELETE CASCADE): without an index on
    # (kind, seq), every deleted result would scan the whole table.
    with Store(tmp_path / "s.db"):
        pass
    connection = sqlite3.connect(tmp_path / "s.db")
    plan = connection.execute(
        "EXPLAIN QUERY PLAN SELECT * FROM result_articles WHERE kind = 'events' AND seq = 3"
    ).fetchall()
    connection.close()
    assert any("result_articles_by_result" in str(row) for row in plan)
