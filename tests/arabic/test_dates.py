import pytest

from isnad.arabic.dates import find_dates, starts_date
from isnad.arabic.tokens import tokenize


def _found(text: str, published: str | None = None) -> list[tuple[str, str | None, bool]]:
    return [(d.text, d.iso, d.relative) for d in find_dates(text, published=published)]


def test_levantine_and_gregorian_month_names_together() -> None:
    assert _found("هجمات باريس في تشرين الثاني/ نوفمبر 2015، حيث") == [
        ("تشرين الثاني/ نوفمبر 2015", "2015-11", False)
    ]
    assert _found("في 13 شباط 2016 و5 مارس (آذار) 2017") == [
        ("13 شباط 2016", "2016-02-13", False),
        ("5 مارس (آذار) 2017", "2017-03-05", False),
    ]


def test_years_need_a_year_word_or_a_plausible_value() -> None:
    assert _found("منذ عام 2012 وحتى منتصف 2016") == [("2012", "2012", False), ("2016", "2016", False)]
    assert _found("نحو 1700 مقاتل") == []


def test_ambiguous_month_words_need_company() -> None:
    assert _found("ثم مارس الضغط على الحكومة") == []
    assert _found("في مارس 2011") == [("مارس 2011", "2011-03", False)]


def test_relative_dates_resolve_against_publication() -> None:
    text = "وقال أمس إن الشهر الماضي شهد هجمات، وفي أيلول الماضي وبداية هذا العام"
    assert _found(text, "2016-07-20") == [
        ("أمس", "2016-07-19", True),
        ("الشهر الماضي", "2016-06", True),
        ("أيلول الماضي", "2015-09", True),
        ("هذا العام", "2016", True),
    ]
    assert [value for _, value, _ in _found(text)] == [None, None, None, None]


def test_a_month_without_year_takes_the_latest_before_publication() -> None:
    assert _found("في 22 آذار", "2017-05-01") == [("22 آذار", "2017-03-22", False)]
    assert _found("في 22 آذار", "2017-02-01") == [("22 آذار", "2016-03-22", False)]


def test_spans_point_into_the_original_text() -> None:
    text = "قال إنه في  أيلولَ الماضي سافر"
    [date] = find_dates(text)
    assert text[date.start : date.end] == date.text


def test_starts_date() -> None:
    tokens = tokenize("تقرير نشره الكونغرس في أيلول الماضي")
    assert [starts_date(tokens, i) for i in range(len(tokens))] == [False, False, False, True, True, False]


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("وصل الوفد أمس إلى المدينة", "0001-01-01"),
        ("يصل الوفد غدا إلى المدينة", "9999-12-31"),
        ("تنتهي المهلة الأسبوع المقبل", "9999-12-30"),
        ("بدأ العمل الشهر الماضي", "0001-01-15"),
        ("بدأ العمل العام الماضي", "0001-06-01"),
        ("بدأ العمل في أيلول الماضي", "0001-06-01"),
        ("يبدأ العمل في أيلول المقبل", "9999-06-01"),
    ],
)
def test_a_publication_date_at_the_calendars_edge_resolves_nothing_and_raises_nothing(
    text: str, published: str
) -> None:
    found = find_dates(text, published=published)
    assert len(found) == 1
    assert found[0].year is None
