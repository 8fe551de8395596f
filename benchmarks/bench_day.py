"""A real day through `isnad analyze`: wall and CPU seconds, where the time goes, and the peer.

Runs ``isnad analyze DAY --out TMP -q`` ``--repeat`` times in fresh processes (median wall, CPU
and peak memory of the process and its workers, as `bench_archive.measure` samples them), then
once more in a process that notes when each stage of `isnad.pipeline.analyze` ends and how long
the writers take, and in the same run the event-grouping peer of issue 15 (character 3-5-gram
TF-IDF of title and lead, average linkage, one threshold) on the same articles.

    python benchmarks/bench_day.py [../shared/data/saudinewsnet/2015-08-06.jsonl.gz] [--repeat 3]

SaudiNewsNet is CC BY-NC-SA: it is read from ../shared/data, never copied into the project.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_archive import DATA, ISNAD, LEAD_CHARS, PEER_THRESHOLD, measure

DAY = DATA / "2015-08-06.jsonl.gz"


def stages(day: Path, out: Path) -> dict[str, float]:
    """Run in a subprocess: seconds from the start of `analyze` to the end of each stage, then
    of each writer (the CLI writes the site beside analysis.json and the report)."""
    from isnad.output import write_json, write_report
    from isnad.output.site import write_site
    from isnad.pipeline import analyze

    start = time.perf_counter()
    ended: dict[str, float] = {}

    def progress(stage: str, done: int, total: int) -> None:
        ended[stage] = time.perf_counter() - start

    analysis = analyze([day], progress=progress)
    for name, write in (
        ("analysis.json", lambda: write_json(analysis, out / "analysis.json")),
        ("report", lambda: write_report(analysis, out / "report.html", site="site/index.html")),
        ("site", lambda: write_site(analysis, out / "site")),
    ):
        began = time.perf_counter()
        write()
        ended[f"write {name} (s)"] = time.perf_counter() - began
    return ended


def peer(day: Path) -> dict[str, float]:
    """The event-grouping peer over the day's articles, timed from the read records."""
    import numpy as np
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    with gzip.open(day, "rt", encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines if line.strip()]
    start = time.perf_counter()
    leads = [(r.get("title") or "") + " " + (r.get("text") or "")[:LEAD_CHARS] for r in records]
    vectors = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True).fit_transform(leads)
    distances = 1.0 - (vectors @ vectors.T).toarray()
    np.clip(distances, 0.0, None, out=distances)
    AgglomerativeClustering(
        n_clusters=None, metric="precomputed", linkage="average", distance_threshold=PEER_THRESHOLD
    ).fit(distances)
    return {"peer_seconds": time.perf_counter() - start, "articles": len(records)}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("day", type=Path, nargs="?", default=DAY)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--stages", type=Path, help=argparse.SUPPRESS)  # internal: the staged run
    args = parser.parse_args()
    if args.stages:
        print(json.dumps(stages(args.day, args.stages)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        runs = [measure([*ISNAD, "analyze", str(args.day), "--out", tmp, "-q"]) for _ in range(args.repeat)]
        staged = subprocess.run(
            [sys.executable, __file__, str(args.day), "--stages", tmp],
            capture_output=True,
            text=True,
            check=True,
        )
    found = peer(args.day)
    wall = statistics.median(r["seconds"] for r in runs)
    print(f"{args.day.name}: {found['articles']:.0f} records")
    print("isnad analyze, wall s:", ", ".join(f"{r['seconds']:.1f}" for r in runs), f"(median {wall:.1f})")
    print("  CPU s:", ", ".join(f"{r['cpu_seconds']:.1f}" for r in runs))
    print("  peak PSS MB:", ", ".join(f"{r['peak_tree_pss_mb']:.0f}" for r in runs))
    print("one staged run, seconds from the start of analyze to the end of each stage:")
    for stage, seconds in json.loads(staged.stdout.strip().splitlines()[-1]).items():
        print(f"  {stage:24s} {seconds:6.1f}")
    print(f"peer (character TF-IDF + average linkage): {found['peer_seconds']:.1f} s")
    print(f"isnad / peer: {wall / found['peer_seconds']:.1f}x")


if __name__ == "__main__":
    main()
