"""Reuse links on a real day (SaudiNewsNet 2015-08-03) against links judged by reading.

Pinned 2026-11-30, second round (docs/reuse.md): precision at the default threshold 0.953 (bands
weighted by their size; 149 judged links, 72 of them among the 508 reported), silver recall 0.997
(296 of 297 pairs).
"""

from __future__ import annotations

from isnad.evaluation.reuse_links import evaluate_links, read_day, read_judged
from tests.gates import ROOT, shared_data

PRECISION_FLOOR = 0.94
SILVER_RECALL_FLOOR = 0.99


def test_reuse_links_on_a_real_day() -> None:
    articles = read_day(shared_data("saudinewsnet/2015-08-03.jsonl.gz"))
    judged = read_judged(ROOT / "tests/fixtures/gold/reuse-links/2015-08-03.tsv")
    evaluation = evaluate_links(articles, judged)
    assert evaluation.precision is not None, evaluation
    assert evaluation.precision >= PRECISION_FLOOR, evaluation
    assert evaluation.recall >= SILVER_RECALL_FLOOR, evaluation
