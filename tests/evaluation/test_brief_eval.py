"""The brief yardstick: the gold facts themselves, and the scoring on the seeds."""

from __future__ import annotations

from pathlib import Path

from isnad.evaluation.brief import fact_keys, format_brief, read_gold, score_briefs
from isnad.model import Analysis, Brief, BriefSentence

GOLD = Path(__file__).resolve().parents[1] / "fixtures" / "gold" / "brief" / "seeds.json"


def test_every_gold_fact_is_stated_in_the_articles_it_names() -> None:
    corpus, events = read_gold(GOLD)
    text_stems = {p.name[:3]: fact_keys(p.read_text(encoding="utf-8")) for p in corpus.glob("*.txt")}
    for event in events:
        for fact in event.facts:
            assert all(fact.alternatives), fact.id  # a fact with no words would be stated everywhere
            assert fact.articles <= event.articles, fact.id
            for prefix in fact.articles:
                assert fact.stated_in(text_stems[prefix]), (fact.id, prefix)


def test_a_fact_known_by_its_number_needs_the_number() -> None:
    assert fact_keys("ويقدر عددهم بنحو 250 عنصراً") >= {"250", "عنصر"}
    assert "250" in fact_keys("بنحو ٢٥٠ عنصراً")  # Arabic-Indic digits name the same number
    _, events = read_gold(GOLD)
    [fact] = [f for e in events for f in e.facts if f.id == "250"]
    assert fact.stated_in(fact_keys("ويقدر عددهم بنحو 250 عنصراً"))
    assert not fact.stated_in(fact_keys("وعاد المقاتلون إلى بلادهم"))


def test_scores_count_coverage_repeats_and_wrong_citations(seed_analysis: Analysis) -> None:
    """A hand-made brief: the travelled figure cited to SANA, which says returned, is a wrong citation."""
    _, gold = read_gold(GOLD)
    by_prefix = {Path(a.source_path).name[:3]: a for a in seed_analysis.articles}
    arabi21, sana = by_prefix["000"], by_prefix["003"]
    event = next(e for e in seed_analysis.events if arabi21.id in e.article_ids)
    sentence = (
        "وتلفت الصحيفة إلى أنه يعتقد أن هناك حوالي 1700 مقاتل من فرنسا، سافروا إلى سوريا والعراق منذ عام 2012"
    )
    start = arabi21.text.index(sentence)
    made = BriefSentence(sentence, [arabi21.id, sana.id], arabi21.id, (start, start + len(sentence)))
    analysis = Analysis(
        version="test",
        articles=seed_analysis.articles,
        events=seed_analysis.events,
        briefs=[Brief(event.id, [made, made])],
    )
    evaluation = score_briefs(analysis, gold[:1], GOLD)
    [score] = evaluation.events
    assert (score.covered, score.facts) == (1, 9)
    assert (score.repeated, score.statements) == (1, 2)
    assert (score.correct_citations, score.citations) == (2, 4)
    assert format_brief(evaluation).splitlines()[-1] == "citation_precision=0.500"
