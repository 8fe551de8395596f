"""How isnad grows with a real archive: prefixes of SaudiNewsNet (1k, 3k, 10k, 27.6k articles).

The articles are read in time order (the day files by name, each file's lines in order), and
each prefix is written to a folder of JSONL files. For each size, in fresh subprocesses:
- ``isnad add PREFIX --db NEW.db``: the archive path (every article's story features, events
  and storylines);
- ``isnad analyze PREFIX`` for sizes up to ``--analyze-max``: the whole pipeline;
- the peers, for sizes up to ``--peer-max``: events by character 3-5-gram TF-IDF of title and
  lead with average-linkage clustering (one distance threshold), the method ../shared/data's
  README quotes at B-cubed F1 about 0.90 on the labelled day; candidate pairs by datasketch's
  MinHashLSH over word 3-gram shingles.
Each run reports wall and CPU seconds, articles per second, and peak memory of the process and
its workers together, sampled every 0.1 s from /proc: resident sizes added up (a page a forked
worker shares with its parent counts once per process) and proportional set sizes added up (each
page once). The exponents of time and memory against size are least-squares slopes in log-log.

    python benchmarks/bench_archive.py [--sizes 1000 3000 10000 27644] [--data DIR] [--out FILE]

SaudiNewsNet is CC BY-NC-SA: it is read from ../shared/data, never copied into the project.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
from isnad.store import Store  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "saudinewsnet"
ISNAD = [sys.executable, "-m", "isnad.cli"]
PEER_THRESHOLD = 0.7  # cosine distance at which average linkage stops merging (peer events)
LEAD_CHARS = 300
FILE_LINES = 2000  # articles per prefix file


def write_prefix(data: Path, size: int, folder: Path) -> int:
    """The first ``size`` articles of the archive in time order, as JSONL files of at most
    ``FILE_LINES`` lines in ``folder`` (isnad refuses single files over 20 MB); returns how many."""
    folder.mkdir(parents=True, exist_ok=True)
    written = 0
    out = None
    for day in sorted(data.glob("*.jsonl.gz")):
        with gzip.open(day, "rt", encoding="utf-8") as lines:
            for line in lines:
                if written == size:
                    break
                if written % FILE_LINES == 0:
                    if out is not None:
                        out.close()
                    out = (folder / f"{written // FILE_LINES:04d}.jsonl").open("w", encoding="utf-8")
                assert out is not None
                out.write(line)
                written += 1
    if out is not None:
        out.close()
    return written


def read_prefix(folder: Path) -> list[dict[str, str]]:
    return [
        json.loads(line) for path in sorted(folder.glob("*.jsonl")) for line in path.open(encoding="utf-8")
    ]


def _pss(pid: int) -> int:
    """Proportional set size of a process in bytes (pages shared with n processes count 1/n), from
    /proc/PID/smaps_rollup; 0 when it cannot be read."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


def _tree_rss(root: int) -> tuple[int, int]:
    """Resident bytes of a process and all its descendants, from /proc: their resident sizes
    added up (pages a forked worker shares with its parent counted once per process), and their
    proportional set sizes added up (each page counted once)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            fields = stat[stat.rindex(")") + 2 :].split()
            children.setdefault(int(fields[1]), []).append(int(entry))
            rss[int(entry)] = int(fields[21]) * resource.getpagesize()
        except (OSError, ValueError, IndexError):
            continue
    total, proportional, todo = 0, 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        proportional += _pss(pid) if pid in rss else 0
        todo += children.get(pid, [])
    return total, proportional


def measure(command: list[str], env: dict[str, str] | None = None) -> dict[str, float]:
    """Wall seconds, CPU seconds and peak memory (process and workers together) of a command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    peak = peak_pss = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak, peak_pss
        while not done.wait(0.1):
            rss, pss = _tree_rss(process.pid)
            peak, peak_pss = max(peak, rss), max(peak_pss, pss)

    sampler = threading.Thread(target=sample)
    sampler.start()
    _, stderr = process.communicate()
    done.set()
    sampler.join()
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed: {stderr.decode()[-2000:]}")
    return {
        "seconds": wall,
        "cpu_seconds": (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime),
        "peak_tree_mb": peak / 2**20,
        "peak_tree_pss_mb": peak_pss / 2**20,
    }


def peers(prefix: Path) -> dict[str, float]:
    """Run in a subprocess: the two peers over one prefix, with their own timings."""
    import numpy as np
    from datasketch import MinHash, MinHashLSH
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    records = read_prefix(prefix)
    leads = [(r.get("title") or "") + " " + r["text"][:LEAD_CHARS] for r in records]
    start = time.perf_counter()
    vectors = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True).fit_transform(leads)
    # Cosine distances from the sparse rows (unit length): a dense copy of the vectors would not fit.
    distances = 1.0 - (vectors @ vectors.T).toarray()
    np.clip(distances, 0.0, None, out=distances)
    clustering = AgglomerativeClustering(
        n_clusters=None, metric="precomputed", linkage="average", distance_threshold=PEER_THRESHOLD
    ).fit(distances)
    events_seconds = time.perf_counter() - start
    start = time.perf_counter()
    lsh = MinHashLSH(threshold=0.5, num_perm=64)
    pairs = 0
    for n, record in enumerate(records):
        words = record["text"].split()
        signature = MinHash(num_perm=64)
        signature.update_batch([" ".join(words[i : i + 3]).encode() for i in range(max(len(words) - 2, 1))])
        pairs += len(lsh.query(signature))
        lsh.insert(str(n), signature)
    return {
        "events_seconds": events_seconds,
        "events": int(clustering.n_clusters_),
        "lsh_seconds": time.perf_counter() - start,
        "lsh_pairs": pairs,
    }


