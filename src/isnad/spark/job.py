"""The corpus stages as one Spark job, in the order of `isnad.pipeline.analyze_articles`.

1. Read: input files are shared out to tasks; each article keeps its place in the order the
   single-machine reader gives (file, then item), and the first copy of an id wins.
2. Boilerplate before the pass, as `Boilerplate.learn` makes it: distinct titles per (outlet,
   line) and formula runs counted in Spark, the independence of the recurring runs judged on the
   driver over their articles' keys; the model is broadcast.
3. Per-article pass: `process_batch` over the same 64-article batches, models loaded once per
   worker; the records are kept (memory and disk) for the stages below.
4. Reuse: exact copies grouped by content hash, candidates by the banded LSH self-join
   (`isnad.spark.lsh`), each candidate aligned in a task, siblings of one source marked.
5. Events and storylines: story links found block by block in parallel against a broadcast
   index of every article's features; the link graph's connected blocks (on the driver) are
   spread over tasks, each grouping its blocks and running the per-event stages on them.
6. Output: Parquet tables under ``out``, and optionally a new isnad store.

Entity linking across articles (`combine`) runs on the driver, as in the single-machine path.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from operator import add
from pathlib import Path
from typing import Any

import numpy as np
from pyspark import StorageLevel
from pyspark.sql import SparkSession
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from isnad import __version__
from isnad.article.extract import combine
from isnad.article_pass import BATCH_SIZE
from isnad.corpus.boilerplate import Boilerplate, BoilerplateParams, article_day, fixed_lines, titled_lines
from isnad.corpus.direction import publishing_clocks, siblings_of_one_source
from isnad.corpus.reuse_weights import ReuseParams
from isnad.corpus.story_index import BLOCK_ROWS, StoryParams, in_time_order
from isnad.ingest import DEFAULT_MAX_BYTES
from isnad.ingest.readers import EMPTY_FOLDER, NO_SUCH_PATH, files_under
from isnad.model import Analysis, Article, ArticleFeatures, Problem, ReuseLink, StoryLink
from isnad.spark import io, lsh, work

log = logging.getLogger("isnad.spark")
LOCAL_DRIVER_MEMORY = "3g"
# The driver collects every article, extraction and result (as the single-machine path holds
# them): more than Spark's 1 GB default past a few tens of thousands of articles.
MAX_RESULT_SIZE = "4g"


@contextmanager
def _stage(name: str) -> Iterator[None]:
    """Log how long a stage took (the CLI shows these lines)."""
    start = time.perf_counter()
    yield
    log.info("%-9s %7.1f s", name, time.perf_counter() - start)


@dataclass
class SparkRun:
    """What the job made: the analysis (as `analyze` would return it) and the story features
    and links a store keeps for incremental updates."""

    analysis: Analysis
    features: list[ArticleFeatures]
    links: list[StoryLink]


def session(master: str | None = None, partitions: int | None = None) -> SparkSession:
    """A Spark session for the job; the Python workers run this interpreter. Without ``master``:
    the one spark-submit was given, or else ``local[*]``."""
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("isnad").config("spark.ui.showConsoleProgress", "false")
    if master is None and "PYSPARK_GATEWAY_PORT" not in os.environ:  # not under spark-submit
        master = "local[*]"
    if master is not None:
        builder = builder.master(master)
    if master is not None and master.startswith("local"):
        # Local mode runs the executors inside the driver's JVM, which this process starts: the
        # shuffled records of a day or a month of articles need more than Spark's 1 GB default.
        builder = builder.config("spark.driver.memory", LOCAL_DRIVER_MEMORY)
    builder = builder.config("spark.driver.maxResultSize", MAX_RESULT_SIZE)
    if partitions:
        builder = builder.config("spark.sql.shuffle.partitions", str(partitions))
    return builder.getOrCreate()


def run(
    spark: SparkSession,
    paths: Sequence[str | os.PathLike[str]],
    partitions: int | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> SparkRun:
    """Analyse the articles under ``paths`` on ``spark``: the same results as
    `isnad.pipeline.analyze` (see tests/spark for the comparison)."""
    sc = spark.sparkContext
    parts = partitions or max(2, sc.defaultParallelism * 2)
    reuse_params, story_params = ReuseParams(), StoryParams()

    with _stage("read"):
        articles, problems = _read(sc, paths, parts, max_bytes)
    if articles.isEmpty():
        return SparkRun(Analysis(version=__version__, problems=problems), [], [])

    runs = BoilerplateParams()
    with _stage("boilerplate"):  # fixed lines and formulas, from the whole input, before the pass
        # Each (outlet, line): the first day of each distinct title it appears under.
        counts = (
            articles.flatMap(
                lambda pair: (
                    ((o, line, title), article_day(pair[1])) for o, line, title in titled_lines(pair[1], runs)
                )
            )
            .reduceByKey(min)
            .map(lambda found: ((found[0][0], found[0][1]), [found[1]]))
            .reduceByKey(add)
            .filter(lambda pair: len(pair[1]) >= runs.min_titles)
            .collect()
        )
        lines = fixed_lines(((outlet, key, days) for (outlet, key), days in counts), runs)
        # Runs counted in Spark; the recurring ones judged here, over their articles' keys.
        recurring = (
            articles.flatMap(lambda pair: work.formula_runs(pair[0], pair[1], runs.n))
            .groupByKey(parts)
            .mapValues(sorted)
            .filter(lambda pair: len(pair[1]) >= runs.min_articles)
            .collect()
        )
        holders = sc.broadcast({position for _, where in recurring for position, _ in where})
        keyed = articles.filter(lambda pair: pair[0] in holders.value).map(
            lambda pair: work.formula_keys(pair[0], pair[1], runs.n)
        )
        keys_of, outlet_of, day_of = {}, {}, {}
        for position, keys, outlet, day in keyed.collect():
            keys_of[position], outlet_of[position], day_of[position] = keys, outlet, day
        model = Boilerplate.judged(dict(recurring), keys_of, outlet_of, day_of, runs, lines)
        boilerplate = sc.broadcast(model)
        del recurring, keys_of

    with _stage("articles"):  # the per-article pass, in the batches the single-machine pool cuts
        records = (
            articles.map(lambda pair: (pair[0] // BATCH_SIZE, pair))
            .groupByKey(parts)
            .mapPartitions(lambda batches: work.article_batches(batches, boilerplate.value))
            .persist(StorageLevel.MEMORY_AND_DISK)
        )
        ordered = records.map(lambda pr: (pr[0], (pr[1].article, pr[1].features, pr[1].extraction)))
        gathered = ordered.sortByKey().values().collect()
        articles.unpersist()
        corpus_articles = [article for article, _, _ in gathered]
        features = [f for _, f, _ in gathered]
        extraction = combine((x for _, _, x in gathered if x is not None), corpus_articles)
        del gathered

    with _stage("reuse"):
        reuse = _reuse(spark, records, reuse_params, parts, boilerplate, corpus_articles)

    with _stage("links"):  # story links, a block of articles at a time against all before it
        bc_features = sc.broadcast(features)
        starts = sc.parallelize(range(0, len(features), BLOCK_ROWS), parts)
        story_links = starts.mapPartitions(
            lambda s: work.story_link_blocks(s, bc_features.value, story_params)
        ).collect()
        bc_features.destroy()

    with _stage("events"):  # events, storylines and the per-event stages, block by block
        ids = [a.id for a in corpus_articles]
        group_of = _groups(ids, story_links, parts)
        links_of: dict[int, list[StoryLink]] = {}
        position = {article_id: n for n, article_id in enumerate(ids)}
        for link in story_links:
            links_of.setdefault(int(group_of[position[link.a]]), []).append(link)
        reuse_of: dict[int, list[ReuseLink]] = {}
        for reused in reuse:
            for g in {int(group_of[position[reused.a]]), int(group_of[position[reused.b]])}:
                reuse_of.setdefault(g, []).append(reused)
        bc_groups = sc.broadcast((group_of, links_of, reuse_of, extraction))

        def stages(grouped: Iterable[tuple[int, Iterable[tuple[int, Any]]]]) -> Any:
            _, links, reused, found = bc_groups.value
            for g, members in grouped:
                group = work.Group(list(members), links.get(g, []), reused.get(g, []))
                yield work.group_stages(group, found, story_params)

        results = (
            records.map(lambda pr: (int(bc_groups.value[0][pr[0]]), pr))
            .groupByKey(parts)
            .mapPartitions(stages)
            .collect()
        )
        records.unpersist()
        bc_groups.destroy()
    analysis = _merge(results, corpus_articles, problems, reuse, extraction)
    return SparkRun(analysis, features, story_links)


def _read(
    sc: Any, paths: Sequence[str | os.PathLike[str]], parts: int, max_bytes: int
) -> tuple[Any, list[Problem]]:
    """(position, article) pairs, kept, in the single-machine order (file, then item; the first
    copy of an id wins), and the problems met, in the order met."""
    files, problems, folders = _input_files(paths)
    items = sc.parallelize(list(enumerate(files)), max(1, min(len(files), parts))).flatMap(
        lambda numbered: work.read_numbered(numbered, max_bytes)
    )
    items = items.persist(StorageLevel.MEMORY_AND_DISK)
    met = items.filter(lambda i: isinstance(i[2], Problem)).collect()
    problems += [p for *_, p in sorted(met, key=_place)]
    kept = items.filter(lambda i: isinstance(i[2], Article))
    found_in = set(kept.map(lambda i: i[0]).distinct().collect())
    problems += [Problem(folder, EMPTY_FOLDER) for folder, numbers in folders if not found_in & set(numbers)]
    first = (
        kept.map(lambda i: (i[2].id, ((i[0], i[1]), i[2])))
        .reduceByKey(lambda x, y: x if x[0] <= y[0] else y)
        .map(lambda pair: pair[1])
        .sortByKey(numPartitions=parts)
    )
    articles = first.values().zipWithIndex().map(lambda pair: (pair[1], pair[0]))
    articles = articles.persist(StorageLevel.MEMORY_AND_DISK)
    articles.count()
    items.unpersist()
    return articles, problems


def _input_files(
    paths: Sequence[str | os.PathLike[str]],
) -> tuple[list[str], list[Problem], list[tuple[str, list[int]]]]:
    """Input files in the order `isnad.ingest.read_paths` reads them, the problems met listing
    them, and each folder with the numbers of its files (a folder with no article is a problem)."""
    files: list[str] = []
    problems: list[Problem] = []
    folders: list[tuple[str, list[int]]] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            numbers = []
            for entry in files_under(path):
                if isinstance(entry, Problem):
                    problems.append(entry)
                else:
                    numbers.append(len(files))
                    files.append(str(entry))
            folders.append((str(path), numbers))
        elif path.exists():
            files.append(str(path))
        else:
            problems.append(Problem(str(path), NO_SUCH_PATH))
    return files, problems, folders


def _place(item: tuple[int, int, Any]) -> tuple[int, int]:
    return item[0], item[1]


def _reuse(
    spark: SparkSession,
    records: Any,
    params: ReuseParams,
    parts: int,
    boilerplate: Any,
    articles: Sequence[Article],
) -> list[ReuseLink]:
    """Reuse links as `find_reuse` finds them: exact copies first, then aligned candidates, each
    part in pair order. ``boilerplate``: the broadcast model learnt before the pass."""
    sc = spark.sparkContext
    clocked = sc.broadcast(publishing_clocks(articles))
    with _stage("lsh"):
        copies = (
            records.map(lambda pr: work.hash_of(pr[0], pr[1]))
            .filter(lambda pair: pair is not None)
            .groupByKey()
            .flatMap(lambda pair: _all_pairs(sorted(pair[1])))
            .distinct()
            .persist()
        )
        chunks = records.flatMap(lambda pr: work.lsh_rows(pr[0], pr[1], params))
        candidates = lsh.candidate_pairs(spark, chunks, params)
        pairs = copies.map(lambda ab: (ab, True)).union(
            candidates.subtract(copies).map(lambda ab: (ab, False))
        )
        pairs = pairs.persist()
        log.info("candidates %d", pairs.count())

    with _stage("align"):
        docs = records.mapValues(lambda record: record.doc)
        tasks = (
            pairs.map(lambda pair: (pair[0][0], (pair[0][1], pair[1])))
            .join(docs, parts)
            .map(lambda kv: (kv[1][0][0], (kv[0], kv[1][1], kv[1][0][1])))
            .join(docs, parts)
            .map(lambda kv: work.AlignTask(kv[1][0][0], kv[0], kv[1][0][1], kv[1][1], whole=kv[1][0][2]))
        )
        found = tasks.mapPartitions(
            lambda t: work.align_pairs(t, boilerplate.value, params, clocked.value)
        ).collect()
        whole = {(a, b) for a, b in copies.collect()}
        pairs.unpersist()
        copies.unpersist()
    found.sort(key=lambda link: ((link[0], link[1]) not in whole, link[0], link[1]))
    reported = [link for _, _, link in found]
    siblings_of_one_source(reported, {a.id: a for a in articles})
    return reported


def _all_pairs(positions: Sequence[int]) -> list[tuple[int, int]]:
    return [(a, b) for n, a in enumerate(positions) for b in positions[n + 1 :]]


def _groups(ids: Sequence[str], links: Sequence[StoryLink], parts: int) -> np.ndarray:
    """Each article's group: the connected blocks of all story links, spread over ``parts``
    groups (a block is never split, so grouping it apart gives what the whole corpus gives)."""
    position = {article_id: n for n, article_id in enumerate(ids)}
    a = np.array([position[link.a] for link in links], dtype=np.int64)
    b = np.array([position[link.b] for link in links], dtype=np.int64)
    graph = sparse.coo_matrix((np.ones(len(a), dtype=np.int8), (a, b)), shape=(len(ids), len(ids)))
    _, labels = connected_components(graph, directed=False)
    return np.asarray(labels % parts, dtype=np.int64)


def _merge(
    results: Sequence[work.GroupResult],
    articles: list[Article],
    problems: list[Problem],
    reuse: list[ReuseLink],
    extraction: Any,
) -> Analysis:
    """One analysis from the groups' results, in the single-machine order: events by time,
    storylines by their first event, per-event records in the order of their events."""
    dates = {a.id: a.published for a in articles}
    events, storylines = in_time_order(
        [e for r in results for e in r.events], [s for r in results for s in r.storylines], dates
    )
    event_rank = {e.id: n for n, e in enumerate(events)}
    storyline_rank = {s.id: n for n, s in enumerate(storylines)}

    def by_event(records: Iterable[Any]) -> list[Any]:
        return sorted(records, key=lambda r: event_rank[r.event_id])

    framings = [f for r in results for f in r.framings]
    return Analysis(
        version=__version__,
        articles=articles,
        problems=problems,
        events=events,
        storylines=storylines,
        reuse=reuse,
        entities=extraction.entities,
        attributions=extraction.attributions,
        figures=extraction.figures,
        comparisons=by_event(c for r in results for c in r.comparisons),
        briefs=by_event(b for r in results for b in r.briefs),
        dates=extraction.dates,
        framings=sorted(
            framings,
            key=lambda f: (
                (0, event_rank[f.scope_id]) if f.scope == "event" else (1, storyline_rank[f.scope_id])
            ),
        ),
        provenance=by_event(p for r in results for p in r.provenance),
        storyline_briefs=sorted(
            (b for r in results for b in r.storyline_briefs), key=lambda b: storyline_rank[b.storyline_id]
        ),
        single_reports=by_event(s for r in results for s in r.single_reports),
    )


def write(run: SparkRun, spark: SparkSession, out: str | Path, db: str | Path | None = None) -> None:
    """Parquet tables under ``out``; with ``db``, a new isnad store holding the run too."""
    io.write_parquet(spark, run, Path(out))
    if db is not None:
        io.load_store(run, db)
