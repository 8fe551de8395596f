from isnad.evaluation.sources import SourcesEvaluation, score_article
from isnad.model import Attribution


def _said(source: str, via: str | None = None, kind: str = "person") -> Attribution:
    return Attribution("a", source, source, kind, "قال", "...", (0, 1), via=via)  # type: ignore[arg-type]


GOLD = [
    {"canonical": "جديع القحطاني", "names": ["القحطاني"], "kind": "person", "cue": "أعرب", "via": None},
    {"canonical": "ناصر الجنيبي", "kind": "person", "cue": "قال", "via": "نادي العين"},
    {"canonical": "الشرق الأوسط", "kind": "media", "cue": "علمت", "via": None, "optional": True},
]


def test_a_source_counts_once_and_a_second_node_for_it_is_an_error() -> None:
    result = SourcesEvaluation()
    found = [_said("جديع القحطاني"), _said("القحطاني"), _said("ناصر الجنيبي", via="نادي العين")]
    score_article("u", GOLD, found, result)
    assert (result.sources.gold, result.sources.predicted, result.sources.correct) == (2, 3, 2)
    assert result.via_correct == 2


def test_optional_sources_count_neither_way_and_a_wrong_via_is_judged() -> None:
    result = SourcesEvaluation()
    score_article("u", GOLD, [_said("الشرق الأوسط", kind="outlet"), _said("ناصر الجنيبي")], result)
    assert (result.sources.gold, result.sources.predicted, result.sources.correct) == (2, 1, 1)
    assert (result.via_correct, result.via_judged) == (0, 1)


def test_sets_pool_by_summing_their_counts() -> None:
    from isnad.evaluation.sources import format_pooled, pool

    first, second = SourcesEvaluation(), SourcesEvaluation()
    score_article("u", GOLD, [_said("جديع القحطاني"), _said("ناصر الجنيبي", via="نادي العين")], first)
    score_article("v", GOLD, [_said("فلان")], second)
    pooled = pool([first, second])
    assert (pooled.sources.gold, pooled.sources.predicted, pooled.sources.correct) == (4, 3, 2)
    assert (pooled.via_correct, pooled.via_judged) == (2, 2)
    text = format_pooled([("a", first), ("b", second)])
    assert text.splitlines()[-1] == f"source_f1={pooled.sources.f1:.3f}"
    assert "pooled" in text
