from isnad.extract.figures import find_figures
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
