"""The HTML report: one self-contained right-to-left page an Arabic-speaking editor can read offline.

Everything shown comes from the `Analysis`; this module only arranges it (groups events under
their storylines, numbers articles for citations, cuts article text into highlighted pieces).
"""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise

from jinja2 import Environment
from markupsafe import Markup

from isnad.model import (
    Analysis,
    Article,
    BlockKind,
    Brief,
    Comparison,
    Entity,
    Event,
    Framing,
    OutletFraming,
    ReuseLink,
    SingleReport,
    Span,
    Storyline,
    StorylineBrief,
)
from isnad.output import labels
from isnad.output.graph_svg import provenance_svg
from isnad.output.jsonout import write_text_atomic

Segment = tuple[str, tuple[str, ...]]
"""A piece of text and the CSS classes of every highlighted span that covers it."""

_SAFE_URL_SCHEMES = ("http://", "https://")
# The largest page a report may be: a browser opens it at once. The one-page report takes about
# 19 KB per article (18.7 MB for 1,000 real ones), so a larger run leads to the site instead.
MAX_PAGE_BYTES = 2_000_000
# Runs larger than this are never rendered as one page (it could not fit), to save the time.
MAX_ONE_PAGE_ARTICLES = 1000


def highlight_segments(text: str, spans_with_classes: Iterable[tuple[Span, str]]) -> list[Segment]:
    """Cut ``text`` at every span boundary; each piece carries the sorted classes of the spans covering it.

    Spans may overlap or nest; out-of-range offsets are clipped and empty spans ignored, so the
    pieces always join back into ``text``.
    """
    opening: defaultdict[int, list[str]] = defaultdict(list)
    closing: defaultdict[int, list[str]] = defaultdict(list)
    for (start, end), css_class in spans_with_classes:
        start, end = max(0, start), min(len(text), end)
        if start < end:
            opening[start].append(css_class)
            closing[end].append(css_class)
    cuts = sorted({0, len(text), *opening, *closing})
    active: Counter[str] = Counter()
    segments: list[Segment] = []
    for start, end in pairwise(cuts):
        active.subtract(closing[start])
        active.update(opening[start])
        classes = tuple(sorted(css_class for css_class, count in active.items() if count > 0))
        segments.append((text[start:end], classes))
    return segments


@dataclass(frozen=True)
class _BlockView:
    kind: BlockKind
    segments: list[Segment]


@dataclass(frozen=True)
class _ArticleView:
    article: Article
    number: int
    anchor: str
    headline: _BlockView | None  # the text's own opening title block, shown as the heading
    body: list[_BlockView]


@dataclass(frozen=True)
class _EventView:
    event: Event
    brief: Brief | None
    comparisons: list[Comparison]
    framing: Framing | None = None
    provenance: Markup = field(default_factory=Markup)
    singles: list[SingleReport] = field(default_factory=list)


@dataclass(frozen=True)
class _StorylineView:
    storyline: Storyline | None  # None groups the events that belong to no storyline
    events: list[_EventView]
    brief: StorylineBrief | None = None
    framing: Framing | None = None


@dataclass(frozen=True)
class _PassageView:
    a_text: str
    b_text: str
    score: float


@dataclass(frozen=True)
class _ReuseView:
    link: ReuseLink
    passages: list[_PassageView]


@dataclass(frozen=True)
class _EntityView:
    entity: Entity
    variants: list[str]
    article_ids: list[str]


def render_report(analysis: Analysis) -> str:
    """The report for ``analysis`` as one HTML document."""
    articles = {article.id: article for article in analysis.articles}
    spans = _spans_by_article(analysis, articles)
    views = [
        _article_view(article, number, spans[article.id])
        for number, article in enumerate(analysis.articles, start=1)
    ]
    storylines, unassigned = _storylines(analysis)
    template = _environment().get_template("report.html.j2")
    return template.render(
        analysis=analysis,
        articles=views,
        refs={view.article.id: view for view in views},
        storylines=storylines,
        unassigned_article_ids=unassigned,
        reuse=[_reuse_view(link, articles) for link in analysis.reuse],
        entities=_entity_views(analysis.entities),
    )


