"""Latency of `isnad serve` on a store of real news: p50 and p95 per page, against a peer.

    python benchmarks/bench_serve.py [--articles 10000] [--db /tmp/bench-serve.db] [--requests 40]

Builds (once; kept at --db) a store from the first N articles of ../shared/data/saudinewsnet in
time order with `isnad add`'s path, serves it with uvicorn on 127.0.0.1, and times bounded loops
of requests to the front page, event pages, article pages and searches. The peer, measured in the
same run on the same file, is the bare SQLite query each page is built around (the events list,
one event's record, one article's row, one FTS5 match): what is left is isnad's own work.
Only the loopback address is ever contacted.
"""

from __future__ import annotations

import argparse
import gzip
import random
import socket
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import uvicorn

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "saudinewsnet"
PER_FILE = 2000
QUERIES = ["اليمن", "الحوثيين", "وزير الخارجية", "داعش", "أسعار النفط", "الهلال", "السعودية", "إيران"]


def build_store(db: Path, count: int) -> None:
    """A batch run (`isnad analyze --db`) over the first ``count`` articles, written to files of
    ``PER_FILE`` articles (isnad refuses input files over 20 MB)."""
    from isnad.pipeline import analyze

    with tempfile.TemporaryDirectory() as tmp:
        files: list[Path] = []
        taken = 0
        out = None
        for day in sorted(DATA.glob("*.jsonl.gz")):
            with gzip.open(day, "rt", encoding="utf-8") as lines:
                for line in lines:
                    if taken % PER_FILE == 0:
                        if out is not None:
                            out.close()
                        files.append(Path(tmp) / f"articles-{len(files):03d}.jsonl")
                        out = files[-1].open("w", encoding="utf-8")
                    assert out is not None
                    out.write(line if line.endswith("\n") else line + "\n")
                    taken += 1
                    if taken >= count:
                        break
            if taken >= count:
                break
        if out is not None:
            out.close()
        started = time.perf_counter()
        analyze(files, db=db)
        print(f"built {db} from {taken} articles in {time.perf_counter() - started:.0f} s", file=sys.stderr)


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered) * 1000, p95 * 1000


def timed(call: Callable[[], object], repeats: int) -> list[float]:
    samples = []
    for _ in range(repeats):
        started = time.perf_counter()
        call()
        samples.append(time.perf_counter() - started)
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/bench-serve.db"))
    parser.add_argument("--requests", type=int, default=40, help="requests per page kind (bounded loop)")
    args = parser.parse_args()
    if not DATA.exists():
        sys.exit(f"error: {DATA} not found: the benchmark reads real articles from ../shared/data")
    if not args.db.exists():
        build_store(args.db, args.articles)

    from isnad.serve import create_app

    app = create_app(args.db)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)

    rng = random.Random(7)
    raw = sqlite3.connect(f"{args.db.resolve().as_uri()}?mode=ro", uri=True)
    articles = raw.execute("SELECT count(*) FROM articles").fetchone()[0]
    base = f"http://127.0.0.1:{port}"
    with httpx.Client(base_url=base, timeout=30) as client:
        client.get("/")  # the first request builds the archive's index; later ones reuse it
        events = client.get("/api/events").json()["events"]
        pages = max(1, client.get("/api/events").json()["total"] // 30)
        event_ids = [e["id"] for e in client.get("/api/events", params={"page": 1}).json()["events"]]
        event_ids += [e["id"] for e in client.get("/api/events", params={"page": pages}).json()["events"]]
        article_ids = [row[0] for row in raw.execute("SELECT id FROM articles ORDER BY random() LIMIT 200")]
        cases: dict[str, tuple[Callable[[], object], Callable[[], object]]] = {
            "/": (
                lambda: client.get("/").raise_for_status(),
                lambda: raw.execute("SELECT record FROM results WHERE kind = 'events'").fetchall(),
            ),
            "/events/{id}": (
                lambda: client.get(f"/events/{rng.choice(event_ids)}").raise_for_status(),
                lambda: raw.execute(
                    "SELECT record FROM results WHERE kind = 'events' AND json_extract(record, '$.id') = ?",
                    (rng.choice(event_ids),),
                ).fetchall(),
            ),
            "/articles/{id}": (
                lambda: client.get(f"/articles/{rng.choice(article_ids)}").raise_for_status(),
                lambda: raw.execute(
                    "SELECT * FROM articles WHERE id = ?", (rng.choice(article_ids),)
                ).fetchall(),
            ),
            "/search?q=": (
                lambda: client.get("/search", params={"q": rng.choice(QUERIES)}).raise_for_status(),
                lambda: raw.execute(
                    "SELECT article_id FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rank LIMIT 30",
                    (f'"{rng.choice(QUERIES).split()[0]}"',),
                ).fetchall(),
            ),
        }
        print(
            f"store: {articles} articles, {len(events)} events on the first page; {args.requests} requests each"
        )
        print(f"{'page':<16}{'p50 ms':>9}{'p95 ms':>9}   {'peer p50':>9}{'peer p95':>9}  (bare SQLite query)")
        for name, (page, peer) in cases.items():
            p50, p95 = percentiles(timed(page, args.requests))
            q50, q95 = percentiles(timed(peer, args.requests))
            print(f"{name:<16}{p50:>9.1f}{p95:>9.1f}   {q50:>9.1f}{q95:>9.1f}")
    server.should_exit = True
    thread.join(timeout=10)


if __name__ == "__main__":
    main()
