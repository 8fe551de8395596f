import pytest

from isnad.event.brief import BriefParams
from isnad.model import Analysis


def test_every_event_has_a_cited_brief(seed_analysis: Analysis) -> None:
    texts = {a.id: a.text for a in seed_analysis.articles}
    events = {e.id: e for e in seed_analysis.events}
    assert {b.event_id for b in seed_analysis.briefs} == set(events)
    for brief in seed_analysis.briefs:
        assert 1 <= len(brief.sentences) <= BriefParams().max_sentences
        for sentence in brief.sentences:
            assert texts[sentence.source_article_id][sentence.span[0] : sentence.span[1]] == sentence.text
            assert sentence.source_article_id in sentence.article_ids
            assert set(sentence.article_ids) <= set(events[brief.event_id].article_ids)
        assert len({s.text for s in brief.sentences}) == len(brief.sentences)


def test_two_outlet_event_brief_cites_both(seed_analysis: Analysis) -> None:
    pair_events = {e.id for e in seed_analysis.events if len(e.article_ids) == 2}
    cited = {
        tuple(s.article_ids) for b in seed_analysis.briefs if b.event_id in pair_events for s in b.sentences
    }
    assert any(len(ids) == 2 for ids in cited)


def test_params_are_validated() -> None:
    with pytest.raises(ValueError, match="at least one"):
        BriefParams(max_sentences=0)
