"""Claim comparison measured against stance labels (Arabic News Stance corpus layout).

Each row of the CSV is a pair of statements ``s1, s2`` with a gold ``stance``: agree, disagree or
other. isnad's decision is `isnad.event.stance.judge_pairs`, the very function `isnad.event.compare` uses to
judge outlets' claims against each other, so this measures the product.
"""

from __future__ import annotations

import csv
import time
from dataclasses import dataclass
from pathlib import Path

from sklearn.metrics import f1_score, precision_recall_fscore_support

from isnad.evaluation.table import format_table, headline
from isnad.event.stance import STANCES, judge_pairs

REQUIRED_COLUMNS = ("s1", "s2", "stance")


@dataclass(frozen=True)
class StancePair:
    s1: str
    s2: str
    stance: str


@dataclass
class StanceEvaluation:
    """Per-class precision, recall, F1 and support, and the macro F1 over the three classes."""

    path: Path
    pairs: int
    per_class: dict[str, tuple[float, float, float, int]]
    macro_f1: float
    accuracy: float
    seconds: float


def read_stance_pairs(csv_path: str | Path) -> list[StancePair]:
    path = Path(csv_path)
    if not path.is_file():
        raise FileNotFoundError(f"stance pairs file {path} not found")
    with path.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise ValueError(f"{path}: missing column(s) {', '.join(missing)}; need {REQUIRED_COLUMNS}")
        pairs = [StancePair(r["s1"], r["s2"], r["stance"].strip()) for r in reader]
    unknown = {p.stance for p in pairs} - set(STANCES)
    if unknown:
        raise ValueError(f"{path}: unknown stance label(s) {sorted(unknown)}; expected {STANCES}")
    return pairs


def evaluate_stance(csv_path: str | Path) -> StanceEvaluation:
    pairs = read_stance_pairs(csv_path)
    started = time.perf_counter()
    decisions = judge_pairs([(p.s1, p.s2) for p in pairs])
    seconds = time.perf_counter() - started
    gold = [p.stance for p in pairs]
    predicted = [d.stance for d in decisions]
    precision, recall, f1, support = precision_recall_fscore_support(
        gold, predicted, labels=list(STANCES), zero_division=0
    )
    per_class: dict[str, tuple[float, float, float, int]] = {
        label: (float(precision[i]), float(recall[i]), float(f1[i]), int(support[i]))
        for i, label in enumerate(STANCES)
    }
    return StanceEvaluation(
        path=Path(csv_path),
        pairs=len(pairs),
        per_class=per_class,
        macro_f1=float(f1_score(gold, predicted, labels=list(STANCES), average="macro", zero_division=0)),
        accuracy=sum(g == p for g, p in zip(gold, predicted, strict=True)) / max(len(pairs), 1),
        seconds=seconds,
    )


def format_stance(evaluation: StanceEvaluation) -> str:
    """The evaluation as a table, ending with the ``macro_f1=`` headline line."""
    rows = [(label, p, r, f, n) for label, (p, r, f, n) in evaluation.per_class.items()]
    table = format_table(["stance", "precision", "recall", "f1", "support"], rows)
    return "\n".join(
        [
            f"{evaluation.path}: {evaluation.pairs} pairs, accuracy {evaluation.accuracy:.3f}, "
            f"{evaluation.seconds:.1f} s",
            table,
            headline("macro_f1", evaluation.macro_f1),
        ]
    )


def print_stance(evaluation: StanceEvaluation) -> None:
    print(format_stance(evaluation))
