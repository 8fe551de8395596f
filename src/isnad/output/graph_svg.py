"""A provenance graph drawn as inline SVG: layered, flowing right to left like the Arabic page.

Origins (sources nothing feeds) stand in the rightmost column; each node sits one column left of
the furthest source feeding it, so articles end up on the left, copies left of what they copy.
Hand-written (no graph library is installed, and the report must work offline).
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from isnad.arabic import lexicon
from isnad.model import Provenance, ProvenanceNode
from isnad.output import labels

NODE_HEIGHT = 34
ROW_GAP = 14
COLUMN_WIDTH = 250
NODE_WIDTH = 190
CHAR_WIDTH = 7.2  # average advance of the report font at 13px, to fit labels
COLOURS = {"cites": "#4c6a92", "copies": "#b0413e", "shares": "#b0413e"}
FILLS = {"article": "#fdf6e3", "outlet": "#e3ecf7", "document": "#e8f3e3"}


def _levels(provenance: Provenance) -> dict[str, int]:
    """Column of each node: 0 for origins, else one past the deepest node feeding it."""
    feeds: dict[str, list[str]] = {n.id: [] for n in provenance.nodes}
    for edge in provenance.edges:
        if edge.relation != "shares":  # undirected: no order between the two
            feeds[edge.target].append(edge.source)
    level: dict[str, int] = {}

    def depth(node: str, seen: frozenset[str]) -> int:
        if node not in level:
            sources = [s for s in feeds[node] if s not in seen]
            level[node] = 1 + max((depth(s, seen | {node}) for s in sources), default=-1)
        return level[node]

    for node in feeds:
        depth(node, frozenset())
    return level


def _fit(label: str) -> str:
    room = int(NODE_WIDTH / CHAR_WIDTH) - 2
    return label if len(label) <= room else label[: room - 1] + "…"


def _anchor(article_id: str) -> str:
    """Where an article node points in the one-page report: the article's place on the page."""
    return f"#article-{article_id}"


def provenance_svg(provenance: Provenance, article_href: Callable[[str], str] | None = None) -> str:
    """The graph as an ``<svg>`` element (empty string for a graph without edges)."""
    if not provenance.edges:
        return ""
    levels = _levels(provenance)
    columns = max(levels.values()) + 1
    by_level: dict[int, list[ProvenanceNode]] = {}
    for node in provenance.nodes:
        by_level.setdefault(levels[node.id], []).append(node)
    rows = max(len(nodes) for nodes in by_level.values())
    width = columns * COLUMN_WIDTH
    height = rows * (NODE_HEIGHT + ROW_GAP) + ROW_GAP
    position: dict[str, tuple[float, float]] = {}
    for level, nodes in by_level.items():
        x = width - (level + 1) * COLUMN_WIDTH + (COLUMN_WIDTH - NODE_WIDTH) / 2  # right to left
        offset = (rows - len(nodes)) * (NODE_HEIGHT + ROW_GAP) / 2
        for n, node in enumerate(nodes):
            position[node.id] = (x, ROW_GAP + offset + n * (NODE_HEIGHT + ROW_GAP))

    parts = [
        f'<svg class="provenance" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-label="مصدر الخبر">',
        "<defs>",
        *(
            f'<marker id="arrow-{relation}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
            f'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{colour}"/></marker>'
            for relation, colour in COLOURS.items()
        ),
        "</defs>",
    ]
    for edge in provenance.edges:
        sx, sy = position[edge.source]
        tx, ty = position[edge.target]
        # From the source's left edge to the target's right edge: the story flows leftwards.
        x1, y1 = (sx, sy + NODE_HEIGHT / 2) if sx > tx else (sx + NODE_WIDTH / 2, sy + NODE_HEIGHT)
        x2, y2 = (tx + NODE_WIDTH, ty + NODE_HEIGHT / 2) if sx > tx else (tx + NODE_WIDTH / 2, ty)
        bend = (x1 - x2) / 2 if sx > tx else 0
        dash = ' stroke-dasharray="5 4"' if edge.relation == "shares" else ""
        marker = "" if edge.relation == "shares" else f' marker-end="url(#arrow-{edge.relation})"'
        parts.append(
            f'<path class="edge {edge.relation}" d="M{x1:.0f},{y1:.0f} C{x1 - bend:.0f},{y1:.0f} '
            f'{x2 + bend:.0f},{y2:.0f} {x2:.0f},{y2:.0f}" fill="none" stroke="{COLOURS[edge.relation]}" '
            f'stroke-width="1.6"{dash}{marker}><title>{escape(labels.PROVENANCE_RELATIONS[edge.relation])}: {escape(labels.provenance_evidence(edge.evidence))}</title></path>'
        )
    for node in provenance.nodes:
        x, y = position[node.id]
        target = (article_href or _anchor)(node.article_id) if node.article_id else None
        href = f' href="{escape(target)}"' if target else ""
        # An article node is labelled by its outlet's id in the record; readers know the name.
        shown = lexicon.outlet_name(node.label) if node.kind == "article" else node.label
        parts.append(
            f'<a{href}><g class="node {node.kind}"><rect x="{x:.0f}" y="{y:.0f}" width="{NODE_WIDTH}" '
            f'height="{NODE_HEIGHT}" rx="6" fill="{FILLS.get(node.kind, "#f1eef6")}" stroke="#6b6b6b"/>'
            f'<text x="{x + NODE_WIDTH / 2:.0f}" y="{y + NODE_HEIGHT / 2 + 4:.0f}" text-anchor="middle" '
            f'direction="rtl" font-size="13">{escape(_fit(shown))}</text>'
            f"<title>{escape(labels.PROVENANCE_KINDS.get(node.kind, node.kind))}: {escape(shown)}</title></g></a>"
        )
    parts.append("</svg>")
    return "\n".join(parts)
