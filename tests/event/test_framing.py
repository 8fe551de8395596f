"""How each outlet names the actors, and where it speaks in its own voice, on the seed story."""

from __future__ import annotations

from isnad.article.doc import Corpus
from isnad.event.framing import name_mentions, outlet_framings
from isnad.model import Analysis, Article, Attribution, Framing, OutletFraming


def _outlet(framing: Framing, article: Article) -> OutletFraming:
    return next(o for o in framing.outlets if article.id in o.article_ids)


def _top(outlet: OutletFraming, actor: str) -> str:
    return max((n for n in outlet.names if n.actor == actor), key=lambda n: n.count).term


def test_outlets_name_the_group_differently(
    seed_analysis: Analysis, seed_articles: dict[str, Article]
) -> None:
    """Arabi21 writes تنظيم الدولة, SANA داعش الإرهابي and calls the fighters مسلحون."""
    storyline = next(f for f in seed_analysis.framings if f.scope == "storyline")
    group = "تنظيم الدولة / داعش"
    assert _top(_outlet(storyline, seed_articles["000"]), group) == "تنظيم الدولة"
    assert _top(_outlet(storyline, seed_articles["003"]), group) == "داعش الإرهابي"
    assert _top(_outlet(storyline, seed_articles["003"]), "المقاتلون") == "مسلحون"
    assert _top(_outlet(storyline, seed_articles["002"]), group) == "داعش"


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


def test_longest_label_wins_and_attributed_sentences_are_not_editorial() -> None:
    text = "قال مسؤول إن تنظيم داعش الإرهابي فقد مواقعه.\nوتواصل عصابات داعش جرائمها."
    article = Article(id="x", text=text, source_path="x.txt", outlet="سانا")
    article.sentences = [(0, text.index("\n")), (text.index("\n") + 1, len(text))]
    corpus = Corpus([article])
    terms = [(p.term, article.span_text(s)) for p, s in name_mentions(corpus, "x")]
    assert terms[0] == ("داعش الإرهابي", "تنظيم داعش الإرهابي")
    attribution = Attribution("x", "مسؤول", "مسؤول", "official", "قال", "", (0, article.sentences[0][1]))
    [outlet] = outlet_framings(corpus, ["x"], [attribution])
    assert [m.text for m in outlet.editorial] == ["وتواصل عصابات داعش جرائمها."]
    assert {m.text for m in outlet.evaluative} >= {"الإرهابي", "عصابات"}
