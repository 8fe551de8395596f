from pathlib import Path

import pytest

from isnad.evaluation.events import pairwise, read_gold, score


def test_pairwise_counts_pairs_put_together() -> None:
    # Gold: {a, b, c}, {d}; predicted: {a, b}, {c, d}. One of three gold pairs found, one of two
    # predicted pairs right.
    precision, recall, f1 = pairwise(["x", "x", "y", "y"], ["g", "g", "g", "h"])
    assert precision == pytest.approx(1 / 2)
    assert recall == pytest.approx(1 / 3)
    assert f1 == pytest.approx(2 * (1 / 2) * (1 / 3) / (1 / 2 + 1 / 3))


def test_a_perfect_clustering_scores_one() -> None:
    scores = score(["p", "p", "q"], ["g", "g", "h"])
    assert (scores.f1, scores.pair_f1, scores.clusters) == (1.0, 1.0, 2)


def test_a_gold_file_without_the_columns_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "gold.tsv"
    bad.write_text("n\turl\tlabel\n0\thttp://x\te1\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"gold\.tsv.*event, storyline"):
        read_gold(bad)
