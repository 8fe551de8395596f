"""The claim-comparison decision: its rule features, its shipped model, its verdicts on clear pairs."""

from __future__ import annotations

import numpy as np
import pytest

from isnad.event.stance import (
    FEATURES,
    StanceModel,
    _side,
    changed_char_similarity,
    default_model,
    judge,
    judge_pairs,
    rule_features,
    unmatched_words,
)


def _rules(s1: str, s2: str) -> dict[str, float]:
    a, b = _side(s1), _side(s2)
    return rule_features(a, b, 0.9, 0.9, (unmatched_words(a, b), unmatched_words(b, a)))


def test_negation_on_one_side_is_seen() -> None:
    assert _rules("الوزير لم يستقل من منصبه", "الوزير يستقيل من منصبه")["negation_one_side"] == 1.0
    assert _rules("الوزير لم يستقل", "الوزير لم يستقل بعد")["negation_one_side"] == 0.0


def test_hedges_are_not_negations() -> None:
    """ما in ما يصل إلى and غير in غير رسمية do not deny the claim."""
    rules = _rules("قتل ما يصل إلى 25 ألف مقاتل", "تقديرات غير رسمية: قتل 25 ألف مقاتل")
    assert rules["negation_one_side"] == 0.0


def test_opposite_words_and_incompatible_predicates() -> None:
    assert _rules("ارتفاع أسعار الذهب", "انخفاض أسعار الذهب")["opposite_words"] == 1.0
    assert _rules("1700 مقاتل سافروا إلى سوريا", "1700 مقاتل عادوا إلى فرنسا")["opposite_predicates"] == 1.0
    assert _rules("ارتفاع أسعار الذهب", "ارتفاع أسعار الفضة")["opposite_words"] == 0.0


def test_numbers_match_within_a_hedge() -> None:
    assert _rules("نحو 1700 مقاتل", "1650 مقاتلا")["number_mismatch"] == 0.0
    assert _rules("1700 مقاتل", "1650 مقاتلا")["number_mismatch"] == 1.0
    assert _rules("1700 مقاتل", "ألف وسبعمئة مقاتل")["number_match"] == 1.0


def test_look_alike_spellings_count_as_matched() -> None:
    a, b = _side("الولايات المتحدة الأمريكية"), _side("الولايات المتحدة الأميركية")
    assert unmatched_words(a, b) == []
    assert unmatched_words(b, a) == []


def test_shipped_model_is_plain_json_over_current_features() -> None:
    model = default_model()
    assert model.coef.shape == (3, len(FEATURES))
    assert "Apache-2.0" in model.meta["trained_on"]
    again = StanceModel.from_json(model.to_json())
    features = np.ones((1, len(FEATURES)))
    assert np.allclose(again.probabilities(features), model.probabilities(features), atol=1e-5)


def test_a_model_for_other_features_is_refused() -> None:
    data = default_model().to_json()
    data["features"] = data["features"][:-1]
    with pytest.raises(ValueError, match="retrain"):
        StanceModel.from_json(data)


def test_clear_pairs() -> None:
    assert judge(
        "ارتفاع أسعار النفط في الأسواق العالمية", "انخفاض أسعار النفط في الأسواق العالمية"
    ).stance == ("disagree")
    unrelated = judge("هل تنجح خطة السلام الجديدة؟", "ارتفاع درجات الحرارة في أوروبا هذا الصيف")
    assert unrelated.stance == "other"
    assert sum(unrelated.probabilities.values()) == pytest.approx(1.0)


def test_decision_names_the_rule_that_fired() -> None:
    decision = judge("الحكومة لم توافق على الخطة", "الحكومة توافق على الخطة")
    assert "negated on one side" in decision.reason


def test_no_pairs_no_work() -> None:
    assert judge_pairs([]) == []


def test_changed_char_similarity_reads_the_closest_changed_spellings() -> None:
    assert changed_char_similarity(([], [])) == 1.0
    assert changed_char_similarity((["يرفض"], [])) == 0.0
    close = changed_char_similarity((["يرفض", "الجيش"], ["رفض"]))
    far = changed_char_similarity((["الجيش"], ["رفض"]))
    assert 0.0 <= far < close <= 1.0
