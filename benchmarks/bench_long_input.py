"""Time and memory of the per-article pass on one long line, against ordinary articles of the size.

Text without punctuation on a single line once made the per-article pass quadratic (one sentence
of millions of characters). This script builds single-line inputs of 0.5, 1, 2 and 4 MB from real
Arabic news text with every punctuation mark and line break taken out, and, as the peer, ordinary
articles (a JSONL file, one article a line) of the same size from the same text. Each input is
read, segmented and extracted (`isnad.pipeline.read` + `isnad.article.extract.extract`, the
per-article pass) in a fresh process, so the peak memory is that input's; each run is repeated and
the medians are printed as seconds per MB and MB of memory per MB of input. Linear cost shows as
flat per-MB columns; the last column compares the long line with the peer of the same size.

The text comes from ../shared/data/saudinewsnet (one day) when it is there, else from the bundled
seeds.

    PYTHONPATH=src python benchmarks/bench_long_input.py [--sizes 0.5 1 2 4] [--repeat 3]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DAY = ROOT.parent / "shared" / "data" / "saudinewsnet" / "2015-08-06.jsonl.gz"
_PUNCTUATION = re.compile(r"[^\w\s]|_|\s+")


def source_texts() -> list[str]:
    """Real article texts: a day of SaudiNewsNet if it is here, else the seeds."""
    if DAY.exists():
        with gzip.open(DAY, "rt", encoding="utf-8") as lines:
            return [json.loads(line)["text"] for line in lines if line.strip()]
    return [path.read_text(encoding="utf-8") for path in sorted((ROOT / "examples" / "seeds").glob("*.txt"))]


def long_line(texts: list[str], size: int) -> str:
    """One line of about ``size`` UTF-8 bytes: the texts without punctuation or line breaks."""
    words = " ".join(_PUNCTUATION.sub(" ", text).strip() for text in texts)
    text = words
    while len(text.encode("utf-8")) < size:
        text += " " + words
    return text.encode("utf-8")[:size].decode("utf-8", errors="ignore").rsplit(" ", 1)[0]


def ordinary(texts: list[str], size: int) -> str:
    """JSONL articles of about ``size`` bytes in all; repeated texts are numbered to stay distinct."""
    lines: list[str] = []
    total = 0
    round_ = 0
    while total < size:
        for text in texts:
            line = json.dumps({"text": f"{text}\n\n({round_})" if round_ else text}, ensure_ascii=False)
            lines.append(line)
            total += len(line.encode("utf-8")) + 1
            if total >= size:
                break
        round_ += 1
    return "\n".join(lines)


def run_child(path: Path) -> None:
    """The per-article pass over one input, in this process; prints seconds and memory as JSON."""
    from isnad.article.extract import extract
    from isnad.pipeline import read

    extract(read([ROOT / "examples" / "seeds"])[0])  # models loaded and warm, as in a run
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    start = time.perf_counter()
    articles, problems = read([path])
    extraction = extract(articles)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    sentences = sum(len(a.sentences) for a in articles)
    print(
        json.dumps(
            {
                "seconds": seconds,
                "extra_mb": peak - base,
                "articles": len(articles),
                "problems": len(problems),
                "sentences": sentences,
                "figures": len(extraction.figures),
            }
        )
    )


def measure(path: Path, repeat: int) -> dict[str, float]:
    runs = []
    for _ in range(repeat):
        output = subprocess.run(
            [sys.executable, __file__, "--child", str(path)], capture_output=True, text=True, check=True
        ).stdout
        runs.append(json.loads(output.strip().splitlines()[-1]))
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[0.5, 1, 2, 4], help="input sizes in MB")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        run_child(args.child)
        return
    texts = source_texts()
    print(
        f"text from {DAY if DAY.exists() else 'the seeds'}; median of {args.repeat} runs, each in a fresh process"
    )
    print(
        f"{'MB':>5} {'input':<9} {'articles':>8} {'sentences':>9} {'s':>8} {'s/MB':>7} "
        f"{'mem MB':>7} {'mem/MB':>7} {'line/peer':>9}"
    )
    with tempfile.TemporaryDirectory() as folder:
        for size_mb in args.sizes:
            size = int(size_mb * 1_000_000)
            line_path = Path(folder) / "line.txt"
            line_path.write_text(long_line(texts, size), encoding="utf-8")
            peer_path = Path(folder) / "peer.jsonl"
            peer_path.write_text(ordinary(texts, size), encoding="utf-8")
            results = {
                "one line": measure(line_path, args.repeat),
                "ordinary": measure(peer_path, args.repeat),
            }
            for name, result in results.items():
                ratio = results["one line"]["seconds"] / results["ordinary"]["seconds"]
                print(
                    f"{size_mb:>5} {name:<9} {result['articles']:>8.0f} {result['sentences']:>9.0f} "
                    f"{result['seconds']:>8.2f} {result['seconds'] / size_mb:>7.2f} "
                    f"{result['extra_mb']:>7.0f} {result['extra_mb'] / size_mb:>7.1f} "
                    f"{ratio if name == 'one line' else 1.0:>9.2f}"
                )


if __name__ == "__main__":
    main()
