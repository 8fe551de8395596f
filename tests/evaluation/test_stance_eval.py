from pathlib import Path

import pytest

from isnad.evaluation.stance import evaluate_stance, format_stance, read_stance_pairs

PAIRS = Path(__file__).resolve().parents[1] / "fixtures" / "stance" / "pairs.csv"


def test_evaluation_reports_every_class_and_ends_with_macro_f1() -> None:
    evaluation = evaluate_stance(PAIRS)
    assert evaluation.pairs == 5
    assert set(evaluation.per_class) == {"agree", "disagree", "other"}
    assert evaluation.per_class["disagree"][3] == 2
    assert 0.0 <= evaluation.macro_f1 <= 1.0
    assert format_stance(evaluation).splitlines()[-1] == f"macro_f1={evaluation.macro_f1:.3f}"


def test_unknown_labels_and_missing_columns_are_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("s1,s2,stance\nا,ب,unrelated\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown stance"):
        read_stance_pairs(bad)
    bad.write_text("s1,stance\nا,agree\n", encoding="utf-8")
    with pytest.raises(ValueError, match="missing column"):
        read_stance_pairs(bad)
