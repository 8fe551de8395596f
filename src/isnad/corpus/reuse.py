"""Text reuse: which articles share text, the exact passages on both sides, and which way it flowed.

Three steps, each kept cheap enough for a media monitor's daily volume:

1. **Exact duplicates** share a hash of their normalised content terms and are linked whole.
2. **Candidate pairs** come from MinHash LSH (rensa) over *chunks* of each article: runs of
   content stems (stopwords dropped, clitics and inflection removed by the text layer) taken as
   sets. A reused passage is usually a small part of both articles, so whole-document similarity
   would miss it; a chunk is passage-sized. Sets of single stems, rather than stem n-grams, keep a
   chunk's signature unchanged when an outlet shuffles words or phrases. No pair of articles is
   compared unless two of their chunks collide in the LSH index.
3. **Passage alignment** of each candidate pair on a weighted dot plot: every stem the two
   articles share puts a point at (position in a, position in b), weighted by its rarity in the
   corpus. A verbatim copy is a dense diagonal, a phrase-shuffled copy a broken diagonal, a
   word-shuffled copy a dense square: all three are dense *blocks*. Blocks whose shared weight is
   a large share of what both sides hold are kept, touching blocks merge into one passage (so a
   reused passage is reported once), and each passage is trimmed to the shared stems at its edges.

Boilerplate learnt from the corpus (`isnad.corpus.boilerplate`: titles, datelines, formulas)
weighs nothing, and stems weigh by a shipped background table, so a pair's passages do not depend
on the other articles of the run. A link's score counts the phrases (runs of three stems in
order) its passages share; links under ``min_link_score`` are not reported.

Direction (which way the text flowed) is `isnad.corpus.direction`. Step 2 is
`isnad.corpus.reuse_candidates`, step 3 `isnad.corpus.alignment`; the knobs and stem weights they
share are `isnad.corpus.reuse_weights`.
"""

from __future__ import annotations

import gc
import hashlib
import multiprocessing as mp
from collections import defaultdict
from collections.abc import Collection, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from itertools import compress

from isnad.article.doc import ArticleText, Corpus
from isnad.article_pass import available_cores
from isnad.corpus.alignment import align, could_link
from isnad.corpus.boilerplate import Boilerplate
from isnad.corpus.direction import orient, publishing_clocks, siblings_of_one_source
from isnad.corpus.reuse_candidates import candidate_pairs
from isnad.corpus.reuse_weights import ReuseParams, TermWeights
from isnad.ingest.layout import MIN_IDENTIFYING_WORDS
from isnad.model import Passage, ReuseLink


@dataclass(frozen=True)
class ReuseCandidates:
    """The pairs of a corpus's articles (positions in ``corpus.texts()``) that `find_reuse`
    links: exact duplicates, linked whole, and candidate pairs, aligned."""

    duplicates: list[tuple[int, int]]
    pairs: list[tuple[int, int]]


def reuse_candidates(
    corpus: Corpus,
    params: ReuseParams | None = None,
    *,
    between: tuple[Sequence[str], Sequence[str]] | None = None,
) -> ReuseCandidates:
    """What `find_reuse` links for these arguments (see there).

    Made with rensa, whose Rust thread pool does not survive a fork: a process that forks a
    child to find reuse finds the candidates first and hands them over (`isnad.pipeline`).
    """
    params = params or ReuseParams()
    texts = corpus.texts()
    position = {text.article.id: n for n, text in enumerate(texts)}
    if between is None:
        left = right = list(range(len(texts)))
    else:
        left = [position[i] for i in between[0]]
        right = [position[i] for i in between[1]]
    duplicates = _exact_duplicates(texts, left, right)
    return ReuseCandidates(
        sorted(duplicates), sorted(candidate_pairs(texts, left, right, params) - duplicates)
    )


def find_reuse(
    corpus: Corpus,
    params: ReuseParams | None = None,
    *,
    between: tuple[Sequence[str], Sequence[str]] | None = None,
    boilerplate: Boilerplate | None = None,
    workers: int | None = None,
    candidates: ReuseCandidates | None = None,
) -> list[ReuseLink]:
    """Every pair of articles in the corpus that shares at least one passage.

    With ``between=(left_ids, right_ids)`` only pairs with one article on each side are
    considered (a PAN evaluation compares suspicious documents with sources, not sources with
    each other). ``workers`` processes align the candidate pairs (default: one per core).
    ``candidates``: what `reuse_candidates` gives for the same arguments, when found already.
    """
    params = params or ReuseParams()
    texts = corpus.texts()
    if boilerplate is None:
        boilerplate = Boilerplate.learn_tokens((t.article, t.tokens) for t in texts)
    if candidates is None:
        candidates = reuse_candidates(corpus, params, between=between)
    weights = TermWeights.background(params.max_term_df).with_formulas(texts, boilerplate)
    clocked = publishing_clocks(corpus.articles)
    links = [whole_link(texts[a], texts[b], clocked) for a, b in candidates.duplicates]
    aligned = align_pairs(texts, candidates.pairs, params, weights, workers, clocked)
    links += [link for link in aligned if link is not None]
    reported = [link for link in links if link.score >= params.min_link_score]
    siblings_of_one_source(reported, corpus.by_id)
    return reported


