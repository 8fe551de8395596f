"""Print a day's silver reuse pairs: cross-outlet article pairs where one shares at least half
of its 8-word sequences with the other (see `isnad.evaluation.reuse_links.silver_pairs`).

Usage: python scripts/silver_reuse_pairs.py ../shared/data/saudinewsnet/2015-08-03.jsonl.gz
"""

from __future__ import annotations

import sys

from isnad.evaluation.reuse_links import read_day, silver_pairs


def main(path: str) -> None:
    pairs = sorted(silver_pairs(read_day(path)))
    for url_a, url_b in pairs:
        print(f"{url_a}\t{url_b}")
    print(f"{len(pairs)} silver pairs", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
