"""Where each report comes from: the graph from original sources through the outlets."""

from __future__ import annotations

from isnad.arabic import entity_key
from isnad.event.provenance import event_provenance, origins
from isnad.model import Analysis, Article, Attribution, Event, Passage, ReuseLink
from isnad.output.graph_svg import provenance_svg


def test_directed_reuse_links_become_copies_of_the_event_only() -> None:
    links = [
        ReuseLink(
            a="x", b="y", score=0.9, direction="a->b", direction_confidence=0.9, direction_evidence="dates"
        ),
        ReuseLink(
            a="z", b="y", score=0.5, direction="b->a", direction_confidence=0.6, direction_evidence="trim"
        ),
        ReuseLink(a="x", b="z", score=0.7),
        ReuseLink(a="x", b="w", score=0.7, direction="a->b", direction_confidence=0.9),
    ]
    articles = {i: _article(i, "نص") for i in "xyzw"}
    graph = event_provenance(Event(id="e", article_ids=["x", "y", "z"], title="t"), articles, [], links)
    copies = {(e.source, e.target): e.evidence for e in graph.edges if e.relation == "copies"}
    assert copies == {("art:x", "art:y"): "dates", ("art:y", "art:z"): "trim"}
    assert [(e.source, e.target) for e in graph.edges if e.relation == "shares"] == [("art:x", "art:z")]


def test_telegraph_feeds_both_of_its_rewrites(
    seed_analysis: Analysis, seed_articles: dict[str, Article]
) -> None:
    ids = {seed_articles["000"].id, seed_articles["003"].id}
    graph = next(p for p in seed_analysis.provenance if {n.article_id for n in p.nodes} >= ids)
    telegraph = next(n for n in graph.nodes if n.label == "ديلي تلغراف")
    fed = {e.target for e in graph.edges if e.source == telegraph.id}
    assert fed == {f"art:{i}" for i in ids}
    # The paper is where the story starts unless it names its own informants (the chain of 000).
    upstream = [e for e in graph.edges if e.target == telegraph.id]
    assert telegraph in origins(graph) or all(e.relation == "cites" for e in upstream)


def test_every_event_has_a_graph_whose_edges_join_its_nodes(seed_analysis: Analysis) -> None:
    assert {p.event_id for p in seed_analysis.provenance} == {e.id for e in seed_analysis.events}
    for graph in seed_analysis.provenance:
        ids = {n.id for n in graph.nodes}
        assert all(e.source in ids and e.target in ids for e in graph.edges)


def _article(article_id: str, text: str, outlet: str | None = None) -> Article:
    return Article(id=article_id, text=text, source_path=f"{article_id}.txt", outlet=outlet)


def test_chains_reuse_and_self_citation() -> None:
    a = _article("a", "نقلت الغارديان عن مسؤولين أتراك أن الحدود أغلقت. وقالت سانا إن ...", "سانا")
    b = _article("b", "نص منقول من المقال الأول", None)
    chained = Attribution(
        "a", "مسؤولين أتراك", "مسؤولين أتراك", "official", "نقلت", "", (0, 40), via="الغارديان"
    )
    itself = Attribution("a", "سانا", "سانا", "outlet", "قالت", "", (50, 60))
    link = ReuseLink(
        "a", "b", 0.5, [Passage((0, 10), (0, 10), 0.9)], direction="a->b", direction_evidence="a is older"
    )
    graph = event_provenance(Event("e", ["a", "b"], "t"), {"a": a, "b": b}, [chained, itself], [link])
    edges = {(e.source, e.target, e.relation) for e in graph.edges}
    assert (f"src:{entity_key('مسوولين اتراك')}", "src:الغارديان", "cites") in edges
    assert ("src:الغارديان", "art:a", "cites") in edges
    assert ("art:a", "art:b", "copies") in edges
    assert not any(n.label == "سانا" and n.kind == "outlet" for n in graph.nodes)  # an outlet citing itself
    svg = provenance_svg(graph)
    assert svg.startswith("<svg")
    assert svg.count('<path class="edge') == len(graph.edges)
    assert 'href="#article-b"' in svg  # article nodes link to the article in the report


def test_one_node_per_source_however_written_and_none_for_a_non_source() -> None:
    a = _article("a", "قال مسؤولون في تركيا وأوروبا إن ... وبحسب التقديرات الغير رسمية فإن ...")
    b = _article("b", "قال مسئولون في اوروبا وتركيا إن ...")
    cited = [
        Attribution(
            "a", "مسؤولون في تركيا وأوروبا", "مسؤولون في أوروبا وتركيا", "official", "قال", "", (0, 30)
        ),
        Attribution("a", "التقديرات الغير رسمية", "التقديرات", "document", "وبحسب", "", (35, 60)),
        Attribution(
            "b", "مسئولون في اوروبا وتركيا", "مسئولون في اوروبا وتركيا", "official", "قال", "", (0, 30)
        ),
    ]
    graph = event_provenance(Event("e", ["a", "b"], "t"), {"a": a, "b": b}, cited, [])
    sources = [n for n in graph.nodes if n.id.startswith("src:")]
    # One node for both spellings, labelled with the canonical name as the first article wrote it.
    assert [n.label for n in sources] == ["مسؤولون في أوروبا وتركيا"]
    assert {e.target for e in graph.edges if e.source == sources[0].id} == {"art:a", "art:b"}
