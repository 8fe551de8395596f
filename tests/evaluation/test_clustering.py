import pytest

from isnad.evaluation import bcubed
from isnad.evaluation.clustering import score_clustering


def test_bcubed_of_a_perfect_and_a_lumped_clustering() -> None:
    gold = ["a", "a", "b", "c"]
    assert bcubed(["x", "x", "y", "z"], gold) == (1.0, 1.0, 1.0)
    precision, recall, f1 = bcubed(["x", "x", "x", "x"], gold)
    # Items of a: 2/4 precision; b and c: 1/4 each.
    assert precision == pytest.approx((0.5 + 0.5 + 0.25 + 0.25) / 4)
    assert recall == 1.0
    assert f1 == pytest.approx(2 * precision / (precision + 1))


def test_scores_have_floors_under_the_figures() -> None:
    gold = [f"g{i // 2}" for i in range(40)]
    predicted = [f"p{i // 2}" if i % 7 else f"q{i}" for i in range(40)]
    scores = score_clustering("events", predicted, gold)
    assert scores.f1_floor <= scores.f1 < 1.0
    assert scores.ari_floor <= scores.ari < 1.0
    assert scores.gold_clusters == 20
