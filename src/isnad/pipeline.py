"""The whole job: read inputs, store them, run every analysis, return one `Analysis`.

Stages run in one direction, in the order the data needs, and meet only at the records of
`isnad.model`: ingest (articles segmented into sentences) -> the per-article pass (`Doc`, outlet,
attributions, figures, dates, mentions, story features; `isnad.article_pass`) -> corpus stages
(entities linked, reuse, events and storylines) -> per-event stages (compare, brief, framing,
provenance).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from isnad import __version__
from isnad.arabic import split_sentences
from isnad.article.doc import Corpus
from isnad.article.extract import combine
from isnad.article_pass import MIN_PARALLEL, article_pass, beside
from isnad.corpus.boilerplate import Boilerplate
from isnad.corpus.reuse import find_reuse, reuse_candidates
from isnad.corpus.stories import group_stories, update_store
from isnad.event.brief import summarize, summarize_storylines
from isnad.event.compare import compare, single_reports
from isnad.event.framing import frame
from isnad.event.provenance import trace
from isnad.incremental import grow_boilerplate, keep_fingerprints, keep_pieces, pieces_of, update_results
from isnad.ingest import DEFAULT_MAX_BYTES, read_paths
from isnad.memory import collector_paused, trim_memory
from isnad.model import (
    Analysis,
    Article,
    ArticleFeatures,
    Event,
    Framing,
    Problem,
    ReuseLink,
    Storyline,
)
from isnad.store import Store
from isnad.store.pieces import ArticlePieces

ProgressCallback = Callable[[str, int, int], None]
"""Called as ``progress(stage, done, total)``; ``total`` is 0 while unknown."""

STAGES = ("read", "articles", "reuse", "stories", "compare", "brief", "outlets")
# Blocks whose text is running prose; headings, bullets, titles and signatures are kept in the
# article but are not sentences of its story.
SENTENCE_BLOCKS = {"paragraph", "standfirst"}
READ_BATCH = 1000  # articles read and stored at a time by `add`


def segment(article: Article) -> Article:
    """Fill ``article.sentences`` from its running-text blocks (idempotent)."""
    blocks = [b for b in article.blocks if b.kind in SENTENCE_BLOCKS]
    if not article.blocks:  # an article built by hand, without layout: all of it is text
        article.sentences = split_sentences(article.text)
    else:
        article.sentences = [s for b in blocks for s in split_sentences(article.text, b.start, b.end)]
    return article


def read(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    progress: ProgressCallback | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> tuple[list[Article], list[Problem]]:
    """Articles (segmented, each content once) and problems from files and folders (one path or
    several); files over ``max_bytes`` are reported, not read."""
    articles: dict[str, Article] = {}
    problems: list[Problem] = []
    for n, item in enumerate(read_paths(paths, max_bytes=max_bytes), start=1):
        if isinstance(item, Problem):
            problems.append(item)
        elif item.id not in articles:
            articles[item.id] = segment(item)
        if progress:
            progress("read", n, 0)
    return list(articles.values()), problems


def read_batches(
    paths: Iterable[str | os.PathLike[str]],
    batch_size: int = READ_BATCH,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[tuple[list[Article], list[Problem]]]:
    """Articles (segmented, each content once) and problems, ``batch_size`` articles at a time,
    so that a big input is never held whole."""
    seen: set[str] = set()
    articles: list[Article] = []
    problems: list[Problem] = []
    for item in read_paths(paths, max_bytes=max_bytes):
        if isinstance(item, Problem):
            problems.append(item)
        elif item.id not in seen:
            seen.add(item.id)
            articles.append(segment(item))
        if len(articles) >= batch_size:
            yield articles, problems
            articles, problems = [], []
    if articles or problems:
        yield articles, problems


@dataclass
class Added:
    """What `add` did: the articles new to the store, those it held already, the problems met,
    and the store's events and storylines after the addition."""

    new: list[str]
    already_stored: int
    problems: list[Problem]
    events: list[Event]
    storylines: list[Storyline]