def write_report(
    analysis: Analysis,
    path: str | os.PathLike[str],
    *,
    site: str | None = None,
    max_bytes: int = MAX_PAGE_BYTES,
) -> bool:
    """Write the report for ``analysis`` to ``path`` (UTF-8), all at once or not at all.

    With ``site`` (the address of the site's index page, relative to ``path``), a report larger
    than ``max_bytes`` is not written as one page: a short page that leads to the site is.
    Returns whether the one-page report was written.
    """
    if site is not None and len(analysis.articles) > MAX_ONE_PAGE_ARTICLES:
        html = None
    else:
        html = render_report(analysis)
    if html is not None and (site is None or len(html.encode("utf-8")) <= max_bytes):
        write_text_atomic(path, html)
        return True
    assert site is not None
    entry = _environment().get_template("report_entry.html.j2").render(analysis=analysis, site=site)
    write_text_atomic(path, entry)
    return False


@cache
def _environment() -> Environment:
    environment = labels.environment("isnad.output")
    environment.filters["safe_url"] = _safe_url
    environment.filters["count_words"] = _count_words
    environment.filters["most_named_first"] = _most_named_first
    return environment


def _article_view(article: Article, number: int, spans: list[tuple[Span, str]]) -> _ArticleView:
    blocks = _blocks(article, spans)
    if blocks and blocks[0].kind == "title":
        return _ArticleView(article, number, _anchor(article.id), blocks[0], blocks[1:])
    return _ArticleView(article, number, _anchor(article.id), None, blocks)


def _anchor(article_id: str) -> str:
    return f"article-{article_id}"


def _count_words(words: Iterable[str]) -> list[tuple[str, int]]:
    """Distinct words with how often each occurs, most frequent first."""
    return Counter(words).most_common()


def _most_named_first(outlets: Iterable[OutletFraming]) -> list[OutletFraming]:
    """A framing's outlets, those naming the story's parties most first (ties keep their order)."""
    return sorted(outlets, key=lambda o: -sum(n.count for n in o.names))


def _safe_url(url: str | None) -> str | None:
    """The URL when it is a web address; anything else (``javascript:``, ...) must not become a link."""
    if url is not None and url.lower().startswith(_SAFE_URL_SCHEMES):
        return url
    return None


def _spans_by_article(
    analysis: Analysis, articles: dict[str, Article]
) -> defaultdict[str, list[tuple[Span, str]]]:
    """Every span worth highlighting, with its CSS class, grouped by the article it points into."""
    spans: defaultdict[str, list[tuple[Span, str]]] = defaultdict(list)
    for entity in analysis.entities:
        for mention in entity.mentions:
            spans[mention.article_id].append((mention.span, f"ent-{entity.type.lower()}"))
    for attribution in analysis.attributions:
        spans[attribution.article_id].append((attribution.span, "attr"))
        if attribution.quote_span is not None:
            spans[attribution.article_id].append((attribution.quote_span, "quote"))
        cue_span = _cue_span(attribution.span, attribution.cue, articles.get(attribution.article_id))
        if cue_span is not None:
            spans[attribution.article_id].append((cue_span, "cue"))
    for figure in analysis.figures:
        spans[figure.article_id].append((figure.span, "fig"))
    for framing in analysis.framings:
        if framing.scope != "event":  # storyline framings repeat the same mentions
            continue
        for outlet in framing.outlets:
            for name in outlet.names:
                for mention in name.mentions:
                    spans[mention.article_id].append((mention.span, "frame"))
            for mention in outlet.evaluative:
                spans[mention.article_id].append((mention.span, "eval"))
    for link in analysis.reuse:
        for passage in link.passages:
            spans[link.a].append((passage.a_span, "reuse"))
            spans[link.b].append((passage.b_span, "reuse"))
    return spans


def _cue_span(span: Span, cue: str, article: Article | None) -> Span | None:
    """Where the cue is written inside the attribution, which records only the cue's wording."""
    if article is None or not cue:
        return None
    offset = article.span_text(span).find(cue)
    if offset < 0:
        return None
    return (span[0] + offset, span[0] + offset + len(cue))


