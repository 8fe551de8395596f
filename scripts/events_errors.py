"""The gold events isnad splits and the isnad events that merge gold events, with titles, to read.

    PYTHONPATH=src python scripts/events_errors.py \\
        ../shared/data/saudinewsnet/2015-08-06.jsonl.gz ../shared/data/saudinewsnet/events-gold-2015-08-06.tsv

Groups the whole day as `isnad eval events` does (a few minutes: run it under the shared
heavy-job lock) and prints, for each gold event spread over several isnad events, its labelled
articles with the isnad event each landed in; then, for each isnad event holding labelled
articles of several gold events, those articles with their gold event. Reading these lists is how
the classes of error in docs/events.md were found.
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path

from isnad.article.doc import Corpus
from isnad.corpus.stories import group_stories
from isnad.evaluation.events import read_day, read_gold, url_key
from isnad.model import Article


def _line(n: str, label: str, article: Article) -> str:
    return f"   {n:>4} {label:<8} {article.outlet or '':<12.12} {(article.title or '')[:90]}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("day", type=Path, help="the day's (gzipped) JSONL file")
    parser.add_argument("gold", type=Path, help="its events gold TSV")
    args = parser.parse_args()
    gold = read_gold(args.gold)
    articles, id_of_url = read_day(args.day)
    by_id = {a.id: a for a in articles}
    events, _ = group_stories(Corpus(articles))
    event_of = {i: e.id[-5:] for e in events for i in e.article_ids}
    size = {e.id[-5:]: len(e.article_ids) for e in events}
    rows = [(row["n"], row["event"], id_of_url[url_key(row["url"])]) for row in gold]

    by_gold: dict[str, list[tuple[str, str]]] = defaultdict(list)
    by_isnad: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for n, gold_event, article_id in rows:
        by_gold[gold_event].append((n, article_id))
        by_isnad[event_of[article_id]].append((n, gold_event, article_id))
    print("== gold events split over several isnad events")
    for gold_event, members in by_gold.items():
        found = {event_of[i] for _, i in members}
        if len(found) > 1:
            print(f"-- {gold_event}: {len(members)} labelled articles in {len(found)} isnad events")
            for n, i in members:
                print(_line(n, event_of[i], by_id[i]))
    print("== isnad events holding several gold events")
    for event, members in by_isnad.items():
        if len({g for _, g, _ in members}) > 1:
            print(f"-- {event}: {size[event]} articles of the day")
            for n, g, i in sorted(members, key=lambda m: m[1]):
                print(_line(n, g, by_id[i]))


if __name__ == "__main__":
    main()
