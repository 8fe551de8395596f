"""What adding a day to an archive costs, against analysing that day alone, and whether the
archive then holds what a batch run over the same articles gives.

For a day of SaudiNewsNet (default 2015-08-04):
1. ``analyze(day)`` without a store: the cost of analysing that day alone.
2. For each base (one or more earlier days): a fresh store gets the base with ``add``, then the
   day with ``add``, timed. The cost should not grow with the store.
3. With ``--check``: ``analyze(first base + day, db=...)``, the batch run, and every stored
   result compared with the store of the first base plus the day, kind by kind.

CPU seconds count this process and its worker processes (the per-article pass runs on a pool).

    python benchmarks/bench_add.py [--day 2015-08-04] [--base 2015-08-03] \
        [--base 2015-07-31,2015-08-01,2015-08-02,2015-08-03] [--first N] [--check] [--out FILE]

``--first N`` takes the first N articles of each day (a sample that fits a short run).

SaudiNewsNet is CC BY-NC-SA: it is read from ../shared/data, never copied into the project.
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
from isnad.pipeline import add, analyze  # noqa: E402
from isnad.store import Store  # noqa: E402
from isnad.store.codec import RESULT_KINDS, encode_record  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "saudinewsnet"
KINDS = RESULT_KINDS


def cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(label: str, run: Callable[[], Any]) -> dict[str, Any]:
    wall, cpu = time.perf_counter(), cpu_seconds()
    run()
    found = {
        "step": label,
        "wall_s": round(time.perf_counter() - wall, 1),
        "cpu_s": round(cpu_seconds() - cpu, 1),
    }
    print(json.dumps(found, ensure_ascii=False), flush=True)
    return found


FIRST: dict[str, Any] = {"n": None, "folder": None}  # --first N: where the samples are written


def day_file(day: str) -> Path:
    """The day's file, or with --first N a file of its first N articles."""
    path = DATA / f"{day}.jsonl.gz"
    if FIRST["n"] is None:
        return path
    sample = Path(FIRST["folder"]) / f"{day}-first-{FIRST['n']}.jsonl"
    if not sample.exists():
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            sample.write_text("".join(line for _, line in zip(range(FIRST["n"]), lines, strict=False)))
    return sample


def stored(db: Path) -> dict[str, set[str]]:
    with Store(db) as store:
        analysis = store.load_results("bench")
        articles = len(store.article_ids())
    found = {kind: {encode_record(r) for r in getattr(analysis, kind)} for kind in KINDS}
    found["articles"] = {str(articles)}
    return found


def check(days: list[str], incremental_db: Path, batch_db: Path, report: dict[str, Any]) -> dict[str, Any]:
    """A batch run over ``days`` against the incremental store, kind by kind."""
    files = [day_file(d) for d in days]
    report["steps"].append(timed(f"analyze {'+'.join(days)} --db", lambda: analyze(files, db=batch_db)))
    batch, incremental = stored(batch_db), stored(incremental_db)
    found = {
        kind: {
            "batch": len(batch[kind]),
            "incremental": len(incremental[kind]),
            "only_batch": len(batch[kind] - incremental[kind]),
            "only_incremental": len(incremental[kind] - batch[kind]),
        }
        for kind in KINDS
    }
    for kind, counts in found.items():
        print(kind, counts, flush=True)
        # A few of the differing records, to read which allowed difference (docs/archive.md) they are.
        for side, extra in (
            ("only batch", batch[kind] - incremental[kind]),
            ("only incremental", incremental[kind] - batch[kind]),
        ):
            for record in sorted(extra)[:3]:
                print(f"  {side}: {record[:600]}", flush=True)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--day", default="2015-08-04")
    parser.add_argument("--base", action="append", help="comma-separated earlier days (repeatable)")
    parser.add_argument("--check", action="store_true", help="compare with a batch run (first base + day)")
    parser.add_argument("--first", type=int, help="only the first N articles of each day")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    bases = [b.split(",") for b in (args.base or ["2015-08-03"])]
    report: dict[str, Any] = {"day": args.day, "steps": []}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        FIRST.update(n=args.first, folder=folder)
        analyze(ROOT / "examples" / "seeds")  # models loaded before any step is timed
        report["steps"].append(timed(f"analyze {args.day} alone", lambda: analyze(day_file(args.day))))
        for n, base in enumerate(bases):
            db = folder / f"store-{n}.db"
            files = [day_file(d) for d in base]
            report["steps"].append(timed(f"add {'+'.join(base)}", lambda files=files, db=db: add(files, db)))
            with Store(db) as store:
                size = len(store.article_ids())
            step = timed(f"add {args.day} to a store of {size}", lambda db=db: add([day_file(args.day)], db))
            report["steps"].append({**step, "store_articles": size})
            if (
                args.check and n == 0
            ):  # the check first, so it is there even if a larger base runs out of time
                report["check"] = check([*base, args.day], db, folder / "batch.db", report)
            if args.out:
                args.out.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
