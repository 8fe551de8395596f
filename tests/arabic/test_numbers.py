from __future__ import annotations

from pathlib import Path

import pytest

from isnad.arabic.numbers import NumberExpr, find_numbers, parse_number

SEEDS = Path(__file__).resolve().parents[2] / "examples" / "seeds"


def _one(text: str) -> NumberExpr:
    found = find_numbers(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "approx", "counted", "expression"),
    [
        ("مشيرة إلى أن أكثر من 150 أجنبيا جاءوا", 150, "اكثر من", "أجنبيا", "أكثر من 150 أجنبيا"),
        ("هناك حوالي 1700 مقاتل من فرنسا", 1700, "حوالي", "مقاتل", "حوالي 1700 مقاتل"),
        (
            "ويعتقد أن ما يصل إلى 30 ألف مقاتل أجنبي عبر",
            30000,
            "ما يصل الي",
            "مقاتل",
            "ما يصل إلى 30 ألف مقاتل",
        ),
        ("بضع عشرات من المسلحين عادوا", 10, "بضع عشرات", "المسلحين", "بضع عشرات من المسلحين"),
        ("وإن هناك 5 آلاف مقاتل حاليا", 5000, None, "مقاتل", "5 آلاف مقاتل"),
        ("وعددها 114 ورقة، كتبت", 114, None, "ورقة", "114 ورقة"),
        ("وتقدر الحكومة أن 25 ألفا منهم قد قتلوا", 25000, None, None, "25 ألفا"),
        ("2 مليون", 2e6, None, None, "2 مليون"),
        ("1.5 مليار دولار", 1.5e9, None, "دولار", "1.5 مليار دولار"),
        ("ثلاثة آلاف", 3000, None, None, "ثلاثة آلاف"),
        ("ولديه منها ثلاثة أطفال.", 3, None, "أطفال", "ثلاثة أطفال"),
        ("خمسة وعشرين عاما", 25, None, "عاما", "خمسة وعشرين عاما"),
        ("فرار العشرات من المقاتلين", 10, "عشرات", "المقاتلين", "العشرات من المقاتلين"),
        ("في استقطاب آلاف المتطرفين", 1000, "الاف", "المتطرفين", "آلاف المتطرفين"),
        ("مئات الآلاف من اللاجئين", 1e5, "ميات الاف", "اللاجئين", "مئات الآلاف من اللاجئين"),
        ("سيطرة التنظيم على حوالي ثلث مساحة العراق", 1 / 3, "حوالي", "مساحة", "حوالي ثلث مساحة"),
        ("يقدر عددهم بنحو 250 عنصراً أغلبهم", 250, "نحو", "عنصراً", "بنحو 250 عنصراً"),
        ("ما يقارب من 25 ألف مقاتل قتلوا", 25000, "ما يقارب", "مقاتل", "ما يقارب من 25 ألف مقاتل"),
        ("عدد قليل يناهز 700 فرنسي", 700, "يناهز", "فرنسي", "يناهز 700 فرنسي"),
        ("وأن 200 منهم تقريبا قد قتلوا", 200, "تقريبا", None, "200 منهم تقريبا"),
        ("إجمالي أربعة آلاف مواطن أوروبي", 4000, None, "مواطن", "أربعة آلاف مواطن"),
        ("على مدار الأربع سنوات الماضية", 4, None, "سنوات", "الأربع سنوات"),
        ("عبور 1,700 شخص", 1700, None, "شخص", "1,700 شخص"),
        ("عبور ١٫٥ مليون شخص", 1.5e6, None, "شخص", "١٫٥ مليون شخص"),
        ("ثلاثمائة وخمسون ألفا", 350000, None, None, "ثلاثمائة وخمسون ألفا"),
        ("قرابة 3 ملايين و500 ألف نسمة", 3.5e6, "قرابه", "نسمة", "قرابة 3 ملايين و500 ألف نسمة"),
        ("زهاء مليون ونصف لاجئ", 1.5e6, "زهاء", "لاجئ", "زهاء مليون ونصف لاجئ"),
        ("أحد عشر لاعبا", 11, None, "لاعبا", "أحد عشر لاعبا"),
    ],
)
def test_number_expressions(
    text: str, value: float, approx: str | None, counted: str | None, expression: str
) -> None:
    number = _one(text)
    assert number.value == pytest.approx(value)
    assert number.approx == approx
    assert number.counted == counted
    assert number.text == expression
    assert text[number.start : number.end] == expression
    if counted is not None:
        assert number.counted_span is not None
        assert text[number.counted_span[0] : number.counted_span[1]] == counted


