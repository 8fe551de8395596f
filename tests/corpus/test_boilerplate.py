"""Boilerplate: formulas that recur in independent articles, not news copied between outlets."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from isnad.corpus.boilerplate import Boilerplate, BoilerplateParams
from isnad.model import Article

FOOTER = "للتواصل أرسل رسالة نصية sms إلى الرقم {code} تبدأ بالرمز {digit} ثم مسافة ثم نص الرسالة"
TOPICS = [
    "ارتفعت أسعار الخضار في أسواق جدة بعد موجة الحر التي ضربت المنطقة الأسبوع الماضي",
    "افتتح النادي الأدبي معرضا للكتاب المستعمل يضم آلاف العناوين في الأدب والتاريخ",
    "حذر الأطباء من السباحة في الشواطئ غير المراقبة بعد تسجيل حوادث غرق متكررة",
    "أعلنت البلدية عن خطة لزراعة عشرة آلاف شجرة على جانبي الطرق الرئيسية",
    "تراجعت مبيعات السيارات المستعملة خلال الصيف بسبب سفر كثير من الأسر",
]
MORE = [
    "ويقول التجار إن الأسعار ستعود إلى طبيعتها مع بداية الخريف وانخفاض درجات الحرارة في المدن الساحلية",
    "وشارك في المعرض عشرات الناشرين من مختلف المدن وسط إقبال كبير من طلاب الجامعات والباحثين",
    "ودعت فرق الإنقاذ الأسر إلى مراقبة الأطفال طوال الوقت وعدم تركهم وحدهم قرب المياه العميقة",
    "وتشمل الخطة أحياء الشمال أولا ثم تمتد إلى الأحياء الجنوبية قبل نهاية العام المقبل",
    "ويتوقع الوكلاء انتعاش السوق بعد عودة المدارس وارتفاع الطلب على السيارات العائلية الكبيرة",
]
NEWS = "قررت وزارة الصحة إغلاق ثلاثة مستشفيات خاصة في الدمام بعد رصد مخالفات جسيمة في غرف العمليات"


def article(n: int, text: str, outlet: str = "okaz") -> Article:
    return Article(id=f"a{n}", text=text, source_path=f"a{n}.txt", outlet=outlet)


def columns() -> list[Article]:
    """Five columns on different subjects, each closing with the outlet's SMS footer (columns are
    long beside their footer; articles that are mostly one shared footer count as copies)."""
    return [
        article(n, f"{topic}. {more}.\n{FOOTER.format(code=7000 + n, digit=n)}")
        for n, (topic, more) in enumerate(zip(TOPICS, MORE, strict=True))
    ]


def test_a_footer_of_independent_articles_is_a_formula() -> None:
    learnt = Boilerplate.learn(columns())
    text = columns()[0].text
    spans = learnt.spans(columns()[0])
    assert len(spans) == 1
    start, end = spans[0]
    assert text[start:end] == FOOTER.format(code=7000, digit=0)
    # The footer of an article the model never saw, with another code, is found too.
    unseen = article(9, f"كتب المحرر عن الطقس.\n{FOOTER.format(code=99, digit=7)}")
    assert [unseen.text[s:e] for s, e in learnt.spans(unseen)] == [FOOTER.format(code=99, digit=7)]


def test_news_printed_by_many_outlets_is_not_a_formula() -> None:
    outlets = ["okaz", "alriyadh", "alyaum", "sabq", "alwatan", "aawsat"]
    copies = [article(n, f"{NEWS}.", outlet) for n, outlet in enumerate(outlets)]
    learnt = Boilerplate.learn(copies + columns())
    assert learnt.spans(copies[0]) == []
    assert any(learnt.spans(a) for a in columns())


def test_too_few_independent_articles_make_no_formula() -> None:
    learnt = Boilerplate.learn(columns()[:3])
    assert learnt.formulas == {}
    assert Boilerplate.learn(columns()[:3], BoilerplateParams(min_articles=3)).formulas


def test_a_formula_covers_the_articles_of_its_day_and_later_days_not_earlier_ones() -> None:
    # Two columns on 1 August, two on the 2nd, one on the 3rd: the fourth independent holder of
    # the footer is of the 2nd, so the footer is a formula from the 2nd.
    dated = [replace(a, published=f"2015-08-0{1 + n // 2}") for n, a in enumerate(columns())]
    learnt = Boilerplate.learn(dated)
    assert set(learnt.since.values()) == {date(2015, 8, 2).toordinal()}
    assert [bool(learnt.spans(a)) for a in dated] == [False, False, True, True, True]
    # So a later day changes nothing of the days before it.
    before = Boilerplate.learn(dated[:4])
    assert [before.spans(a) for a in dated[:4]] == [learnt.spans(a) for a in dated[:4]]
    # The model saved and restored keeps the days.
    assert Boilerplate.from_json(learnt.to_json()).since == learnt.since


def test_counts_say_how_widely_a_formula_recurs() -> None:
    learnt = Boilerplate.learn(columns())
    assert set(learnt.formulas.values()) == {5}
    assert set(learnt.outlets.values()) == {1}


def test_saved_and_restored_it_finds_the_same_spans() -> None:
    learnt = Boilerplate.learn(columns())
    restored = Boilerplate.from_json(learnt.to_json())
    assert restored.formulas == learnt.formulas
    assert restored.outlets == learnt.outlets
    assert restored.params == learnt.params
    assert restored.spans(columns()[2]) == learnt.spans(columns()[2])
    with pytest.raises(ValueError, match="not a saved Boilerplate"):
        Boilerplate.from_json('{"formulas": 3}')


def test_parameters_are_checked() -> None:
    with pytest.raises(ValueError, match="out of range"):
        BoilerplateParams(n=1)
    with pytest.raises(ValueError, match="out of range"):
        BoilerplateParams(copy_overlap=0)