def _blocks(article: Article, spans: list[tuple[Span, str]]) -> list[_BlockView]:
    """The article's blocks with their highlighted pieces; text no block covers is kept as paragraphs."""
    text = article.text
    laid_out: list[tuple[BlockKind, int, int]] = []
    position = 0
    for block in sorted(article.blocks, key=lambda block: block.start):
        laid_out.extend(_uncovered_paragraphs(text, position, block.start))
        laid_out.append((block.kind, block.start, block.end))
        position = max(position, block.end)
    laid_out.extend(_uncovered_paragraphs(text, position, len(text)))
    views = []
    for kind, start, end in laid_out:
        start, end = _strip(text, start, end)
        if start < end:
            shifted = [((s - start, e - start), css) for (s, e), css in spans if s < end and e > start]
            views.append(_BlockView(kind, highlight_segments(text[start:end], shifted)))
    return views


def _uncovered_paragraphs(text: str, start: int, end: int) -> list[tuple[BlockKind, int, int]]:
    """Lines between blocks (or of an article with no layout) shown as paragraphs rather than lost."""
    paragraphs: list[tuple[BlockKind, int, int]] = []
    line_start = start
    while line_start < end:
        line_end = text.find("\n", line_start, end)
        line_end = end if line_end < 0 else line_end
        paragraphs.append(("paragraph", line_start, line_end))
        line_start = line_end + 1
    return paragraphs


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _storylines(analysis: Analysis) -> tuple[list[_StorylineView], list[str]]:
    """Events under their storylines (loose events last), and the articles no event holds."""
    briefs = {brief.event_id: brief for brief in analysis.briefs}
    comparisons: defaultdict[str, list[Comparison]] = defaultdict(list)
    for comparison in analysis.comparisons:
        comparisons[comparison.event_id].append(comparison)
    framings = {(f.scope, f.scope_id): f for f in analysis.framings}
    graphs = {g.event_id: Markup(provenance_svg(g)) for g in analysis.provenance}
    singles: defaultdict[str, list[SingleReport]] = defaultdict(list)
    for single in analysis.single_reports:
        singles[single.event_id].append(single)
    events = {
        event.id: _EventView(
            event,
            briefs.get(event.id),
            comparisons[event.id],
            framings.get(("event", event.id)),
            graphs.get(event.id, Markup("")),
            singles[event.id],
        )
        for event in analysis.events
    }
    storyline_briefs = {brief.storyline_id: brief for brief in analysis.storyline_briefs}
    placed: set[str] = set()
    views = []
    for storyline in analysis.storylines:
        members = [events[event_id] for event_id in storyline.event_ids if event_id in events]
        placed.update(view.event.id for view in members)
        views.append(
            _StorylineView(
                storyline,
                members,
                storyline_briefs.get(storyline.id),
                framings.get(("storyline", storyline.id)),
            )
        )
    loose = [view for event_id, view in events.items() if event_id not in placed]
    if loose:
        views.append(_StorylineView(None, loose))
    in_events = {article_id for event in analysis.events for article_id in event.article_ids}
    unassigned = [article.id for article in analysis.articles if article.id not in in_events]
    return views, unassigned


def _reuse_view(link: ReuseLink, articles: dict[str, Article]) -> _ReuseView:
    a, b = articles.get(link.a), articles.get(link.b)
    passages = [
        _PassageView(
            a.span_text(passage.a_span) if a else "",
            b.span_text(passage.b_span) if b else "",
            passage.score,
        )
        for passage in link.passages
    ]
    return _ReuseView(link, passages)


def _entity_views(entities: list[Entity]) -> list[_EntityView]:
    """Entities by how often they are named, each with its spellings other than the canonical one."""
    views = []
    for entity in sorted(entities, key=lambda entity: (-len(entity.mentions), entity.canonical)):
        spellings = Counter(mention.text for mention in entity.mentions if mention.text != entity.canonical)
        article_ids = list(dict.fromkeys(mention.article_id for mention in entity.mentions))
        views.append(_EntityView(entity, [spelling for spelling, _ in spellings.most_common()], article_ids))
    return views
