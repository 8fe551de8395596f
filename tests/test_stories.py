import numpy as np
import pytest

from isnad.corpus import Corpus
from isnad.model import Analysis, Article
from isnad.stories import StoryParams, average_linkage, group_stories, headline


def test_seeds_group_as_an_editor_would(seed_analysis: Analysis, seed_articles: dict[str, Article]) -> None:
    name = {a.id: key for key, a in seed_articles.items()}
    events = sorted(sorted(name[i] for i in e.article_ids) for e in seed_analysis.events)
    # The Telegraph report (000, 003), the Guardian report (001, 002), the Washington Post documents (004).
    assert events == [["000", "003"], ["001", "002"], ["004"]]
    # One running story: foreign fighters leaving the group.
    assert len(seed_analysis.storylines) == 1
    assert {e.storyline_id for e in seed_analysis.events} == {seed_analysis.storylines[0].id}


def test_event_titles_are_readable_arabic(seed_analysis: Analysis) -> None:
    for event in seed_analysis.events:
        assert 10 < len(event.title) <= 142
        assert any("\u0600" <= c <= "\u06ff" for c in event.title)


def test_ids_are_stable(seed_articles: dict[str, Article]) -> None:
    first, _ = group_stories(Corpus(seed_articles.values()))
    again, _ = group_stories(Corpus(reversed(list(seed_articles.values()))))
    assert sorted(e.id for e in first) == sorted(e.id for e in again)


def test_average_linkage_respects_threshold() -> None:
    sim = np.array([[1.0, 0.9, 0.1], [0.9, 1.0, 0.2], [0.1, 0.2, 1.0]])
    assert average_linkage(sim, 0.5) == [[0, 1], [2]]
    assert average_linkage(sim, 0.1) == [[0, 1, 2]]


def test_headline_prefers_title_and_cuts_at_word(seed_articles: dict[str, Article]) -> None:
    assert headline(seed_articles["001"]) == "مقاتلو داعش يفرون من التنظيم بعدما أوشك على الانهيار"
    long = headline(seed_articles["003"], max_chars=40)
    assert long.endswith("…")
    assert len(long) <= 42


def test_params_are_validated() -> None:
    with pytest.raises(ValueError, match="storyline_threshold"):
        StoryParams(event_threshold=0.1, storyline_threshold=0.5)
