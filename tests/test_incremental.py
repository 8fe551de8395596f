"""Incremental equals batch: `isnad add` in any batches, in any order, leaves in the store every
result a batch run over the same articles (`isnad analyze --db`) leaves, the articles stored in
the same order (the order names the two sides of a reuse pair: ``a`` is the one stored first).

The corpus is the seeds plus 35 real articles of one day (SaudiNewsNet 2015-08-04, read from
../shared/data, never copied here): ten groups of two or three articles that open alike (copies
of one release, so reuse links and shared events) and twelve others; every result must be equal.
It learns no boilerplate (asserted): what a store does when its boilerplate grows is tested on
two real days (`test_a_second_day_that_grows_the_boilerplate_gives_the_batch_results`).
"""

from __future__ import annotations

import gzip
import json
import sqlite3
from collections import defaultdict
from dataclasses import replace
from itertools import islice, pairwise
from pathlib import Path
from typing import Literal

import numpy as np
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from isnad import article_pass, incremental
from isnad.article.doc import Corpus
from isnad.corpus.boilerplate import Boilerplate
from isnad.corpus.reuse_candidates import candidate_pairs
from isnad.corpus.reuse_index import candidates_with_stored, signatures
from isnad.corpus.reuse_weights import ReuseParams
from isnad.event.actors import EntitySpans
from isnad.incremental import TOLD, TRACED, fingerprints
from isnad.model import Attribution, Entity, Event, Mention
from isnad.pipeline import add, analyze, read
from isnad.store import Store
from isnad.store.codec import RESULT_KINDS, encode_record
from isnad.store.pieces import StoredSignatures
from tests.gates import shared_data

SEEDS = Path(__file__).resolve().parent.parent / "examples" / "seeds"
KINDS = RESULT_KINDS


def _real_articles() -> list[str]:
    """Raw lines: ten groups of articles whose text opens with the same five words, and twelve
    articles spread over the day that share their opening with none."""
    day = shared_data("saudinewsnet/2015-08-04.jsonl.gz")
    groups: dict[str, list[str]] = defaultdict(list)
    with gzip.open(day, "rt", encoding="utf-8") as lines:
        raw = lines.read().splitlines()
    for line in raw:
        groups[" ".join(json.loads(line)["text"].split()[:5])].append(line)
    copies = [g for g in groups.values() if 2 <= len(g) <= 3][:10]
    alone = [g[0] for g in groups.values() if len(g) == 1][::60][:12]
    return [line for g in copies for line in g] + alone


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """One file per article."""
    folder = tmp_path_factory.mktemp("corpus")
    files = sorted(SEEDS.glob("*.txt"))
    for n, line in enumerate(_real_articles()):
        path = folder / f"{n:03d}.jsonl"
        path.write_text(line + "\n", encoding="utf-8")
        files.append(path)
    return files


def results(db: Path) -> dict[str, list[str]]:
    """Every stored result, per kind, as sorted JSON (rows are kept per owner, not in run order)."""
    with Store(db) as store:
        analysis = store.load_results("test")
    return {kind: sorted(encode_record(r) for r in getattr(analysis, kind)) for kind in KINDS}


