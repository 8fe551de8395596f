"""Accuracy gates: isnad measured against real gold in ../shared/data, with pinned floors.

A change that makes a stage worse than its floor fails the build like a failing test. The floors
sit a little under the figure measured when they were pinned (noted beside each), so noise from
unrelated changes does not trip them while a real regression does. Without ../shared/data (a
user's machine) the gates are skipped with a message saying where the data should be.
"""

from __future__ import annotations

from isnad.evaluation import evaluate_reuse
from tests.gates import shared_data

# Pinned 2026-11-22. Measured: exara-dev plagdet 0.909 (raised from 0.418).
# Similarity and clustering gates live in test_stories_gate.py.
REUSE_PLAGDET_FLOOR = 0.89


def test_reuse_plagdet_on_exara_dev() -> None:
    evaluation = evaluate_reuse(shared_data("exara-dev"))
    assert evaluation.overall.plagdet >= REUSE_PLAGDET_FLOOR, evaluation
