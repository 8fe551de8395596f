"""Which party a label stands for, on small Arabic texts: the base that is not al-Qaeda, forces
said of every party, the names of one state's side, a person's forces and their titles."""

from __future__ import annotations

from tests.event.test_framing import _corpus

from isnad.arabic import actors as actors_words
from isnad.article.doc import Corpus
from isnad.article.extract import extract
from isnad.event.actors import LabelMention, label_mentions
from isnad.event.sides import group_actors


def _mentions(corpus: Corpus) -> list[LabelMention]:
    entities = extract(corpus.articles).entities
    return [m for a in corpus.articles for m in label_mentions(corpus, a.id, entities)]


def _actors(corpus: Corpus) -> dict[str, set[str]]:
    """Label as written -> the actors it was given."""
    mentions = _mentions(corpus)
    actor_of = group_actors(mentions)
    out: dict[str, set[str]] = {}
    for m in mentions:
        out.setdefault(" ".join(m.words), set()).add(actor_of[m])
    return out


def test_al_qaeda_is_a_base_where_the_article_speaks_of_a_base() -> None:
    base = _corpus(
        "سيطرت المقاومة على قاعدة العند.\nوانتقلت الاشتباكات إلى داخل القاعدة.\n"
        "وشنت الطائرات غارات على القاعدة."
    )
    assert not any("القاعدة" in " ".join(m.words) for m in _mentions(base))
    qaeda = _corpus("تبنى تنظيم القاعدة الهجوم.\nوقالت القاعدة في بيان إنها نفذت الهجوم.")
    assert sum("القاعدة" in " ".join(m.words) for m in _mentions(qaeda)) == 2


def test_forces_said_of_every_party_and_the_party_a_force_serves_are_no_labels() -> None:
    corpus = _corpus("وتقدمت القوات نحو المدينة.\nوهاجمت القوات الموالية للحكومة اليمنية الشرعية المدينة.")
    assert [" ".join(m.words) for m in _mentions(corpus)] == ["القوات الموالية"]


def test_the_names_of_one_states_side_are_one_actor() -> None:
    actors = _actors(
        _corpus(
            "وهاجمت القوات الموالية للحكومة اليمنية الشرعية مواقع الحوثيين.\n"
            "وسيطرت قوات الشرعية على المدينة.\nوتقدم الجيش اليمني نحو تعز.\nوقصف الجيش الأمريكي مواقع.",
        )
    )
    [government] = actors["قوات الشرعية"]
    assert actors["الجيش اليمني"] == {government} == actors["القوات الموالية"]
    assert actors["الجيش الأمريكي"] != {government}
    assert actors["الحوثيين"] != {government}


def test_a_persons_forces_are_named_by_the_last_name_and_found_by_title() -> None:
    actors = _actors(
        _corpus(
            "وانسحب الحوثيون وقوات الرئيس السابق علي عبد الله صالح من المدينة.\n"
            "وتراجعت قوات علي صالح.\nوهاجمت القوات الموالية للرئيس السابق مواقع المقاومة.",
        )
    )
    saleh = actors["وقوات الرئيس السابق علي عبد الله صالح"]
    assert actors["قوات علي صالح"] == saleh == actors["القوات الموالية"]


def test_a_judging_head_alone_is_said_of_the_party_it_judges() -> None:
    actors = _actors(_corpus("وتقدمت المقاومة.\nوانسحبت ميليشيات الحوثي من المدينة.\nوفرت هذه الميليشيات."))
    assert actors["الميليشيات"] == actors["ميليشيات الحوثي"]


def test_an_army_serves_whom_it_is_said_to_and_the_resistance_stays_itself() -> None:
    actors = _actors(
        _corpus(
            "وتقدمت قوات الجيش الوطني الموالي للشرعية نحو المدينة.\n"
            "وانسحبت قوات الجيش الموالية للرئيس السابق علي عبد الله صالح وقوات صالح.\n"
            "وواصلت قوات المقاومة الشعبية الموالية للشرعية تقدمها.\nوسيطرت القوات الشرعية على المدينة.\n"
            "وسيطرت القوات الموالية لحكومة هادي على الميناء.\nوتقدمت قوات هادي.\nوقاتلت المقاومة الشعبية الحوثيين.",
        )
    )
    government = actors["قوات الجيش الوطني الموالي"]
    assert actors["القوات الشرعية"] == government == actors["قوات هادي"] == actors["القوات الموالية"]
    assert actors["قوات الجيش الموالية"] == actors["وقوات صالح"]
    assert actors["قوات المقاومة الشعبية الموالية"] == actors["المقاومة الشعبية"] != government


def test_common_nouns_and_objects_are_no_parties_and_a_lone_epithet_goes_to_the_judged_party() -> None:
    corpus = _corpus(
        "دخلت المقاومة المدينة من دون مقاومة شديدة.\nويدعم التحالف المقاتلين بالسلاح.\n"
        "وفرت ميليشيات الحوثي الانقلابية.\nوقصفت الطائرات مواقع الانقلابيين."
    )
    labels = [" ".join(m.words) for m in _mentions(corpus)]
    assert "مقاومة شديدة" not in labels
    assert {"التحالف", "المقاتلين"} <= set(labels)
    actors = _actors(corpus)
    assert actors["الانقلابيين"] == actors["ميليشيات الحوثي الانقلابية"]


def test_a_label_ends_where_the_next_word_cannot_be_its_adjective() -> None:
    corpus = _corpus(
        "وقال إن الانقلابيين الحوثيين المقاومة الشعبية تتقدم.\nهاجم الجيش والمقاومة القادمون من لحج المواقع.\n"
        "بعد مهاجمة الحوثيين القرية.\nوقاتل المقاتلين الأجانب والقوات المعارضة."
    )
    labels = [" ".join(m.words) for m in _mentions(corpus)]
    assert "الانقلابيين الحوثيين" in labels
    assert "المقاومة الشعبية" in labels
    assert "والمقاومة" in labels
    assert "الحوثيين" in labels
    assert "المقاتلين الأجانب" in labels
    assert "والقوات المعارضة" in labels


def test_a_countrys_army_is_that_countrys_and_a_news_agency_is_no_particle() -> None:
    actors = _actors(_corpus("وتقدم الجيش اليمني.\nوأعلن جيش الإمارات مقتل جنوده.\nوتقدم الجيش نحو عدن."))
    assert actors["جيش الإمارات"] != actors["الجيش اليمني"] == actors["الجيش"]
    assert actors_words.bare("وكالة") == "وكاله"