ALIGN_BATCH = 256  # candidate pairs a worker aligns at a time
CACHED_ARTICLES = 4096  # articles whose term weights and groups a worker keeps between batches
MIN_PARALLEL_PAIRS = 4 * ALIGN_BATCH  # fewer pairs are aligned in this process: a pool costs more
# What forked alignment workers read: set just before the pool forks, so that they share the
# texts and weights with this process page by page instead of receiving copies.
_FORKED: tuple[Sequence[ArticleText], ReuseParams, TermWeights, Collection[str]] | None = None


def align_pairs(
    texts: Sequence[ArticleText],
    pairs: list[tuple[int, int]],
    params: ReuseParams,
    weights: TermWeights,
    workers: int | None,
    clocked: Collection[str],
) -> list[ReuseLink | None]:
    """`align` over every pair, results in pair order; None also for a pair whose link could
    not reach ``params.min_link_score`` (`could_link`), which is not aligned. Pairs are
    independent of one another, so many of them are shared out to forked worker processes (one
    per core by default)."""
    able = could_link(texts, pairs, weights, params.min_link_score)
    aligned = iter(_align_all(texts, list(compress(pairs, able)), params, weights, workers, clocked))
    return [next(aligned) if worth else None for worth in able]


def _align_all(
    texts: Sequence[ArticleText],
    pairs: list[tuple[int, int]],
    params: ReuseParams,
    weights: TermWeights,
    workers: int | None,
    clocked: Collection[str],
) -> list[ReuseLink | None]:
    global _FORKED
    workers = available_cores() if workers is None else workers
    if workers <= 1 or len(pairs) < MIN_PARALLEL_PAIRS or "fork" not in mp.get_all_start_methods():
        return [align(texts[a], texts[b], params, weights=weights, clocked=clocked) for a, b in pairs]
    _FORKED = (texts, params, weights, clocked)
    gc.freeze()  # the collector in a worker would touch, and so copy, every object shared with it
    try:
        # This process aligns batches too, beside `workers - 1` forked ones: left to wait, it would
        # hold its memory idle while one more worker copied the pages it reads (about 0.35 GB a
        # worker when a store of 27,000 articles is aligned).
        with ProcessPoolExecutor(workers - 1, mp_context=mp.get_context("fork")) as pool:
            found: list[Future[list[ReuseLink | None]] | list[ReuseLink | None]] = []
            busy: list[Future[list[ReuseLink | None]]] = []
            for start in range(0, len(pairs), ALIGN_BATCH):
                batch = pairs[start : start + ALIGN_BATCH]
                busy = [future for future in busy if not future.done()]
                if len(busy) < 2 * (workers - 1):  # fewer than two batches a worker in hand: give it this one
                    busy.append(pool.submit(_align_batch, batch))
                    found.append(busy[-1])
                else:
                    found.append(_align_batch(batch))
            return [link for part in found for link in (part if isinstance(part, list) else part.result())]
    finally:
        _FORKED = None
        gc.unfreeze()


def _align_batch(pairs: list[tuple[int, int]]) -> list[ReuseLink | None]:
    assert _FORKED is not None, "set by align_pairs before the pool forks"
    texts, params, weights, clocked = _FORKED
    weights.bound_caches(CACHED_ARTICLES)
    return [align(texts[a], texts[b], params, weights=weights, clocked=clocked) for a, b in pairs]


def content_hash(text: ArticleText) -> str:
    """Hash of the normalised content stems: equal for copies that differ in spelling or clitics."""
    return hashlib.blake2b(" ".join(text.content_terms()).encode(), digest_size=16).hexdigest()


def duplicate_key(text: ArticleText) -> str:
    """The content hash exact copies share, or "" for a text with too few content terms to be
    told from another item (a cartoon captioned "كاريكاتير", which ingest keeps apart by URL):
    such items copy nothing."""
    return content_hash(text) if len(text.content_terms()) >= MIN_IDENTIFYING_WORDS else ""


def _exact_duplicates(
    texts: Sequence[ArticleText], left: Sequence[int], right: Sequence[int]
) -> set[tuple[int, int]]:
    by_hash: dict[str, list[int]] = defaultdict(list)
    for n in sorted(set(left) | set(right)):
        key = duplicate_key(texts[n])
        if key:
            by_hash[key].append(n)
    right_set, left_set = set(right), set(left)
    return {
        (min(a, b), max(a, b))
        for group in by_hash.values()
        for a in group
        for b in group
        if a != b and a in left_set and b in right_set
    }


def whole_link(a: ArticleText, b: ArticleText, clocked: Collection[str]) -> ReuseLink:
    """The link of two exact duplicates: their whole texts, one passage."""
    span_a = (a.word_span(0)[0], a.word_span(len(a.terms) - 1)[1])
    span_b = (b.word_span(0)[0], b.word_span(len(b.terms) - 1)[1])
    link = ReuseLink(a=a.article.id, b=b.article.id, score=1.0, passages=[Passage(span_a, span_b, 1.0)])
    orient(link, a, b, clocked=clocked)
    return link
