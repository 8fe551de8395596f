import re

import pytest

from isnad.arabic import lexicon
from isnad.output import labels

LATIN = re.compile(r"[A-Za-z]")


@pytest.mark.parametrize(
    "reason",
    [
        "same figure and claim",
        "same figure, no claim on either side; sentences: 1 other",
        "a claim on one side only: crossed",
        "incompatible claims: returned / travelled; sentences: 1 agree, 2 disagree",
        "different claims: contacted, not travelled",
        "the sentences disagree: negated on one side, opposite words, different numbers",
        "different figures for the same claim: 250 / 400",
    ],
)
def test_every_reason_compare_writes_reads_in_arabic(reason: str) -> None:
    assert not LATIN.search(labels.comparison_reason(reason))


def test_reason_keeps_its_parts_and_numbers() -> None:
    text = labels.comparison_reason("incompatible claims: returned / travelled; sentences: 1 disagree")
    assert text == "روايتان لا تجتمعان: العودة / السفر؛ مقارنة الجمل: متعارضة (1)"


def test_unknown_reason_is_shown_as_it_is() -> None:
    assert labels.comparison_reason("something new") == "something new"


def test_subjects() -> None:
    assert labels.comparison_subject("30000 fighters") == "مقاتلون (30,000)"
    assert labels.comparison_subject("2.5 دول") == "دول (2.5)"
    assert labels.comparison_subject("fighters: not crossed") == "مقاتلون: عدم العبور والتسلل"


def test_every_lexicon_label_has_an_arabic_name() -> None:
    assert set(lexicon.PREDICATE_NAMES) == set(lexicon.PREDICATES)
    assert set(lexicon.SUBJECT_CLASS_NAMES) == set(lexicon.SUBJECT_CLASSES)
    assert set(lexicon.UNIT_WORDS) <= set(lexicon.UNIT_NAMES)


def test_units_and_predicates() -> None:
    assert labels.unit_label("percent") == "نسبة مئوية"
    assert labels.unit_label(None) == "—"
    assert labels.predicate_label(None) == "—"


def test_provenance_evidence() -> None:
    assert labels.provenance_evidence("3 shared passages, score 0.42") == "مقاطع مشتركة: 3، درجة التشابه 0.42"
    assert labels.provenance_evidence("dateline names AFP") == "dateline names AFP"
