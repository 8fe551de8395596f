"""Provenance: where each article of an event gets its story, as a graph of sources.

Nodes are the event's articles and the sources they cite; edges run from a source to the
article (or intermediate source) that uses it:
- ``cites``: an attribution (``بحسب صحيفة الغارديان``); a chained attribution (``نقلت الغارديان
  عن مسؤولين أتراك``) gives official -> paper -> article. Outlets and documents are always drawn;
  people and officials only when named in two words or more, at most a few per article, so the
  picture shows the story's origins rather than every pronoun an extractor took for a source;
- ``copies``: a reuse link with a known direction (the earlier article's text in the later one);
  ``shares`` when the direction is unknown.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from isnad.arabic import entity_key
from isnad.arabic.lexicon import canonical_outlet
from isnad.article.source_names import names_no_one
from isnad.event.scope import ByArticle, LinksByArticle
from isnad.model import (
    Article,
    Attribution,
    Event,
    Provenance,
    ProvenanceEdge,
    ProvenanceKind,
    ProvenanceNode,
    ProvenanceRelation,
    ReuseLink,
    Span,
)

MAX_OTHER_SOURCES = 3  # people/officials per article in the picture, most cited first
MIN_SOURCE_WORDS = 2  # "مسرور برزاني", "مسؤولون أتراك"; not "الذي" or "من"


def article_label(article: Article) -> str:
    """An article as an editor names it: its outlet, else the start of its title."""
    if article.outlet:
        return article.outlet
    title = (article.title or article.text).split()
    return " ".join(title[:5]) + ("…" if len(title) > 5 else "")


def _source_node(
    name: str, kind: str, outlet: str | None = None, canonical: str | None = None
) -> ProvenanceNode:
    """The node of a source, keyed by its canonical name in matching form (one node however it is
    spelt or inflected, `entity_key`) and labelled with the canonical name as the article wrote
    it (``قوة المهام المشتركة``, not the whole phrase ``قوة المهام المشتركة التي تشن الحملة``)."""
    outlet = outlet or canonical_outlet(name)
    if outlet:  # a paper's report and the paper are one origin
        return ProvenanceNode(f"src:{outlet}", outlet, "outlet")
    node_kind: ProvenanceKind = kind if kind in ("document", "person", "official", "anonymous") else "other"  # type: ignore[assignment]
    return ProvenanceNode(f"src:{entity_key(canonical or name)}", canonical or name, node_kind)


def _outlet_of(attribution: Attribution) -> str | None:
    """The outlet behind an attribution; the extractor resolves "التقرير" to its paper."""
    return canonical_outlet(attribution.source_canonical) or canonical_outlet(attribution.source)


def _shown(attribution: Attribution) -> bool:
    if names_no_one(attribution.source_canonical):
        return False  # "بحسب التقديرات الغير رسمية": no one to trace
    if attribution.kind in ("outlet", "document") or _outlet_of(attribution):
        return True
    named = attribution.kind in ("person", "official", "anonymous")
    return named and len(attribution.source.split()) >= MIN_SOURCE_WORDS


def event_provenance(
    event: Event,
    articles: dict[str, Article],
    attributions: Sequence[Attribution],
    reuse: Sequence[ReuseLink],
) -> Provenance:
    members = set(event.article_ids)
    nodes: dict[str, ProvenanceNode] = {}
    edges: dict[tuple[str, str, str], ProvenanceEdge] = {}

    def add_edge(
        source: str, target: str, relation: ProvenanceRelation, evidence: str, span: Span | None
    ) -> None:
        key = (source, target, relation)
        old = edges.get(key)
        spans = [*(old.spans if old else []), *([span] if span else [])]
        edges[key] = ProvenanceEdge(source, target, relation, old.evidence if old else evidence, spans)

    by_article: dict[str, list[Attribution]] = defaultdict(list)
    for attribution in attributions:
        by_article[attribution.article_id].append(attribution)
    for article_id in event.article_ids:
        article = articles[article_id]
        nodes[f"art:{article_id}"] = ProvenanceNode(
            f"art:{article_id}", article_label(article), "article", article_id
        )
        own_outlet = canonical_outlet(article.outlet or "") or article.outlet
        cited = [a for a in by_article.get(article_id, []) if _shown(a)]
        others = Counter(
            a.source_canonical for a in cited if not _outlet_of(a) and a.kind not in ("outlet", "document")
        )
        kept_others = {name for name, _ in others.most_common(MAX_OTHER_SOURCES)}
        for attribution in cited:
            node = _source_node(
                attribution.source, attribution.kind, _outlet_of(attribution), attribution.source_canonical
            )
            if node.label == own_outlet:
                continue  # an outlet quoting itself ("قالت سانا") is not a source of its story
            if node.kind not in ("outlet", "document") and attribution.source_canonical not in kept_others:
                continue
            nodes.setdefault(node.id, node)
            target = f"art:{article_id}"
            if attribution.via:
                via = _source_node(attribution.via, "outlet")
                nodes.setdefault(via.id, via)
                add_edge(node.id, via.id, "cites", f"{attribution.cue} {attribution.via}", None)
                add_edge(via.id, target, "cites", attribution.cue, attribution.span)
            else:
                add_edge(node.id, target, "cites", attribution.cue, attribution.span)

    for link in reuse:
        if link.a not in members or link.b not in members:
            continue
        relation: ProvenanceRelation = "copies"
        if link.direction == "unknown":
            source, target, relation = link.a, link.b, "shares"
        else:
            source, target = (link.a, link.b) if link.direction == "a->b" else (link.b, link.a)
        spans = [p.b_span if target == link.b else p.a_span for p in link.passages]
        evidence = link.direction_evidence or f"{len(link.passages)} shared passages, score {link.score:.2f}"
        edges[(f"art:{source}", f"art:{target}", relation)] = ProvenanceEdge(
            f"art:{source}",
            f"art:{target}",
            relation,
            evidence,
            spans,
        )
    return Provenance(event.id, list(nodes.values()), list(edges.values()))


def trace(
    events: Sequence[Event],
    articles: dict[str, Article],
    attributions: Sequence[Attribution],
    reuse: Sequence[ReuseLink],
) -> list[Provenance]:
    """A provenance graph for every event."""
    attributions_of, links = ByArticle(attributions), LinksByArticle(reuse)
    return [
        event_provenance(
            event, articles, attributions_of.of(event.article_ids), links.within(event.article_ids)
        )
        for event in events
    ]


def origins(provenance: Provenance) -> list[ProvenanceNode]:
    """The sources nothing else in the graph feeds: where the story starts."""
    fed = {edge.target for edge in provenance.edges}
    return [
        n for n in provenance.nodes if n.id not in fed and any(e.source == n.id for e in provenance.edges)
    ]
