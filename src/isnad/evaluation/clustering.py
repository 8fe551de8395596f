"""Event and storyline clustering measured against hand labels: B-cubed and adjusted Rand index.

The labels file (``tests/fixtures/event_clusters/labels.csv``, see its README) names each item
and its gold event and storyline. Items are ``semeval:PAIR_ID:SIDE`` (a text of the SemEval-2022
Task 8 CSV) or ``seed:FILE`` (a file of the seeds folder). All items are grouped at once by
`isnad.corpus.stories.group_stories` and the groups compared with the labels.

B-cubed (Bagga and Baldwin 1998) scores every item by how much its predicted cluster and its gold
cluster overlap, so a big cluster cannot hide errors in small ones. The confidence floor is the
2.5th percentile of a bootstrap over gold clusters (seeded, so reruns agree).
"""

from __future__ import annotations

import csv
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.metrics import adjusted_rand_score

from isnad.article.doc import Corpus
from isnad.corpus.stories import group_stories
from isnad.evaluation.similarity import read_rated_pairs
from isnad.evaluation.table import format_table, headline
from isnad.ingest import build_article
from isnad.model import Article
from isnad.pipeline import read, segment

BOOTSTRAP_SAMPLES = 1000
BOOTSTRAP_SEED = 20260
REQUIRED_COLUMNS = ("item", "event", "storyline")


@dataclass(frozen=True)
class ClusteringScores:
    """B-cubed precision, recall and F1, adjusted Rand index, and the bootstrap floors."""

    level: str
    clusters: int
    gold_clusters: int
    precision: float
    recall: float
    f1: float
    f1_floor: float
    ari: float
    ari_floor: float


@dataclass
class ClusteringEvaluation:
    path: Path
    items: int
    events: ClusteringScores
    storylines: ClusteringScores
    seconds: float


def bcubed(predicted: list[str], gold: list[str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of one clustering against another (labels per item)."""
    pred = np.array(predicted)
    true = np.array(gold)
    same_pred = pred[:, None] == pred[None, :]
    same_gold = true[:, None] == true[None, :]
    both = (same_pred & same_gold).sum(axis=1)
    precision = float((both / same_pred.sum(axis=1)).mean())
    recall = float((both / same_gold.sum(axis=1)).mean())
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def score_clustering(level: str, predicted: list[str], gold: list[str]) -> ClusteringScores:
    """Scores of one level, with bootstrap floors (2.5th percentile) for F1 and ARI.

    The bootstrap draws gold clusters with replacement; a cluster drawn twice enters as two
    distinct copies (in gold and prediction alike), so duplicates never count as agreement.
    """
    precision, recall, f1 = bcubed(predicted, gold)
    members: dict[str, list[int]] = {}
    for i, label in enumerate(gold):
        members.setdefault(label, []).append(i)
    clusters = list(members.values())
    rng = np.random.default_rng(BOOTSTRAP_SEED)
    f1s, aris = [], []
    for _ in range(BOOTSTRAP_SAMPLES):
        drawn = rng.integers(0, len(clusters), len(clusters))
        copies: Counter[int] = Counter()
        sample_pred, sample_gold = [], []
        for c in drawn:
            copy = copies[c]
            copies[c] += 1
            for i in clusters[c]:
                sample_pred.append(f"{predicted[i]}#{copy}")
                sample_gold.append(f"{gold[i]}#{copy}")
        f1s.append(bcubed(sample_pred, sample_gold)[2])
        aris.append(adjusted_rand_score(sample_gold, sample_pred))
    return ClusteringScores(
        level=level,
        clusters=len(set(predicted)),
        gold_clusters=len(set(gold)),
        precision=precision,
        recall=recall,
        f1=f1,
        f1_floor=float(np.percentile(f1s, 2.5)),
        ari=float(adjusted_rand_score(gold, predicted)),
        ari_floor=float(np.percentile(aris, 2.5)),
    )


def _load_items(
    labels_csv: Path, semeval_csv: Path, seeds_dir: Path
) -> tuple[list[Article], list[str], list[str]]:
    """Articles of the labelled items, with their gold event and storyline labels."""
    pairs = {p.pair_id: p for p in read_rated_pairs(semeval_csv)}
    seeds, _ = read([seeds_dir])
    seed_by_file = {Path(a.source_path).name: a for a in seeds}
    with labels_csv.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise ValueError(f"{labels_csv} lacks the column(s) {', '.join(missing)}")
        rows = list(reader)
    articles, events, storylines = [], [], []
    for row in rows:
        kind, _, ref = row["item"].partition(":")
        if kind == "semeval":
            pair_id, _, side = ref.rpartition(":")
            text = pairs[pair_id].text1 if side == "1" else pairs[pair_id].text2
            article = segment(build_article(text, source_path=row["item"]))
        elif kind == "seed":
            article = seed_by_file[ref]
        else:
            raise ValueError(f"{labels_csv}: unknown item kind in {row['item']!r}")
        articles.append(article)
        events.append(row["event"])
        storylines.append(row["storyline"])
    return articles, events, storylines


def evaluate_clustering(
    labels_csv: str | Path, semeval_csv: str | Path, seeds_dir: str | Path
) -> ClusteringEvaluation:
    """Group the labelled items with isnad and score events and storylines against the labels."""
    started = time.perf_counter()
    articles, gold_events, gold_storylines = _load_items(Path(labels_csv), Path(semeval_csv), Path(seeds_dir))
    if len({a.id for a in articles}) != len(articles):
        raise ValueError(f"{labels_csv}: two items are the same article; label it once")
    events, _ = group_stories(Corpus(articles))
    event_of = {article_id: e for e in events for article_id in e.article_ids}
    predicted_events = [event_of[a.id].id for a in articles]
    predicted_storylines = [event_of[a.id].storyline_id or "" for a in articles]
    return ClusteringEvaluation(
        path=Path(labels_csv),
        items=len(articles),
        events=score_clustering("events", predicted_events, gold_events),
        storylines=score_clustering("storylines", predicted_storylines, gold_storylines),
        seconds=time.perf_counter() - started,
    )


def format_clustering(evaluation: ClusteringEvaluation) -> str:
    """The evaluation as a table, ending with the event-level ``bcubed_f1=`` headline line."""
    rows = [
        (
            s.level,
            s.clusters,
            s.gold_clusters,
            s.precision,
            s.recall,
            s.f1,
            s.f1_floor,
            s.ari,
            s.ari_floor,
        )
        for s in (evaluation.events, evaluation.storylines)
    ]
    table = format_table(
        ["level", "found", "gold", "B3 precision", "B3 recall", "B3 F1", "F1 floor", "ARI", "ARI floor"], rows
    )
    return "\n".join(
        [
            f"{evaluation.path}: {evaluation.items} items, {evaluation.seconds:.1f} s; "
            f"floors: 2.5th percentile of {BOOTSTRAP_SAMPLES} bootstrap samples of gold clusters",
            table,
            headline("bcubed_f1", evaluation.events.f1),
        ]
    )


def print_clustering(evaluation: ClusteringEvaluation) -> None:
    print(format_clustering(evaluation))
