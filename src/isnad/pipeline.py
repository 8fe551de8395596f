"""The whole job: read inputs, store them, run every analysis, return one `Analysis`.

Stages run in one direction and meet only at the records of `isnad.model`:
ingest -> text layer (sentences) -> store -> reuse -> stories -> extract -> compare -> brief.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from isnad import __version__
from isnad.arabic import split_sentences
from isnad.article.doc import Corpus
from isnad.article.extract import extract
from isnad.corpus.reuse import find_reuse
from isnad.corpus.stories import group_stories, update_store
from isnad.event.brief import summarize, summarize_storylines
from isnad.event.compare import compare, single_reports
from isnad.event.framing import frame
from isnad.event.provenance import trace
from isnad.ingest import read_paths
from isnad.model import Analysis, Article, Problem
from isnad.store import Store

ProgressCallback = Callable[[str, int, int], None]
"""Called as ``progress(stage, done, total)``; ``total`` is 0 while unknown."""

STAGES = ("read", "reuse", "stories", "extract", "compare", "brief", "outlets")
# Blocks whose text is running prose; headings, bullets, titles and signatures are kept in the
# article but are not sentences of its story.
SENTENCE_BLOCKS = {"paragraph", "standfirst"}


def segment(article: Article) -> Article:
    """Fill ``article.sentences`` from its running-text blocks (idempotent)."""
    blocks = [b for b in article.blocks if b.kind in SENTENCE_BLOCKS]
    if not article.blocks:  # an article built by hand, without layout: all of it is text
        article.sentences = split_sentences(article.text)
    else:
        article.sentences = [s for b in blocks for s in split_sentences(article.text, b.start, b.end)]
    return article


def read(
    paths: Iterable[str | os.PathLike[str]], progress: ProgressCallback | None = None
) -> tuple[list[Article], list[Problem]]:
    """Articles (segmented, each content once) and problems from files and folders."""
    articles: dict[str, Article] = {}
    problems: list[Problem] = []
    for n, item in enumerate(read_paths(paths), start=1):
        if isinstance(item, Problem):
            problems.append(item)
        elif item.id not in articles:
            articles[item.id] = segment(item)
        if progress:
            progress("read", n, 0)
    return list(articles.values()), problems


def analyze_articles(
    articles: Iterable[Article],
    problems: Iterable[Problem] = (),
    progress: ProgressCallback | None = None,
    store: Store | None = None,
) -> Analysis:
    """Run every analysis over articles already read (and segmented).

    With ``store``, which must hold exactly these articles, events and storylines come from the
    store's incremental path: stored story features and links are reused and new ones kept.
    """
    corpus = Corpus(articles)

    def step(stage: str) -> None:
        if progress:
            progress(stage, 1, 1)

    reuse = find_reuse(corpus)
    step("reuse")
    events, storylines = update_store(store, corpus=corpus) if store is not None else group_stories(corpus)
    step("stories")
    extraction = extract(corpus.articles)
    step("extract")
    comparisons = compare(events, extraction.figures, corpus.by_id)
    step("compare")
    briefs = summarize(corpus, events, comparisons)
    step("brief")
    framings = frame(corpus, events, storylines, extraction.attributions, extraction.entities)
    provenance = trace(events, corpus.by_id, extraction.attributions, reuse)
    storyline_briefs = summarize_storylines(corpus, events, storylines, comparisons)
    singles = single_reports(events, extraction.figures, corpus.by_id)
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


def analyze(
    paths: Iterable[str | os.PathLike[str]],
    *,
    db: str | Path | None = None,
    progress: ProgressCallback | None = None,
) -> Analysis:
    """Read every article under ``paths``, keep them in the store, and analyse them.

    With ``db`` the store is a file kept between runs: articles already in it are not stored
    again, and the whole store is analysed, so its results always describe everything it holds
    (the events and storylines `isnad add` would give for the same articles); stored story
    features are reused, so only new articles are compared with the others.
    """
    articles, problems = read(paths, progress)
    with Store(db or ":memory:") as store:
        store.add_articles(articles)
        store.add_problems(problems)
        if db is not None:
            articles, problems = store.articles(), store.problems()
        analysis = analyze_articles(articles, problems, progress, store=store)
        store.save_results(analysis)
    return analysis