def exponent(sizes: list[int], values: list[float]) -> float | None:
    """Least-squares slope of log(value) against log(size)."""
    points = [(math.log(s), math.log(v)) for s, v in zip(sizes, values, strict=True) if v > 0]
    if len(points) < 2:
        return None
    mx = sum(x for x, _ in points) / len(points)
    my = sum(y for _, y in points) / len(points)
    return sum((x - mx) * (y - my) for x, y in points) / sum((x - mx) ** 2 for x, _ in points)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 3000, 10000, 27644])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--analyze-max", type=int, default=3000, help="largest size isnad analyze runs on")
    parser.add_argument("--peer-max", type=int, default=10000, help="largest size the peers run on")
    parser.add_argument("--out", type=Path, help="also write the results here as JSON")
    parser.add_argument("--peer", type=Path, help=argparse.SUPPRESS)  # internal: run the peers on a prefix
    args = parser.parse_args()
    if args.peer:
        print(json.dumps(peers(args.peer)))
        return
    if not args.data.is_dir():
        sys.exit(f"{args.data}: no such folder (SaudiNewsNet lives in ../shared/data)")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    rows = []
    with tempfile.TemporaryDirectory(prefix="isnad-archive-") as tmp:
        for size in args.sizes:
            prefix = Path(tmp) / f"prefix-{size}"
            size = write_prefix(args.data, size, prefix)
            row: dict[str, object] = {"articles": size}
            db = Path(tmp) / f"archive-{size}.db"
            row["add"] = measure([*ISNAD, "add", str(prefix), "--db", str(db)], env)
            with Store(db) as store:  # a run that read nothing would look very fast
                row["stored"] = len(store.article_ids())  # fewer than read: copies are stored once
            if not row["stored"]:
                raise RuntimeError(f"isnad add stored none of the {size} articles")
            if size <= args.analyze_max:
                out = Path(tmp) / f"out-{size}"
                row["analyze"] = measure([*ISNAD, "analyze", str(prefix), "--out", str(out), "-q"], env)
            if size <= args.peer_max:
                done = subprocess.run(
                    [sys.executable, __file__, "--peer", str(prefix)],
                    capture_output=True,
                    text=True,
                    check=True,
                )
                row["peers"] = json.loads(done.stdout)
            rows.append(row)
            print(json.dumps(row), flush=True)
            shutil.rmtree(prefix)
            db.unlink()
    report(rows)
    if args.out:
        args.out.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")


def report(rows: list[dict[str, object]]) -> None:
    print(
        f"\n{'articles':>8} {'command':>8} {'seconds':>8} {'art/s':>7} {'cpu s':>7} {'peak MB':>8} {'PSS MB':>7}"
    )
    for row in rows:
        for command in ("add", "analyze"):
            if command in row:
                m = row[command]
                assert isinstance(m, dict)
                n = int(str(row["articles"]))
                print(
                    f"{n:>8} {command:>8} {m['seconds']:>8.1f} {n / m['seconds']:>7.1f} "
                    f"{m['cpu_seconds']:>7.1f} {m['peak_tree_mb']:>8.0f} {m['peak_tree_pss_mb']:>7.0f}"
                )
        if "peers" in row:
            p = row["peers"]
            assert isinstance(p, dict)
            print(
                f"{'':>8} {'peers':>8} events {p['events_seconds']:.1f} s, MinHashLSH {p['lsh_seconds']:.1f} s"
            )
    for command in ("add", "analyze"):
        measured = [r for r in rows if command in r]
        sizes = [int(str(r["articles"])) for r in measured]
        seconds = [float(r[command]["seconds"]) for r in measured]  # type: ignore[index]
        cpu = [float(r[command]["cpu_seconds"]) for r in measured]  # type: ignore[index]
        memory = [float(r[command]["peak_tree_mb"]) for r in measured]  # type: ignore[index]
        pss = [float(r[command]["peak_tree_pss_mb"]) for r in measured]  # type: ignore[index]
        exponents = [exponent(sizes, values) for values in (seconds, cpu, memory, pss)]
        if None not in exponents:
            wall_exp, cpu_exp, memory_exp, pss_exp = exponents
            print(
                f"{command}: time ~ N^{wall_exp:.2f} (CPU N^{cpu_exp:.2f}), peak memory ~ N^{memory_exp:.2f}"
                f" (PSS N^{pss_exp:.2f}) ({sizes[0]}..{sizes[-1]})"
            )


if __name__ == "__main__":
    main()
