"""The per-article pass: a pool of workers gives exactly the records of one process."""

from __future__ import annotations

import gc
import os
from pathlib import Path

import numpy as np
import pytest

from isnad import article_pass, pipeline
from isnad.corpus.stories import update_store
from isnad.model import Article
from isnad.store import Store
from tests.conftest import SEEDS


def test_workers_give_the_records_of_one_process(
    seed_articles: dict[str, Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = list(seed_articles.values())
    serial = list(article_pass.article_pass(articles, workers=1))
    monkeypatch.setattr(article_pass, "BATCH_SIZE", 2)  # three batches over two workers, two pools
    monkeypatch.setattr(article_pass, "MIN_PARALLEL", 2)
    monkeypatch.setattr(article_pass, "POOL_BATCHES", 2)  # the third batch goes to fresh workers
    pooled = list(article_pass.article_pass(articles, workers=2))
    assert [r.article.id for r in pooled] == [a.id for a in articles]
    for one, other in zip(serial, pooled, strict=True):
        assert other.article.outlet == one.article.outlet
        assert other.extraction == one.extraction
        assert other.doc.all_tokens == one.doc.all_tokens
        for name in ("term_ids", "term_weights", "shingles", "anchors", "sources"):
            assert np.array_equal(getattr(other.features, name), getattr(one.features, name))
        assert np.allclose(other.features.embedding, one.features.embedding, atol=1e-6)


def test_add_in_small_batches_gives_the_stories_of_one_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store(tmp_path / "whole.db") as store:
        articles, _ = pipeline.read([SEEDS])
        store.add_articles(articles)
        whole = update_store(store)
    monkeypatch.setattr(pipeline, "READ_BATCH", 2)
    monkeypatch.setattr("isnad.corpus.stories.FEATURE_BATCH", 2)
    added = pipeline.add([SEEDS], tmp_path / "batched.db")
    assert len(added.new) == 5
    assert added.already_stored == 0
    assert [e.article_ids for e in added.events] == [e.article_ids for e in whole[0]]
    assert [s.event_ids for s in added.storylines] == [s.event_ids for s in whole[1]]


def test_analysis_without_a_store_touches_no_sqlite(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_store(*args: object, **kwargs: object) -> None:
        raise AssertionError("a run without --db opened a store")

    monkeypatch.setattr(pipeline, "Store", no_store)
    analysis = pipeline.analyze([SEEDS])
    assert len(analysis.articles) == 5
    assert analysis.events


def test_work_beside_runs_in_another_process_and_gives_its_result() -> None:
    def work() -> tuple[int, list[int]]:
        return os.getpid(), [n * n for n in range(5)]

    with article_pass.beside(work, workers=2) as result:
        here = os.getpid()
        pid, squares = result()
    assert squares == [0, 1, 4, 9, 16]
    assert pid != here
    with article_pass.beside(work, workers=1) as result:
        assert result()[0] == os.getpid()  # one core: done in this process when asked


def test_a_run_pauses_the_collector_and_turns_it_on_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[bool] = []
    segment = pipeline.segment

    def watched(article: Article) -> Article:
        seen.append(gc.isenabled())
        return segment(article)

    monkeypatch.setattr(pipeline, "segment", watched)
    assert gc.isenabled()
    pipeline.analyze([SEEDS])
    pipeline.add([SEEDS], tmp_path / "store.db")
    assert seen
    assert not any(seen)  # off while articles were read, in analyze and in add
    assert gc.isenabled()
