"""Storyline similarity of events pooled into one representation each."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import sparse

from isnad.corpus.storylines import pooled_similarity

WEIGHTS = (1.0, 0.5, 0.3)
FLOOR = 0.3


def _terms(rows: list[list[int]], width: int = 40) -> sparse.csr_matrix:
    """Unit term vectors with equal weights on the given term ids."""
    dense = np.zeros((len(rows), width))
    for n, ids in enumerate(rows):
        dense[n, ids] = 1 / np.sqrt(len(ids))
    return sparse.csr_matrix(dense)


def _flat(count: int) -> np.ndarray:
    """One embedding for every article: the test is about the words."""
    return np.tile(np.eye(8)[0], (count, 1))


def test_one_article_events_are_compared_as_their_articles_without_figures() -> None:
    terms = _terms([[0, 1, 2, 3], [2, 3, 4, 5]])
    alike = pooled_similarity(terms, _flat(2), np.zeros(2), np.array([0, 1]), 2, WEIGHTS, FLOOR, 120.0)
    # Term cosine 0.5 and identical embeddings (1 after the floor), on the scale with figures.
    assert alike[0, 1] == pytest.approx((1.0 * 0.5 + 0.5 * 1.0) / 1.8)
    assert alike[0, 0] == pytest.approx(1.5 / 1.8)


def test_pooling_keeps_what_an_events_reports_share() -> None:
    # Two reports of one event share the topic (terms 0-3), each with particulars of its own; a
    # report of another event of the story shares the topic only.
    topic = [0, 1, 2, 3]
    terms = _terms([[*topic, 10, 11, 12, 13], [*topic, 20, 21, 22, 23], [*topic, 30, 31, 32, 33]])
    event_of = np.array([0, 0, 1])
    alike = pooled_similarity(terms, _flat(3), np.zeros(3), event_of, 2, WEIGHTS, FLOOR, 120.0)
    dense = terms.toarray()
    mean_pair = np.mean([dense[0] @ dense[2], dense[1] @ dense[2]])
    pooled = dense[:2].sum(axis=0)
    assert alike[0, 1] == pytest.approx((pooled @ dense[2] / np.linalg.norm(pooled) + 0.5) / 1.8)
    assert alike[0, 1] > (mean_pair + 0.5) / 1.8  # the particulars no longer dilute the topic


def test_time_discounts_by_the_days_between_events() -> None:
    terms = _terms([[0, 1], [0, 1], [0, 1]])
    days = np.array([0.0, 2.0, 121.0])  # the first event's mean day is 1: 120 days apart
    alike = pooled_similarity(terms, _flat(3), days, np.array([0, 0, 1]), 2, WEIGHTS, FLOOR, 120.0)
    assert alike[0, 1] == pytest.approx(0.5 * 1.5 / 1.8)
    undated = pooled_similarity(
        terms, _flat(3), np.array([np.nan, 0.0, np.nan]), np.array([0, 0, 1]), 2, WEIGHTS, FLOOR, 120.0
    )
    assert undated[0, 1] == pytest.approx(1.5 / 1.8)  # an unknown date is not discounted
