"""Experiment: the CRF of `isnad.article.ner` with the word's dense vector as real-valued
features, on the accuracy gate's split. Not shipped (models/README.md: no gain beyond noise).

    PYTHONPATH=src python scripts/train_ner_network.py vectors       # the raw word vectors first
    PYTHONPATH=src python scripts/ner_crf_vectors.py 32 0.1,0.3      # PCA dimensions, scales

Each token keeps the shipped CRF's features (weight 1) and gets ``v0..vN`` = its PCA-reduced
sentence-encoder vector (`train_ner_network.reduced_vectors`) times a scale, or ``novec`` when
the word is not in the table. The scale is picked on the validation tenth (the last tenth of the
first four fifths, trained on the rest); the chosen one is retrained on all four fifths and
scored on the last fifth, like the gate's CRF.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pycrfsuite
from train_ner_network import ANERCORP, RAW_VECTORS, reduced_vectors

from isnad.arabic import normalize, split_clitics
from isnad.article.ner import TRAINING_PARAMS, Resources, sentence_features
from isnad.evaluation.ner import Counts, read_conll, score_entities

Sentence = tuple[list[str], list[str]]


class VectorFeatures:
    def __init__(self, dims: int, res: Resources) -> None:
        words, self.vectors = reduced_vectors(RAW_VECTORS, dims)
        self.index = {w: i for i, w in enumerate(words)}
        self.res = res

    def __call__(self, words: list[str], scale: float) -> pycrfsuite.ItemSequence:
        items: list[dict[str, float]] = []
        for word, row in zip(words, sentence_features(words, self.res), strict=True):
            item = dict.fromkeys(row, 1.0)
            form = normalize(word)
            i = self.index.get(form, self.index.get(split_clitics(form)[1]))
            if i is None:
                item["novec"] = 1.0
            else:
                item |= {f"v{k}": float(x) * scale for k, x in enumerate(self.vectors[i])}
            items.append(item)
        return pycrfsuite.ItemSequence(items)


def train(features: VectorFeatures, data: list[Sentence], scale: float, path: Path) -> pycrfsuite.Tagger:
    trainer = pycrfsuite.Trainer(verbose=False)
    for words, tags in data:
        trainer.append(features(words, scale), tags)
    trainer.set_params(TRAINING_PARAMS)
    trainer.train(str(path))
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return tagger


def score(tagger: pycrfsuite.Tagger, features: VectorFeatures, data: list[Sentence], scale: float) -> Counts:
    predicted = [tagger.tag(features(words, scale)) for words, _ in data]
    return score_entities([tags for _, tags in data], predicted).micro


def main(dims: int, scales: list[float]) -> None:
    sentences = read_conll(ANERCORP)
    cut = len(sentences) - len(sentences) // 5
    training, held_out = sentences[:cut], sentences[cut:]
    fit_cut = len(training) - len(training) // 10
    features = VectorFeatures(dims, Resources.load())
    scratch = Path(RAW_VECTORS).with_suffix(".crfsuite")
    validation = {}
    for scale in scales:
        tagger = train(features, training[:fit_cut], scale, scratch)
        validation[scale] = score(tagger, features, training[fit_cut:], scale).f1
        print(f"scale {scale}: validation f1 {validation[scale]:.3f}", flush=True)
    scale = max(scales, key=lambda s: validation[s])
    m = score(train(features, training, scale, scratch), features, held_out, scale)
    print(f"chosen scale {scale}: held-out p={m.precision:.3f} r={m.recall:.3f} f1={m.f1:.3f}")
    print(f"(vectors for {np.count_nonzero(features.vectors.any(axis=1))} words)")


if __name__ == "__main__":
    main(int(sys.argv[1]), [float(s) for s in sys.argv[2].split(",")])
