"""Reuse links on a real day: precision by score band against links judged by reading, and
recall of the day's silver pairs.

Gold (``tests/fixtures/gold/reuse-links/``) is a TSV of article pairs, each judged by reading
both passages as ``reuse`` (the text was copied), ``partial`` (some of it was, with much
rewritten or only a sentence or two), ``topic`` (same happening, written independently),
``boilerplate`` (only formulas, titles or names in common) or ``unrelated``. Only the urls and
ids of the articles are kept, never their text (the corpus is CC BY-NC-SA). A reported link counts
as right when judged ``reuse``, half when ``partial``.

Silver pairs are computed, not judged: pairs of articles from different outlets of which one
shares at least half of its 8-word sequences with the other. Such pairs are copies by any
standard, so a reuse detector should find them all.
"""

from __future__ import annotations

import csv
import gzip
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import combinations, pairwise
from pathlib import Path

from isnad.arabic import tokenize
from isnad.article.doc import Corpus
from isnad.corpus.reuse import find_reuse
from isnad.corpus.reuse_weights import ReuseParams
from isnad.evaluation.table import format_table, headline
from isnad.model import Article, ReuseLink

LABELS = ("reuse", "partial", "topic", "boilerplate", "unrelated")
CREDIT = {"reuse": 1.0, "partial": 0.5}
BANDS = (0.0, 0.5, 0.75, 0.865, 0.95, 1.01)  # 0.865: the default threshold
SILVER_N = 8  # words per sequence
SILVER_SHARE = 0.5  # of the smaller article's sequences


@dataclass(frozen=True)
class JudgedLink:
    url_a: str
    url_b: str
    label: str
    reason: str


@dataclass
class LinkEvaluation:
    bands: list[tuple[str, int, int, float | None]]  # band, links, judged, precision
    precision: float | None  # of links at or above the default threshold: bands weighted by size
    judged: int
    links: int
    silver: int
    silver_found: int

    @property
    def recall(self) -> float:
        return self.silver_found / self.silver if self.silver else 1.0


def read_judged(path: str | Path) -> list[JudgedLink]:
    """The judged links of a gold TSV (columns url_a, url_b, label, reason, and any others)."""
    judged = []
    with open(path, encoding="utf-8", newline="") as handle:
        for line, row in enumerate(csv.DictReader(handle, delimiter="\t"), start=2):
            if row.get("label") not in LABELS:
                raise ValueError(
                    f"{path}:{line}: label must be one of {', '.join(LABELS)}; got {row.get('label')!r}"
                )
            judged.append(JudgedLink(row["url_a"], row["url_b"], row["label"], row.get("reason", "")))
    return judged


def read_day(path: str | Path) -> list[Article]:
    """The articles of one day's JSONL (gzipped or not)."""
    from isnad.pipeline import read

    source = Path(path)
    if source.suffix != ".gz":
        return read([str(source)])[0]
    with tempfile.TemporaryDirectory() as folder:
        plain = Path(folder) / source.stem
        plain.write_bytes(gzip.decompress(source.read_bytes()))
        return read([str(plain)])[0]


def silver_pairs(articles: Sequence[Article]) -> set[tuple[str, str]]:
    """Cross-outlet pairs (urls, sorted) where one article shares half its 8-word sequences."""
    sequences: list[set[int]] = []
    holders: dict[int, list[int]] = defaultdict(list)
    for n, article in enumerate(articles):
        words = [t.norm for t in tokenize(article.text) if t.kind != "punct"]
        own = {hash(tuple(words[i : i + SILVER_N])) for i in range(len(words) - SILVER_N + 1)}
        sequences.append(own)
        for sequence in own:
            holders[sequence].append(n)
    shared: Counter[tuple[int, int]] = Counter()
    for group in holders.values():
        shared.update(combinations(group, 2))
    found = set()
    for (a, b), count in shared.items():
        first, second = articles[a], articles[b]
        if first.outlet == second.outlet:
            continue
        if count >= SILVER_SHARE * min(len(sequences[a]), len(sequences[b])):
            found.add(_key(first, second))
    return found


def _key(a: Article, b: Article) -> tuple[str, str]:
    first, second = a.url or a.id, b.url or b.id
    return (first, second) if first <= second else (second, first)


def evaluate_links(
    articles: Sequence[Article],
    judged: Iterable[JudgedLink],
    links: Sequence[ReuseLink] | None = None,
    params: ReuseParams | None = None,
) -> LinkEvaluation:
    """Score the links isnad reports on these articles (found here unless given)."""
    params = params or ReuseParams()
    if links is None:  # every aligned pair, so that the bands under the threshold show too
        links = find_reuse(Corpus(articles), replace(params, min_link_score=0.0))
    by_id = {a.id: a for a in articles}
    labels = {tuple(sorted((j.url_a, j.url_b))): j.label for j in judged}
    found = {_key(by_id[link.a], by_id[link.b]): link.score for link in links}
    bands = []
    for lo, hi in pairwise(BANDS):
        inside = [key for key, score in found.items() if lo <= score < hi]
        bands.append((f"{lo:.3f}-{min(hi, 1.0):.3f}", len(inside), *_precision(inside, labels)))
    reported = [key for key, score in found.items() if score >= params.min_link_score]
    # Judged links were sampled by band, so each band's precision counts by its share of links.
    above = [
        (count, judged, precision)
        for (_, count, judged, precision), lo in zip(bands, BANDS, strict=False)
        if lo >= params.min_link_score and precision is not None
    ]
    judged_count = sum(judged for _, judged, _ in above)
    weight = sum(count for count, _, _ in above)
    precision = sum(count * p for count, _, p in above) / weight if weight else None
    silver = silver_pairs(articles)
    return LinkEvaluation(
        bands=bands,
        precision=precision,
        judged=judged_count,
        links=len(reported),
        silver=len(silver),
        silver_found=len(silver & set(reported)),
    )


def _precision(
    keys: Sequence[tuple[str, str]], labels: dict[tuple[str, ...], str]
) -> tuple[int, float | None]:
    judged = [labels[key] for key in keys if key in labels]
    if not judged:
        return 0, None
    return len(judged), sum(CREDIT.get(label, 0.0) for label in judged) / len(judged)


def format_links(evaluation: LinkEvaluation) -> str:
    rows = [
        (band, count, judged, "-" if precision is None else precision)
        for band, count, judged, precision in evaluation.bands
    ]
    lines = [format_table(("score", "links", "judged", "precision"), rows), ""]
    shown = "-" if evaluation.precision is None else f"{evaluation.precision:.3f}"
    lines.append(f"reported links {evaluation.links}, judged {evaluation.judged}, precision {shown}")
    lines.append(f"silver pairs {evaluation.silver}, found {evaluation.silver_found}")
    lines.append(headline("silver_recall", evaluation.recall))
    return "\n".join(lines)
