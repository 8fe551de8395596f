import sqlite3
from pathlib import Path

import pytest

from isnad.model import Analysis, Article, Block, Dateline, Event, Passage, Problem, ReuseLink, Storyline
from isnad.store import SCHEMA_VERSION, Store, StoreError


def _article(text: str, id_: str) -> Article:
    return Article(
        id=id_,
        text=text,
        source_path=f"/tmp/{id_}.txt",
        title="عنوان",
        dateline=Dateline("لندن-سانا", "لندن", "سانا"),
        blocks=[Block("paragraph", 0, len(text))],
        sentences=[(0, len(text))],
    )


def test_new_store_has_current_schema(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        assert store.schema_version == SCHEMA_VERSION
    mode = sqlite3.connect(tmp_path / "s.db").execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_adding_the_same_article_twice_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    with Store(db) as store:
        assert store.add_articles([_article("نص الخبر الأول", "a1")]) == ["a1"]
    with Store(db) as store:
        assert store.add_articles([_article("نص الخبر الأول", "a1")]) == []
        assert store.article_ids() == ["a1"]
        assert store.search("الخبر")
        assert len(store.search("الخبر")) == 1


def test_article_round_trip() -> None:
    store = Store()
    original = _article("ذكرت صحيفة الغارديان أن المقاتلين يفرون.", "a1")
    store.add_articles([original])
    assert store.articles() == [original]


def test_search_matches_spelling_variants() -> None:
    store = Store()
    store.add_articles([_article("قالت الصحيفة إن أكثر من ١٥٠ أجنبياً اتصلوا", "a1")])
    assert [hit for hit, _ in store.search("اجنبيا")] == ["a1"]
    assert [hit for hit, _ in store.search("150")] == ["a1"]
    assert store.search('"; DROP TABLE articles; --') == []


def test_failed_write_leaves_store_unchanged() -> None:
    store = Store()
    store.add_articles([_article("نص", "a1")])

    def articles():  # the second item blows up halfway through the transaction
        yield _article("نص آخر", "a2")
        raise RuntimeError("crash while reading")

    with pytest.raises(RuntimeError):
        store.add_articles(articles())
    assert store.article_ids() == ["a1"]


def test_results_replace_and_round_trip() -> None:
    store = Store()
    store.add_articles([_article("نص مشترك طويل", "a1"), _article("نص مشترك آخر", "a2")])
    link = ReuseLink("a1", "a2", 0.5, [Passage((0, 3), (0, 3), 1.0)])
    analysis = Analysis(
        version="t",
        events=[Event("e1", ["a1", "a2"], "حدث", "s1")],
        storylines=[Storyline("s1", ["e1"], "قصة")],
        reuse=[link],
    )
    store.save_results(analysis)
    store.save_results(analysis)  # replaced, not duplicated
    loaded = store.load_results("t")
    assert loaded.events == analysis.events
    assert loaded.reuse == [link]
    assert loaded.storylines == analysis.storylines


def test_problems_are_recorded_once() -> None:
    store = Store()
    problem = Problem("/x.jsonl", "line is not JSON", 3)
    store.add_problems([problem])
    store.add_problems([problem])
    assert store.problems() == [problem]


def test_store_from_a_newer_isnad_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    Store(db).close()
    connection = sqlite3.connect(db)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()
    with pytest.raises(StoreError, match="newer"):
        Store(db)


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.db"
    bogus.write_text("just some text, not sqlite " * 100)
    with pytest.raises(StoreError, match="not a usable isnad store"):
        Store(bogus)
