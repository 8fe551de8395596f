"""What the Spark job's tasks run: plain Python over isnad's own stages, one partition at a time.

Nothing here imports pyspark: each function takes and returns plain records, so a task runs the
very code `isnad.pipeline.analyze_articles` runs, on its share of the corpus. Models load once per
Python worker (the loaders are cached), so once per partition at most.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from isnad.article.doc import Corpus, Doc
from isnad.article.extract import Extraction
from isnad.article_pass import ArticleRecord, process_batch
from isnad.corpus.alignment import align, could_link
from isnad.corpus.boilerplate import Boilerplate, article_day, runs_of, words
from isnad.corpus.reuse import duplicate_key, whole_link
from isnad.corpus.reuse_candidates import band_keys, chunk_digests
from isnad.corpus.reuse_weights import ReuseParams, TermWeights
from isnad.corpus.story_index import StoryIndex, StoryParams
from isnad.event.brief import summarize, summarize_storylines
from isnad.event.compare import compare, single_reports
from isnad.event.framing import frame
from isnad.event.provenance import trace
from isnad.ingest import DEFAULT_MAX_BYTES, read_file
from isnad.ingest.readers import read_records
from isnad.model import (
    Article,
    ArticleFeatures,
    Brief,
    Comparison,
    Event,
    Framing,
    Problem,
    Provenance,
    ReuseLink,
    SingleReport,
    Storyline,
    StorylineBrief,
    StoryLink,
)
from isnad.pipeline import segment

Item = Article | Problem


# -- reading --------------------------------------------------------------------------------------


def read_numbered(
    numbered: tuple[int, str], max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[tuple[int, int, Item]]:
    """(file number, item number, article or problem) for every item of one input file; articles
    segmented as `isnad.pipeline.read` segments them. Parquet files are tables of articles."""
    number, path = numbered
    for item_number, item in enumerate(_read_one(path, max_bytes)):
        yield number, item_number, segment(item) if isinstance(item, Article) else item


def _read_one(path: str, max_bytes: int) -> Iterator[Item]:
    if Path(path).suffix.lower() != ".parquet":
        yield from read_file(path, max_bytes=max_bytes)
        return
    import pyarrow.parquet  # the spark extra brings it; only Parquet inputs need it

    try:
        rows = pyarrow.parquet.read_table(path).to_pylist()
    except (OSError, ValueError) as error:  # pyarrow's errors derive from these
        yield Problem(path, f"could not be read as Parquet ({error}); check the file")
        return
    yield from read_records(rows, path)


# -- the per-article pass -------------------------------------------------------------------------


def article_batches(
    batches: Iterable[tuple[int, Iterable[tuple[int, Article]]]], fixed: Boilerplate
) -> Iterator[tuple[int, ArticleRecord]]:
    """The per-article pass over whole batches (positions ``64 k`` to ``64 k + 63``, as the
    single-machine pool cuts them, so the encoder sees the same batches), records by position."""
    for _, members in batches:
        ordered = sorted(members, key=lambda pair: pair[0])
        records = process_batch([article for _, article in ordered], extract=True, fixed=fixed)
        yield from zip((position for position, _ in ordered), records, strict=True)


# -- text reuse -----------------------------------------------------------------------------------


def formula_runs(position: int, article: Article, n: int) -> Iterator[tuple[str, tuple[int, int]]]:
    """(run, (article position, where the run first starts)) for the boilerplate count."""
    _, first = runs_of(words(article.text), n)
    for run, start in first.items():
        yield run, (position, start)


def formula_keys(position: int, article: Article, n: int) -> tuple[int, list[str], str | None, int]:
    """An article's run keys, outlet and day, for judging which recurring runs are formulas."""
    keys, _ = runs_of(words(article.text), n)
    return position, keys, article.outlet, article_day(article)


def lsh_rows(
    position: int, record: ArticleRecord, params: ReuseParams
) -> Iterator[tuple[int, int, list[int], list[int]]]:
    """(article position, chunk number, MinHash signature, bucket per band) of each LSH chunk."""
    digests = chunk_digests(record.doc, params)
    keys = band_keys(digests, params)
    for number, (digest, key) in enumerate(zip(digests.tolist(), keys.tolist(), strict=True)):
        # Buckets are unsigned 64-bit; Spark's longs are signed, and equality is all that counts.
        yield position, number, digest, [k - (1 << 64) if k >= 1 << 63 else k for k in key]


