"""The gold events (and storylines) isnad splits and the isnad ones that merge them, with titles.

    PYTHONPATH=src python scripts/events_errors.py \\
        ../shared/data/saudinewsnet/2015-08-06.jsonl.gz ../shared/data/saudinewsnet/events-gold-2015-08-06.tsv

Groups the whole day as `isnad eval events` does (a few minutes: run it under the shared
heavy-job lock) and prints, for each gold event spread over several isnad events, its labelled
articles with the isnad event each landed in; then, for each isnad event holding labelled
articles of several gold events, those articles with their gold event; then the same two lists
for storylines. Reading these lists is how the classes of error in docs/events.md were found.
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from collections.abc import Mapping
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

    _errors("event", rows, event_of, size, by_id)
    storyline_of = {i: (e.storyline_id or e.id)[-5:] for e in events for i in e.article_ids}
    storyline_rows = [(row["n"], row["storyline"], id_of_url[url_key(row["url"])]) for row in gold]
    _errors("storyline", storyline_rows, storyline_of, Counter(storyline_of.values()), by_id)


def _errors(
    level: str,
    rows: list[tuple[str, str, str]],
    group_of: dict[str, str],
    size: Mapping[str, int],
    by_id: dict[str, Article],
) -> None:
    """Gold groups (events or storylines) split over several isnad ones, then isnad ones holding
    several gold ones, each with its labelled articles."""
    by_gold: dict[str, list[tuple[str, str]]] = defaultdict(list)
    by_isnad: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for n, gold_group, article_id in rows:
        by_gold[gold_group].append((n, article_id))
        by_isnad[group_of[article_id]].append((n, gold_group, article_id))
    print(f"== gold {level}s split over several isnad {level}s")
    for gold_group, members in by_gold.items():
        found = {group_of[i] for _, i in members}
        if len(found) > 1:
            print(f"-- {gold_group}: {len(members)} labelled articles in {len(found)} isnad {level}s")
            for n, i in sorted(members, key=lambda m: group_of[m[1]]):
                print(_line(n, group_of[i], by_id[i]))
    print(f"== isnad {level}s holding several gold {level}s")
    for group, held in by_isnad.items():
        if len({g for _, g, _ in held}) > 1:
            print(f"-- {group}: {size[group]} articles of the day")
            for n, g, i in sorted(held, key=lambda m: m[1]):
                print(_line(n, g, by_id[i]))


if __name__ == "__main__":
    main()
