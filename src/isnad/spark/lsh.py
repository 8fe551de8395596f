"""Reuse candidates by MinHash LSH as a banded self-join in Spark SQL.

The same rule as `isnad.corpus.reuse.candidate_pairs`, with the arrays replaced by a join: every
chunk is exploded into one row per band, buckets (band, value) held by more than ``max_bucket``
chunks are stop-bands and dropped, the rest joined with themselves on (band, value); each chunk
pair is kept once, and only when its signatures agree on ``min_chunk_jaccard`` of the
permutations. Article pairs are then kept by `enough_collisions`, the single-machine rule.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import numpy as np
from pyspark.sql import SparkSession
from pyspark.sql import functions as F
from pyspark.sql.types import ArrayType, IntegerType, LongType, StructField, StructType

from isnad.corpus.reuse_candidates import enough_collisions
from isnad.corpus.reuse_weights import ReuseParams

CHUNK_BITS = 20  # a chunk's id is its article's position shifted by this, plus its number

CHUNKS = StructType(
    [
        StructField("position", IntegerType(), False),
        StructField("number", IntegerType(), False),
        StructField("digest", ArrayType(LongType(), False), False),
        StructField("buckets", ArrayType(LongType(), False), False),
    ]
)


def candidate_pairs(spark: SparkSession, chunks: Any, params: ReuseParams) -> Any:
    """An RDD of the article pairs (a, b), positions a < b, whose chunks collide closely enough:
    ``chunks`` is an RDD of (position, chunk number, signature, bucket per band)."""
    table = spark.createDataFrame(chunks, CHUNKS).withColumn(
        "chunk", F.col("position").cast("long") * F.lit(1 << CHUNK_BITS) + F.col("number")
    )
    table = table.persist()
    bands = table.select("chunk", "position", F.posexplode("buckets").alias("band", "bucket"))
    small = bands.groupBy("band", "bucket").count().filter(F.col("count") <= params.max_bucket)
    kept = bands.join(small.select("band", "bucket"), ["band", "bucket"])
    x, y = kept.alias("x"), kept.alias("y")
    chunk_pairs = (
        x.join(
            y,
            (F.col("x.band") == F.col("y.band"))
            & (F.col("x.bucket") == F.col("y.bucket"))
            & (F.col("x.chunk") < F.col("y.chunk"))
            & (F.col("x.position") != F.col("y.position")),
        )
        .select(
            F.col("x.chunk").alias("chunk_a"),
            F.col("x.position").alias("a"),
            F.col("y.chunk").alias("chunk_b"),
            F.col("y.position").alias("b"),
        )
        .distinct()
    )
    digests = table.select("chunk", "digest")
    da, db = digests.alias("da"), digests.alias("db")
    agreeing = F.aggregate(
        F.zip_with("da.digest", "db.digest", lambda u, v: F.when(u == v, 1).otherwise(0)),
        F.lit(0),
        lambda s, v: s + v,
    )
    close = (
        chunk_pairs.join(da, F.col("chunk_a") == F.col("da.chunk"))
        .join(db, F.col("chunk_b") == F.col("db.chunk"))
        .filter(agreeing / F.lit(float(params.num_perm)) >= F.lit(params.min_chunk_jaccard))
    )
    collisions = close.groupBy("a", "b").count().withColumnRenamed("count", "collisions")
    counts = table.groupBy("position").count()
    ca, cb = counts.alias("ca"), counts.alias("cb")
    joined = (
        collisions.join(ca, F.col("a") == F.col("ca.position"))
        .join(cb, F.col("b") == F.col("cb.position"))
        .select(
            "a", "b", "collisions", F.col("ca.count").alias("chunks_a"), F.col("cb.count").alias("chunks_b")
        )
    )
    return joined.rdd.mapPartitions(_enough)


def _enough(rows: Iterable[Any]) -> Iterator[tuple[int, int]]:
    """The pairs `enough_collisions` keeps; chunks are indexed and queried, so counted twice."""
    rows = list(rows)
    if not rows:
        return iter(())
    a, b, collisions, chunks_a, chunks_b = (
        np.array(column, dtype=np.int64) for column in zip(*rows, strict=True)
    )
    keep = enough_collisions(collisions, 2 * chunks_a, 2 * chunks_b, symmetric=True)
    return zip(a[keep].tolist(), b[keep].tolist(), strict=True)
