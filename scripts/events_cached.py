"""Group a day from cached story features, to try a grouping change in seconds, not minutes.

    PYTHONPATH=src python scripts/events_cached.py make DAY.jsonl.gz CACHE.pkl
    PYTHONPATH=src python scripts/events_cached.py group CACHE.pkl [--gold GOLD.tsv] [--dump EVENTS.json]
    PYTHONPATH=src python scripts/events_cached.py diff BEFORE.json AFTER.json CACHE.pkl

``make`` computes the day's story features as `isnad eval events` does (boilerplate learnt from
the day; about 80 s CPU for the dev day) and pickles them with the articles. ``group`` runs the
grouping alone on them (about 10 s for the dev day) and prints the events' and storylines'
B-cubed scores against a gold TSV; ``--dump`` writes the events (id, storyline, articles, title)
as JSON. ``diff`` lists the events of AFTER that join articles BEFORE held in several events, and
the storylines of AFTER that join events of several storylines of BEFORE, with titles: what a
change did on an unlabelled day, to be read. The cache is a pickle: only load your own.
"""

from __future__ import annotations

import argparse
import json
import pickle
from collections import defaultdict
from pathlib import Path
from typing import Any

from isnad.article.doc import Corpus
from isnad.corpus.boilerplate import Boilerplate
from isnad.corpus.story_features import article_features
from isnad.corpus.story_index import StoryIndex
from isnad.evaluation.events import read_day, read_gold, score, url_key


def make(day: Path, cache: Path) -> None:
    articles, id_of_url = read_day(day)
    corpus = Corpus(articles)
    made = article_features(corpus, fixed=Boilerplate.learn(corpus.articles))
    with cache.open("wb") as out:
        pickle.dump({"articles": articles, "id_of_url": id_of_url, "made": made}, out)
    print(f"{len(articles)} articles cached in {cache}")


def group(cache: Path, gold: Path | None, dump: Path | None) -> None:
    with cache.open("rb") as source:
        held = pickle.load(source)
    index = StoryIndex()
    index.add(held["made"])
    events, storylines = index.stories(Corpus(held["articles"]).by_id)
    print(
        f"{len(events)} events, {len(storylines)} storylines, largest event {max(len(e.article_ids) for e in events)}"
    )
    if dump is not None:
        rows = [[e.id, e.storyline_id, e.article_ids, e.title] for e in events]
        dump.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    if gold is not None:
        rows = read_gold(gold)
        event_of = {i: e for e in events for i in e.article_ids}
        labelled = [event_of[held["id_of_url"][url_key(row["url"])]] for row in rows]
        for level, predicted in (
            ("event", [e.id for e in labelled]),
            ("storyline", [e.storyline_id or e.id for e in labelled]),
        ):
            s = score(predicted, [row[level] for row in rows])
            print(f"{level + 's':<10} B-cubed P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.4f}")


def diff(before: Path, after: Path, cache: Path) -> None:
    with cache.open("rb") as source:
        title = {a.id: a.title or "" for a in pickle.load(source)["articles"]}
    old, new = (json.loads(p.read_text(encoding="utf-8")) for p in (before, after))
    old_event = {i: e[0] for e in old for i in e[2]}
    for e in new:
        _joined("event", [(old_event[i], [i]) for i in e[2]], title)
    old_storyline = {e[0]: e[1] or e[0] for e in old}
    by_storyline: dict[str, list[Any]] = defaultdict(list)
    for e in new:
        by_storyline[e[1] or e[0]].append(e)
    for members in by_storyline.values():
        parts = [(old_storyline[old_event[e[2][0]]], e[2]) for e in members]
        _joined("storyline", parts, title)


def _joined(level: str, parts: list[tuple[str, list[str]]], title: dict[str, str]) -> None:
    """Print a new group when its members came from several old groups."""
    by_old: dict[str, list[str]] = defaultdict(list)
    for old, ids in parts:
        by_old[old] += ids
    if len(by_old) < 2:
        return
    print(f"-- {level} joining {len(by_old)} of before")
    for ids in by_old.values():
        print(f"   [{len(ids)}] " + " | ".join(title[i][:60] for i in ids[:3]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    made = commands.add_parser("make")
    made.add_argument("day", type=Path)
    made.add_argument("cache", type=Path)
    grouped = commands.add_parser("group")
    grouped.add_argument("cache", type=Path)
    grouped.add_argument("--gold", type=Path)
    grouped.add_argument("--dump", type=Path)
    compared = commands.add_parser("diff")
    compared.add_argument("before", type=Path)
    compared.add_argument("after", type=Path)
    compared.add_argument("cache", type=Path)
    args = parser.parse_args()
    if args.command == "make":
        make(args.day, args.cache)
    elif args.command == "group":
        group(args.cache, args.gold, args.dump)
    else:
        diff(args.before, args.after, args.cache)


if __name__ == "__main__":
    main()
