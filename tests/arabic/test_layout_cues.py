from __future__ import annotations

import pytest

from isnad.arabic.layout_cues import (
    BULLET_MARKER,
    SPACE_BEFORE_PUNCT,
    DatelineMatch,
    is_continuation_word,
    match_dateline,
    match_signature,
    unbalanced_open,
)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("لندن-سانا", DatelineMatch(9, "لندن", "سانا")),
        ("دمشق - سانا", DatelineMatch(11, "دمشق", "سانا")),
        ("رام الله - وفا", DatelineMatch(14, "رام الله", "وفا")),
        ("أنقرة/ الأناضول", DatelineMatch(15, "أنقرة", "الأناضول")),
        ("القاهرة – (أ ف ب):", DatelineMatch(18, "القاهرة", "أ ف ب")),
        ("بيروت (رويترز) - قال مسؤول", DatelineMatch(16, "بيروت", "رويترز")),
        ("لندن ـ «القدس العربي»: قالت", DatelineMatch(22, "لندن", "القدس العربي")),
        ("الرياض ـ من صبحي رخا:", DatelineMatch(21, "الرياض", None)),
    ],
)
def test_datelines(line: str, expected: DatelineMatch) -> None:
    assert match_dateline(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "ترامب - بوتين",  # an unknown outlet after a dash: a headline, not a dateline
        "قالت وكالة سانا: إن الاجتماع سيعقد غدا",  # an agency named inside a sentence
        "ماجـد حـبـتـة",  # tatweel inside words is not a dash
        "فضل الله لـ «الرأي العام»: الاستنساخ لا يتحدى العقيدة",  # a quoted outlet without a dash
        'ذكر تقرير في صحيفة "ديلي تلغراف" أن',
    ],
)
def test_not_datelines(line: str) -> None:
    assert match_dateline(line) is None


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("(الخليج اونلاين)", "الخليج اونلاين"),
        ("المصدر: الجزيرة", "الجزيرة"),
        ("المصدر : وكالات.", "وكالات"),
        ("نقلا عن رويترز", "رويترز"),
        ("(انتهى)", None),
        ("(1)", None),
        ("(قال الوزير إن الاجتماع سيعقد غدا في العاصمة بحضور الوفود)", None),
    ],
)
def test_signatures(line: str, outlet: str | None) -> None:
    assert match_signature(line) == outlet


@pytest.mark.parametrize(
    ("word", "continues"), [("إلى", True), ("ففي", True), ("ولكن", True), ("الجيش", False)]
)
def test_continuation_words(word: str, continues: bool) -> None:
    assert is_continuation_word(word) is continues


@pytest.mark.parametrize(
    ("line", "is_item"),
    [
        ("- بند", True),
        ("• بند", True),
        ("1. بند", True),
        ("٢) بند", True),
        ("أ- بند", True),
        ("2014 عام", False),
    ],
)
def test_bullet_markers(line: str, is_item: bool) -> None:
    assert bool(BULLET_MARKER.match(line)) is is_item


def test_space_before_punctuation_is_dropped_only_where_it_is_an_artefact() -> None:
    fixed = SPACE_BEFORE_PUNCT.sub("", "عام 2016 ، باستثناء و العشرين . وغيرها ... والنسبة 3 .5 !")
    assert fixed == "عام 2016، باستثناء و العشرين. وغيرها ... والنسبة 3 .5!"


@pytest.mark.parametrize(
    ("line", "open_"), [('ترجمته "', True), ("قال «إن", True), ('قال "لا"', False), ("(أ ف ب)", False)]
)
def test_unbalanced_quotes(line: str, open_: bool) -> None:
    assert unbalanced_open(line) is open_
