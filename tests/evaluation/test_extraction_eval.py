import json
from pathlib import Path

import pytest

from isnad.evaluation.extraction import evaluate_extraction, format_extraction, locate

ROOT = Path(__file__).resolve().parents[2]


def test_locate_ignores_line_breaks_and_spacing() -> None:
    text = "ذكر تقرير في صحيفة أن\nتنظيم الدولة  يواجه"
    assert locate(text, "أن تنظيم الدولة يواجه") == [(19, len(text))]
    assert locate(text, "غير موجود") == []


def _write(tmp_path: Path, text: str, gold: dict[str, object]) -> Path:
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    path = tmp_path / "gold.json"
    path.write_text(json.dumps({"articles": {"a.txt": gold}}, ensure_ascii=False), encoding="utf-8")
    return path


def test_scores_a_small_labelled_article(tmp_path: Path) -> None:
    text = 'وذكرت صحيفة "ديلي تلغراف" أن أكثر من 150 مسلحا تواصلوا مع بعثات دولهم في تركيا منذ عام 2012.'
    gold = {
        "attributions": [
            {
                "cue": ["وذكرت"],
                "at": "وذكرت",
                "source": "صحيفة ديلي تلغراف",
                "canonical": "ديلي تلغراف",
                "kind": ["outlet"],
                "quote": "أكثر من 150 مسلحا تواصلوا",
                "direct": False,
            }
        ],
        "figures": [{"text": "150 مسلحا", "value": 150, "approx": "أكثر من", "predicate": ["contacted"]}],
        "dates": [{"text": "2012", "value": "2012", "relative": False}],
        "entities": [{"text": "تركيا", "type": "LOC", "canonical": "تركيا"}],
    }
    evaluation = evaluate_extraction(_write(tmp_path, text, gold), tmp_path)
    assert evaluation.attributions.f1 == 1.0
    assert evaluation.figures.recall == 1.0
    assert evaluation.figure_fields.accuracy("predicate") == 1.0
    assert evaluation.dates.f1 == 1.0
    assert evaluation.mentions_lenient.recall == 1.0
    assert format_extraction(evaluation).splitlines()[-1].startswith("extraction_f1=")


def test_ambiguous_gold_is_refused(tmp_path: Path) -> None:
    text = "قال فلان إن الأمر انتهى. قال فلان إن الأمر انتهى."
    gold = {
        "attributions": [
            {
                "cue": ["قال"],
                "at": "قال فلان",
                "source": "فلان",
                "canonical": "فلان",
                "kind": ["person"],
                "quote": "الأمر انتهى",
                "direct": False,
            }
        ]
    }
    with pytest.raises(ValueError, match="occurs 2 times"):
        evaluate_extraction(_write(tmp_path, text, gold), tmp_path)


def test_seed_gold_matches_the_seed_texts() -> None:
    evaluation = evaluate_extraction(
        ROOT / "tests" / "fixtures" / "gold" / "seeds.json", ROOT / "examples" / "seeds"
    )
    assert evaluation.attributions_found.gold == 68
    assert evaluation.mentions_strict.gold > 150
