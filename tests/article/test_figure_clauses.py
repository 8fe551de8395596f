"""A figure's claim is in its own clause: the verb of the next clause, after فيما or a comma and a
conjunction, is another figure's or the sentence subject's; "their number" does not point past a
clause that names its group."""

from isnad.article.figures import find_figures
from isnad.model import Article
from isnad.pipeline import segment


def _claims(text: str) -> dict[float, str | None]:
    return {f.value: f.predicate for f in find_figures(segment(Article(id="t", text=text, source_path="t")))}


def test_the_next_clauses_verb_is_not_the_figures_claim() -> None:
    assert _claims("وأضافت أن 12 حوثيا سقطوا قتلى أمس، فيما أصيب 18 آخرون بجروح.") == {
        12: "killed",
        18: "wounded",
    }
    fleeing = _claims(
        "شاهدوا أرتالا وعلى متنها 300 من عناصر المقاومة في طريقها إلى المحافظة، فبادروا بالهرب."
    )
    assert fleeing[300] is None


def test_a_comma_alone_keeps_the_clause() -> None:
    assert _claims("يعتقد أن هناك حوالي 1700 مقاتل من فرنسا، سافروا إلى سوريا.")[1700] == "travelled"


def test_their_number_points_back_only_when_its_clause_names_no_group() -> None:
    population = _claims(
        "وقالت إن نحو أربعة آلاف شخص قتلوا، و80% من السكان البالغ عددهم 21 مليون نسمة بحاجة لمساعدة."
    )
    assert population[21_000_000] is None
    assert (
        _claims("وأكد المصدر أن شبانا من المدينة سافروا إلى سوريا، ويقدر عددهم بنحو 250 شابا.")[250]
        == "travelled"
    )
