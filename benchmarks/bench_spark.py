"""Wall time and peak memory of `isnad spark` (local mode) against `isnad analyze`, same inputs.

The first N articles of the SaudiNewsNet days (in day order) are written to a temporary JSONL
file for each N; each command runs as its own process, and its peak memory is the largest sum of
the resident memory of its whole process tree (for Spark: the Python driver, the JVM it starts
and the Python workers), sampled from /proc every 0.2 s. Both commands use every core they may.

    python benchmarks/bench_spark.py [--sizes 1000,3000,10000] [--master local[*]] [--data DIR]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "saudinewsnet"


def sample(data: Path, count: int, folder: Path) -> Path:
    """The first ``count`` articles of the days under ``data``, as one JSONL file."""
    lines: list[str] = []
    for day in sorted(data.glob("*.jsonl.gz")):
        with gzip.open(day, "rt", encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    lines.append(line if line.endswith("\n") else line + "\n")
                if len(lines) >= count:
                    break
        if len(lines) >= count:
            break
    if len(lines) < count:
        raise SystemExit(f"error: {data} holds only {len(lines)} articles, fewer than {count}")
    path = folder / f"sample-{count}.jsonl"
    path.write_text("".join(lines), encoding="utf-8")
    return path


def tree_rss(root: int) -> int:
    """Resident bytes of ``root`` and every process below it."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            status = Path(f"/proc/{entry}/status").read_text()
        except OSError:  # the process ended meanwhile
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(parent, []).append(int(entry))
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                rss[int(entry)] = int(line.split()[1]) * 1024
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo += children.get(pid, [])
    return total


def measure(command: list[str], log: Path) -> tuple[float, int, dict[str, float]]:
    """Wall seconds, peak process-tree memory and the stage times logged by ``command`` (the
    Spark job logs one line per stage); exits when it fails."""
    start = time.perf_counter()
    with log.open("w") as stderr:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=stderr)
        peak = 0
        while process.poll() is None:
            peak = max(peak, tree_rss(process.pid))
            time.sleep(0.2)
    wall = time.perf_counter() - start
    text = log.read_text(errors="replace")
    if process.returncode:
        raise SystemExit(f"error: {' '.join(command)} failed ({process.returncode}):\n{text[-2000:]}")
    stages = {m[1]: float(m[2]) for m in re.finditer(r"^(\w+)\s+([\d.]+) s$", text, re.MULTILINE)}
    return wall, peak, stages


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="1000,3000,10000", help="article counts, comma-separated")
    parser.add_argument("--master", default="local[*]")
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--json", type=Path, help="also write the rows to this file")
    args = parser.parse_args()
    isnad = str(Path(sys.executable).with_name("isnad"))
    rows = []
    print(f"{'articles':>8} {'path':>8} {'wall s':>8} {'peak MB':>8}", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for count in (int(n) for n in args.sizes.split(",")):
            path = sample(args.data, count, folder)
            # The sample is one file: past about 6,000 articles it is over the 20 MB that isnad
            # reads by default, and a refused file would make a fast, empty run.
            size = ["--max-size", "1000"]
            commands = {
                "analyze": [isnad, "analyze", str(path), "--out", str(folder / "single"), "--quiet", *size],
                "spark": [
                    isnad,
                    "spark",
                    str(path),
                    "--out",
                    str(folder / "spark"),
                    "--master",
                    args.master,
                    *size,
                ],
            }
            for name, command in commands.items():
                wall, peak, stages = measure(command, folder / f"{name}-{count}.log")
                rows.append(
                    {
                        "articles": count,
                        "path": name,
                        "wall_s": round(wall, 1),
                        "peak_mb": peak // 2**20,
                        "stages_s": stages,
                    }
                )
                times = " ".join(f"{stage}={seconds:g}" for stage, seconds in stages.items())
                print(f"{count:>8} {name:>8} {wall:>8.1f} {peak / 2**20:>8.0f} {times}", flush=True)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1) + "\n")


if __name__ == "__main__":
    main()
