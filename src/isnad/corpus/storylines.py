"""How alike two events are as parts of one storyline: each event pooled into one representation.

A storyline is a topic followed over days (the war in Yemen, the Iran deal), and its events share
the topic rather than the words of any one report: a relief plane landing in Aden and the Yemeni
defence ministry thanking the coalition share little but the war. Averaging the article pairs
between two events dilutes that topic in each pair's particulars; pooling an event's articles into
one vector (the sum of their term vectors, the sum of their lead embeddings, each normalised) keeps
what its reports have in common, as Miranda et al. (2018) keep one representation per cluster of a
news stream. Two events are then compared as two articles are (`story_index`: the same weights and
embedding floor, on the same scale), but for the figures: figures tie the copies of one happening,
and the events of one storyline report different ones (an index's Wednesday and Thursday closes,
the tolls of two attacks), so they count zero here. Time discounts the similarity by the days
between the events' mean dates, with the storyline half-life.

Events are then joined by average linkage with each event counted by its coverage (`by_coverage`):
the square root of its articles, rounded. Counted once each, a one-article column weighed as much
as an attack twelve outlets reported, and a storyline's side items could outvote its main coverage
(the Turkish offensive against ISIS, 14 articles, stayed apart from the coalition's strikes in
Syria). Counted by every article, a big event decided alone what joined its storyline: on the dev
day the Kuwaiti mosque bombers' trial joined the Abha bombing's, and Obama's climate plan his Iran
deal. Copies of one release do not add evidence in proportion to their number; the square root
lies between the two. On both labelled sets it scored at least as well as counting each event
once at every threshold tried, and better than counting every article at the threshold used
(docs/events.md, sixth pass).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray
from scipy import sparse
from sklearn.preprocessing import normalize


def pooled_similarity(
    terms: sparse.csr_matrix,
    embeddings: NDArray[np.floating],
    days: NDArray[np.float64],
    event_of: NDArray[np.intp],
    events: int,
    weights: tuple[float, float, float],
    floor: float,
    half_life_days: float,
) -> NDArray[np.float64]:
    """Storyline similarity between ``events`` events, in 0..1, from their articles' term vectors
    (rows of ``terms``), lead embeddings and days (NaN when unknown); ``event_of`` gives each
    article's event (0..events-1). ``weights`` are the article similarity's (terms, embedding,
    figures) and ``floor`` its embedding floor: figures count zero, on the same scale."""
    term_weight, embedding_weight, figure_weight = weights
    members = sparse.csr_matrix(
        (np.ones(len(event_of)), (event_of, np.arange(len(event_of)))), shape=(events, len(event_of))
    )
    pooled_terms = normalize(members @ terms.astype(np.float64))  # unit rows (an empty one stays 0)
    pooled = normalize(np.asarray(members @ embeddings.astype(np.float64)))
    meaning = np.clip(pooled @ pooled.T - floor, 0.0, 1.0 - floor) / (1.0 - floor)
    shared_terms = np.asarray((pooled_terms @ pooled_terms.T).toarray(), dtype=np.float64)
    similarity: NDArray[np.float64] = term_weight * shared_terms + embedding_weight * meaning
    similarity /= term_weight + embedding_weight + figure_weight
    known = ~np.isnan(days)
    counted = members @ known.astype(np.float64)
    mean_day = np.where(counted > 0, (members @ np.where(known, days, 0.0)) / np.maximum(counted, 1), np.nan)
    gap = np.nan_to_num(np.abs(mean_day[:, None] - mean_day[None, :]))  # unknown dates: no discount
    similarity *= 0.5 ** (gap / half_life_days)
    return similarity


def by_coverage(
    similarity: NDArray[np.float64], sizes: NDArray[np.intp]
) -> tuple[NDArray[np.float64], NDArray[np.intp]]:
    """``similarity`` between events with event k (of ``sizes[k]`` articles) given
    round(sqrt(sizes[k])) times, at least once, its copies alike at 1 so that they join first:
    average linkage over the result is average linkage over the events with each counted that
    many times. Also returns the row of each event's first copy."""
    copies = np.maximum(np.rint(np.sqrt(sizes)), 1).astype(np.intp)
    copy_of = np.repeat(np.arange(len(sizes)), copies)
    repeated = similarity[np.ix_(copy_of, copy_of)]
    repeated[copy_of[:, None] == copy_of[None, :]] = 1.0
    first = np.concatenate([[0], np.cumsum(copies)[:-1]]).astype(np.intp)
    return repeated, first
