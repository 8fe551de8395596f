"""Candidate pairs for text reuse: MinHash LSH (rensa) over passage-sized chunks of each article.

No pair of articles is aligned unless two of their chunks collide in a band of the index
(`isnad.corpus.reuse` says why chunks are sets of single stems).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import rensa
from numpy.typing import NDArray

from isnad.article.doc import ArticleText
from isnad.corpus.arrays import distinct
from isnad.corpus.reuse_weights import ReuseParams


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
    chunk_pairs = distinct(np.concatenate(list(collisions)))
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
