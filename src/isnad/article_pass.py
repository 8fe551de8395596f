"""The per-article pass: everything isnad learns from one article alone, made once per article.

Each article gets its `Doc` (the text layer), its outlet settled, its attributions, figures,
dates and entity mentions, and its story features (which read the attributions and number
expressions of the same Doc, and the lead's embedding). Nothing here looks at another article,
so the pass runs in batches on a pool of worker processes, each loading the models it needs once;
results come back in input order, a few batches at a time, so memory holds only the batches in
flight.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from itertools import chain, islice
from typing import TypeVar

from isnad.article.attributions import find_attributions
from isnad.article.doc import Doc
from isnad.article.extract import ArticleExtraction, extract_article, settle_outlet
from isnad.article.ner import default_tagger
from isnad.corpus.boilerplate import FIXED_LINES, Boilerplate
from isnad.corpus.story_features import embed, features_of, lead
from isnad.encoder import sentence_encoder
from isnad.memory import collector_paused
from isnad.model import Article, ArticleFeatures

BATCH_SIZE = 64  # articles a worker takes at a time: enough to amortise the hand-over and batch the encoder
MIN_PARALLEL = 4 * BATCH_SIZE  # fewer articles than this are done in this process: a pool costs seconds
POOL_BATCHES = 64  # batches a pool's workers take before fresh ones replace them (a day fits in one)


@dataclass
class ArticleRecord:
    """What the per-article pass made of one article. ``extraction`` is None when only story
    features were asked for (`isnad add`)."""

    article: Article
    doc: Doc
    features: ArticleFeatures
    extraction: ArticleExtraction | None = None


def process_batch(
    articles: Sequence[Article], extract: bool = True, fixed: Boilerplate | None = None
) -> list[ArticleRecord]:
    """The per-article pass over a batch of articles, in this process. ``fixed``: the outlets'
    fixed lines (learnt from the whole input beforehand), left out of the story features."""
    with collector_paused():  # millions of small objects, no cycles: see `Corpus.texts`
        docs = [Doc(article) for article in articles]
        if extract:
            extractions: list[ArticleExtraction | None] = [extract_article(doc) for doc in docs]
            attributions = [x.attributions for x in extractions if x is not None]
        else:
            extractions = [None] * len(docs)
            for doc in docs:
                settle_outlet(doc)
            attributions = [find_attributions(doc.article, doc.sentence_tokens) for doc in docs]
    # The lead's embedding leaves out the outlets' fixed lines; the terms and figures leave out
    # every kind of boilerplate (formulas of the trade make template articles alike).
    leads = [lead(d.article, fixed.spans(d.article, FIXED_LINES) if fixed else []) for d in docs]
    skips = [fixed.spans(doc.article, tokens=doc.tokens) if fixed else [] for doc in docs]
    embeddings = embed(leads)
    return [
        ArticleRecord(doc.article, doc, features_of(doc, cited, embedding, skip), extraction)
        for doc, cited, embedding, extraction, skip in zip(
            docs, attributions, embeddings, extractions, skips, strict=True
        )
    ]


def article_pass(
    articles: Iterable[Article],
    *,
    extract: bool = True,
    workers: int | None = None,
    fixed: Boilerplate | None = None,
) -> Iterator[ArticleRecord]:
    """The per-article pass over ``articles``, records in input order.

    ``workers`` processes share the work (default: one per available core); with one worker,
    or too few articles for a pool to pay, it runs in this process.
    """
    work: Callable[[Sequence[Article]], list[ArticleRecord]] = partial(
        process_batch, extract=extract, fixed=fixed
    )
    batches = _batches(iter(articles), BATCH_SIZE)
    first = list(islice(batches, MIN_PARALLEL // BATCH_SIZE))
    workers = available_cores() if workers is None else workers
    if workers <= 1 or len(first) < MIN_PARALLEL // BATCH_SIZE:
        for batch in chain(first, batches):
            yield from work(batch)
        return
    # Fork where the platform has it: the workers start with the modules this process imported
    # and the models it loaded, shared page by page, so each model is loaded once in all (this
    # process needs the encoder later too, for the claim comparison).
    fork = "fork" in multiprocessing.get_all_start_methods()
    if fork:
        sentence_encoder()
        if extract:
            default_tagger()
    context = multiprocessing.get_context("fork" if fork else None)
    remaining = chain(first, batches)
    for head in remaining:
        # Fresh workers every `POOL_BATCHES` batches: a worker's caches (stems, name tests, NER
        # features) grow with the vocabulary it has seen, by about 0.6 GB over a store's worth.
        group = chain([head], islice(remaining, POOL_BATCHES - 1))
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            in_flight: deque[Future[list[ArticleRecord]]] = deque()
            for batch in group:
                in_flight.append(pool.submit(work, batch))
                if len(in_flight) >= 2 * workers:  # keep every worker busy, hold little in memory
                    yield from in_flight.popleft().result()
            while in_flight:
                yield from in_flight.popleft().result()


def available_cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _batches(items: Iterator[Article], size: int) -> Iterator[list[Article]]:
    while batch := list(islice(items, size)):
        yield batch


T = TypeVar("T")
_BESIDE: Callable[[], object] | None = None  # the work a forked `beside` process runs


@contextmanager
def beside(work: Callable[[], T], workers: int | None = None) -> Iterator[Callable[[], T]]:
    """Run ``work`` in a forked process while the ``with`` block runs here; the block calls what
    it is given for the result (which waits for it). ``work`` reads this process's data as it
    is at the fork, so it must not need anything the block makes. With one core, or where
    processes cannot fork, ``work`` simply runs when its result is asked for."""
    global _BESIDE
    workers = available_cores() if workers is None else workers
    if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        yield work
        return
    _BESIDE = work
    try:
        with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork")) as pool:
            gc.freeze()  # the child's collector would touch, and so copy, every object it shares
            try:
                future: Future[T] = pool.submit(_run_beside)  # type: ignore[arg-type]
            finally:
                gc.unfreeze()
            yield future.result
    finally:
        _BESIDE = None


def _run_beside() -> object:
    assert _BESIDE is not None, "set by beside before the fork"
    return _BESIDE()
