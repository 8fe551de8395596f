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

Direction (which way the text flowed) is `isnad.corpus.direction`.
"""

from __future__ import annotations

import gc
import hashlib
import math
import multiprocessing as mp
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

import numpy as np
import rensa
from numpy.typing import NDArray
from scipy import ndimage

from isnad.arabic import background
from isnad.article.doc import ArticleText, Corpus
from isnad.article_pass import available_cores
from isnad.corpus.boilerplate import Boilerplate
from isnad.corpus.direction import orient, publishing_clocks, siblings_of_one_source
from isnad.model import Passage, ReuseLink, Span


@dataclass(frozen=True)
class ReuseParams:
    """Knobs of the detector; the defaults were tuned on ExAra dev (see docs/reuse.md)."""

    chunk: int = 24  # content stems per LSH chunk: about one sentence, shorter than any gold case
    num_perm: int = 64  # MinHash permutations per chunk
    lsh_bands: int = 32  # 32 bands of 2 rows: chunks with Jaccard 0.2 collide with p ~ 0.73
    min_chunk_jaccard: float = 0.2  # estimated Jaccard a colliding chunk pair must reach
    cell: int = 8  # dot-plot cell, in content stems
    block: int = 4  # cells per side of the smallest scoring block: 32 stems, a short passage
    scales: int = 3  # block sides tried: block, 2*block, ... (a shuffled passage is dense only as a whole)
    min_block_score: float = 0.4  # shared weight / mean weight of the two sides of a block
    min_large_block_score: float = 0.7  # the same for larger blocks, where topic words add up
    max_term_df: float = 0.5  # stems in more articles than this share carry no evidence
    min_passage_terms: int = 12  # content stems on each side; shorter runs are stock phrases
    min_passage_score: float = 0.35  # shared weight / mean weight of a passage's two sides
    trim_gap: int = 10  # stems: a passage edge stops at a gap this long between shared stems
    merge_gap: int = 100  # stems: passages this close on both sides are one passage
    # Stop-band cap: an LSH bucket (one band value) shared by more indexed chunks than this is
    # boilerplate or common-stem noise, not reuse, and collides with nothing. Without a cap, the
    # pairs made in such buckets grow with the square of the corpus. Chosen as the smallest
    # round value that leaves the ExAra dev output unchanged (see docs/reuse.md).
    max_bucket: int = 100
    # Links scoring less are not reported: 1 - exp(-2), twenty shared runs of three stems. Set
    # on 2015-08-03 of SaudiNewsNet (judged links; docs/reuse.md): every silver pair but one
    # scores above it, titles of office and template sentences below.
    min_link_score: float = 0.865

    def __post_init__(self) -> None:
        if (
            min(
                self.chunk, self.num_perm, self.lsh_bands, self.cell, self.block, self.scales, self.max_bucket
            )
            < 1
        ):
            raise ValueError(f"ReuseParams need positive sizes; got {self}")
        if self.num_perm % self.lsh_bands:
            raise ValueError(f"num_perm must be a multiple of lsh_bands; got {self}")


@dataclass(frozen=True)
class TermWeights:
    """Rarity of each stem: rare shared stems are evidence, common ones are not.

    ``formulas`` marks, per article id, the content terms that are boilerplate (see
    `isnad.corpus.boilerplate`): they weigh nothing, so formulas neither make nor score a link.
    """

    idf: dict[str, float]
    default: float  # weight of a stem the table never saw
    formulas: dict[str, NDArray[np.bool_]] = field(default_factory=dict, compare=False, repr=False)
    _by_article: dict[str, NDArray[np.float64]] = field(default_factory=dict, compare=False, repr=False)
    _term_ids: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    _groups: dict[tuple[str, int], TermGroups] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def background(cls, max_df: float) -> TermWeights:
        """Inverse document frequency in the shipped background table (`isnad.arabic.background`).

        The same weights whatever else is in the run, so a pair's passages do not depend on the
        company it keeps.
        """
        n, df = background.document_counts()
        idf = {t: (math.log(n / d) if d <= max_df * n else 0.0) for t, d in df.items()}
        return cls(idf=idf, default=math.log(n))

    def with_formulas(self, texts: Iterable[ArticleText], boilerplate: Boilerplate) -> TermWeights:
        """These weights, with the boilerplate of each article weighing nothing."""
        formulas = {}
        for text in texts:
            covered = np.array(boilerplate.covered(text.tokens, text.article), dtype=bool)
            positions = np.array(text.content_positions(), dtype=np.int64)
            formulas[text.article.id] = covered[positions] if len(positions) else np.zeros(0, dtype=bool)
        return TermWeights(idf=self.idf, default=self.default, formulas=formulas)

    def formula_of(self, text: ArticleText) -> NDArray[np.bool_]:
        """Which content terms of the article are boilerplate (none when unknown)."""
        mask = self.formulas.get(text.article.id)
        return mask if mask is not None else np.zeros(len(text.content_terms()), dtype=bool)

    def __call__(self, term: str) -> float:
        return self.idf.get(term, self.default)

    def of_text(self, text: ArticleText) -> NDArray[np.float64]:
        """The weight of each content term of an article, cached per article id."""
        cached = self._by_article.get(text.article.id)
        if cached is None:
            cached = np.array([self(t) for t in text.content_terms()], dtype=np.float64)
            cached[self.formula_of(text)] = 0.0
            self._by_article[text.article.id] = cached
        return cached

    def groups_of(self, text: ArticleText, radius: int) -> TermGroups:
        """The article's content positions grouped by stem, cached per article id and radius."""
        key = (text.article.id, radius)
        cached = self._groups.get(key)
        if cached is None:
            cached = self._groups[key] = TermGroups.of(text, self, radius)
        return cached

    def term_id(self, term: str) -> int:
        """A small integer per distinct stem, so stems compare as array entries."""
        return self._term_ids.setdefault(term, len(self._term_ids))


