"""`isnad serve`: the web app an editor reads an archive with. Read-only, offline, right to left.

Routes (HTML for people, ``/api/...`` the same data as JSON for programs):
  /                      latest events, newest first, with outlet counts, conflict and reuse badges;
                         ``?day=YYYY-MM-DD&outlet=NAME&page=N``
  /events/{id}           brief with citations, comparisons (conflicts first, sentences side by
                         side), single-outlet figures, framing, provenance, reuse pairs, articles
  /storylines/{id}       its events on a timeline and its brief
  /articles/{id}         the text with highlights, its event, reuse partners, whom it cites
  /search?q=&outlet=&from=&to=   full-text search in any spelling, snippets as written
  /api, /api/events, /api/events/{id}, /api/storylines/{id}, /api/articles/{id}, /api/search

Every value that comes from an article is escaped by the templates (autoescape), and the pages
carry no script at all; a Content-Security-Policy that forbids scripts backs that up.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from isnad.output import jsonout
from isnad.output.graph_svg import provenance_svg
from isnad.serve import views
from isnad.store.archive import Archive, ArticleMeta, EventSummary

PAGE_SIZE = 30
LIVE_LINKS = {
    "home": "/",
    "css": "/site.css",
    "event": "/events/{}",
    "storyline": "/storylines/{}",
    "article": "/articles/{}",
}
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self' data:; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def create_app(db: str | Path) -> Starlette:
    """The web app over the store at ``db`` (opened read-only; fails at once if unusable)."""
    archive = Archive(db)
    env = views.environment(link=_live_link, live=True)

    def page(name: str, status: int = 200, **context: Any) -> HTMLResponse:
        html = env.get_template(name).render(store=archive.path.name, **context)
        return HTMLResponse(html, status_code=status, headers=SECURITY_HEADERS)

    def api(data: Any, status: int = 200) -> JSONResponse:
        return JSONResponse(data, status_code=status, headers=SECURITY_HEADERS)

    async def home(request: Request) -> Response:
        day = _param(request, "day")
        outlet = _param(request, "outlet")
        number = _page_number(request)
        events = archive.events(day=day, outlet=outlet)
        days, outlets = archive.facets()
        shown = events[(number - 1) * PAGE_SIZE : number * PAGE_SIZE]
        index = archive.index()
        storylines = views.latest_storylines(index, limit=12)
        return page(
            "index.html.j2",
            events=shown,
            total=len(events),
            page=number,
            pages=max(1, -(-len(events) // PAGE_SIZE)),
            day=day,
            outlet=outlet,
            days=days,
            outlets=outlets,
            storylines=storylines,
            articles=len(index.articles),
        )

    async def event_page(request: Request) -> Response:
        records = archive.event(request.path_params["event_id"])
        if records is None:
            raise HTTPException(404, "لا يوجد حدث بهذا المعرّف")
        index = archive.index()
        storyline = index.storyline_by_id.get(records.summary.event.storyline_id or "")
        graph = records.provenance
        svg = provenance_svg(graph, lambda a: _live_link("article", a)) if graph and graph.edges else ""
        return page(
            "event.html.j2",
            view=views.event_view(records),
            storyline=storyline,
            provenance_svg=views.markup(svg),
        )

    async def storyline_page(request: Request) -> Response:
        found = archive.storyline(request.path_params["storyline_id"])
        if found is None:
            raise HTTPException(404, "لا توجد قصة بهذا المعرّف")
        return page("storyline.html.j2", **views.storyline_context(found, archive.index().articles))

    async def article_page(request: Request) -> Response:
        records = archive.article(request.path_params["article_id"])
        if records is None:
            raise HTTPException(404, "لا يوجد مقال بهذا المعرّف")
        return page("article.html.j2", view=views.article_view(records, archive.index().articles))

    async def search_page(request: Request) -> Response:
        query = _param(request, "q") or ""
        outlet, start, end = _param(request, "outlet"), _param(request, "from"), _param(request, "to")
        number = _page_number(request)
        result = archive.search(query, outlet, start, end, limit=PAGE_SIZE, offset=(number - 1) * PAGE_SIZE)
        return page(
            "search.html.j2",
            q=query,
            outlet=outlet,
            start=start,
            end=end,
            result=result,
            hits=[views.hit_view(hit) for hit in result.hits],
            page=number,
            pages=max(1, -(-result.total // PAGE_SIZE)),
        )

    async def stylesheet(request: Request) -> Response:
        return PlainTextResponse(views.stylesheet(), media_type="text/css", headers=SECURITY_HEADERS)

    # -- the JSON API: records in the same encoding as analysis.json -----------------------------

    async def api_index(request: Request) -> Response:
        return page("api.html.j2")

    async def api_events(request: Request) -> Response:
        number = _page_number(request)
        events = archive.events(day=_param(request, "day"), outlet=_param(request, "outlet"))
        shown = events[(number - 1) * PAGE_SIZE : number * PAGE_SIZE]
        return api({"total": len(events), "page": number, "events": [_summary_json(s) for s in shown]})

    async def api_event(request: Request) -> Response:
        records = archive.event(request.path_params["event_id"])
        if records is None:
            return api({"error": "no such event"}, 404)
        return api(
            {
                "event": jsonout.encode(records.summary.event),
                "articles": [jsonout.encode(a) for a in records.articles],
                "brief": jsonout.encode(records.brief) if records.brief else None,
                "comparisons": [jsonout.encode(c) for c in records.comparisons],
                "single_reports": [jsonout.encode(r) for r in records.single_reports],
                "framing": jsonout.encode(records.framing) if records.framing else None,
                "provenance": jsonout.encode(records.provenance) if records.provenance else None,
                "reuse": [jsonout.encode(link) for link in records.reuse],
            }
        )

    async def api_storyline(request: Request) -> Response:
        found = archive.storyline(request.path_params["storyline_id"])
        if found is None:
            return api({"error": "no such storyline"}, 404)
        return api(
            {
                "storyline": jsonout.encode(found.storyline),
                "events": [_summary_json(s) for s in found.events],
                "brief": jsonout.encode(found.brief) if found.brief else None,
                "framing": jsonout.encode(found.framing) if found.framing else None,
            }
        )

    async def api_article(request: Request) -> Response:
        records = archive.article(request.path_params["article_id"])
        if records is None:
            return api({"error": "no such article"}, 404)
        return api(
            {
                "article": jsonout.encode(records.article),
                "event_id": records.event.event.id if records.event else None,
                "entities": [jsonout.encode(e) for e in records.entities],
                "attributions": [jsonout.encode(a) for a in records.attributions],
                "figures": [jsonout.encode(f) for f in records.figures],
                "dates": [jsonout.encode(d) for d in records.dates],
                "reuse": [jsonout.encode(link) for link in records.reuse],
            }
        )

    async def api_search(request: Request) -> Response:
        number = _page_number(request)
        result = archive.search(
            _param(request, "q") or "",
            _param(request, "outlet"),
            _param(request, "from"),
            _param(request, "to"),
            limit=PAGE_SIZE,
            offset=(number - 1) * PAGE_SIZE,
        )
        return api(
            {
                "total": result.total,
                "page": number,
                "hits": [
                    {**_meta_json(h.article), "snippet": h.snippet, "marks": [list(m) for m in h.marks]}
                    for h in result.hits
                ],
                "outlets": dict(result.outlets),
                "days": dict(result.days),
            }
        )

    async def not_found(request: Request, exc: Exception) -> Response:
        detail = exc.detail if isinstance(exc, HTTPException) else "الصفحة غير موجودة"
        status = exc.status_code if isinstance(exc, HTTPException) else 404
        if request.url.path.startswith("/api"):
            return api({"error": "not found"}, status)
        return page("error.html.j2", status=status, message=detail, status_code=status)

    async def server_error(request: Request, exc: Exception) -> Response:
        # Never a stack trace in the browser: the server's log has it.
        if request.url.path.startswith("/api"):
            return api({"error": "internal error"}, 500)
        return page("error.html.j2", status=500, message="حدث خطأ في الخادم", status_code=500)

    routes = [
        Route("/", home),
        Route("/events/{event_id}", event_page),
        Route("/storylines/{storyline_id}", storyline_page),
        Route("/articles/{article_id}", article_page),
        Route("/search", search_page),
        Route("/site.css", stylesheet),
        Route("/api", api_index),
        Route("/api/events", api_events),
        Route("/api/events/{event_id}", api_event),
        Route("/api/storylines/{storyline_id}", api_storyline),
        Route("/api/articles/{article_id}", api_article),
        Route("/api/search", api_search),
    ]
    handlers: dict[Any, Callable[[Request, Exception], Awaitable[Response]]] = {
        404: not_found,
        405: not_found,
        500: server_error,
        Exception: server_error,
    }
    app = Starlette(routes=routes, exception_handlers=handlers)
    app.state.archive = archive
    return app


def _param(request: Request, name: str) -> str | None:
    value = request.query_params.get(name, "").strip()
    return value or None


def _page_number(request: Request) -> int:
    raw = request.query_params.get("page", "1")
    return max(1, int(raw)) if raw.isdigit() else 1


def _meta_json(meta: ArticleMeta) -> dict[str, Any]:
    return {"id": meta.id, "title": meta.title, "outlet": meta.outlet, "published": meta.published}


def _summary_json(summary: EventSummary) -> dict[str, Any]:
    return {
        **jsonout.encode(summary.event),
        "first_published": summary.first,
        "outlets": summary.outlets,
        "conflicts": summary.conflicts,
        "reuse_links": summary.reuse_links,
    }


def _live_link(kind: str, record_id: str = "") -> str:
    return LIVE_LINKS[kind].format(quote(record_id, safe=""))
