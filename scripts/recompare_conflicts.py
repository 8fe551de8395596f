"""Rerun the comparison on the events that a full-day run found conflicts in, with the current code.

    .venv/bin/python scripts/recompare_conflicts.py \\
        ../shared/data/saudinewsnet/2015-08-09.jsonl.gz OUT/analysis.json

The events are taken as grouped in ``analysis.json`` (an earlier ``isnad analyze`` of the same
file), the figures are read again, and every conflict `compare_event` now finds is printed with
its claims. A change to compare or to the figure reader is measured in seconds this way, without
grouping the whole day again.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from isnad.article.figures import find_figures
from isnad.event.compare import compare_event
from isnad.model import Event
from isnad.pipeline import read


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("day", help="the articles the analysis read (a .jsonl.gz file)")
    parser.add_argument("analysis", type=Path, help="analysis.json of a run on that file")
    args = parser.parse_args()
    analysis = json.loads(args.analysis.read_text(encoding="utf-8"))
    conflicted = {c["event_id"] for c in analysis["comparisons"] if c["verdict"] == "conflict"}
    events = [
        Event(e["id"], e["article_ids"], e["title"]) for e in analysis["events"] if e["id"] in conflicted
    ]
    wanted = {a for event in events for a in event.article_ids}
    articles = {a.id: a for a in read(args.day)[0] if a.id in wanted}
    found = 0
    for event in events:
        figures = [f for a in event.article_ids if a in articles for f in find_figures(articles[a])]
        for comparison in compare_event(event, figures, articles):
            if comparison.verdict != "conflict":
                continue
            found += 1
            print(f"== {event.id} {comparison.subject} | {comparison.reason}")
            for claim in comparison.claims:
                print(f"    {claim.article_id[:8]} {claim.value:g} {claim.predicate} | {claim.text[:160]}")
    print(
        f"conflicts: {found} (the run's: {sum(c['verdict'] == 'conflict' for c in analysis['comparisons'])})"
    )


if __name__ == "__main__":
    main()