@dataclass(frozen=True)
class TermGroups:
    """An article's content positions grouped by stem, as flat arrays rather than dicts of lists.

    Group g is stem ``ids[g]`` (groups in order of first occurrence), weighing ``weight[g]``, at
    content positions ``positions[start[g] : start[g] + count[g]]`` (ascending); ``near[k]`` is
    how many positions of the same stem lie within the radius of ``positions[k]``.
    """

    ids: NDArray[np.int64]
    weight: NDArray[np.float64]
    start: NDArray[np.int64]
    count: NDArray[np.int64]
    positions: NDArray[np.int64]
    near: NDArray[np.float64]
    order: NDArray[np.int64]  # group indices sorted by stem id, to look stems up by binary search

    @classmethod
    def of(cls, text: ArticleText, weights: TermWeights, radius: int) -> TermGroups:
        terms = text.content_terms()
        term_ids = np.fromiter((weights.term_id(t) for t in terms), dtype=np.int64, count=len(terms))
        ids, first, group_of = np.unique(term_ids, return_index=True, return_inverse=True)
        # Renumber groups by first occurrence, the order a dict of positions would have.
        by_first = np.argsort(first, kind="stable")
        rank = np.empty(len(ids), dtype=np.int64)
        rank[by_first] = np.arange(len(ids))
        group = rank[group_of.ravel()]
        positions = np.argsort(group, kind="stable").astype(np.int64)  # ascending within a group
        count = np.bincount(group, minlength=len(ids)).astype(np.int64)
        start = (np.cumsum(count) - count).astype(np.int64)
        # Positions within the radius of each position, counted inside its own group.
        keyed = group[positions] * (len(terms) + 2 * radius + 1) + positions
        near = (
            np.searchsorted(keyed, keyed + radius, side="right") - np.searchsorted(keyed, keyed - radius)
        ).astype(np.float64)
        ordered_ids = ids[by_first]
        return cls(
            ids=ordered_ids,
            # The stem's own weight: a group whose first occurrence is boilerplate still counts
            # elsewhere (`_dot_plot` drops the points that fall on boilerplate).
            weight=np.array([weights(terms[p]) for p in positions[start]], dtype=np.float64),
            start=start,
            count=count,
            positions=positions,
            near=near,
            order=np.argsort(ordered_ids, kind="stable").astype(np.int64),
        )


def find_reuse(
    corpus: Corpus,
    params: ReuseParams | None = None,
    *,
    between: tuple[Sequence[str], Sequence[str]] | None = None,
    boilerplate: Boilerplate | None = None,
    workers: int | None = None,
) -> list[ReuseLink]:
    """Every pair of articles in the corpus that shares at least one passage.

    With ``between=(left_ids, right_ids)`` only pairs with one article on each side are
    considered (a PAN evaluation compares suspicious documents with sources, not sources with
    each other). ``workers`` processes align the candidate pairs (default: one per core).
    """
    params = params or ReuseParams()
    texts = corpus.texts()
    if boilerplate is None:
        boilerplate = Boilerplate.learn_tokens((t.article, t.tokens) for t in texts)
    weights = TermWeights.background(params.max_term_df).with_formulas(texts, boilerplate)
    position = {text.article.id: n for n, text in enumerate(texts)}
    if between is None:
        left = right = list(range(len(texts)))
    else:
        left = [position[i] for i in between[0]]
        right = [position[i] for i in between[1]]
    clocked = publishing_clocks(corpus.articles)
    duplicates = _exact_duplicates(texts, left, right)
    links = [whole_link(texts[a], texts[b], clocked) for a, b in sorted(duplicates)]
    pairs = sorted(candidate_pairs(texts, left, right, params) - duplicates)
    links += [
        link for link in _align_pairs(texts, pairs, params, weights, workers, clocked) if link is not None
    ]
    reported = [link for link in links if link.score >= params.min_link_score]
    siblings_of_one_source(reported, corpus.by_id)
    return reported


