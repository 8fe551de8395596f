"""What the web app's templates read: stored records arranged for a page, nothing computed anew.

Article text is cut into highlighted pieces (`output.report.highlight_segments`), citations are
numbered per page, and every name is shown as the article wrote it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib.resources import files
from typing import Any

from jinja2 import Environment
from markupsafe import Markup

from isnad import __version__
from isnad.model import Article, BriefSentence, Comparison, Framing, ReuseLink, Span, Storyline
from isnad.output import labels
from isnad.output.report import Segment, highlight_segments
from isnad.store.archive import (
    ArchiveIndex,
    ArticleMeta,
    ArticleRecords,
    EventRecords,
    EventSummary,
    Hit,
    StorylineRecords,
)

CONTEXT_CHARS = 220  # characters of a reused passage shown in a side-by-side pair


def stylesheet() -> str:
    return files("isnad.serve").joinpath("templates/site.css").read_text(encoding="utf-8")


def environment(link: Callable[..., str], live: bool) -> Environment:
    """The templates, for the live app (``live``: search, filters, API) or the static site.

    ``link(kind, id)`` writes the address of a page (kind: home, css, event, storyline, article).
    """
    env = labels.environment("isnad.serve")
    env.filters["day"] = day_label
    env.globals.update(link=link, live=live, version=__version__)
    return env


def markup(html: str) -> Markup:
    """HTML that isnad itself drew (the provenance SVG escapes every label it writes)."""
    return Markup(html)


def day_label(published: str | None) -> str:
    return published[:10] if published else "بلا تاريخ"


@dataclass
class Citation:
    number: int
    article_id: str
    outlet: str


@dataclass
class BriefLine:
    text: str
    conflict: bool
    citations: list[Citation]


@dataclass
class ClaimView:
    article_id: str
    outlet: str
    text: str


@dataclass
class ClaimText:
    """One sentence of a comparison and the articles that print it (copies of one release)."""

    text: str
    articles: list[ClaimView]


@dataclass
class ClaimSide:
    """The claims of a comparison that give one value: in a conflict, one side of it."""

    value: float | None
    texts: list[ClaimText]

    @property
    def article_count(self) -> int:
        return sum(len(t.articles) for t in self.texts)


@dataclass
class ComparisonView:
    comparison: Comparison
    sides: list[ClaimSide]


@dataclass
class ReusePair:
    link: ReuseLink
    a: ArticleMeta
    b: ArticleMeta
    a_segments: list[Segment]
    b_segments: list[Segment]


@dataclass
class FramingCell:
    term: str
    count: int
    article_ids: list[str]
    judging: bool = False
    mentions: list[tuple[str, str]] = field(default_factory=list)  # (article id, label as written)


OUTLETS_PER_TABLE = 4  # outlets side by side in one framing table: more run wider than the page


@dataclass
class FramingView:
    outlets: list[str]  # those that name most first
    actors: list[str]
    cells: dict[tuple[str, str], list[FramingCell]]  # (actor, outlet) -> labels
    evaluative: dict[str, list[str]]  # outlet -> judging words as written
    editorial: dict[str, list[tuple[str, str]]]  # outlet -> (article id, sentence)

    @property
    def tables(self) -> list[tuple[list[str], list[str]]]:
        """The outlets a few at a time, each with the actors they name: tables that fit the page,
        and no row of dashes for an actor only other outlets name."""
        out = []
        for n in range(0, len(self.outlets), OUTLETS_PER_TABLE):
            outlets = self.outlets[n : n + OUTLETS_PER_TABLE]
            actors = [a for a in self.actors if any((a, o) in self.cells for o in outlets)]
            out.append((outlets, actors))
        return out


@dataclass
class EventView:
    summary: EventSummary
    articles: list[Article]
    numbers: dict[str, int]
    outlets: dict[str, str]
    brief: list[BriefLine]
    comparisons: list[ComparisonView]
    singles: list[ClaimView]
    framing: FramingView | None
    reuse: list[ReusePair]


@dataclass
class ArticleView:
    records: ArticleRecords
    paragraphs: list[list[Segment]]
    partners: list[tuple[ReuseLink, ArticleMeta]]
    sources: list[tuple[str, str, str | None]]  # (source as written, kind, via)


def _outlet(meta: ArticleMeta | Article | None) -> str:
    return (meta.outlet if meta else None) or "مصدر غير معروف"


def brief_view(sentences: Sequence[BriefSentence], metas: Mapping[str, ArticleMeta]) -> list[BriefLine]:
    numbers: dict[str, int] = {}
    lines = []
    for sentence in sentences:
        citations = []
        for article_id in sentence.article_ids:
            n = numbers.setdefault(article_id, len(numbers) + 1)
            citations.append(Citation(n, article_id, _outlet(metas.get(article_id))))
        lines.append(BriefLine(sentence.text, sentence.conflict, citations))
    return lines


def _sides(comparison: Comparison, by_id: dict[str, Article]) -> list[ClaimSide]:
    """A comparison's claims by the value they give (the value most articles give first), each
    sentence once with every article that prints it: a conflict reads as "10: these outlets, 12:
    that one", not as twenty copies of one release."""
    sides: dict[float | None, dict[str, list[ClaimView]]] = {}
    for claim in comparison.claims:
        view = ClaimView(claim.article_id, _outlet(by_id.get(claim.article_id)), claim.text)
        sides.setdefault(claim.value, {}).setdefault(claim.text, []).append(view)
    found = [
        ClaimSide(value, [ClaimText(t, views) for t, views in texts.items()])
        for value, texts in sides.items()
    ]
    return sorted(found, key=lambda side: -side.article_count)


