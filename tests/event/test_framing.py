"""How each outlet names the actors, and where it speaks in its own voice: the seed story, and
small Arabic texts that pin the rules of labels and actors."""

from __future__ import annotations

from isnad.article.doc import Corpus
from isnad.event.actors import EntitySpans, label_mentions
from isnad.event.framing import outlet_framings
from isnad.event.sides import group_actors
from isnad.model import Analysis, Article, Attribution, Framing, OutletFraming


def _outlet(framing: Framing, article: Article) -> OutletFraming:
    return next(o for o in framing.outlets if article.id in o.article_ids)


def _terms(outlet: OutletFraming, actor: str) -> dict[str, int]:
    return {n.term: n.count for n in outlet.names if n.actor == actor}


def _corpus(*texts: str, outlet: str = "x") -> Corpus:
    articles = []
    for n, text in enumerate(texts):
        article = Article(id=str(n), text=text, source_path=f"{n}.txt", outlet=f"{outlet}{n}")
        starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
        ends = [i for i, c in enumerate(text) if c == "\n"] + [len(text)]
        article.sentences = list(zip(starts, ends, strict=True))
        articles.append(article)
    return Corpus(articles)


def _labels(corpus: Corpus, article_id: str = "0") -> list[str]:
    return [" ".join(m.words) for m in label_mentions(corpus, article_id)]


def test_seed_outlets_name_isis_and_the_fighters_differently(
    seed_analysis: Analysis, seed_articles: dict[str, Article]
) -> None:
    """Found with no lexicon of the story: Arabi21 writes تنظيم الدولة, SANA the judging التنظيم
    الإرهابي, and every outlet has a column for the foreign fighters."""
    storyline = next(f for f in seed_analysis.framings if f.scope == "storyline")
    actors = {n.actor for o in storyline.outlets for n in o.names}
    assert {"داعش", "المقاتلين الأجانب"} <= actors
    arabi21 = _terms(_outlet(storyline, seed_articles["000"]), "داعش")
    assert max(arabi21, key=lambda t: arabi21[t]) == "تنظيم الدولة"
    sana = _outlet(storyline, seed_articles["003"])
    assert any(n.term == "التنظيم الإرهابي" and n.judging for n in sana.names if n.actor == "داعش")
    assert "المسلحين" in _terms(sana, "المقاتلين الأجانب")


def test_every_event_has_a_framing_and_mentions_slice_the_text(
    seed_analysis: Analysis, seed_articles: dict[str, Article]
) -> None:
    texts = {a.id: a.text for a in seed_articles.values()}
    assert {f.scope_id for f in seed_analysis.framings if f.scope == "event"} == {
        e.id for e in seed_analysis.events
    }
    for framing in seed_analysis.framings:
        for outlet in framing.outlets:
            for name in outlet.names:
                assert name.count == len(name.mentions)
                for m in name.mentions:
                    assert texts[m.article_id][m.span[0] : m.span[1]] == m.text


def test_sana_editorial_sentence_cites_no_source(
    seed_analysis: Analysis, seed_articles: dict[str, Article]
) -> None:
    """SANA's closing sentence on terrorists returning home is its own voice."""
    sana = seed_articles["003"]
    framing = next(
        f
        for f in seed_analysis.framings
        if f.scope == "event" and any(sana.id in o.article_ids for o in f.outlets)
    )
    editorial = _outlet(framing, sana).editorial
    assert any("وتتزايد المخاوف الدولية" in m.text for m in editorial)
    cited = [a for a in seed_analysis.attributions if a.article_id == sana.id]
    for m in editorial:
        assert not any(a.span[0] < m.span[1] and m.span[0] < a.span[1] for a in cited)


def test_labels_end_at_prepositions_coordination_and_ties_to_another_party() -> None:
    corpus = _corpus(
        "قصفت ميليشيات الحوثي الانقلابية مواقع المقاومة الشعبية المسنودة بقوات الجيش الوطني في تعز، "
        "وتراجع الحوثيون وقوات صالح."
    )
    assert _labels(corpus) == [
        "ميليشيات الحوثي الانقلابية",
        "المقاومة الشعبية",
        "بقوات الجيش الوطني",  # the party a tie names is a label too; a loyalty's is not
        "الحوثيون",
        "وقوات صالح",
    ]


