"""The job's outputs: Parquet tables, and an isnad store `isnad serve` can open.

Each table keeps the record as ``analysis.json`` writes it (`isnad.output.jsonout.encode`) in a
``record`` column, beside the columns a query joins or filters on. The store is written through
the store's own API, so it is the store `isnad analyze --db` would have left: articles, problems,
results, and the story features and links a later `isnad add` builds on.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pyspark.sql import SparkSession
from pyspark.sql.types import (
    ArrayType,
    FloatType,
    IntegerType,
    StringType,
    StructField,
    StructType,
)

from isnad.corpus.stories import story_setting
from isnad.corpus.story_index import StoryParams
from isnad.output.jsonout import encode
from isnad.store import Store, StoreError

if TYPE_CHECKING:
    from isnad.spark.job import SparkRun

RESULTS = StructType(
    [
        StructField("seq", IntegerType(), False),
        StructField("id", StringType(), True),
        StructField("record", StringType(), False),
    ]
)
ARTICLES = StructType(
    [
        StructField("position", IntegerType(), False),
        StructField("id", StringType(), False),
        StructField("outlet", StringType(), True),
        StructField("published", StringType(), True),
        StructField("title", StringType(), True),
        StructField("day", IntegerType(), True),
        StructField("embedding", ArrayType(FloatType(), False), False),
        StructField("record", StringType(), False),
    ]
)
# The field naming what each kind of record is about, for the ``id`` column.
ID_FIELDS = ("id", "event_id", "scope_id", "storyline_id")


def write_parquet(spark: SparkSession, run: SparkRun, out: Path) -> None:
    """One Parquet table per kind of record under ``out`` (articles, problems, reuse, events, ...)."""
    analysis = run.analysis
    rows = [
        (
            n,
            article.id,
            article.outlet,
            article.published,
            article.title,
            features.day,
            features.embedding.tolist(),
            _json(encode(article)),
        )
        for n, (article, features) in enumerate(zip(analysis.articles, run.features, strict=True))
    ]
    spark.createDataFrame(rows, ARTICLES).write.mode("overwrite").parquet(str(out / "articles"))
    problems = [
        (n, p.source_path, _json({"source_path": p.source_path, "line": p.line, "error": p.error}))
        for n, p in enumerate(analysis.problems)
    ]
    _table(spark, problems, out / "problems")
    links = [
        (
            n,
            f"{link.a} {link.b}",
            _json({"a": link.a, "b": link.b, "similarity": link.similarity, "event": link.event}),
        )
        for n, link in enumerate(run.links)
    ]
    _table(spark, links, out / "story_links")
    kinds: dict[str, Sequence[Any]] = {
        "reuse": analysis.reuse,
        "events": analysis.events,
        "storylines": analysis.storylines,
        "entities": analysis.entities,
        "attributions": analysis.attributions,
        "figures": analysis.figures,
        "dates": analysis.dates,
        "comparisons": analysis.comparisons,
        "briefs": analysis.briefs,
        "framings": analysis.framings,
        "provenance": analysis.provenance,
        "storyline_briefs": analysis.storyline_briefs,
        "single_reports": analysis.single_reports,
    }
    for kind, records in kinds.items():
        _table(spark, [(n, _id_of(r), _json(encode(r))) for n, r in enumerate(records)], out / kind)


def _table(spark: SparkSession, rows: Sequence[tuple[int, str | None, str]], path: Path) -> None:
    spark.createDataFrame(rows, RESULTS).write.mode("overwrite").parquet(str(path))


def _id_of(record: object) -> str | None:
    for name in ID_FIELDS:
        value = getattr(record, name, None)
        if isinstance(value, str):
            return value
    if hasattr(record, "a") and hasattr(record, "b"):  # a reuse link: its two articles
        return f"{record.a} {record.b}"
    return None


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def load_store(run: SparkRun, db: str | Path) -> None:
    """Write the run into a new (or empty) store: articles, problems, story features and links,
    and every result. A store holding articles already is refused: its results must describe
    everything it holds, and the job analysed only its input (use `isnad add` to grow a store)."""
    analysis = run.analysis
    with Store(db) as store, store.writing():
        if store.article_ids():
            raise StoreError(
                f"{db}: the store holds articles already; give `isnad spark --db` a new file, "
                "or add to this one with `isnad add`"
            )
        store.add_articles(analysis.articles)
        store.add_problems(analysis.problems)
        store.reset_stories(story_setting(StoryParams()))
        store.add_story_features(run.features, run.links)
        store.save_results(analysis)