@pytest.fixture(scope="module")
def batch(corpus: list[Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    articles, _ = read(corpus)
    # Boilerplate is tested apart: this corpus learns none.
    learnt = Boilerplate.learn(articles)
    assert learnt.lines == {}
    assert learnt.formulas == {}
    db = tmp_path_factory.mktemp("batch") / "batch.db"
    analyze(corpus, db=db, workers=1)
    found = results(db)
    # The test has teeth: links and comparisons to get right.
    assert len(found["reuse"]) >= 5
    assert len(found["comparisons"]) >= 5
    return found


def batch_results(files: list[Path], db: Path) -> dict[str, list[str]]:
    """What a batch run over these files, stored in this order, leaves in a store. The order
    matters only for how pairs are named: a reuse link's ``a`` is the article stored first."""
    analyze(files, db=db, workers=1)
    return results(db)


# Each example costs two runs over the corpus (about half a minute): few examples, no shrinking
# (a failing example is printed whole).
@settings(
    max_examples=3,
    deadline=None,
    phases=[Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_any_batches_in_any_order_give_the_batch_results(
    data: st.DataObject, corpus: list[Path], batch: dict[str, list[str]], tmp_path: Path
) -> None:
    del batch  # its checks of the corpus (nothing learnt, links to find) hold for every example
    order = data.draw(st.permutations(corpus))
    cuts = sorted(data.draw(st.sets(st.integers(1, len(order) - 1), min_size=1, max_size=3)))
    bounds = [0, *cuts, len(order)]
    run = data.draw(st.integers(0, 10**9))
    db = tmp_path / f"incremental-{run}.db"
    for start, end in pairwise(bounds):
        add(order[start:end], db, workers=1)
    found = results(db)
    expected = batch_results(order, tmp_path / f"batch-{run}.db")
    for kind in KINDS:
        assert found[kind] == expected[kind], kind
    # Adding what is stored already changes nothing.
    add(order[: cuts[0]], db, workers=1)
    assert results(db) == found


def test_unchanged_events_keep_their_stored_rows(corpus: list[Path], tmp_path: Path) -> None:
    """A second batch recomputes the per-event results of the events it changes, no others."""
    db = tmp_path / "store.db"
    add(corpus[:20], db, workers=1)

    def rows() -> dict[tuple[str, str], list[int]]:
        with sqlite3.connect(db) as connection:
            found: dict[tuple[str, str], list[int]] = defaultdict(list)
            for kind, owner, seq in connection.execute(
                "SELECT kind, owner, seq FROM results WHERE kind IN ('briefs', 'provenance', 'framings')"
            ):
                found[(kind, owner)].append(seq)
            return dict(found)

    before = rows()
    with Store(db) as store:
        events_before = {e.id: e.article_ids for e in store.story_results()[0]}
    added = add(corpus[20:], db, workers=1)
    after = rows()
    unchanged = [e.id for e in added.events if events_before.get(e.id) == e.article_ids]
    assert unchanged
    kept = [key for key in before if key[1] in unchanged and before[key] == after.get(key)]
    assert len(kept) >= len(unchanged)  # their brief, provenance and framing rows are the same rows
    new_events = [e.id for e in added.events if e.id not in events_before]
    assert new_events
    assert all(("briefs", e) in after for e in new_events)


def test_the_stored_index_finds_the_batch_candidates(corpus: list[Path]) -> None:
    """Candidates of new articles against stored signatures are the batch candidates that
    involve a new article, whichever articles are new."""
    articles, _ = read(corpus)
    texts = Corpus(articles).texts()
    params = ReuseParams()
    rows = [signatures(t, params)[1] for t in texts]
    stored = StoredSignatures(
        [a.id for a in articles],
        np.array([len(r) for r in rows], dtype=np.int64),
        np.concatenate(rows).astype(np.uint32),
    )
    everything = list(range(len(texts)))
    batch_pairs = candidate_pairs(texts, everything, everything, params)
    assert len(batch_pairs) >= 5
    for new in (everything[::3], everything[20:], everything):
        new_ids = [articles[i].id for i in new]
        expected = {pair for pair in batch_pairs if pair[0] in new or pair[1] in new}
        assert candidates_with_stored(new_ids, stored, params) == expected


def test_adding_to_a_store_a_batch_run_made_gives_the_batch_results(
    corpus: list[Path], tmp_path: Path
) -> None:
    db = tmp_path / "store.db"
    analyze(corpus[::2], db=db, workers=1)
    add(corpus[1::2], db, workers=1)
    assert results(db) == batch_results(corpus[::2] + corpus[1::2], tmp_path / "batch.db")


def test_more_of_a_day_that_grows_the_boilerplate_gives_the_batch_results(tmp_path: Path) -> None:
    """The first 60 articles of 2015-08-02, then its next 60 with the first 60 of 2015-08-03: the
    rest of the day makes formulas of runs its first articles held too (a formula holds from its
    day on, so the next day alone would change none of them), the stored model grows and stored
    articles get their story features and reuse pairs made again; every result equals a batch
    run over both."""
    with gzip.open(shared_data("saudinewsnet/2015-08-02.jsonl.gz"), "rt", encoding="utf-8") as lines:
        first_day = list(islice(lines, 120))
    with gzip.open(shared_data("saudinewsnet/2015-08-03.jsonl.gz"), "rt", encoding="utf-8") as lines:
        second_day = list(islice(lines, 60))
    files = [tmp_path / "first.jsonl", tmp_path / "more.jsonl"]
    files[0].write_text("".join(first_day[:60]), encoding="utf-8")
    files[1].write_text("".join(first_day[60:] + second_day), encoding="utf-8")
    db = tmp_path / "store.db"
    add(files[:1], db, workers=1)
    with Store(db) as store:
        first, _ = store.boilerplate()
        stored = store.articles()
    add(files[1:], db, workers=1)
    with Store(db) as store:
        model, rows = store.boilerplate()
    assert first is not None
    assert model is not None
    assert len(rows) == 180
    # The test has teeth: stored articles hold boilerplate the rest of their day taught.
    assert any(first.spans(a) != model.spans(a) for a in stored)
    assert results(db) == batch_results(files, tmp_path / "batch.db")
    # The batch run's model and what it counted per article (from its text layer) are the grown ones.
    with Store(tmp_path / "batch.db") as store:
        batch_model, batch_rows = store.boilerplate()
    assert batch_model is not None
    assert batch_model.to_json() == model.to_json()
    assert batch_rows.keys() == rows.keys()
    for article_id, row in rows.items():
        assert batch_rows[article_id].runs.tolist() == row.runs.tolist()
        assert (batch_rows[article_id].title, batch_rows[article_id].lines) == (row.title, row.lines)


def test_the_allowed_difference_an_old_pair_a_full_bucket_would_drop() -> None:
    """The one place `add` keeps what a batch run would drop (docs/archive.md, "Allowed
    differences"): two stored articles that share two chunks are a candidate pair; once more new
    articles than ``max_bucket`` hold the same chunks, every band of those chunks is a stop-band,
    so a batch run over the whole store no longer makes the pair, while `add`, which looks up only
    the new articles' chunks, leaves the stored pair's link alone."""
    params = ReuseParams()
    rng = np.random.default_rng(0)
    shared = rng.integers(0, 2**32, size=(2, params.num_perm), dtype=np.uint32)

    def own() -> np.ndarray:
        return rng.integers(0, 2**32, size=(1, params.num_perm), dtype=np.uint32)

    def store_of(count: int) -> StoredSignatures:
        rows = [np.concatenate([shared, own()]) for _ in range(count)]
        return StoredSignatures(
            [f"article-{n}" for n in range(count)],
            np.array([len(r) for r in rows], dtype=np.int64),
            np.concatenate(rows).astype(np.uint32),
        )

    before = store_of(2)
    assert candidates_with_stored(before.article_ids, before, params) == {(0, 1)}
    after = store_of(2 + params.max_bucket)
    # Batch: every article new, the shared chunks' buckets over the cap, no pair at all.
    assert candidates_with_stored(after.article_ids, after, params) == set()
    # `add` of the new articles: no pair with them, and the stored pair is not looked at again.
    assert candidates_with_stored(after.article_ids[2:], after, params) == set()


def test_a_renamed_source_traces_an_event_again_but_does_not_frame_it_again() -> None:
    event = Event("e1", ["a", "b"], "t")
    source = Attribution("a", "مسؤول", "مسؤول", "official", "قال", "نص", (0, 10), (5, 10))
    spans = EntitySpans([])

    def prints(*found: Attribution) -> dict[str, str]:
        return fingerprints([event], [], spans, {"a": list(found)}, [])

    before = prints(source)
    renamed = prints(replace(source, source_canonical="مسؤول سعودي"))
    moved = prints(replace(source, quote_span=(6, 10)))
    assert renamed["e1"] == before["e1"]
    assert renamed["e1" + TRACED] != before["e1" + TRACED]
    assert moved["e1"] != before["e1"]
    assert renamed["e1" + TOLD] == moved["e1" + TOLD] == before["e1" + TOLD]


def test_an_entity_that_changes_type_frames_its_events_again() -> None:
    event = Event("e1", ["a"], "t")
    mention = Mention("a", (0, 5), "الحوثي")

    def prints(kind: Literal["ORG", "PER"]) -> dict[str, str]:
        return fingerprints([event], [], EntitySpans([Entity("x", "الحوثي", kind, [mention])]), {}, [])

    assert prints("ORG")["e1"] != prints("PER")["e1"]
    assert prints("ORG")["e1" + TRACED] == prints("PER")["e1" + TRACED]


def test_stages_forked_beside_each_other_give_the_batch_results(
    corpus: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A day's add forks the reuse beside the linking (the reuse reading the store through a
    connection of its own) and framing beside the comparisons; a day is needed for the forks, so
    here they are asked of any number of articles."""
    monkeypatch.setattr(incremental, "MIN_PARALLEL", 1)
    monkeypatch.setattr(article_pass, "available_cores", lambda: 2)  # forked on any machine
    db = tmp_path / "store.db"
    add(corpus[::2], db, workers=1)
    add(corpus[1::2], db, workers=1)
    assert results(db) == batch_results(corpus[::2] + corpus[1::2], tmp_path / "batch.db")
