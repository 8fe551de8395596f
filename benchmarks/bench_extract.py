"""Throughput and peak memory of extraction (entities, attributions, figures, dates) and of the
NER tagger alone.

Reads the bundled seeds and the first ExAra documents (../shared/data/exara-dev), then times
`isnad.article.extract.extract` per extractor and as a whole, repeating each run and reporting medians in
tokens/s and articles/s. The NER tagger is also timed on ANERcorp's sentences (model load time
and tokens/s). As a peer in the same run it times the text layer every extractor stands on,
tokenising the same sentences once, so the ratio says what extraction costs on top of tokenising.

    PYTHONPATH=src python benchmarks/bench_extract.py [--exara DIR] [--limit N] [--repeat R]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from isnad.article.entities import find_entities
from isnad.article.extract import extract, find_attributions, find_dates, find_figures, sentence_tokens
from isnad.article.ner import MODEL_FILE, default_tagger, models_dir
from isnad.evaluation.ner import read_conll
from isnad.model import Article
from isnad.pipeline import read

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"


def median_time(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def report(name: str, articles: list[Article], repeat: int) -> None:
    tokens = {a.id: sentence_tokens(a) for a in articles}
    n_tokens = sum(len(t) for sentences in tokens.values() for t in sentences)
    default_tagger()  # loaded once per process, as in a run; timed separately below
    stages: dict[str, Callable[[], object]] = {
        "tokenise (peer)": lambda: [sentence_tokens(a) for a in articles],
        "attributions": lambda: [find_attributions(a, tokens[a.id]) for a in articles],
        "figures": lambda: [find_figures(a, tokens[a.id]) for a in articles],
        "dates": lambda: [find_dates(a, tokens[a.id]) for a in articles],
        "entities": lambda: find_entities(articles, tokens),
        "extract (all)": lambda: extract(articles),
    }
    medians = {stage: median_time(fn, repeat) for stage, fn in stages.items()}
    print(f"\n## {name}: {len(articles)} articles, {n_tokens} tokens, median of {repeat} runs")
    for stage, seconds in medians.items():
        print(
            f"  {stage:<16} {seconds:8.3f} s  {n_tokens / seconds:10,.0f} tokens/s  {len(articles) / seconds:8.1f} articles/s"
        )
    ratio = medians["extract (all)"] / max(medians["tokenise (peer)"], 1e-9)
    print(f"  extract / tokenise = {ratio:.1f}x")


def report_tagger(repeat: int) -> None:
    corpus = DATA / "anercorp" / "ANERCorp_CamelLab_train.txt"
    default_tagger.cache_clear()
    start = time.perf_counter()
    tagger = default_tagger()
    load = time.perf_counter() - start
    size_mb = sum(p.stat().st_size for p in models_dir().iterdir() if p.is_file()) / 1e6
    model_mb = (models_dir() / MODEL_FILE).stat().st_size / 1e6
    print(f"\n## NER model: {model_mb:.1f} MB CRF, {size_mb:.1f} MB with its tables; loaded in {load:.2f} s")
    if not corpus.exists():
        print(f"  {corpus} not found: tagger speed needs ../shared/data", file=sys.stderr)
        return
    sentences = [words for words, _ in read_conll(corpus)][:2000]
    n = sum(len(s) for s in sentences)
    seconds = median_time(lambda: [tagger.tag(s) for s in sentences], repeat)
    print(f"  tagging {len(sentences)} ANERcorp sentences: {n / seconds:,.0f} tokens/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--exara", type=Path, default=DATA / "exara-dev")
    parser.add_argument("--limit", type=int, default=100, help="ExAra documents to use")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    seeds, _ = read([ROOT / "examples" / "seeds"])
    report("seeds", seeds, args.repeat)
    if args.exara.is_dir():
        docs, _ = read(sorted((args.exara / "source-documents").glob("*.txt"))[: args.limit])
        report(f"exara-dev source documents (first {len(docs)})", docs, args.repeat)
    else:
        print(f"\n{args.exara} not found: the ExAra part needs ../shared/data (see README)", file=sys.stderr)
    report_tagger(args.repeat)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak memory (max RSS of this process): {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