@collector_paused()  # millions of small objects, almost no cycles: see `collector_paused`
def add(
    paths: Iterable[str | os.PathLike[str]],
    db: str | Path,
    workers: int | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Added:
    """Add the articles under ``paths`` to the store ``db`` and bring its events and storylines
    up to date, comparing only the new articles with the others.

    Articles are read and stored a batch at a time; the per-article pass then reads them back a
    batch at a time and keeps only their compact story features, so memory grows with the
    features of the store, not with its text.
    """
    new: list[str] = []
    already, problems = 0, []
    # The write lock spans adding and grouping, so that a concurrent add or analyze never sees
    # articles without events.
    with Store(db) as store, store.writing():
        for articles, batch_problems in read_batches(paths, max_bytes=max_bytes):
            added = store.add_articles(articles)
            new += added
            already += len(articles) - len(added)
            store.add_problems(batch_problems)
            problems += batch_problems

        had_pieces = store.articles_with_pieces()
        # The boilerplate model grown over the new articles, as a batch run over the whole store
        # learns it; stored articles whose boilerplate grew get their story features made again.
        grown = grow_boilerplate(store)
        store.drop_story_features(grown.changed)
        trim_memory()  # each stage's peak is given back before the next: memory stays bounded

        def featurize(articles: Iterable[Article], fixed: Boilerplate) -> Iterator[ArticleFeatures]:
            # One pass per new article: its story features for the grouping, and the rest of what
            # it holds (sources, figures, dates, mentions, reuse signatures) kept in the store.
            # Stored articles made again need their story features alone.
            again: list[Article] = []

            def fresh() -> Iterator[Article]:
                for article in articles:
                    if article.id in had_pieces:
                        again.append(article)
                    else:
                        yield article

            pending: list[ArticlePieces] = []
            for record in article_pass(fresh(), workers=workers, fixed=fixed):
                pending.append(pieces_of(record))
                if len(pending) >= READ_BATCH:
                    store.add_article_pieces(pending)
                    pending = []
                yield record.features
            store.add_article_pieces(pending)
            for record in article_pass(again, extract=False, workers=workers, fixed=fixed):
                yield record.features

        events, storylines = update_store(store, featurize=featurize, boilerplate=grown.model)
        trim_memory()
        # Articles stored with story features but not the rest (by an older isnad).
        with_pieces = store.articles_with_pieces()
        unmade = [i for i in store.article_ids() if i not in with_pieces]
        for start in range(0, len(unmade), READ_BATCH):
            batch = store.articles(unmade[start : start + READ_BATCH])
            store.add_article_pieces([pieces_of(r) for r in article_pass(batch, workers=workers)])
        new_ids = [i for i in store.article_ids() if i not in had_pieces]
        update_results(store, new_ids, events, storylines, grown.model, grown.changed)
        store.set_boilerplate(grown.model, grown.rows)
    return Added(new, already, problems, events, storylines)


@collector_paused()  # millions of small objects, almost no cycles: see `collector_paused`
def analyze_articles(
    articles: Iterable[Article],
    problems: Iterable[Problem] = (),
    progress: ProgressCallback | None = None,
    store: Store | None = None,
    workers: int | None = None,
) -> Analysis:
    """Run every analysis over articles already read (and segmented), in the order the data
    needs: the per-article pass, then the corpus stages, then the per-event ones.

    With ``store``, which must hold exactly these articles, events and storylines come from the
    store's incremental path: stored story features and links are reused and new ones kept.
    ``workers`` processes share the per-article pass, the reuse alignment and the per-event
    stages (default: one per core).
    """
    articles = list(articles)

    def step(stage: str) -> None:
        if progress:
            progress(stage, 1, 1)

    # Per article: text layer, outlet, attributions, figures, dates, mentions, story features.
    records = []
    # Boilerplate (formulas, outlets' fixed lines) is learnt once from the whole input first: the
    # story features leave out the fixed lines, text reuse both layers.
    boilerplate = Boilerplate.learn(articles)
    for n, record in enumerate(article_pass(articles, workers=workers, fixed=boilerplate), start=1):
        records.append(record)
        if progress:
            progress("articles", n, len(articles))
    corpus = Corpus([r.article for r in records], [r.doc for r in records])
    extraction = combine(
        (r.extraction for r in records if r.extraction is not None), [r.article for r in records]
    )
    features = [r.features for r in records]
    if store is not None:  # what `isnad add` builds on: each article's pass, kept per article
        keep_pieces(store, articles, records, boilerplate)
    del records
    # Across the corpus: text reuse, events and storylines; then per event: figures compared,
    # briefs, framing, provenance. Only provenance reads the reuse links, so a second core finds
    # them while the events are grouped and compared here, and a third process frames the
    # events (framing needs nothing the comparisons make). A fork costs more than a small
    # corpus saves.
    parallel = workers if len(corpus) >= MIN_PARALLEL else 1
    # The candidate pairs are found here, before the fork: see `reuse_candidates`.
    candidates = reuse_candidates(corpus)

    def reuse_links() -> list[ReuseLink]:
        return find_reuse(corpus, boilerplate=boilerplate, workers=workers, candidates=candidates)

    with beside(reuse_links, parallel) as reused:
        if store is not None:
            made = {f.article_id: f for f in features}
            events, storylines = update_store(store, corpus=corpus, made=made)
        else:
            events, storylines = group_stories(corpus, made=features)
        step("stories")

        def framed_events() -> list[Framing]:
            return frame(corpus, events, storylines, extraction.attributions, extraction.entities)

        with beside(framed_events, parallel) as framed:
            comparisons = compare(events, extraction.figures, corpus.by_id)
            step("compare")
            briefs = summarize(corpus, events, comparisons)
            step("brief")
            storyline_briefs = summarize_storylines(corpus, events, storylines, comparisons)
            singles = single_reports(events, extraction.figures, corpus.by_id)
            reuse = reused()
            step("reuse")
            provenance = trace(events, corpus.by_id, extraction.attributions, reuse)
            framings = framed()
    step("outlets")
    return Analysis(
        version=__version__,
        articles=corpus.articles,
        problems=list(problems),
        events=events,
        storylines=storylines,
        reuse=reuse,
        entities=extraction.entities,
        attributions=extraction.attributions,
        figures=extraction.figures,
        comparisons=comparisons,
        briefs=briefs,
        dates=extraction.dates,
        framings=framings,
        provenance=provenance,
        storyline_briefs=storyline_briefs,
        single_reports=singles,
    )


@collector_paused()  # millions of small objects, almost no cycles: see `collector_paused`
def analyze(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    *,
    db: str | Path | None = None,
    progress: ProgressCallback | None = None,
    workers: int | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Analysis:
    """Read every article under ``paths`` and analyse them.

    With ``db`` the articles are kept in a store between runs: articles already in it are not
    stored again, and the whole store is analysed, so its results always describe everything it
    holds (the events and storylines `isnad add` would give for the same articles); stored story
    features are reused, so only new articles are compared with the others. Without ``db``
    nothing is stored.
    """
    articles, problems = read(paths, progress, max_bytes=max_bytes)
    if db is None:
        return analyze_articles(articles, problems, progress, workers=workers)
    # One writer at a time from here to the saved results, so that the run analyses exactly the
    # articles it stored and read back, whatever another process adds meanwhile.
    with Store(db) as store, store.writing():
        store.add_articles(articles)
        store.add_problems(problems)
        articles, problems = store.articles(), store.problems()
        analysis = analyze_articles(articles, problems, progress, store=store, workers=workers)
        store.save_results(analysis)
        keep_fingerprints(store, analysis)
    return analysis