ALIGN_BATCH = 256  # candidate pairs a worker aligns at a time
MIN_PARALLEL_PAIRS = 4 * ALIGN_BATCH  # fewer pairs are aligned in this process: a pool costs more
# What forked alignment workers read: set just before the pool forks, so that they share the
# texts and weights with this process page by page instead of receiving copies.
_FORKED: tuple[Sequence[ArticleText], ReuseParams, TermWeights, Collection[str]] | None = None


def _align_pairs(
    texts: Sequence[ArticleText],
    pairs: list[tuple[int, int]],
    params: ReuseParams,
    weights: TermWeights,
    workers: int | None,
    clocked: Collection[str],
) -> list[ReuseLink | None]:
    """`align` over every pair, results in pair order. Pairs are independent of one another, so
    many of them are shared out to forked worker processes (one per core by default)."""
    global _FORKED
    workers = available_cores() if workers is None else workers
    if workers <= 1 or len(pairs) < MIN_PARALLEL_PAIRS or "fork" not in mp.get_all_start_methods():
        return [align(texts[a], texts[b], params, weights=weights, clocked=clocked) for a, b in pairs]
    _FORKED = (texts, params, weights, clocked)
    gc.freeze()  # the collector in a worker would touch, and so copy, every object shared with it
    try:
        with ProcessPoolExecutor(workers, mp_context=mp.get_context("fork")) as pool:
            batches = [pairs[s : s + ALIGN_BATCH] for s in range(0, len(pairs), ALIGN_BATCH)]
            return [link for found in pool.map(_align_batch, batches) for link in found]
    finally:
        _FORKED = None
        gc.unfreeze()


def _align_batch(pairs: list[tuple[int, int]]) -> list[ReuseLink | None]:
    assert _FORKED is not None, "set by _align_pairs before the pool forks"
    texts, params, weights, clocked = _FORKED
    return [align(texts[a], texts[b], params, weights=weights, clocked=clocked) for a, b in pairs]


def content_hash(text: ArticleText) -> str:
    """Hash of the normalised content stems: equal for copies that differ in spelling or clitics."""
    return hashlib.blake2b(" ".join(text.content_terms()).encode(), digest_size=16).hexdigest()


def _exact_duplicates(
    texts: Sequence[ArticleText], left: Sequence[int], right: Sequence[int]
) -> set[tuple[int, int]]:
    by_hash: dict[str, list[int]] = defaultdict(list)
    for n in sorted(set(left) | set(right)):
        if texts[n].content_terms():
            by_hash[content_hash(texts[n])].append(n)
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
    span_a = (a.tokens[0].start, a.tokens[-1].end)
    span_b = (b.tokens[0].start, b.tokens[-1].end)
    link = ReuseLink(a=a.article.id, b=b.article.id, score=1.0, passages=[Passage(span_a, span_b, 1.0)])
    orient(link, a, b, clocked=clocked)
    return link


def candidate_pairs(
    texts: Sequence[ArticleText], left: Sequence[int], right: Sequence[int], params: ReuseParams
) -> set[tuple[int, int]]:
    """Pairs (lower index, higher index) with two chunks that collide in MinHash LSH.

    Chunks of the ``right`` articles are indexed, chunks of the ``left`` ones queried; a pair
    needs two colliding chunks (one for an article of a single chunk) whose estimated Jaccard
    reaches ``min_chunk_jaccard``, so a single shared stock sentence does not make a candidate.
    A band value held by more than ``max_bucket`` indexed chunks is a stop-band and collides
    with nothing.
    """
    right_chunks, right_owner = _chunks(texts, right, params.chunk)
    # Every article against every other: index and query are the same chunks, so each chunk
    # pair is made once (lower chunk first) and counted for both of its directions.
    symmetric = list(left) == list(right)
    left_chunks, left_owner = (right_chunks, right_owner) if symmetric else _chunks(texts, left, params.chunk)
    if not right_chunks or not left_chunks:
        return set()
    right_rows = _digests(right_chunks, params.num_perm)
    left_rows = right_rows if symmetric else _digests(left_chunks, params.num_perm)
    collisions = band_collisions(left_rows, right_rows, params, one_way=symmetric)
    chunk_pairs = np.unique(np.concatenate(list(collisions)))
    left_chunk, right_chunk = chunk_pairs // len(right_rows), chunk_pairs % len(right_rows)
    # Estimated Jaccard of each colliding chunk pair, in slices to bound the temporary matrix.
    agree = np.concatenate(
        [
            np.count_nonzero(
                left_rows[left_chunk[s : s + 65536]] == right_rows[right_chunk[s : s + 65536]], axis=1
            )
            for s in range(0, len(chunk_pairs), 65536)
        ]
        or [np.zeros(0, dtype=np.int64)]
    )
    close = agree / params.num_perm >= params.min_chunk_jaccard
    owner = np.array(left_owner, dtype=np.int64)[left_chunk[close]]
    others = np.array(right_owner, dtype=np.int64)[right_chunk[close]]
    owner, others = owner[others != owner], others[others != owner]
    # Colliding article pairs as one integer each (lower * n + higher), counted with arrays.
    n = len(texts)
    pairs, counts = np.unique(np.minimum(others, owner) * n + np.maximum(others, owner), return_counts=True)
    chunk_count = np.bincount(left_owner, minlength=n) + np.bincount(right_owner, minlength=n)
    lower, higher = pairs // n, pairs % n
    keep = enough_collisions(counts, chunk_count[lower], chunk_count[higher], symmetric=symmetric)
    return set(zip(lower[keep].tolist(), higher[keep].tolist(), strict=True))


