"""The static report as a small offline site: the web app's pages, written to files.

``isnad analyze --out DIR`` writes ``DIR/site/index.html`` (every event, the stories most
outlets tell first) and one page per event, storyline and article beside it, from the same
templates and views as `isnad serve`, so a real day stays readable: no page holds more than its
own event or article. Links are relative file names, so the folder works from a disk, a share or
an archive, with no server. Search and filters need `isnad serve`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from isnad.model import Analysis
from isnad.output.graph_svg import provenance_svg
from isnad.output.jsonout import write_text_atomic
from isnad.serve import views
from isnad.store.archive import (
    ArchiveIndex,
    ArticleMeta,
    ArticleRecords,
    Browsable,
    EventRecords,
    StorylineRecords,
    build_index,
    conflicts_first,
    events_in_time_order,
)

_UNSAFE = re.compile(r"[^A-Za-z0-9_-]")
_FILES = {
    "home": "index.html",
    "css": "site.css",
    "event": "event-{}.html",
    "storyline": "storyline-{}.html",
    "article": "article-{}.html",
}


def page_name(kind: str, record_id: str = "") -> str:
    """The file name of a page; ids are isnad's own hashes, made safe for any file system anyway."""
    return _FILES[kind].format(_UNSAFE.sub("_", record_id))


class AnalysisArchive(Browsable):
    """The records of one analysis in memory, read as the web app reads a store.

    Records are grouped by article and by event once: the site asks for every event and every
    article, so scanning the lists for each would cost quadratic time on a real day.
    """

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self._articles = {a.id: a for a in analysis.articles}
        metas = {a.id: ArticleMeta(a.id, a.title, a.outlet, a.published) for a in analysis.articles}
        self._index = build_index(
            metas,
            analysis.events,
            analysis.storylines,
            [c.event_id for c in analysis.comparisons if c.verdict == "conflict"],
            [(link.a, link.b) for link in analysis.reuse],
        )
        self._by_article: dict[str, dict[str, list[Any]]] = {}
        for kind in ("attributions", "figures", "dates"):
            for record in getattr(analysis, kind):
                self._by_article.setdefault(record.article_id, {}).setdefault(kind, []).append(record)
        for entity in analysis.entities:
            for article_id in {m.article_id for m in entity.mentions}:
                self._by_article.setdefault(article_id, {}).setdefault("entities", []).append(entity)
        for link in analysis.reuse:
            for article_id in (link.a, link.b):
                self._by_article.setdefault(article_id, {}).setdefault("reuse", []).append(link)
        self._by_event: dict[str, dict[str, list[Any]]] = {}
        for kind in ("briefs", "comparisons", "single_reports", "provenance"):
            for record in getattr(analysis, kind):
                self._by_event.setdefault(record.event_id, {}).setdefault(kind, []).append(record)
        for framing in analysis.framings:
            self._by_event.setdefault(framing.scope_id, {}).setdefault("framings", []).append(framing)

    def index(self) -> ArchiveIndex:
        return self._index

    def _of_event(self, event_id: str, kind: str) -> Sequence[Any]:
        return self._by_event.get(event_id, {}).get(kind, [])

    def event(self, event_id: str) -> EventRecords | None:
        summary = self._index.event_by_id.get(event_id)
        if summary is None:
            return None
        members = set(summary.event.article_ids)
        reuse = {
            id(link): link
            for a in summary.event.article_ids
            for link in self._by_article.get(a, {}).get("reuse", [])
            if link.a in members and link.b in members
        }
        briefs, provenance = self._of_event(event_id, "briefs"), self._of_event(event_id, "provenance")
        framings = [f for f in self._of_event(event_id, "framings") if f.scope == "event"]
        return EventRecords(
            summary=summary,
            articles=[self._articles[a] for a in summary.event.article_ids if a in self._articles],
            brief=briefs[0] if briefs else None,
            comparisons=conflicts_first(self._of_event(event_id, "comparisons")),
            single_reports=list(self._of_event(event_id, "single_reports")),
            framing=framings[0] if framings else None,
            provenance=provenance[0] if provenance else None,
            reuse=sorted(reuse.values(), key=lambda link: -link.score),
        )

    def article(self, article_id: str) -> ArticleRecords | None:
        article = self._articles.get(article_id)
        if article is None:
            return None
        records = self._by_article.get(article_id, {})
        event_id = self._index.event_of.get(article_id)
        return ArticleRecords(
            article=article,
            event=self._index.event_by_id.get(event_id) if event_id else None,
            entities=records.get("entities", []),
            attributions=records.get("attributions", []),
            figures=records.get("figures", []),
            dates=records.get("dates", []),
            reuse=sorted(records.get("reuse", []), key=lambda link: -link.score),
        )

    def storyline(self, storyline_id: str) -> StorylineRecords | None:
        storyline = self._index.storyline_by_id.get(storyline_id)
        if storyline is None:
            return None
        found = self.analysis
        return StorylineRecords(
            storyline,
            events_in_time_order(self._index, storyline),
            next((b for b in found.storyline_briefs if b.storyline_id == storyline_id), None),
            next(
                (f for f in found.framings if f.scope == "storyline" and f.scope_id == storyline_id),
                None,
            ),
        )


def write_site(analysis: Analysis, out_dir: str | os.PathLike[str]) -> Path:
    """Write the site for ``analysis`` into ``out_dir``; returns the path of its index page."""
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    archive = AnalysisArchive(analysis)
    env = views.environment(link=page_name, live=False)
    index = archive.index()

    def write(name: str, template: str, **context: Any) -> None:
        html = env.get_template(template).render(store="", **context)
        # Pages are made again from analysis.json (written durably) by one command: no fsync each.
        write_text_atomic(folder / name, html, durable=False)

    write_text_atomic(folder / page_name("css"), views.stylesheet(), durable=False)
    days, outlets = archive.facets()
    write(
        page_name("home"),
        "index.html.j2",
        events=index.events,
        total=len(index.events),
        page=1,
        pages=1,
        day=None,
        outlet=None,
        days=days,
        outlets=outlets,
        storylines=views.latest_storylines(index, limit=12),
        articles=len(index.articles),
    )
    for summary in index.events:
        records = archive.event(summary.event.id)
        assert records is not None  # every indexed event has its records
        storyline = index.storyline_by_id.get(summary.event.storyline_id or "")
        graph = records.provenance
        svg = provenance_svg(graph, lambda a: page_name("article", a)) if graph and graph.edges else ""
        write(
            page_name("event", summary.event.id),
            "event.html.j2",
            view=views.event_view(records),
            storyline=storyline,
            provenance_svg=views.markup(svg),
        )
    for storyline in index.storylines:
        found = archive.storyline(storyline.id)
        assert found is not None
        write(
            page_name("storyline", storyline.id),
            "storyline.html.j2",
            **views.storyline_context(found, index.articles),
        )
    for article_id in index.articles:
        article_records = archive.article(article_id)
        assert article_records is not None
        write(
            page_name("article", article_id),
            "article.html.j2",
            view=views.article_view(article_records, index.articles),
        )
    return folder / page_name("home")
