"""Throughput and peak memory of the whole pipeline, stage by stage.

Runs `isnad.pipeline` over the bundled seeds and over the ExAra documents (long Arabic news and
encyclopaedic articles, ../shared/data/exara-dev), repeating each run and reporting medians. As a
peer in the same run it times the floor any tool pays: reading and decoding the same files and
splitting them on whitespace, so the ratio says what isnad's analysis costs on top of I/O.

    python benchmarks/bench_analyze.py [--exara DIR] [--limit N] [--repeat R]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from isnad.brief import summarize
from isnad.compare import compare
from isnad.corpus import Corpus
from isnad.extract import extract
from isnad.pipeline import read
from isnad.reuse import find_reuse
from isnad.stories import group_stories

ROOT = Path(__file__).resolve().parent.parent


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def run_once(files: list[Path]) -> dict[str, float]:
    times: dict[str, float] = {}
    times["read"], (articles, _) = timed(lambda: read(files))  # type: ignore[misc]
    corpus = Corpus(articles)
    times["text"], _ = timed(lambda: corpus.texts())
    times["reuse"], _ = timed(lambda: find_reuse(corpus))
    times["stories"], (events, _) = timed(lambda: group_stories(corpus))  # type: ignore[misc]
    times["extract"], extraction = timed(lambda: extract(corpus.articles))
    times["compare"], comparisons = timed(lambda: compare(events, extraction.figures, corpus.by_id))  # type: ignore[attr-defined]
    times["brief"], _ = timed(lambda: summarize(corpus, events, comparisons))  # type: ignore[arg-type]
    times["total"] = sum(times.values())
    times["articles"] = len(articles)
    return times


def peer_once(files: list[Path]) -> float:
    start = time.perf_counter()
    for path in files:
        path.read_bytes().decode("utf-8", errors="replace").split()
    return time.perf_counter() - start


def report(name: str, files: list[Path], repeat: int) -> None:
    runs = [run_once(files) for _ in range(repeat)]
    peer = statistics.median(peer_once(files) for _ in range(repeat))
    median = {key: statistics.median(r[key] for r in runs) for key in runs[0]}
    n = int(median["articles"])
    chars = sum(len(p.read_text(encoding="utf-8", errors="replace")) for p in files)
    print(f"\n## {name}: {n} articles, {chars / 1e6:.2f} M characters, median of {repeat} runs")
    for stage in ("read", "text", "reuse", "stories", "extract", "compare", "brief", "total"):
        share = 100 * median[stage] / median["total"]
        print(f"  {stage:<8} {median[stage]:8.3f} s  {share:5.1f} %")
    print(f"  isnad    {n / median['total']:8.1f} articles/s  {chars / median['total'] / 1e3:8.1f} k chars/s")
    print(
        f"  peer     read+decode+split: {peer:.4f} s; isnad / peer = {median['total'] / max(peer, 1e-9):.0f}x"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--exara", type=Path, default=ROOT.parent / "shared" / "data" / "exara-dev")
    parser.add_argument("--limit", type=int, default=300, help="ExAra documents to use")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    report("seeds", sorted((ROOT / "examples" / "seeds").glob("*.txt")), args.repeat)
    if args.exara.is_dir():
        docs = sorted((args.exara / "source-documents").glob("*.txt"))[: args.limit]
        report(f"exara-dev source documents (first {len(docs)})", docs, args.repeat)
    else:
        print(f"\n{args.exara} not found: the ExAra part needs ../shared/data (see README)", file=sys.stderr)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak memory (max RSS of this process): {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