def enough_collisions(
    collisions: NDArray[np.int64],
    chunks_a: NDArray[np.int64],
    chunks_b: NDArray[np.int64],
    *,
    symmetric: bool,
) -> NDArray[np.bool_]:
    """Which article pairs are candidates, from their close colliding chunk pairs and how many
    chunks each side indexed and queried (`candidate_pairs`; also the Spark job's rule)."""
    needed = np.minimum(2, np.minimum(chunks_a, chunks_b))
    return np.asarray(collisions * (2 if symmetric else 1) >= needed)


def chunk_digests(text: ArticleText, params: ReuseParams) -> NDArray[np.uint32]:
    """The MinHash signature of each LSH chunk of one article (a row per chunk), as
    `candidate_pairs` makes them for the whole corpus: a chunk's signature depends on it alone."""
    chunks, _ = _chunks([text], [0], params.chunk)
    if not chunks:
        return np.zeros((0, params.num_perm), dtype=np.uint32)
    return _digests(chunks, params.num_perm)


def band_keys(digests: NDArray[np.uint32], params: ReuseParams) -> NDArray[np.uint64]:
    """The LSH bucket of each chunk in each band (a row per chunk, a column per band)."""
    rows = params.num_perm // params.lsh_bands
    columns = [_band_keys(digests[:, band * rows : (band + 1) * rows]) for band in range(params.lsh_bands)]
    return np.stack(columns, axis=1) if columns else np.zeros((len(digests), 0), dtype=np.uint64)


def _digests(chunks: list[list[str]], num_perm: int) -> NDArray[np.uint32]:
    rows = rensa.RMinHash.digest_matrix_from_token_sets(chunks, num_perm, 0).to_rows()
    return np.array(rows, dtype=np.uint32)  # rensa digests are 32-bit


def band_collisions(
    left_rows: NDArray[np.uint32], right_rows: NDArray[np.uint32], params: ReuseParams, *, one_way: bool
) -> Iterable[NDArray[np.int64]]:
    """Per LSH band, the (left chunk * right chunks + right chunk) codes of chunks whose band agrees.

    The banding is done here in numpy rather than in rensa's index so that a bucket's size is
    known before its pairs are made: an oversized bucket is skipped whole. ``one_way`` keeps
    only pairs whose left chunk comes first (for left and right rows that are the same chunks).
    """
    rows = params.num_perm // params.lsh_bands
    yield np.zeros(0, dtype=np.int64)
    for band in range(params.lsh_bands):
        columns = slice(band * rows, (band + 1) * rows)
        right_keys = _band_keys(right_rows[:, columns])
        left_keys = _band_keys(left_rows[:, columns])
        buckets, bucket_of, bucket_size = np.unique(right_keys, return_inverse=True, return_counts=True)
        members = np.argsort(bucket_of.ravel(), kind="stable")  # right chunks grouped by bucket
        bucket_start = np.cumsum(bucket_size) - bucket_size
        found = np.minimum(np.searchsorted(buckets, left_keys), len(buckets) - 1)
        hit = (buckets[found] == left_keys) & (bucket_size[found] <= params.max_bucket)
        query, bucket = np.flatnonzero(hit), found[hit]
        sizes = bucket_size[bucket]
        # Every right chunk of each hit bucket, without a Python loop over buckets.
        within = np.arange(sizes.sum()) - np.repeat(np.cumsum(sizes) - sizes, sizes)
        matched = members[np.repeat(bucket_start[bucket], sizes) + within]
        queried = np.repeat(query, sizes).astype(np.int64)
        if one_way:
            queried, matched = queried[queried < matched], matched[queried < matched]
        yield queried * len(right_rows) + matched


def _band_keys(band: NDArray[np.uint32]) -> NDArray[np.uint64]:
    """One 64-bit value per row of a band: exact for bands of two rows, a hash for longer ones.

    A hash collision only adds chunk pairs, which the estimated-Jaccard check then filters.
    """
    key = np.zeros(len(band), dtype=np.uint64)
    for column in band.T:
        key = ((key << np.uint64(32)) | (key >> np.uint64(32))) ^ column.astype(np.uint64)
    return key


