"""The most frequent entities isnad tags on one day of a JSONL news corpus, to read and judge.

    PYTHONPATH=src python scripts/top_entities.py ../shared/data/saudinewsnet/2015-08-02.jsonl.gz 50
    PYTHONPATH=src python scripts/top_entities.py DAY.jsonl.gz 50 --every 5   # every fifth article

Prints mentions, articles, type and canonical name, most mentioned first (MISC included). A whole
day of SaudiNewsNet takes a few minutes: run it under the shared heavy-job lock.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

from isnad.article.entities import find_entities
from isnad.ingest import IngestError, build_article
from isnad.pipeline import segment


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("day", type=Path, help="a (gzipped) JSONL file, one article a line")
    parser.add_argument("top", type=int, help="how many entities to list")
    parser.add_argument("--every", type=int, default=1, help="read every n-th article only")
    args = parser.parse_args()
    opener = gzip.open if args.day.suffix == ".gz" else open
    articles = []
    with opener(args.day, "rt", encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if number % args.every:
                continue
            record = json.loads(line)
            fields = {k: record.get(k) for k in ("title", "outlet", "url", "published")}
            try:
                articles.append(
                    segment(build_article(record.get("text") or "", f"{args.day}:{number + 1}", **fields))
                )
            except IngestError as problem:  # a record without text: said, and the rest still read
                print(problem, file=sys.stderr)
    rows = [
        (len(e.mentions), len({m.article_id for m in e.mentions}), e.type, e.canonical)
        for e in find_entities(articles)
    ]
    print(f"{len(articles)} articles")
    for mentions, in_articles, kind, name in sorted(rows, reverse=True)[: args.top]:
        print(f"{mentions}\t{in_articles}\t{kind}\t{name}")


if __name__ == "__main__":
    main()
