"""Time and peak memory of the whole ExAra dev reuse run, against datasketch's MinHashLSH.

isnad: read the PAN corpus, build the text layer, index every source, detect reuse for every
suspicious document and score it (`isnad.evaluation.evaluate_reuse`, the same run as
`isnad eval reuse`). Peer, in the same run: the same reading and text layer, then datasketch's
MinHashLSH doing *document-level* candidate search over the same shingles (each document's set of
content stems), sources indexed, suspicious documents queried. The peer stops at candidate pairs
(no passage alignment), so it is a floor for the candidate step alone; its candidate recall on
the gold (suspicious, source) pairs is printed to show what document-level search misses.

Each run is a fresh subprocess, so its peak RSS is its own; medians over ``--repeat`` runs.

    PYTHONPATH=src python benchmarks/bench_reuse.py [--exara DIR] [--repeat R]
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PEER_THRESHOLD = 0.2  # document Jaccard: lower than any dev pair's would only add candidates
PEER_NUM_PERM = 64  # as isnad's chunks


def run_isnad(exara: Path) -> dict[str, float]:
    from isnad.evaluation import evaluate_reuse

    evaluation = evaluate_reuse(exara)
    return {"plagdet": evaluation.overall.plagdet, "detections": len(evaluation.detections)}


def run_peer(exara: Path) -> dict[str, float]:
    from datasketch import MinHash, MinHashLSH

    from isnad.article.doc import Corpus
    from isnad.evaluation.pan import load_pan_corpus
    from isnad.model import Article
    from isnad.pipeline import segment

    pan = load_pan_corpus(exara)
    articles = [
        segment(Article(id=name, text=text, source_path=name))
        for texts in (pan.sources, pan.suspicious)
        for name, text in texts.items()
    ]
    corpus = Corpus(articles)

    def signature(name: str) -> MinHash:
        minhash = MinHash(num_perm=PEER_NUM_PERM)
        minhash.update_batch([term.encode() for term in set(corpus.text(name).content_terms())])
        return minhash

    index = MinHashLSH(threshold=PEER_THRESHOLD, num_perm=PEER_NUM_PERM)
    for name in pan.sources:
        index.insert(name, signature(name))
    candidates = {(susp, src) for susp in pan.suspicious for src in index.query(signature(susp))}
    gold = {(case.susp, case.src) for case in pan.cases}
    return {"candidates": len(candidates), "gold_pair_recall": len(gold & candidates) / len(gold)}


def child(which: str, exara: Path) -> None:
    started = time.perf_counter()
    result = (run_isnad if which == "isnad" else run_peer)(exara)
    result["seconds"] = time.perf_counter() - started
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def measure(which: str, exara: Path) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", which, "--exara", str(exara)],
        check=True,
        capture_output=True,
        text=True,
    )
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--exara", type=Path, default=ROOT.parent / "shared" / "data" / "exara-dev")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child", choices=["isnad", "peer"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.exara)
        return
    if not args.exara.is_dir():
        sys.exit(f"{args.exara} not found: the ExAra dev corpus lives in ../shared/data")
    runs: dict[str, list[dict[str, float]]] = {"isnad": [], "peer": []}
    for _ in range(args.repeat):
        for which in runs:  # interleaved, so load on the machine hits both alike
            runs[which].append(measure(which, args.exara))
    medians = {which: {k: statistics.median(r[k] for r in rs) for k in rs[0]} for which, rs in runs.items()}
    isnad, peer = medians["isnad"], medians["peer"]
    print(f"ExAra dev ({args.exara}), {args.repeat} runs each, medians")
    print(
        f"isnad  index + detect + score : {isnad['seconds']:6.1f} s  peak {isnad['peak_rss_mb']:6.0f} MB  "
        f"plagdet {isnad['plagdet']:.3f}"
    )
    print(
        f"peer   datasketch MinHashLSH  : {peer['seconds']:6.1f} s  peak {peer['peak_rss_mb']:6.0f} MB  "
        f"document-level candidates {peer['candidates']:.0f}, gold pair recall {peer['gold_pair_recall']:.3f}"
    )
    print(f"time ratio isnad/peer: {isnad['seconds'] / peer['seconds']:.2f}")


if __name__ == "__main__":
    main()