def test_one_actor_across_spelling_clitics_word_order_and_epithets() -> None:
    corpus = _corpus(
        "هاجمت ميليشيات الحوثي مواقع المقاومة.\nوقالت المصادر إن الميليشيات الحوثية انسحبت.",
        "وتقدمت المقاومة على الحوثيين.\nوفر الانقلابيين الحوثيين من المدينة.\nوقتل عدد من الانقلابيين.",
    )
    mentions = [m for a in ("0", "1") for m in label_mentions(corpus, a)]
    actor_of = group_actors(mentions)
    by_label = {" ".join(m.words): m for m in mentions}
    houthi = {label for label, m in by_label.items() if actor_of[m] == actor_of[by_label["ميليشيات الحوثي"]]}
    # ميليشيات الحوثي and الميليشيات الحوثية are one label; الانقلابيين is said of the Houthis.
    assert by_label["ميليشيات الحوثي"].key == by_label["الميليشيات الحوثية"].key
    assert {"الحوثيين", "الانقلابيين الحوثيين", "الانقلابيين"} <= houthi
    assert "المقاومة" not in houthi


def test_copies_of_one_release_join_the_names_in_the_same_slot() -> None:
    corpus = _corpus(
        "حذر الوزير من أن أي غارات أمريكية على الحكومة السورية ستضر جهود السلام.\nوتدعم الحكومة السورية الجيش.",
        "حذر الوزير من أن أي غارات أمريكية على نظام الأسد ستضر جهود السلام.",
    )
    mentions = [m for a in ("0", "1") for m in label_mentions(corpus, a)]
    actor_of = group_actors(mentions)
    by_label = {" ".join(m.words): actor_of[m] for m in mentions}
    assert by_label["الحكومة السورية"] == by_label["نظام الأسد"]


def test_a_loyal_force_is_on_the_side_it_serves_sentence_by_sentence() -> None:
    corpus = _corpus(
        "تقدم الجيش الوطني نحو المدينة.\nوتقدمت القوات الموالية للجيش الوطني.\n"
        "وانسحبت قوات صالح.\nوانسحبت القوات الموالية لصالح."
    )
    mentions = label_mentions(corpus, "0")
    actor_of = group_actors(mentions)
    loyal = [actor_of[m] for m in mentions if m.words == ("القوات", "الموالية")]
    assert loyal == [actor_of[mentions[0]], actor_of[mentions[2]]]


def test_judging_labels_are_flagged_and_attributed_sentences_are_not_editorial() -> None:
    text = "قال مسؤول إن تنظيم داعش الإرهابي فقد مواقعه.\nوتواصل عصابات داعش جرائمها."
    corpus = _corpus(text)
    article = corpus.by_id["0"]
    attribution = Attribution("0", "مسؤول", "مسؤول", "official", "قال", "", (0, article.sentences[0][1]))
    [outlet] = outlet_framings(corpus, ["0"], [attribution])
    labels = {n.term: n.judging for n in outlet.names}
    assert labels["تنظيم داعش الإرهابي"] is True
    assert [m.text for m in outlet.editorial] == ["وتواصل عصابات داعش جرائمها."]
    assert {m.text for m in outlet.evaluative} >= {"الإرهابي", "عصابات", "جرائمها"}


def test_framing_from_entities_indexed_once_equals_framing_from_the_entity_list(
    seed_analysis: Analysis,
) -> None:
    """The per-event framings read entity spans from one index of the corpus; an event framed
    alone from the plain entity list comes out the same."""
    corpus = Corpus(seed_analysis.articles)
    ids = [a.id for a in seed_analysis.articles]
    entities, attributions = seed_analysis.entities, seed_analysis.attributions
    assert any(EntitySpans(entities).of(i, "ORG") for i in ids)  # the seeds name organisations
    for article_id in ids:
        assert label_mentions(corpus, article_id, EntitySpans(entities)) == label_mentions(
            corpus, article_id, entities
        )
    mine = [a for a in attributions if a.article_id in ids[:2]]
    assert outlet_framings(corpus, ids[:2], attributions, entities) == outlet_framings(
        corpus, ids[:2], mine, EntitySpans(entities)
    )