def _chunks(
    texts: Sequence[ArticleText], which: Sequence[int], size: int
) -> tuple[list[list[str]], list[int]]:
    """Overlapping runs of ``size`` content stems (stride size/2), as sets, with their article."""
    chunks: list[list[str]] = []
    owners: list[int] = []
    step = max(1, size // 2)
    for n in which:
        terms = texts[n].content_terms()
        for start in range(0, max(1, len(terms) - step), step):
            chunk = sorted(set(terms[start : start + size]))
            if len(chunk) >= 3:
                chunks.append(chunk)
                owners.append(n)
    return chunks, owners


def align(
    a: ArticleText,
    b: ArticleText,
    params: ReuseParams | None = None,
    *,
    weights: TermWeights | None = None,
    clocked: Collection[str] | None = None,
) -> ReuseLink | None:
    """The passages two articles share, or None when they share none.

    ``weights`` rate the stems; without them, the shipped background table (`TermWeights.background`).
    ``clocked``: the outlets whose time stamps are publishing times (see `orient`).
    """
    params = params or ReuseParams()
    weights = weights or TermWeights.background(params.max_term_df)
    terms_a, terms_b = a.content_terms(), b.content_terms()
    points = _dot_plot(a, b, weights, params.cell * params.block // 2)
    if points is None:
        return None
    weight_a, weight_b = weights.of_text(a), weights.of_text(b)
    news_a, news_b = _cumulative(~weights.formula_of(a)), _cumulative(~weights.formula_of(b))
    pos_a, pos_b = a.content_positions(), b.content_positions()
    formula_a, formula_b = weights.formula_of(a), weights.formula_of(b)
    passages: list[Passage] = []
    covered_a = covered_b = 0
    runs_a: set[tuple[str, ...]] = set()
    runs_b: set[tuple[str, ...]] = set()
    for a_lo, a_hi, b_lo, b_hi, shared in _passages(points, (weight_a, weight_b), (news_a, news_b), params):
        own = (weight_a[a_lo : a_hi + 1].sum() + weight_b[b_lo : b_hi + 1].sum()) / 2
        runs_a |= _stem_runs(terms_a, formula_a, a_lo, a_hi)
        runs_b |= _stem_runs(terms_b, formula_b, b_lo, b_hi)
        passages.append(
            Passage(
                a_span=_char_span(a, pos_a, a_lo, a_hi),
                b_span=_char_span(b, pos_b, b_lo, b_hi),
                score=round(float(min(1.0, shared / own)) if own else 0.0, 3),
            )
        )
        covered_a += int(news_a[a_hi + 1] - news_a[a_lo])
        covered_b += int(news_b[b_hi + 1] - news_b[b_lo])
    if not passages:
        return None
    score = link_score(len(runs_a & runs_b), min(covered_a, covered_b))
    link = ReuseLink(a=a.article.id, b=b.article.id, score=round(score, 3), passages=passages)
    coverage = (covered_a / (len(terms_a) or 1), covered_b / (len(terms_b) or 1))
    orient(link, a, b, coverage=coverage, clocked=clocked)
    return link


def link_score(shared_runs: int, passage_terms: int | None = None) -> float:
    """How sure a link is to be copying, from 0 to 1, from the phrasing the two articles share.

    ``shared_runs`` counts the distinct runs of three content stems, in order, found in the
    passages of both, boilerplate left out. A copy, even a rewritten one, keeps its source's
    phrases; two reports of one happening written apart share names and topic words but few
    runs, and a title of office or a template sentence that the boilerplate model has not seen
    often enough to learn is one sentence, about fifteen runs. Each run makes the link likelier:
    ``RUN_SCALE`` runs give 0.63, twice as many 0.86 (the default threshold, see docs/reuse.md).

    A copy also keeps its source's wording all through the passage: given ``passage_terms``, the
    content stems of the shorter side's passages, runs must number at least ``MIN_RUN_DENSITY`` of
    them. Sparser passages are a release rewritten by each outlet or a template filled with other
    names, partial copying at best, and score no more than ``SPARSE_CAP``.
    """
    score = 1.0 - math.exp(-shared_runs / RUN_SCALE)
    if passage_terms is not None and shared_runs < MIN_RUN_DENSITY * passage_terms:
        return min(score, SPARSE_CAP)
    return score


RUN_SCALE = 10.0
# Half the passage: on 2015-08-03 (docs/reuse.md) most judged links under it are rewrites of one
# release or templates, most above it copies.
MIN_RUN_DENSITY = 0.5
SPARSE_CAP = 0.75  # the band where judged links are about half right, under the default threshold


def _stem_runs(terms: list[str], formula: NDArray[np.bool_], lo: int, hi: int) -> set[tuple[str, ...]]:
    """Runs of three consecutive content stems in terms[lo..hi], none of them boilerplate."""
    return {
        (terms[i], terms[i + 1], terms[i + 2])
        for i in range(lo, hi - 1)
        if not (formula[i] or formula[i + 1] or formula[i + 2])
    }


Points = tuple[NDArray[np.int64], NDArray[np.int64], NDArray[np.float64]]


def _dot_plot(a: ArticleText, b: ArticleText, weights: TermWeights, radius: int) -> Points | None:
    """Every (position in a, position in b) holding the same stem, with the stem's weight.

    A stem that occurs p times near i in a and q times near j in b puts p*q points in the block
    around (i, j); each gets weight / max(p, q), so together they count weight * min(p, q), the
    multiset overlap, and a stem repeated all through both articles does not fake a dense block.
    """
    ga, gb = weights.groups_of(a, radius), weights.groups_of(b, radius)
    if not len(ga.ids) or not len(gb.ids):
        return None
    # Shared stems in the order of the side with fewer distinct stems (a on a tie).
    first, other = (gb, ga) if len(gb.ids) < len(ga.ids) else (ga, gb)
    found = np.minimum(np.searchsorted(other.ids[other.order], first.ids), len(other.ids) - 1)
    match = other.order[found]
    present = other.ids[match] == first.ids
    g_first, g_other = np.flatnonzero(present), match[present]
    g_a, g_b = (g_first, g_other) if first is ga else (g_other, g_first)
    count_a, count_b, weight = ga.count[g_a], gb.count[g_b], ga.weight[g_a]
    usable = (weight > 0) & (count_a * count_b <= 400)
    g_a, g_b, count_a, count_b, weight = (
        g_a[usable],
        g_b[usable],
        count_a[usable],
        count_b[usable],
        weight[usable],
    )
    if not len(g_a):
        return None
    # Most shared stems occur once on each side: one point each, at full weight; they come first.
    single = (count_a == 1) & (count_b == 1)
    rows = [ga.positions[ga.start[g_a[single]]]]
    cols = [gb.positions[gb.start[g_b[single]]]]
    values = [weight[single]]
    many = ~single
    g_a, g_b, count_a, count_b, weight = g_a[many], g_b[many], count_a[many], count_b[many], weight[many]
    # Every (i, j) of each repeated stem's positions, i major, stem after stem.
    total = count_a * count_b
    group = np.repeat(np.arange(len(total)), total)
    k = np.arange(int(total.sum())) - np.repeat(np.cumsum(total) - total, total)
    i = ga.start[g_a][group] + k // count_b[group]
    j = gb.start[g_b][group] + k % count_b[group]
    rows.append(ga.positions[i])
    cols.append(gb.positions[j])
    values.append(weight[group] / np.maximum(ga.near[i], gb.near[j]))
    row, col, value = np.concatenate(rows), np.concatenate(cols), np.concatenate(values)
    # Boilerplate on either side is not evidence of copying.
    real = ~(weights.formula_of(a)[row] | weights.formula_of(b)[col])
    if not real.any():
        return None
    return row[real], col[real], value[real]


def _cumulative(mask: NDArray[np.bool_]) -> NDArray[np.int64]:
    """counts[i] = how many of mask[:i] hold, so a range's count is counts[hi + 1] - counts[lo]."""
    return np.concatenate([[0], np.cumsum(mask, dtype=np.int64)])


def _passages(
    points: Points,
    own_weights: tuple[NDArray[np.float64], NDArray[np.float64]],
    news: tuple[NDArray[np.int64], NDArray[np.int64]],
    params: ReuseParams,
) -> list[tuple[int, int, int, int, float]]:
    """Dense regions of the dot plot as (a_lo, a_hi, b_lo, b_hi, shared weight), inclusive.

    ``own_weights`` is each side's weight per content term, ``news`` its `_cumulative` count of content
    terms that are not boilerplate (a passage's length counts only those).
    """
    rows, cols, values = points
    weight_a, weight_b = own_weights
    news_a, news_b = news
    cell, block = params.cell, params.block
    grid = np.zeros((len(weight_a) // cell + 1, len(weight_b) // cell + 1))
    np.add.at(grid, (rows // cell, cols // cell), values)
    own_a = np.bincount(np.arange(len(weight_a)) // cell, weights=weight_a, minlength=grid.shape[0]).astype(
        np.float64
    )
    own_b = np.bincount(np.arange(len(weight_b)) // cell, weights=weight_b, minlength=grid.shape[1]).astype(
        np.float64
    )
    # Only cells holding a point can end up in a passage, so coverage is tested there alone.
    cell_rows, cell_cols = np.nonzero(grid)
    covered_cells = np.zeros(len(cell_rows), dtype=bool)
    largest = block << (params.scales - 1)
    integral = _padded_integral(grid, largest)
    for scale in range(params.scales):
        side = block << scale
        if scale and side > 2 * max(grid.shape):
            break
        # Block sums over side x side cells anchored at each cell (clipped at the far edges).
        shared = _window_sum2d(integral, grid.shape, side)
        mean_side = (_window_sum1d(own_a, side)[:, None] + _window_sum1d(own_b, side)[None, :]) / 2
        threshold = params.min_large_block_score if scale else params.min_block_score
        dense = (shared >= threshold * mean_side) & (mean_side > 0)
        covered_cells |= _any_anchor_before(dense, cell_rows, cell_cols, side)
    # Covered cells holding a point form the passages; touching cells (8-neighbours) are one.
    covered = np.zeros(grid.shape, dtype=bool)
    covered[cell_rows[covered_cells], cell_cols[covered_cells]] = True
    labels, count = ndimage.label(covered, structure=np.ones((3, 3)))
    if not count:
        return []
    point_labels = labels[rows // cell, cols // cell]
    # The points of each region, in their order (a stable sort by region rather than a scan of
    # every point per region). Trimming only narrows a region, so one whose points already span
    # too few terms on a side is left out untrimmed.
    by_region = np.argsort(point_labels, kind="stable")
    bounds = np.searchsorted(point_labels[by_region], np.arange(1, count + 2))
    first, last = bounds[:-1], bounds[1:]
    held = first < last  # every region holds points; kept safe for reduceat all the same
    first, last = first[held], last[held]
    region_rows, region_cols = rows[by_region], cols[by_region]
    span_a = (
        news_a[np.maximum.reduceat(region_rows, first) + 1] - news_a[np.minimum.reduceat(region_rows, first)]
    )
    span_b = (
        news_b[np.maximum.reduceat(region_cols, first) + 1] - news_b[np.minimum.reduceat(region_cols, first)]
    )
    found = []
    for k in np.flatnonzero(np.minimum(span_a, span_b) >= params.min_passage_terms).tolist():
        mine = by_region[first[k] : last[k]]
        trimmed = _trim(rows[mine], cols[mine], values[mine], params.trim_gap)
        if trimmed is None:
            continue
        a_lo, a_hi, b_lo, b_hi, weight = trimmed
        own = (weight_a[a_lo : a_hi + 1].sum() + weight_b[b_lo : b_hi + 1].sum()) / 2
        # A sparse region next to a real passage would be swallowed by the merge below.
        length = min(news_a[a_hi + 1] - news_a[a_lo], news_b[b_hi + 1] - news_b[b_lo])
        long_enough = length >= params.min_passage_terms
        if long_enough and weight >= params.min_passage_score * own:
            found.append((a_lo, a_hi, b_lo, b_hi, weight))
    cum_a, cum_b = np.concatenate([[0.0], np.cumsum(weight_a)]), np.concatenate([[0.0], np.cumsum(weight_b)])

    def still_dense(a_lo: int, a_hi: int, b_lo: int, b_hi: int, shared: float) -> bool:
        own = (cum_a[a_hi + 1] - cum_a[a_lo] + cum_b[b_hi + 1] - cum_b[b_lo]) / 2
        return bool(shared >= params.min_passage_score * own)

    return _merge_close(found, params.merge_gap, still_dense)


def _window_sum1d(values: NDArray[np.float64], size: int) -> NDArray[np.float64]:
    padded = np.concatenate([[0.0], np.cumsum(values), np.full(size, values.sum())])
    return np.asarray(padded[size : size + len(values)] - padded[: len(values)])


def _padded_integral(grid: NDArray[np.float64], pad: int) -> NDArray[np.float64]:
    """Cumulative sums of ``grid`` with a zero first row and column, its last row and column
    repeated ``pad`` times so that windows reaching past the far edges are clipped there."""
    total = np.zeros((grid.shape[0] + pad + 1, grid.shape[1] + pad + 1))
    total[1 : grid.shape[0] + 1, 1 : grid.shape[1] + 1] = grid.cumsum(0).cumsum(1)
    total[grid.shape[0] + 1 :, :] = total[grid.shape[0], :]
    total[:, grid.shape[1] + 1 :] = total[:, grid.shape[1] : grid.shape[1] + 1]
    return total


def _window_sum2d(total: NDArray[np.float64], shape: tuple[int, ...], size: int) -> NDArray[np.float64]:
    """Sum of grid[x:x+size, y:y+size] for every (x, y), from `_padded_integral` (pad >= size)."""
    x, y = shape
    return np.asarray(
        total[size : size + x, size : size + y]
        - total[:x, size : size + y]
        - total[size : size + x, :y]
        + total[:x, :y]
    )


def _any_anchor_before(
    dense: NDArray[np.bool_], rows: NDArray[np.intp], cols: NDArray[np.intp], side: int
) -> NDArray[np.bool_]:
    """Whether a dense block covers each cell (rows[i], cols[i]): an anchor within ``side - 1``
    cells before it on both axes."""
    counts = np.zeros((dense.shape[0] + 1, dense.shape[1] + 1), dtype=np.int32)
    counts[1:, 1:] = dense.cumsum(0, dtype=np.int32).cumsum(1)
    lo_r, lo_c = np.maximum(rows - side + 1, 0), np.maximum(cols - side + 1, 0)
    hits = counts[rows + 1, cols + 1] - counts[lo_r, cols + 1] - counts[rows + 1, lo_c] + counts[lo_r, lo_c]
    return np.asarray(hits > 0)


def _trim(
    rows: NDArray[np.int64], cols: NDArray[np.int64], values: NDArray[np.float64], gap: int
) -> tuple[int, int, int, int, float] | None:
    """The passage's extent on both sides: the heaviest run of shared stems without a long gap.

    A dense block reaches a little past the passage it sits on, and the stray shared stems it
    catches there would stretch the passage; cutting at gaps keeps the edges on reused text.
    """
    keep = _one_to_one(rows, cols)
    for _ in range(2):  # trimming one side can strand points on the other
        for axis in (rows, cols):
            lo, hi = _heaviest_run(axis[keep], values[keep], gap)
            keep &= (axis >= lo) & (axis <= hi)
        if not keep.any():
            return None
    return (
        int(rows[keep].min()),
        int(rows[keep].max()),
        int(cols[keep].min()),
        int(cols[keep].max()),
        float(values[keep].sum()),
    )


def _one_to_one(rows: NDArray[np.int64], cols: NDArray[np.int64]) -> NDArray[np.bool_]:
    """Keep one point per position on each side: the one most likely part of the copy.

    A stem the passage shares also occurs elsewhere near it; those extra points are not part of
    the copy and, kept, would pull the passage's edges outwards. A copy in order lies on a line
    col = row + offset, and the point nearest that line is the one to keep; a shuffled copy has
    no line, and the point nearest the region's middle is the safest guess.
    """
    offset = np.median(cols - rows)
    off_line = np.abs(cols - rows - offset)
    if np.mean(off_line <= 3) >= 0.3:
        distance = off_line
    else:
        distance = np.abs(rows - np.median(rows)) + np.abs(cols - np.median(cols))
    keep = np.zeros(len(rows), dtype=bool)
    by_distance = np.lexsort((distance, rows))  # per row, the nearest point first
    first_of_row = np.ones(len(rows), dtype=bool)
    first_of_row[1:] = rows[by_distance][1:] != rows[by_distance][:-1]
    chosen = by_distance[first_of_row]
    by_distance = chosen[np.lexsort((distance[chosen], cols[chosen]))]
    first_of_col = np.ones(len(by_distance), dtype=bool)
    first_of_col[1:] = cols[by_distance][1:] != cols[by_distance][:-1]
    keep[by_distance[first_of_col]] = True
    return keep


def _heaviest_run(positions: NDArray[np.int64], values: NDArray[np.float64], gap: int) -> tuple[int, int]:
    order = np.argsort(positions, kind="stable")
    ordered, weights = positions[order], values[order]
    breaks = np.flatnonzero(np.diff(ordered) > gap) + 1
    starts = np.concatenate([[0], breaks])
    ends = np.concatenate([breaks, [len(ordered)]])
    run_weights = np.add.reduceat(weights, starts)
    best = int(np.argmax(run_weights))
    return int(ordered[starts[best]]), int(ordered[ends[best] - 1])


def _merge_close(
    found: list[tuple[int, int, int, int, float]],
    gap: int,
    dense: Callable[[int, int, int, int, float], bool] | None = None,
) -> list[tuple[int, int, int, int, float]]:
    """Join passages that overlap or nearly touch on both sides, so one reuse is reported once.

    A shuffled or lightly rewritten passage often comes out of the dot plot as a few pieces
    separated by a sentence the outlet rewrote; PAN systems merge such pieces the same way.
    """
    merged = sorted(found)
    changed = True
    while changed:
        changed = False
        out: list[tuple[int, int, int, int, float]] = []
        for a_lo, a_hi, b_lo, b_hi, weight in merged:
            for n, (ma_lo, ma_hi, mb_lo, mb_hi, mw) in enumerate(out):
                near_a = a_lo - ma_hi <= gap and ma_lo - a_hi <= gap
                near_b = b_lo - mb_hi <= gap and mb_lo - b_hi <= gap
                joined = (min(a_lo, ma_lo), max(a_hi, ma_hi), min(b_lo, mb_lo), max(b_hi, mb_hi), weight + mw)
                # Joined across an unshared stretch, a passage must still be mostly shared text.
                if near_a and near_b and (dense is None or dense(*joined)):
                    out[n] = joined
                    changed = True
                    break
            else:
                out.append((a_lo, a_hi, b_lo, b_hi, weight))
        merged = sorted(out)
    return merged


def _char_span(text: ArticleText, positions: list[int], lo: int, hi: int) -> Span:
    first = text.tokens[positions[lo]]
    last = text.tokens[positions[min(hi, len(positions) - 1)]]
    return (first.start, last.end)
