from isnad.article.extract import extract
from isnad.model import Analysis, Article
from isnad.pipeline import segment


def test_the_translating_outlet_becomes_the_article_outlet() -> None:
    article = segment(
        Article(id="t", text='وينقل التقرير، الذي ترجمته "عربي21"، عن مسؤول قوله: "انتهى".', source_path="t")
    )
    extract([article])
    assert article.outlet == "عربي21"


def test_seed_dates_are_in_the_analysis(seed_analysis: Analysis) -> None:
    values = {d.value for d in seed_analysis.dates}
    assert {"2014", "2015-04"} <= values
    texts = {a.id: a.text for a in seed_analysis.articles}
    for date in seed_analysis.dates:
        assert texts[date.article_id][date.span[0] : date.span[1]] == date.text


def test_a_name_starting_with_waw_after_a_description_keeps_its_waw() -> None:
    from isnad.article.extract import _with_leading_waw

    text = "واعتبر مدرب جامايكا الألماني وينفريد شايفر أن المكسيك تملك الأفضلية."
    start = text.index("ينفريد")
    assert _with_leading_waw(text, (start, start + len("ينفريد شايفر"))) == "وينفريد شايفر"
    text = "وقال محمد ويوسف إن الأمر انتهى."
    start = text.index("يوسف")
    assert _with_leading_waw(text, (start, start + len("يوسف"))) is None


def test_a_bare_company_noun_is_the_company_named_before_not_the_taggers_noun() -> None:
    text = "أعلنت شركة تويوتا عن نتائجها الفصلية. وقالت الشركة إن أرباحها ارتفعت."
    article = segment(Article(id="t", text=text, source_path="t"))
    assert {a.source_canonical for a in extract([article]).attributions} <= {"شركة تويوتا", "تويوتا"}
