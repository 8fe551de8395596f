"""The Spark job gives what `isnad analyze` gives on the same input.

Compared record for record (as ``analysis.json`` encodes them): articles (ids, in order), reuse
links, events, storylines, and every per-article and per-event result. Allowed differences, each
checked below rather than skipped:
- problems are compared as a set: the job lists a folder's unreadable entries before it reads
  the files, where the single-machine reader meets them in turn.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest

from isnad.model import Analysis
from isnad.output.jsonout import encode
from isnad.pipeline import analyze
from isnad.store.codec import RESULT_KINDS

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "examples" / "seeds"
DAY = ROOT.parent / "shared" / "data" / "saudinewsnet" / "2015-08-06.jsonl.gz"
SAMPLE = 300  # articles of the day: enough for reuse links, events and storylines of several articles

KINDS = RESULT_KINDS


def records(analysis: Analysis, kind: str) -> list[Any]:
    return [encode(r) for r in getattr(analysis, kind)]


def assert_same(spark_analysis: Analysis, single: Analysis) -> None:
    assert [a.id for a in spark_analysis.articles] == [a.id for a in single.articles]
    assert [asdict(a) for a in spark_analysis.articles] == [asdict(a) for a in single.articles]
    assert {asdict(p).__repr__() for p in spark_analysis.problems} == {
        asdict(p).__repr__() for p in single.problems
    }
    for kind in KINDS:
        assert records(spark_analysis, kind) == records(single, kind), kind


@pytest.fixture(scope="module")
def seeds_run(spark: Any) -> Any:
    from isnad.spark.job import run

    return run(spark, [SEEDS], partitions=4)


def test_the_seeds_give_what_analyze_gives(seeds_run: Any) -> None:
    single = analyze([SEEDS])
    assert any(len(e.article_ids) > 1 for e in single.events)  # something to compare
    assert_same(seeds_run.analysis, single)


@pytest.fixture(scope="module")
def day_sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not DAY.exists():
        pytest.skip(f"{DAY} not found: the SaudiNewsNet days live in ../shared/data")
    folder = tmp_path_factory.mktemp("day")
    with gzip.open(DAY, "rt", encoding="utf-8") as lines:
        sample = [next(lines) for _ in range(SAMPLE)]
    (folder / "sample.jsonl").write_text("".join(sample), encoding="utf-8")
    return folder / "sample.jsonl"


def test_a_real_day_sample_gives_what_analyze_gives(spark: Any, day_sample: Path, tmp_path: Path) -> None:
    from isnad.spark.job import run, write

    single = analyze([day_sample])
    result = run(spark, [day_sample], partitions=4)
    # Several multi-article events and storylines, and links both whole and aligned.
    assert sum(len(e.article_ids) > 1 for e in single.events) >= 5
    assert sum(len(s.event_ids) > 1 for s in single.storylines) >= 1
    assert len(single.reuse) >= 5
    assert_same(result.analysis, single)

    # The Parquet tables hold the same records.
    write(result, spark, tmp_path / "out")
    events = spark.read.parquet(str(tmp_path / "out" / "events")).orderBy("seq").collect()
    assert [json.loads(row.record) for row in events] == records(single, "events")
    articles = spark.read.parquet(str(tmp_path / "out" / "articles")).orderBy("position").collect()
    assert [row.id for row in articles] == [a.id for a in single.articles]


def test_the_store_it_loads_is_the_one_analyze_leaves(spark: Any, seeds_run: Any, tmp_path: Path) -> None:
    from isnad.spark.job import write
    from isnad.store import Store, StoreError

    single_db, spark_db = tmp_path / "single.db", tmp_path / "spark.db"
    analyze([SEEDS], db=single_db)
    write(seeds_run, spark, tmp_path / "out", spark_db)
    with Store(single_db, read_only=True) as one, Store(spark_db, read_only=True) as other:
        assert other.article_ids() == one.article_ids()
        assert other.story_links() == one.story_links()
        assert other.story_results() == one.story_results()
        assert other.story_setting() == one.story_setting()
        loaded, expected = other.load_results("x"), one.load_results("x")
        for kind in KINDS:
            assert records(loaded, kind) == records(expected, kind), kind
    # A store with articles already is refused.
    with pytest.raises(StoreError, match="holds articles already"):
        write(seeds_run, spark, tmp_path / "again", spark_db)


def test_parquet_tables_read_as_the_same_articles(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow", reason="pyarrow is not installed: pip install -e '.[spark]'")
    from pyarrow import parquet

    from isnad.pipeline import read as read_paths
    from isnad.spark.work import read_numbered

    texts = sorted(SEEDS.glob("*.txt"))
    parquet.write_table(
        pa.Table.from_pylist([{"text": p.read_text(encoding="utf-8"), "outlet": "x"} for p in texts]),
        tmp_path / "seeds.parquet",
    )
    (tmp_path / "broken.parquet").write_bytes(b"not parquet at all")
    read = [item for _, _, item in read_numbered((0, str(tmp_path / "seeds.parquet")))]
    articles, _ = read_paths(texts)
    assert [a.id for a in read] == [a.id for a in articles]
    assert all(a.outlet == "x" for a in read)
    assert all(a.sentences for a in read)  # segmented, as the pipeline's reader leaves them
    (problem,) = [item for _, _, item in read_numbered((1, str(tmp_path / "broken.parquet")))]
    assert problem.source_path == str(tmp_path / "broken.parquet")
    assert "Parquet" in problem.error


def test_importing_isnad_never_imports_pyspark() -> None:
    code = "import sys, isnad, isnad.cli, isnad.pipeline; print('pyspark' in sys.modules)"
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert shown.stdout.strip() == "False"