def test_fraction_with_a_hedge_and_a_demonstrative() -> None:
    number = _one("ويعتقد أن نحو نصف هؤلاء البريطانيين قد عادوا")
    assert (number.value, number.approx, number.is_fraction) == (0.5, "نحو", True)
    assert number.counted == "البريطانيين"
    assert number.text == "نحو نصف هؤلاء البريطانيين"


def test_a_fraction_of_a_scale_word_is_a_number() -> None:
    # نصف مليون is 500,000 (so it meets "500 ألف"), not a half and then a million
    found = find_numbers("ويعيش في المخيمات نصف مليون نازح وربع مليار دولار")
    assert [(n.value, n.counted, n.is_fraction) for n in found] == [
        (500_000, "نازح", False),
        (250_000_000, "دولار", False),
    ]


def test_half_after_a_counted_noun_adds_to_the_number() -> None:
    found = find_numbers("بالسجن 7 سنوات ونصف السنة أو 15 سنة")
    assert [(n.value, n.counted, n.text, n.is_fraction) for n in found] == [
        (7.5, "سنوات", "7 سنوات ونصف السنة", False),
        (15, "سنة", "15 سنة", False),
    ]


def test_two_numbers_joined_by_and() -> None:
    found = find_numbers("بينهم 275 امرأة و 17 قاصرا.")
    assert [(n.value, n.counted) for n in found] == [(275, "امرأة"), (17, "قاصرا")]


def test_two_and_one_count_the_noun_before_them() -> None:
    number = _one("تم القبض على بريطانيين اثنين ومواطن أمريكي")
    assert (number.value, number.counted, number.text) == (2, "بريطانيين", "بريطانيين اثنين")


def test_postposed_hedge_after_the_counted_noun() -> None:
    number = _one("ويعتقد أن 250 أجنبيا مؤيدا لداعش على الأقل قد تسللوا")
    assert (number.value, number.approx, number.counted) == (250, "علي الاقل", "أجنبيا")
    assert number.text == "250 أجنبيا مؤيدا لداعش على الأقل"


@pytest.mark.parametrize(
    ("text", "expression"),
    [
        ("نمو 20% سنويا", "20%"),
        ("نمو 20 في المئة", "20 في المئة"),
        ("نمو 20 بالمئة", "20 بالمئة"),
        ("نسبة %20", "%20"),
    ],
)
def test_percentages(text: str, expression: str) -> None:
    number = _one(text)
    assert (number.value, number.is_percent, number.counted, number.text) == (20, True, None, expression)


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("ظهوره السريع عام 2014، حيث", 2014),
        ("منذ العام 2015 ولم يعرف", 2015),
        ("اختفى في إبريل/نيسان 2015 بعد", 2015),
        ("في كانون الثاني 2016 بدأ", 2016),
        ("الذين انضموا إلى التنظيم في 2013، تواصلوا", 2013),
        ("منذ أواخر 2014 وحتى منتصف 2016.", 2014),
        ("تأسست عام 1995م.", 1995),
        ("توفي سنة 1353هـ", 1353),
        ("في 12/3/2014 وقع", 2014),
    ],
)
def test_years_are_found_and_flagged(text: str, year: int) -> None:
    number = find_numbers(text)[0]  # منذ أواخر 2014 وحتى منتصف 2016 has two
    assert (number.value, number.is_year, number.counted, number.approx) == (year, True, None, None)


