from pathlib import Path

from isnad.evaluation.ner import evaluate_ner, format_ner, read_conll, score_entities

TINY = Path(__file__).resolve().parents[1] / "fixtures" / "ner" / "tiny.conll"


def test_read_conll_splits_sentences() -> None:
    sentences = read_conll(TINY)
    assert len(sentences) == 2
    words, tags = sentences[0]
    assert words[3:5] == ["إيمانويل", "ماكرون"]
    assert tags[3:5] == ["B-PERS", "I-PERS"]


def test_entity_scores_need_exact_boundaries_and_type() -> None:
    gold = [["B-PERS", "I-PERS", "O", "B-LOC"]]
    predicted = [["B-PERS", "O", "O", "B-LOC"]]
    scores = score_entities(gold, predicted)
    assert (scores.micro.correct, scores.micro.predicted, scores.micro.gold) == (1, 2, 2)
    assert scores.by_type["PERS"].f1 == 0.0
    assert scores.by_type["LOC"].f1 == 1.0


def test_evaluate_ner_prints_a_table_ending_with_f1() -> None:
    evaluation = evaluate_ner(TINY)
    assert evaluation.tokens == 19
    text = format_ner(evaluation)
    assert text.splitlines()[-1] == f"f1={evaluation.scores.micro.f1:.3f}"
    assert "tokens/s" in text