def event_view(records: EventRecords) -> EventView:
    articles = sorted(records.articles, key=lambda a: (a.published is None, a.published or "", a.id))
    by_id = {a.id: a for a in articles}
    metas = {a.id: ArticleMeta(a.id, a.title, a.outlet, a.published) for a in articles}
    brief = brief_view(records.brief.sentences, metas) if records.brief else []
    comparisons = [ComparisonView(c, _sides(c, by_id)) for c in records.comparisons]
    # One line per sentence: a sentence with two figures no other outlet gives is one fact to read.
    singles = list(
        {
            (r.claim.article_id, r.claim.text): ClaimView(
                r.claim.article_id, _outlet(by_id.get(r.claim.article_id)), r.claim.text
            )
            for r in records.single_reports
        }.values()
    )
    reuse = [_reuse_pair(link, by_id) for link in records.reuse if link.a in by_id and link.b in by_id]
    return EventView(
        summary=records.summary,
        articles=articles,
        numbers={a.id: n for n, a in enumerate(articles, start=1)},
        outlets={a.id: _outlet(a) for a in articles},
        brief=brief,
        comparisons=comparisons,
        singles=singles,
        framing=framing_view(records.framing, metas) if records.framing else None,
        reuse=reuse,
    )


def _context(text: str, span: Span) -> tuple[str, Span]:
    """The passage with a little context either side, and the passage's span in that window."""
    lo = max(0, span[0] - CONTEXT_CHARS // 4)
    hi = min(len(text), span[1] + CONTEXT_CHARS // 4, lo + span[1] - span[0] + CONTEXT_CHARS)
    return text[lo:hi], (span[0] - lo, min(span[1], hi) - lo)


def _reuse_pair(link: ReuseLink, by_id: Mapping[str, Article]) -> ReusePair:
    a, b = by_id[link.a], by_id[link.b]
    if link.passages:
        first = link.passages[0]
        a_text, a_span = _context(a.text, first.a_span)
        b_text, b_span = _context(b.text, first.b_span)
        a_segments = highlight_segments(a_text, [(a_span, "reused")])
        b_segments = highlight_segments(b_text, [(b_span, "reused")])
    else:  # an exact duplicate: the whole text is shared
        a_segments = [(a.text[:CONTEXT_CHARS], ("reused",))]
        b_segments = [(b.text[:CONTEXT_CHARS], ("reused",))]
    return ReusePair(
        link,
        ArticleMeta(a.id, a.title, a.outlet, a.published),
        ArticleMeta(b.id, b.title, b.outlet, b.published),
        a_segments,
        b_segments,
    )


def framing_view(framing: Framing, metas: Mapping[str, ArticleMeta]) -> FramingView:
    cells: dict[tuple[str, str], list[FramingCell]] = defaultdict(list)
    actors: list[str] = []
    evaluative: dict[str, list[str]] = {}
    editorial: dict[str, list[tuple[str, str]]] = {}
    for outlet in framing.outlets:
        for name in outlet.names:
            if name.actor not in actors:
                actors.append(name.actor)
            cells[(name.actor, outlet.outlet)].append(
                FramingCell(
                    name.term,  # the label without the particles of its sentence; mentions as written
                    name.count,
                    sorted({m.article_id for m in name.mentions}),
                    name.judging,
                    [(m.article_id, m.text) for m in name.mentions],
                )
            )
        evaluative[outlet.outlet] = sorted({m.text for m in outlet.evaluative})
        editorial[outlet.outlet] = [(m.article_id, m.text) for m in outlet.editorial]
    named = {o.outlet: sum(n.count for n in o.names) for o in framing.outlets}
    outlets = sorted(named, key=lambda o: -named[o])  # stable: ties keep the articles' order
    return FramingView(outlets, actors, dict(cells), evaluative, editorial)


def timeline(events: Sequence[EventSummary]) -> list[tuple[str, list[EventSummary]]]:
    """Events grouped by the day they began, oldest first."""
    days: dict[str, list[EventSummary]] = defaultdict(list)
    for summary in events:
        days[day_label(summary.first)].append(summary)
    return list(days.items())


def storyline_context(found: StorylineRecords, metas: Mapping[str, ArticleMeta]) -> dict[str, Any]:
    return {
        "storyline": found.storyline,
        "timeline": timeline(found.events),
        "brief": brief_view(found.brief.sentences, metas) if found.brief else [],
        "framing": framing_view(found.framing, metas) if found.framing else None,
    }


def latest_storylines(index: ArchiveIndex, limit: int) -> list[tuple[Storyline, int, str | None]]:
    """Storylines of more than one event, by their latest event: (storyline, events, last day)."""
    found = []
    for storyline in index.storylines:
        if len(storyline.event_ids) < 2:
            continue
        firsts = [s.first for e in storyline.event_ids if (s := index.event_by_id.get(e)) and s.first]
        found.append((storyline, len(storyline.event_ids), max(firsts) if firsts else None))
    found.sort(key=lambda t: (t[2] is not None, t[2] or "", t[1]), reverse=True)
    return found[:limit]


def article_view(records: ArticleRecords, metas: Mapping[str, ArticleMeta]) -> ArticleView:
    article = records.article
    spans: list[tuple[Span, str]] = []
    for entity in records.entities:
        for mention in entity.mentions:
            if mention.article_id == article.id:
                spans.append((mention.span, f"ent-{entity.type.lower()}"))
    spans += [(a.span, "attribution") for a in records.attributions]
    spans += [(f.span, "figure") for f in records.figures]
    for link in records.reuse:
        for passage in link.passages:
            spans.append((passage.a_span if link.a == article.id else passage.b_span, "reused"))
    partners = [
        (link, metas[other])
        for link in records.reuse
        if (other := link.b if link.a == article.id else link.a) in metas
    ]
    sources = [(a.source, a.kind, a.via) for a in records.attributions]
    return ArticleView(records, _paragraphs(article, spans), partners, list(dict.fromkeys(sources)))


def _paragraphs(article: Article, spans: Iterable[tuple[Span, str]]) -> list[list[Segment]]:
    """The article's text cut at its paragraphs (blank lines), each paragraph highlighted."""
    spans = list(spans)
    out: list[list[Segment]] = []
    start = 0
    text = article.text
    for part in text.split("\n"):
        end = start + len(part)
        if part.strip():
            local = [
                ((max(s, start) - start, min(e, end) - start), c)
                for (s, e), c in spans
                if s < end and e > start
            ]
            out.append(highlight_segments(part, local))
        start = end + 1
    return out


def hit_view(hit: Hit) -> list[Segment]:
    return highlight_segments(hit.snippet, [(m, "hit") for m in hit.marks])
