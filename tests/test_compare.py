from isnad.compare import predicates_conflict, same_quantity, subject_class
from isnad.model import Analysis, Article, Figure


def _figure(value: float, subject: str, predicate: str | None, approx: str | None = None) -> Figure:
    return Figure("a", value, approx, None, subject, predicate, (0, 1))


def test_subject_classes_merge_outlet_vocabulary() -> None:
    assert subject_class("مقاتل") == subject_class("مسلح") == subject_class("إرهابي") == "fighters"
    assert subject_class("امرأة") != subject_class("مقاتل")


def test_hedged_values_match_within_tolerance() -> None:
    assert same_quantity(_figure(1700, "مقاتل", None, "حوالي"), _figure(1650, "مسلح", None, "نحو"))
    assert not same_quantity(_figure(1700, "مقاتل", None), _figure(1650, "مسلح", None))
    assert not same_quantity(_figure(17, "امرأة", None), _figure(17, "مقاتل", None))


def test_incompatible_and_negated_claims_conflict() -> None:
    assert predicates_conflict("travelled", "returned")
    assert predicates_conflict("returned", "not returned")
    assert not predicates_conflict("travelled", "travelled")
    assert not predicates_conflict("travelled", None)


def test_seed_conflict_travelled_versus_returned(
    seed_analysis: Analysis, seed_articles: dict[str, Article]
) -> None:
    """The story isnad was conceived from: 1,700 French fighters who travelled (Arabi21) or returned (SANA)."""
    ids = {seed_articles["000"].id, seed_articles["003"].id}
    conflicts = [
        c
        for c in seed_analysis.comparisons
        if c.verdict == "conflict" and any(claim.value == 1700 for claim in c.claims)
    ]
    assert conflicts
    assert {claim.article_id for claim in conflicts[0].claims} == ids
    assert {claim.predicate for claim in conflicts[0].claims} == {"travelled", "returned"}
