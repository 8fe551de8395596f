"""Reuse of new articles against a stored index: the links a batch run of `find_reuse` over the
whole store makes for the new articles, without tokenising the stored ones.

Each article's chunk signatures (MinHash, as `find_reuse` makes them) and content hash are kept
in the store when it arrives. New articles' chunks are looked up in the signatures of every
stored chunk, with the same bands, stop-band cap and two-chunk rule as a batch run over the whole
store, so the candidate pairs that involve a new article are the batch ones. Only the candidates'
stored partners are then read and aligned.

Boilerplate, which weighs nothing in an alignment, is the model over the whole store, grown as
articles arrive (`isnad.corpus.boilerplate_growth.grow`); stored articles whose boilerplate grew are
aligned again with their partners (`isnad.incremental.update_results`).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence

import numpy as np
from numpy.typing import NDArray

from isnad.article.doc import ArticleText
from isnad.corpus.arrays import distinct
from isnad.corpus.boilerplate import Boilerplate

# The batch detector's own steps, so that the index finds exactly the batch candidates.
from isnad.corpus.reuse import align_pairs, duplicate_key, whole_link
from isnad.corpus.reuse_candidates import band_collisions, chunk_digests
from isnad.corpus.reuse_weights import ReuseParams, TermWeights
from isnad.model import ReuseLink
from isnad.store.pieces import StoredSignatures


def signatures(text: ArticleText, params: ReuseParams | None = None) -> tuple[str, NDArray[np.uint32]]:
    """An article's content hash (empty for too few content stems: `duplicate_key`) and its
    chunks' signatures."""
    params = params or ReuseParams()
    return duplicate_key(text), chunk_digests(text, params)


QUERY_BLOCK = 32768  # new chunks looked up at a time: their collisions are held at once


def candidates_with_stored(
    new_ids: Sequence[str], stored: StoredSignatures, params: ReuseParams
) -> set[tuple[int, int]]:
    """Pairs (lower, higher position in the store) with a new article whose chunks collide as
    `isnad.corpus.reuse.candidate_pairs` requires over the whole store."""
    n = len(stored.article_ids)
    position = {article_id: i for i, article_id in enumerate(stored.article_ids)}
    owner = np.repeat(np.arange(n, dtype=np.int64), stored.chunks)
    is_new = np.zeros(n, dtype=bool)
    is_new[[position[i] for i in new_ids if i in position]] = True
    left = np.flatnonzero(is_new[owner])  # the new articles' chunks, by their index in all rows
    rows = stored.rows
    if not len(left) or not len(rows):
        return set()
    # The new chunks are looked up a block at a time, so that memory holds one block's
    # collisions. A chunk pair is made by one query chunk only (the new one, or the first of two
    # new ones), so no pair is counted in two blocks.
    close_pairs = [np.zeros(0, dtype=np.int64)]
    for s in range(0, len(left), QUERY_BLOCK):
        block = left[s : s + QUERY_BLOCK]
        codes = np.concatenate(list(band_collisions(rows[block], rows, params, one_way=False)))
        query, matched = block[codes // len(rows)], codes % len(rows)
        del codes
        # Each chunk pair once, as the batch run's one-way pass makes it; no chunk with itself.
        keep = (query != matched) & ~(is_new[owner[matched]] & (matched < query))
        lower = np.minimum(query[keep], matched[keep])
        higher = np.maximum(query[keep], matched[keep])
        del query, matched, keep
        chunk_pairs = distinct(lower * len(rows) + higher)
        a_chunk, b_chunk = chunk_pairs // len(rows), chunk_pairs % len(rows)
        agree = np.concatenate(
            [
                np.count_nonzero(rows[a_chunk[i : i + 65536]] == rows[b_chunk[i : i + 65536]], axis=1)
                for i in range(0, len(chunk_pairs), 65536)
            ]
            or [np.zeros(0, dtype=np.int64)]
        )
        close = agree / params.num_perm >= params.min_chunk_jaccard
        a, b = owner[a_chunk[close]], owner[b_chunk[close]]
        a, b = a[a != b], b[a != b]
        close_pairs.append(np.minimum(a, b) * n + np.maximum(a, b))
    pairs, counts = np.unique(np.concatenate(close_pairs), return_counts=True)
    first, second = pairs // n, pairs % n
    needed = np.minimum(2, np.minimum(stored.chunks[first], stored.chunks[second]))
    keep_pair = counts * 2 >= needed  # a chunk pair is two colliding chunks, as in a batch run
    return set(zip(first[keep_pair].tolist(), second[keep_pair].tolist(), strict=True))


READ_BATCH = 500  # stored articles read and tokenised at a time


def reuse_of_new(
    new_ids: Sequence[str],
    stored: StoredSignatures,
    hashes: Mapping[str, str],
    same_content: Mapping[str, list[str]],
    read_texts: Callable[[Sequence[str]], list[ArticleText]],
    boilerplate: Boilerplate,
    clocked: Collection[str],
    params: ReuseParams | None = None,
) -> list[ReuseLink]:
    """Links between each new article and any stored one (the new ones included), in the order a
    batch run over the store lists them. ``hashes``: content hashes of the new articles (as
    `signatures` gives them); ``same_content``: stored articles by content hash; ``read_texts``:
    the text layer of stored articles, read when a pair needs them; ``boilerplate``: the model
    over the whole store (`isnad.corpus.boilerplate_growth.grow`); ``clocked``: the outlets whose stamps
    are publishing times, judged over the whole store
    (`isnad.corpus.direction.publishing_clocks`).

    Pairs are found from the stored signatures alone (``stored.rows`` is emptied once they
    are: the caller must not read it again). The texts of their articles are then read
    a batch at a time, their boilerplate marked, and kept without their text (`Doc.for_alignment`):
    alignment reads only terms, spans and dates, so a store's worth fits."""
    params = params or ReuseParams()
    position = {article_id: i for i, article_id in enumerate(stored.article_ids)}
    duplicates: set[tuple[int, int]] = set()
    for article_id in new_ids:
        for other in same_content.get(hashes[article_id], []) if hashes[article_id] else []:
            if other != article_id and other in position:
                pair = sorted((position[article_id], position[other]))
                duplicates.add((pair[0], pair[1]))
    pairs = candidates_with_stored(new_ids, stored, params) - duplicates
    # The signatures are a store's worth (about 120 MB at 27,000 articles) and nothing below reads
    # them: released before the texts are read and the alignment workers fork.
    stored.rows = stored.rows[:0]
    background = TermWeights.background(params.max_term_df)
    needed = sorted({i for pair in duplicates | pairs for i in pair})
    local = {i: n for n, i in enumerate(needed)}
    texts: list[ArticleText] = []
    formulas = {}
    for start in range(0, len(needed), READ_BATCH):
        batch = read_texts([stored.article_ids[i] for i in needed[start : start + READ_BATCH]])
        formulas.update(background.with_formulas(batch, boilerplate).formulas)
        texts += [text.for_alignment() for text in batch]
    weights = TermWeights(idf=background.idf, default=background.default, formulas=formulas)
    links = [whole_link(texts[local[a]], texts[local[b]], clocked) for a, b in sorted(duplicates)]
    # The candidates aligned as a batch run aligns its own: on forked workers when there are many.
    aligned = align_pairs(
        texts, [(local[a], local[b]) for a, b in sorted(pairs)], params, weights, None, clocked
    )
    links += [link for link in aligned if link is not None]
    return [link for link in links if link.score >= params.min_link_score]