def test_four_digits_with_a_noun_are_no_year() -> None:
    number = _one("سافر في 2000 مقاتل")
    assert (number.is_year, number.counted) == (False, "مقاتل")


@pytest.mark.parametrize(
    "text",
    [
        "يوم الاثنين الماضي",  # Monday
        "لست أدري",  # ل + ست is "you are not"
        "كمية من المياه",  # not ك + مئة
        "القرن التاسع عشر الميلادي",  # an ordinal
        "في 19 شباط الماضي",  # a day of the month
        'الذي ترجمته "عربي21"',  # part of a name
        "ست",  # a lone number word
    ],
)
def test_things_that_are_not_figures(text: str) -> None:
    assert find_numbers(text) == []


def test_no_expression_runs_over_a_line_break() -> None:
    found = find_numbers("المجموع 4004\nمتداولة في السوق")
    assert [(n.value, n.counted) for n in found] == [(4004, None)]


def test_a_definite_word_after_digits_is_not_counted() -> None:
    assert _one("4.2 التخلص من النفايات").counted is None


def test_start_and_end_restrict_the_search() -> None:
    text = "قتل 5 أشخاص. وجرح 12 آخرون."
    found = find_numbers(text, text.index("وجرح"))
    assert [(n.value, n.start) for n in found] == [(12, text.index("12"))]


def test_seed_figures() -> None:
    text = (SEEDS / "003_4822fe9b3c5ba666.txt").read_text(encoding="utf-8")
    figures = [(n.value, n.approx, n.counted) for n in find_numbers(text) if not n.is_year]
    assert figures == [
        (150, "اكثر من", "مسلحا"),
        (6, None, "دول"),
        (1700, "نحو", "مسلح"),
        (800, "نحو", "إرهابي"),
        (10, "بضع عشرات", "المسلحين"),
        (5000, None, "مقاتل"),
    ]


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("1700", 1700),
        ("1,700", 1700),
        ("1.700", 1700),  # a period before exactly three digits groups thousands
        ("1.700.000", 1_700_000),
        ("1.5", 1.5),
        ("1,5", 1.5),
        ("0.750", 0.75),
        ("١٫٥", 1.5),
        ("١٬٧٠٠", 1700),
        ("۱۵۰", 150),
        ("1,700.5", 1700.5),
        ("1.700,5", 1700.5),
        ("ثلاثة آلاف", 3000),
        ("خمسة وعشرين", 25),
        ("اثنين", 2),
        ("اثنان", 2),
        ("2 مليون", 2e6),
        ("1.5 مليار", 1.5e9),
        ("25 ألفا", 25000),
        ("نصف", 0.5),
        ("ثلث", 1 / 3),
        ("ربع", 0.25),
        ("عشرات", 10),
        ("20%", 20),
        ("20 في المئة", 20),
    ],
)
def test_parse_number(written: str, value: float) -> None:
    assert parse_number(written) == pytest.approx(value)


@pytest.mark.parametrize("written", ["", "abc", "مقاتل", "1,2,3", "30 ألف مقاتل"])
def test_parse_number_rejects_non_numbers(written: str) -> None:
    assert parse_number(written) is None


@pytest.mark.parametrize(
    ("before", "number", "after"),
    [
        ("قتل", "9" * 400, "شخصا في الهجوم"),  # a float of it is infinite
        ("بلغت الخسائر", "9" * 300, "مليار دولار"),  # finite, but infinite once scaled
        ("بلغ الدين", "1" * 25, "دولار"),  # an identifier, not an amount
    ],
)
def test_numbers_too_large_for_a_figure_are_not_figures(before: str, number: str, after: str) -> None:
    assert find_numbers(f"{before} {number} {after}") == []
    assert parse_number(number) is None


def test_the_largest_plausible_figures_are_kept() -> None:
    assert _one("بلغ الناتج 85 تريليون دولار").value == 85e12
