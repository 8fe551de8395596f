"""Throughput and peak memory of the whole pipeline, stage by stage.

Runs `isnad.pipeline` over the bundled seeds and over the ExAra documents (long Arabic news and
encyclopaedic articles, ../shared/data/exara-dev), repeating each run and reporting medians. As a
peer in the same run it times the floor any tool pays: reading and decoding the same files and
splitting them on whitespace, so the ratio says what isnad's analysis costs on top of I/O.

With ``--all`` it runs once more over the biggest real corpus we have: all 870 ExAra documents
(570 source + 300 suspicious), the five seeds and the 102 texts of the SemEval-2022 Task 8 Arabic
pairs (written to a temporary folder as .txt files), and reports the peak memory of that run.

    python benchmarks/bench_analyze.py [--exara DIR] [--limit N] [--repeat R] [--all]
"""

from __future__ import annotations

import argparse
import csv
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from isnad.article.doc import Corpus
from isnad.article.extract import extract
from isnad.corpus.reuse import find_reuse
from isnad.corpus.stories import group_stories
from isnad.event.brief import summarize, summarize_storylines
from isnad.event.compare import compare, single_reports
from isnad.event.framing import frame
from isnad.event.provenance import trace
from isnad.pipeline import read

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
    times["reuse"], reuse = timed(lambda: find_reuse(corpus))
    times["stories"], (events, storylines) = timed(lambda: group_stories(corpus))  # type: ignore[misc]
    times["extract"], extraction = timed(lambda: extract(corpus.articles))
    times["compare"], comparisons = timed(lambda: compare(events, extraction.figures, corpus.by_id))  # type: ignore[attr-defined]
    times["brief"], _ = timed(lambda: summarize(corpus, events, comparisons))  # type: ignore[arg-type]
    times["framing"], _ = timed(lambda: frame(corpus, events, storylines, extraction.attributions))  # type: ignore[attr-defined]
    times["provenance"], _ = timed(lambda: trace(events, corpus.by_id, extraction.attributions, reuse))  # type: ignore[attr-defined,arg-type]
    times["storybrief"], _ = timed(lambda: summarize_storylines(corpus, events, storylines, comparisons))  # type: ignore[arg-type]
    times["singles"], _ = timed(lambda: single_reports(events, extraction.figures, corpus.by_id))  # type: ignore[attr-defined]
    times["events"] = len(events)
    times["total"] = sum(v for k, v in times.items() if k != "events")
    times["articles"] = len(articles)
    return times


STAGES = (
    "read",
    "text",
    "reuse",
    "stories",
    "extract",
    "compare",
    "brief",
    "framing",
    "provenance",
    "storybrief",
    "singles",
    "total",
)


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
    print(f"  {int(median['events'])} events")
    for stage in STAGES:
        share = 100 * median[stage] / median["total"]
        print(f"  {stage:<10} {median[stage]:8.3f} s  {share:5.1f} %")
    print(f"  isnad    {n / median['total']:8.1f} articles/s  {chars / median['total'] / 1e3:8.1f} k chars/s")
    print(
        f"  peer     read+decode+split: {peer:.4f} s; isnad / peer = {median['total'] / max(peer, 1e-9):.0f}x"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--exara", type=Path, default=ROOT.parent / "shared" / "data" / "exara-dev")
    parser.add_argument("--limit", type=int, default=300, help="ExAra documents to use")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--semeval", type=Path, default=ROOT.parent / "shared" / "data" / "semeval2022-t8-ar" / "dev.csv"
    )
    parser.add_argument("--all", action="store_true", help="also run once over the biggest real corpus")
    args = parser.parse_args()
    report("seeds", sorted((ROOT / "examples" / "seeds").glob("*.txt")), args.repeat)
    if args.exara.is_dir():
        docs = sorted((args.exara / "source-documents").glob("*.txt"))[: args.limit]
        report(f"exara-dev source documents (first {len(docs)})", docs, args.repeat)
    else:
        print(f"\n{args.exara} not found: the ExAra part needs ../shared/data (see README)", file=sys.stderr)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak memory (max RSS of this process): {peak_mb:.0f} MB")
    if args.all and args.exara.is_dir():
        with tempfile.TemporaryDirectory() as tmp:
            files = biggest_corpus(args.exara, args.semeval, Path(tmp))
            report("biggest real corpus: ExAra 870 + seeds + SemEval texts", files, 1)
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"\npeak memory after the biggest corpus (max RSS of this process): {peak_mb:.0f} MB")


def biggest_corpus(exara: Path, semeval: Path, tmp: Path) -> list[Path]:
    """Every ExAra document, the seeds, and each SemEval pair text as its own .txt file."""
    files = sorted(exara.glob("*-documents/*.txt")) + sorted((ROOT / "examples" / "seeds").glob("*.txt"))
    if semeval.is_file():
        with semeval.open(encoding="utf-8") as f:
            for row in csv.DictReader(f):
                for column in ("text1", "text2"):
                    path = tmp / f"semeval-{row['pair_id']}-{column}.txt"
                    path.write_text(row[column], encoding="utf-8")
                    files.append(path)
    return files


if __name__ == "__main__":
    main()
