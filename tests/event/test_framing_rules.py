"""Rules of labels and actors met on real days after the first ones: the headline's subject and
its lead's, slots every story has, forces loyal to one person in the same words, kinds of force
that say nothing of whose, labels shown without their particles."""

from __future__ import annotations

from collections import Counter

from tests.event.test_framing import _corpus, _labels

from isnad.arabic.actors import shown_form, word_key
from isnad.article.doc import Corpus
from isnad.event.actors import LabelMention, label_mentions
from isnad.event.framing import _display
from isnad.event.sides import group_actors
from isnad.model import Article, Block


def _titled(title: str, body: str, article_id: str) -> Article:
    """An article whose first line is its title block and whose body lines are its sentences."""
    text = f"{title}\n\n{body}"
    starts, position = [], len(title) + 2
    for line in body.split("\n"):
        starts.append((position, position + len(line)))
        position += len(line) + 1
    article = Article(id=article_id, text=text, source_path=f"{article_id}.txt", outlet=f"o{article_id}")
    article.blocks = [Block("title", 0, len(title))]
    article.sentences = starts
    return article


def _actor_of(corpus: Corpus) -> dict[str, set[str]]:
    mentions: list[LabelMention] = [m for a in corpus.articles for m in label_mentions(corpus, a.id)]
    actor_of = group_actors(mentions)
    out: dict[str, set[str]] = {}
    for m in mentions:
        out.setdefault(" ".join(m.words), set()).add(actor_of[m])
    return out


def test_labels_are_shown_without_their_particles_and_case_ending() -> None:
    assert shown_form("للحوثيين") == "الحوثيين"
    assert shown_form("وللحوثيين") == "الحوثيين"
    assert shown_form("ومقاتلو") == "مقاتلي"
    assert shown_form("والمتمردون") == "المتمردين"
    assert shown_form("بقوات") == "قوات"
    assert shown_form("وكالة") == "وكالة"  # no particle: a word of its own
    assert shown_form("القانون") == "القانون"  # ون of a word, not of a plural
    # One label written with and without particles is shown once, in its bare form.
    assert _display(Counter({"للحوثيين": 3, "الحوثيين": 2})) == "الحوثيين"


def test_a_lead_restates_its_headlines_subject_in_an_outlets_own_word() -> None:
    corpus = Corpus(
        [
            _titled(
                "المقاومة تطهر زنجبار",
                "بمجرد أن أكمل الثوار استرداد مدينة زنجبار بدأوا تطهيرها.\nوتقدم الثوار نحو المعسكر.",
                "0",
            ),
            _titled("سقوط المدينة", "سيطرت المقاومة على المدينة.\nوقصفت المقاومة مواقع الحوثيين.", "1"),
        ]
    )
    actors = _actor_of(corpus)
    assert actors["الثوار"] == actors["المقاومة"]
    assert actors["الحوثيين"] != actors["المقاومة"]


def test_a_lead_that_names_two_parties_together_restates_no_headline() -> None:
    corpus = Corpus(
        [
            _titled(
                "المقاومة اليمنية تحاصر زنجبار",
                "قام الجيش الوطني مدعوما بمقاتلي المقاومة الشعبية بمحاصرة مدينة زنجبار.",
                "0",
            ),
            _titled("معارك", "تقدم الجيش الوطني نحو تعز.\nوقاتلت المقاومة في عدن.", "1"),
        ]
    )
    actors = _actor_of(corpus)
    assert actors["الجيش الوطني"] != actors["المقاومة"]


def test_a_slot_every_story_has_joins_no_parties() -> None:
    corpus = _corpus(
        "وشن طيران التحالف غارات على مواقع الحوثيين في تعز.",
        "وتقدمت القوات وسيطرت على مواقع المقاومة في لحج.",
    )
    actors = _actor_of(corpus)
    assert actors["الحوثيين"] != actors["المقاومة"]


def test_forces_loyal_to_one_person_in_the_same_words_are_on_one_side() -> None:
    actors = _actor_of(
        _corpus(
            "وأكد عزم الجيش الموالي للرئيس هادي على طرد الحوثيين من الجنوب.",
            "وتقدمت القوات الموالية للرئيس هادي نحو تعز.\nوفر الحوثيين من المدينة.",
        )
    )
    assert actors["القوات الموالية"] == actors["الجيش الموالي"]
    assert actors["الجيش الموالي"] != actors["الحوثيين"]


def test_a_kind_of_force_names_no_party_until_it_says_whom_it_serves() -> None:
    corpus = _corpus(
        "وتوجهت قوات عسكرية كبيرة نحو أبين.\nوانسحب الحوثيين المدعومين بقوات عسكرية موالية للرئيس المخلوع صالح."
        "\nوتقدمت قوات صالح نحو عدن."
    )
    labels = _labels(corpus)
    assert "قوات عسكرية" not in labels
    actors = _actor_of(corpus)
    assert actors["بقوات عسكرية موالية"] == actors["قوات صالح"]


def test_a_head_written_with_h_is_no_pronoun() -> None:
    corpus = _corpus("اعترفت قناة «المسيرة» التابعة لجماعه الحوثي بزرع الألغام.\nوأعلن قائد قواته الانسحاب.")
    assert _labels(corpus) == ["لجماعه الحوثي"]


def test_keys_keep_the_vowels_that_tell_words_apart() -> None:
    assert word_key("ميليشيات") == word_key("مليشيات")  # ي spelt freely in a borrowed word
    assert word_key("الخوارج") != word_key("الخارجية")
    assert word_key("الجماعات") != word_key("جامعة")
