"""Where `isnad add` spends its time and memory: each stage of adding a day to a store, timed, with
the PSS of the process and its workers sampled throughout.

1. The base days are added to a new store in one `add` call (skipped when ``--db`` already holds a
   store: pass one made earlier to time only the day).
2. A copy of that store gets the day, with every stage of `pipeline.add` and
   `incremental.update_results` timed (wall and CPU seconds, workers included) and the peak PSS
   reported with the stage it fell in.
3. The day is analysed alone (`pipeline.analyze`, no store), the cost the add is measured against.

    python benchmarks/bench_add_stages.py --day 2015-08-09 [--base 2015-07-21,...|--base all]
        [--db /tmp/base.db]

``--base all`` takes every SaudiNewsNet day before ``--day``. SaudiNewsNet is CC BY-NC-SA: it is
read from ../shared/data, never copied into the project.
"""

from __future__ import annotations

import argparse
import functools
import importlib
import os
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent / "src"))
sys.path.insert(0, str(ROOT))
from bench_archive import _tree_rss  # noqa: E402

from isnad import pipeline  # noqa: E402

DATA = ROOT.parent.parent / "shared" / "data" / "saudinewsnet"
STAGES = [
    ("isnad.pipeline", "grow_boilerplate"),
    ("isnad.pipeline", "update_store"),
    ("isnad.pipeline", "update_results"),
    ("isnad.incremental", "reuse_of_new"),
    ("isnad.incremental", "link_all"),
    ("isnad.incremental", "update_per_event"),
]


def cpu_seconds() -> float:
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


class Sampler:
    """The PSS of this process and its workers every half second, and the stage running then."""

    def __init__(self) -> None:
        self.stage = "read and store"
        self.peak = (0, "")
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> Sampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            _, pss = _tree_rss(os.getpid())
            if pss > self.peak[0]:
                self.peak = (pss, self.stage)
            self._stop.wait(0.5)


def timed(sampler: Sampler, module: str, name: str) -> Callable[[], None]:
    """Wrap ``module.name`` so each call prints its wall and CPU seconds; returns the undo."""
    owner = importlib.import_module(module)
    original = getattr(owner, name)

    @functools.wraps(original)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        outer, sampler.stage = sampler.stage, name
        wall, cpu = time.perf_counter(), cpu_seconds()
        try:
            return original(*args, **kwargs)
        finally:
            print(f"  {name:<18} {time.perf_counter() - wall:7.1f} s wall {cpu_seconds() - cpu:7.1f} s CPU")
            sampler.stage = outer

    setattr(owner, name, wrapper)
    return lambda: setattr(owner, name, original)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--day", default="2015-08-09")
    parser.add_argument(
        "--base", default="all", help="comma-separated days, or 'all' (every day before --day)"
    )
    parser.add_argument("--db", type=Path, help="the base store: made here unless it exists")
    args = parser.parse_args()
    day = DATA / f"{args.day}.jsonl.gz"
    if args.base == "all":
        base = sorted(p for p in DATA.glob("*.jsonl.gz") if p.name < day.name)
    else:
        base = [DATA / f"{d}.jsonl.gz" for d in args.base.split(",")]
    work = Path(tempfile.mkdtemp(prefix="isnad-add-stages-"))
    db = args.db or work / "base.db"
    if not db.exists():
        wall, cpu = time.perf_counter(), cpu_seconds()
        added = pipeline.add(base, db)
        print(
            f"base: {len(added.new)} articles of {len(base)} days, {time.perf_counter() - wall:.1f} s wall, "
            f"{cpu_seconds() - cpu:.1f} s CPU"
        )
    copy = work / "day.db"
    shutil.copy(db, copy)
    print(f"add {args.day} to the base store, by stage:")
    with Sampler() as sampler:
        undo = [timed(sampler, module, name) for module, name in STAGES]
        wall, cpu = time.perf_counter(), cpu_seconds()
        added = pipeline.add([day], copy)
        add_wall, add_cpu = time.perf_counter() - wall, cpu_seconds() - cpu
        for restore in undo:
            restore()
    pss, stage = sampler.peak
    print(
        f"  {'whole add':<18} {add_wall:7.1f} s wall {add_cpu:7.1f} s CPU; peak PSS {pss / 2**30:.2f} GB in {stage}"
    )
    wall, cpu = time.perf_counter(), cpu_seconds()
    alone = pipeline.analyze([day])
    alone_wall, alone_cpu = time.perf_counter() - wall, cpu_seconds() - cpu
    print(
        f"analyze {args.day} alone ({len(alone.articles)} articles): {alone_wall:.1f} s wall, {alone_cpu:.1f} s CPU"
    )
    print(f"add / alone: {add_wall / alone_wall:.2f}x wall, {add_cpu / alone_cpu:.2f}x CPU")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
