from isnad.article.figures import find_figures
from isnad.model import Analysis, Article
from isnad.pipeline import segment


def _figures(text: str):  # type: ignore[no-untyped-def]
    return find_figures(segment(Article(id="t", text=text, source_path="t")))


def test_travelled_versus_returned() -> None:
    [travelled] = _figures("يعتقد أن هناك حوالي 1700 مقاتل من فرنسا، سافروا إلى سوريا والعراق منذ عام 2012.")
    assert travelled.value == 1700
    assert travelled.approx is not None
    assert travelled.predicate == "travelled"
    [returned] = _figures("وتعتقد السلطات أن نحو 1700 مسلح فرنسي عادوا الى بلدهم منذ عام 2012.")
    assert returned.value == 1700
    assert returned.predicate == "returned"


def test_years_are_not_figures() -> None:
    assert _figures("بدأت الحملة في عام 2014.") == []


def test_seed_figures_have_spans(seed_analysis: Analysis) -> None:
    texts = {a.id: a.text for a in seed_analysis.articles}
    values = {f.value for f in seed_analysis.figures}
    assert {150, 1700, 800, 30000, 25000, 250, 114} <= values
    for figure in seed_analysis.figures:
        assert texts[figure.article_id][figure.span[0] : figure.span[1]] == figure.text


def test_their_number_takes_the_verb_of_the_clause_before() -> None:
    text = "وأعضاء بارزون في التنظيم عادوا إلى بلادهم، ويقدر عددهم بنحو 250 عنصراً أغلبهم من بريطانيا."
    [figure] = _figures(text)
    assert figure.value == 250
    assert figure.predicate == "returned"


def test_a_verb_far_before_a_number_without_their_number_is_not_its_claim() -> None:
    text = "وأعضاء بارزون في التنظيم عادوا إلى بلادهم، وتقول الصحيفة إن بين المطلوبين 250 عنصراً أغلبهم من بريطانيا."
    [figure] = _figures(text)
    assert figure.predicate is None


def test_a_number_among_them_takes_the_verb_of_the_group_before() -> None:
    """ "12 killed, among them five soldiers, in the hostage-taking": the five were killed, not taken."""
    text = "قتل 12 شخصا، بينهم خمسة جنود، في عملية احتجاز الرهائن في فندق بالمدينة."
    twelve, five = _figures(text)
    assert (twelve.predicate, five.value, five.predicate) == ("killed", 5, "killed")
