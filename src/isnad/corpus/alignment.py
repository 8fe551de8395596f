"""Passage alignment: the passages two articles share, found on a weighted dot plot.

Every stem the two articles share puts a point at (position in a, position in b), weighted by
its rarity. A verbatim copy is a dense diagonal, a phrase-shuffled copy a broken diagonal, a
word-shuffled copy a dense square: all three are dense blocks. Blocks whose shared weight is a
large share of what both sides hold are kept, touching blocks merge into one passage, and each
passage is trimmed to the shared stems at its edges. A link's score counts the phrases (runs of
three stems in order) its passages share.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Sequence

import numpy as np
from numpy.typing import NDArray
from scipy import ndimage

from isnad.article.doc import ArticleText
from isnad.corpus.arrays import distinct
from isnad.corpus.direction import orient
from isnad.corpus.reuse_weights import ReuseParams, TermWeights
from isnad.model import Passage, ReuseLink, Span


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
MOST_RUNS_NEEDED = 1000  # a link score this close to 1 cannot be told from 1 in floating point


def runs_needed(min_score: float) -> int:
    """The fewest shared runs whose `link_score`, rounded as links report it, reaches
    ``min_score`` (0 when any does)."""
    runs = 0
    while runs < MOST_RUNS_NEEDED and round(link_score(runs), 3) < min_score:
        runs += 1
    return runs


def could_link(
    texts: Sequence[ArticleText], pairs: Sequence[tuple[int, int]], weights: TermWeights, min_score: float
) -> list[bool]:
    """For each pair, whether its link could score ``min_score``: whether the two articles
    share at least `runs_needed` runs of three content stems (boilerplate left out) anywhere.

    A link's score counts the runs both sides' passages hold, and a passage's runs are some of
    its article's, so a pair that shares fewer runs in all has no link worth reporting and need
    not be aligned. Runs are compared by hash: a collision can only keep a pair, never drop one.
    """
    needed = runs_needed(min_score)
    if needed == 0:
        return [True] * len(pairs)
    runs: dict[int, NDArray[np.int64]] = {}

    def runs_of(n: int) -> NDArray[np.int64]:
        if n not in runs:
            terms = texts[n].content_terms()
            held = _stem_runs(terms, weights.formula_of(texts[n]), 0, len(terms) - 1)
            runs[n] = distinct(np.fromiter(map(hash, held), dtype=np.int64, count=len(held)))
        return runs[n]

    return [len(np.intersect1d(runs_of(a), runs_of(b), assume_unique=True)) >= needed for a, b in pairs]


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
    return (text.word_span(positions[lo])[0], text.word_span(positions[min(hi, len(positions) - 1)])[1])
