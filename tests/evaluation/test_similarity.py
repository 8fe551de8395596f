"""Similarity against rated article pairs, on a four-pair CSV."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from isnad.evaluation.similarity import evaluate_similarity, format_similarity, read_rated_pairs

PAIRS = Path(__file__).parent.parent / "fixtures" / "similarity" / "pairs.csv"


def test_reads_multiline_texts_and_ratings() -> None:
    pairs = read_rated_pairs(PAIRS)
    assert [p.overall for p in pairs] == [1.0, 2.0, 4.0, 4.0]
    assert "\n" in pairs[0].text1
    assert pairs[0].text1 == pairs[2].text1  # one text rated in two pairs


def test_same_story_pairs_score_above_unrelated_ones() -> None:
    evaluation = evaluate_similarity(PAIRS)
    same_story, unrelated = evaluation.similarities[:2], evaluation.similarities[2:]
    assert min(same_story) > max(unrelated)
    assert evaluation.pearson > 0.5
    assert evaluation.pairs == 4
    assert evaluation.same_event_pairs == 2
    decisions = [s >= evaluation.threshold for s in evaluation.similarities]
    assert evaluation.accuracy == sum(d == gold for d, gold in zip(decisions, [1, 1, 0, 0], strict=True)) / 4


def test_output_ends_with_the_pearson_line() -> None:
    last = format_similarity(evaluate_similarity(PAIRS)).splitlines()[-1]
    assert re.fullmatch(r"pearson=-?\d\.\d{3}", last)


def test_missing_columns_are_named(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("pair_id,text1,text2\n1,أ,ب\n", encoding="utf-8")
    with pytest.raises(ValueError, match="Overall"):
        read_rated_pairs(bad)
