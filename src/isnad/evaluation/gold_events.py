"""Events and storylines read from a hand-labelled day, for measuring what runs downstream of them.

The labelled day (``events-gold-YYYY-MM-DD.tsv``: n, url, event, storyline) gives true events, so
comparison and framing can be measured on the events they are meant for, apart from the quality of
the clustering; and any comparison isnad makes can be checked against them: a conflict between
articles of two different true events compares two happenings and is wrong whatever it says.
"""

from __future__ import annotations

import csv
import gzip
import html
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from isnad.ingest.layout import build_article
from isnad.model import Article, Comparison, Event, Storyline
from isnad.pipeline import segment


@dataclass
class GoldDay:
    """The labelled articles of a day with their true events and storylines (ids from the gold)."""

    articles: list[Article]
    events: list[Event]
    storylines: list[Storyline]
    event_of: dict[str, str] = field(default_factory=dict)  # article id -> gold event id


def read_day(path: str | Path, urls: Iterable[str] | None = None) -> list[Article]:
    """Articles of a day's ``.jsonl`` or ``.jsonl.gz`` (only those with one of ``urls`` when given).

    HTML character references are decoded as ingest will, so offsets point into readable text.
    """
    wanted = set(urls) if urls is not None else None
    opener = gzip.open if str(path).endswith(".gz") else open
    articles = []
    with opener(path, "rt", encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            record = json.loads(line)
            if wanted is not None and record.get("url") not in wanted:
                continue
            fields = {k: html.unescape(v) if isinstance(v, str) else v for k, v in record.items()}
            article = build_article(
                fields["text"],
                f"{path}:{number}",
                title=fields.get("title"),
                outlet=fields.get("outlet"),
                url=record.get("url"),
                published=fields.get("published"),
            )
            article.url = record.get("url")  # as in the file: the gold matches on it verbatim
            articles.append(segment(article))
    return articles


def read_gold_day(day: str | Path, gold: str | Path) -> GoldDay:
    """The gold's articles from the day file, grouped into the gold's events and storylines."""
    with open(gold, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    labels = {row["url"]: (row["event"], row["storyline"]) for row in rows}
    articles = read_day(day, labels)
    members: dict[str, list[str]] = {}
    storyline_of: dict[str, str] = {}
    event_of: dict[str, str] = {}
    seen: set[str] = set()
    kept = []
    for article in articles:
        if article.id in seen:  # the same text twice on the day: one article, as ingest keeps it
            continue
        seen.add(article.id)
        kept.append(article)
        event, storyline = labels[article.url or ""]
        members.setdefault(event, []).append(article.id)
        storyline_of[event] = storyline
        event_of[article.id] = event
    by_id = {a.id: a for a in kept}
    events = [
        Event(id=e, article_ids=ids, title=by_id[ids[0]].title or "", storyline_id=storyline_of[e])
        for e, ids in members.items()
    ]
    storylines: dict[str, list[str]] = {}
    for event in events:
        storylines.setdefault(event.storyline_id or "", []).append(event.id)
    return GoldDay(
        articles=kept,
        events=events,
        storylines=[
            Storyline(s, ids, by_id[members[ids[0]][0]].title or "") for s, ids in storylines.items()
        ],
        event_of=event_of,
    )


def conflicts_across_gold_events(
    comparisons: Sequence[Comparison], event_of: dict[str, str]
) -> list[Comparison]:
    """The conflicts whose claims come from articles of two or more gold events (should be none).

    Articles with no gold label are left out of the check: pooled evaluation runs on a whole day
    of which only a sample is labelled.
    """
    out = []
    for comparison in comparisons:
        if comparison.verdict != "conflict":
            continue
        gold = {event_of[c.article_id] for c in comparison.claims if c.article_id in event_of}
        if len(gold) > 1:
            out.append(comparison)
    return out