def hash_of(position: int, record: ArticleRecord) -> tuple[str, int] | None:
    """(content hash, position) of an article with content terms: exact copies share the hash."""
    key = duplicate_key(record.doc)
    return (key, position) if key else None


@dataclass
class AlignTask:
    """One candidate pair with both texts, lower position first."""

    a: int
    b: int
    doc_a: Doc
    doc_b: Doc
    whole: bool = False  # exact duplicates: linked whole, not aligned


def align_pairs(
    tasks: Iterable[AlignTask], boilerplate: Boilerplate, params: ReuseParams, clocked: Collection[str]
) -> Iterator[tuple[int, int, ReuseLink]]:
    """The reuse link of each candidate pair that has one, as `find_reuse` aligns it: the same
    background weights, with each article's boilerplate weighing nothing."""
    # One set of weights for the partition, as `find_reuse` has one for the corpus: each
    # article's boilerplate is added when the article is first met, and the per-article caches
    # are kept from pair to pair.
    weights = TermWeights.background(params.max_term_df)
    for task in tasks:
        fresh = [d for d in (task.doc_a, task.doc_b) if d.article.id not in weights.formulas]
        if fresh:
            weights.formulas.update(weights.with_formulas(fresh, boilerplate).formulas)
        link: ReuseLink | None
        if task.whole:
            link = whole_link(task.doc_a, task.doc_b, clocked)
        elif could_link([task.doc_a, task.doc_b], [(0, 1)], weights, params.min_link_score)[0]:
            link = align(task.doc_a, task.doc_b, params, weights=weights, clocked=clocked)
        else:
            continue  # too little shared phrasing for a reported link, as `find_reuse` skips it
        if link is not None and link.score >= params.min_link_score:
            yield task.a, task.b, link


# -- events and storylines ------------------------------------------------------------------------


def story_link_blocks(
    starts: Iterable[int], features: Sequence[ArticleFeatures], params: StoryParams
) -> Iterator[StoryLink]:
    """The story links of each block of positions (`StoryIndex.block_links`) against an index of
    every article, built once per partition."""
    index = StoryIndex(params)
    index.restore(features, [])
    for start in starts:
        yield from index.block_links(start)


@dataclass
class Group:
    """The articles of one or more blocks of linked articles, everything their stages need."""

    records: list[tuple[int, ArticleRecord]] = field(default_factory=list)
    links: list[StoryLink] = field(default_factory=list)
    reuse: list[ReuseLink] = field(default_factory=list)


@dataclass
class GroupResult:
    events: list[Event]
    storylines: list[Storyline]
    comparisons: list[Comparison]
    briefs: list[Brief]
    framings: list[Framing]
    provenance: list[Provenance]
    storyline_briefs: list[StorylineBrief]
    single_reports: list[SingleReport]


def group_stages(group: Group, extraction: Extraction, params: StoryParams) -> GroupResult:
    """Events and storylines of the group's blocks, then the per-event stages over them.

    A block's grouping depends on its members alone, and every per-event stage reads only the
    event's (or storyline's) own articles, so a group gives what the whole corpus gives for it.
    """
    records = [r for _, r in sorted(group.records, key=lambda pair: pair[0])]
    index = StoryIndex(params)
    index.restore([r.features for r in records], group.links)
    corpus = Corpus([r.article for r in records], [r.doc for r in records])
    events, storylines = index.stories(corpus.by_id)
    mine = set(corpus.by_id)
    attributions = [a for a in extraction.attributions if a.article_id in mine]
    figures = [f for f in extraction.figures if f.article_id in mine]
    comparisons = compare(events, figures, corpus.by_id)
    return GroupResult(
        events=events,
        storylines=storylines,
        comparisons=comparisons,
        briefs=summarize(corpus, events, comparisons),
        framings=frame(corpus, events, storylines, attributions, extraction.entities),
        provenance=trace(events, corpus.by_id, attributions, group.reuse),
        storyline_briefs=summarize_storylines(corpus, events, storylines, comparisons),
        single_reports=single_reports(events, figures, corpus.by_id),
    )
