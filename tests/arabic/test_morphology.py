from __future__ import annotations

import pytest

from isnad.arabic.morphology import split_clitics, stem, stems
from isnad.arabic.normalize import normalize


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("والغارديان", ("وال", "غارديان", "")),
        ("للجارديان", ("لل", "جارديان", "")),
        ("بالرقة", ("بال", "رقه", "")),
        ("وبالمدينة", ("وبال", "مدينه", "")),
        ("فالتنظيم", ("فال", "تنظيم", "")),
        ("وقال", ("و", "قال", "")),
        ("وبريطانيا", ("و", "بريطانيا", "")),
        ("بلادهم", ("", "بلاد", "هم")),
        ("صحيفتها", ("", "صحيفت", "ها")),
        ("الحق", ("ال", "حق", "")),
    ],
)
def test_split_clitics(word: str, parts: tuple[str, str, str]) -> None:
    assert split_clitics(normalize(word)) == parts


@pytest.mark.parametrize(
    "word",
    [
        "بريطانيا",  # ب is not a preposition here
        "فرنسا",
        "لندن",
        "لبنان",
        "كندا",
        "وزير",  # و is a root letter
        "واشنطن",
        "وكالات",
        "ولم",  # too short to leave a base
        "ألمانيا",  # ال is part of the name
        "التي",
        "تفاهم",  # هم is part of the word
        "مدينة",  # ه may be ta marbuta: left alone
        "سوري",
        "لداعش",  # a lone ل is never stripped
    ],
)
def test_split_clitics_leaves_words_whole(word: str) -> None:
    assert split_clitics(normalize(word)) == ("", normalize(word), "")


def test_split_clitics_keeps_a_name_behind_a_conjunction() -> None:
    assert split_clitics(normalize("وألمانيا")) == ("و", "المانيا", "")
    assert split_clitics(normalize("والتي")) == ("و", "التي", "")
    assert split_clitics(normalize("ووزير")) == ("و", "وزير", "")


@pytest.mark.parametrize("word", ["والغارديان", "وكالتها", "بلادهم", "abc", "2014", "ولل"])
def test_split_clitics_parts_make_up_the_word(word: str) -> None:
    assert "".join(split_clitics(normalize(word))) == normalize(word)


@pytest.mark.parametrize(
    "family",
    [
        "والغارديان الغارديان غارديان للغارديان",
        "للجارديان الجارديان جارديان",
        "بريطانيا وبريطانيا البريطانية البريطاني البريطانيين بريطانيين بريطانيون",
        "فرنسا وفرنسا الفرنسي الفرنسية الفرنسيين",
        "المقاتلين مقاتلين مقاتلي مقاتليه مقاتلا والمقاتلون مقاتل مقاتليها",
        "مدينة المدينة بالمدينة مدينتها مدينته",
        "صحيفة الصحيفة للصحيفة صحيفتها",
        "وزير الوزير والوزير وزيرة ووزير",
        "الرقة بالرقة والرقة",
        "سوريا سورية السورية وسوريا",
        "تنظيم التنظيم والتنظيم تنظيمات للتنظيم",
        "بيان البيان بيانا بيانات",
        "قال وقال قالت وقالت",
        "بلادهم بلاد البلاد",
        "هجمات الهجمات هجماتهم",
        "وكالة الوكالة وكالات وكالتها",
        "دولة الدولة دولتها",
        "أجنبيا أجنبي الأجنبي",
    ],
)
def test_stem_is_the_same_for_every_form_of_a_word(family: str) -> None:
    assert len({stem(word) for word in family.split()}) == 1, [stem(word) for word in family.split()]


def test_stem_normalises_first_and_keeps_short_words() -> None:
    assert stem("الغارْدِيان") == stem("الغارديان")
    assert stem("الحق") == "حق"


def test_stem_passes_numbers_and_latin_through_normalised() -> None:
    assert stem("١٧٠٠") == "1700"
    assert stem("Telegraph") == "telegraph"


def test_stem_is_cached() -> None:
    stem("المقاتلين")
    assert stem.cache_info().hits + stem.cache_info().misses > 0
    assert stem.cache_info().maxsize is not None


def test_stems_skips_function_words() -> None:
    assert stems("وقال إن المقاتلين في الرقة الذين عادوا إلى بلادهم") == [
        stem("قال"),
        stem("المقاتلين"),
        stem("الرقة"),
        stem("عادوا"),
        stem("بلادهم"),
    ]


def test_particles_come_off_and_the_article_stays() -> None:
    from isnad.arabic import has_conjunction, particle_forms, particle_length, strip_particles

    assert strip_particles("وسوريا") == "سوريا"
    assert strip_particles("بالرقه") == "الرقه"
    assert strip_particles("للمسوولين") == "المسوولين"
    assert strip_particles("بريطانيا") == "بريطانيا"
    assert particle_length("والعراق") == 1
    assert particle_length("للجارديان") == 0
    assert "قال" in particle_forms("فقال")
    assert "بحسب" in particle_forms("وبحسب")
    assert has_conjunction("وقال")
    assert not has_conjunction("وزير")


def test_the_accusative_nunation_is_read_from_the_written_word() -> None:
    from isnad.arabic import is_indefinite_accusative

    assert all(is_indefinite_accusative(w) for w in ("عددًا", "عدداً", "نداءً", "مؤكدًا"))
    # Unvocalised, or a name: nothing says so.
    assert not any(is_indefinite_accusative(w) for w in ("عددا", "السعدون", "كتاب"))
