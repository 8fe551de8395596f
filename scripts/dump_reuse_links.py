"""Dump every aligned reuse pair of one day, with its passages, for judging links by reading.

Writes one JSON object per link (score, urls, outlets, publication times, direction and its
evidence, each passage's text on both sides) to OUT, and prints how many links fall in each
score band. The texts come from ../shared/data (CC BY-NC-SA): keep OUT outside the repository.

Usage: python scripts/dump_reuse_links.py ../shared/data/saudinewsnet/2015-08-03.jsonl.gz OUT.jsonl
"""

from __future__ import annotations

import itertools
import json
import sys
from dataclasses import replace

from isnad.article.doc import Corpus
from isnad.corpus.reuse import find_reuse
from isnad.corpus.reuse_weights import ReuseParams
from isnad.evaluation.reuse_links import BANDS, read_day


def main(day: str, out: str) -> None:
    articles = read_day(day)
    by_id = {a.id: a for a in articles}
    links = find_reuse(Corpus(articles), replace(ReuseParams(), min_link_score=0.0))
    with open(out, "w", encoding="utf-8") as handle:
        for link in sorted(links, key=lambda link: -link.score):
            a, b = by_id[link.a], by_id[link.b]
            record = {
                "score": link.score,
                "id_a": a.id,
                "id_b": b.id,
                "url_a": a.url,
                "url_b": b.url,
                "outlet_a": a.outlet,
                "outlet_b": b.outlet,
                "published_a": str(a.published) if a.published else None,
                "published_b": str(b.published) if b.published else None,
                "direction": link.direction,
                "confidence": link.direction_confidence,
                "evidence": link.direction_evidence,
                "chars_a": len(a.text),
                "chars_b": len(b.text),
                "passages": [
                    {
                        "score": p.score,
                        "a": a.text[p.a_span[0] : p.a_span[1]],
                        "b": b.text[p.b_span[0] : p.b_span[1]],
                    }
                    for p in link.passages
                ],
            }
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    for lo, hi in itertools.pairwise(BANDS):
        print(f"{lo:.3f}-{hi:.3f}: {sum(lo <= link.score < hi for link in links)}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
