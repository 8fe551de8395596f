"""How reuse detection grows with the corpus: 1k, 10k, 100k articles.

The articles are synthesised from the real ExAra texts (../shared/data/exara-dev): each is a
random excerpt of 120-400 words from a random document in which 80% of the words are replaced by
words drawn from the whole corpus's vocabulary (so that 100k articles drawn from a pool of 870
documents are not all copies of each other: without it, the number of truly reused pairs, and so
the work, grows with the square of the corpus), then lightly mutated (about 5% of words dropped,
about 5% of neighbouring words swapped). One in four also carries a copied passage of 40-120
words from another synthetic article, lightly mutated the same way: the reuse to find. Each size
runs in a fresh subprocess: text layer + `find_reuse` over all pairs (LSH candidates), wall time
and peak RSS. The same run also times the peer of bench_reuse.py, datasketch's MinHashLSH over
one signature per article, as the floor of candidate search.

    PYTHONPATH=src python benchmarks/bench_reuse_scaling.py [--sizes 1000 10000 100000] [--exara DIR]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = 20261122
# Share of an excerpt's words kept. At 0.5, excerpts of one source document still share a third
# of their stems, and 10k articles held 10x the truly similar pairs of 1k (quadratic growth of
# real work, not of the detector's overhead): 1k took 8.4 s, 10k 116 s.
REAL_WORDS = 0.2


def synthesise(exara: Path, size: int) -> list[str]:
    """``size`` articles sampled and mutated from the ExAra texts (see the module docstring)."""
    rng = random.Random(SEED)
    pool = [
        path.read_text(encoding="utf-8").split()
        for folder in ("source-documents", "suspicious-documents")
        for path in sorted((exara / folder).glob("*.txt"))
    ]
    pool = [words for words in pool if len(words) >= 150]
    vocabulary = sorted({word for words in pool for word in words})
    articles: list[list[str]] = []
    for n in range(size):
        words = rng.choice(pool)
        length = rng.randint(120, min(400, len(words)))
        start = rng.randrange(len(words) - length + 1)
        excerpt = [
            w if rng.random() < REAL_WORDS else rng.choice(vocabulary) for w in words[start : start + length]
        ]
        article = _mutate(excerpt, rng)
        if n and rng.random() < 0.25:
            donor = rng.choice(articles)
            take = rng.randint(40, 120)
            at = rng.randrange(max(1, len(donor) - take))
            cut = rng.randrange(len(article))
            article[cut:cut] = _mutate(donor[at : at + take], rng)
        articles.append(article)
    return [" ".join(words) for words in articles]


def _mutate(words: list[str], rng: random.Random) -> list[str]:
    kept = [w for w in words if rng.random() > 0.05]
    for _ in range(len(kept) // 20):
        i = rng.randrange(max(1, len(kept) - 1))
        kept[i : i + 2] = kept[i : i + 2][::-1]
    return kept


def child(size: int, exara: Path, which: str) -> None:
    from isnad.article.doc import Corpus
    from isnad.model import Article
    from isnad.pipeline import segment

    texts = synthesise(exara, size)
    started = time.perf_counter()
    corpus = Corpus(segment(Article(id=f"a{n}", text=t, source_path=f"a{n}")) for n, t in enumerate(texts))
    corpus.texts()
    text_seconds = time.perf_counter() - started
    if which == "isnad":
        from isnad.corpus.reuse import find_reuse

        found = len(find_reuse(corpus))
    else:
        from datasketch import MinHash, MinHashLSH

        index = MinHashLSH(threshold=0.2, num_perm=64)
        signatures = []
        for text in corpus.texts():
            minhash = MinHash(num_perm=64)
            minhash.update_batch([t.encode() for t in set(text.content_terms())])
            signatures.append(minhash)
            index.insert(text.article.id, minhash)
        found = sum(len(index.query(m)) - 1 for m in signatures) // 2
    total = time.perf_counter() - started
    print(
        json.dumps(
            {
                "seconds": total,
                "text_seconds": text_seconds,
                "found": found,
                "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            }
        )
    )


def measure(size: int, exara: Path, which: str, timeout: float) -> dict[str, float] | None:
    try:
        out = subprocess.run(
            [sys.executable, __file__, "--child", str(size), which, "--exara", str(exara)],
            check=True,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return None
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--exara", type=Path, default=ROOT.parent / "shared" / "data" / "exara-dev")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--timeout", type=float, default=1800, help="seconds per size before giving up")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(int(args.child[0]), args.exara, args.child[1])
        return
    if not args.exara.is_dir():
        sys.exit(f"{args.exara} not found: the ExAra dev corpus lives in ../shared/data")
    print("articles  isnad s  (text layer s)  peak MB  links  |  peer s  peak MB  pairs  | isnad/peer")
    for size in args.sizes:
        isnad = measure(size, args.exara, "isnad", args.timeout)
        peer = measure(size, args.exara, "peer", args.timeout)
        if isnad is None or peer is None:
            print(f"{size:8d}  not finished within {args.timeout:.0f} s")
            continue
        print(
            f"{size:8d}  {isnad['seconds']:7.1f}  ({isnad['text_seconds']:6.1f})  {isnad['peak_rss_mb']:7.0f}"
            f"  {isnad['found']:5.0f}  |  {peer['seconds']:6.1f}  {peer['peak_rss_mb']:7.0f}  {peer['found']:5.0f}"
            f"  | {isnad['seconds'] / peer['seconds']:.2f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
