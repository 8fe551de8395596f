"""Named-entity recognition against CoNLL-style gold: entity-level precision, recall and F1.

Gold files hold one ``token TAG`` a line and a blank line between sentences, with BIO tags as in
ANERcorp (``B-PERS``, ``I-LOC``, ...). An entity counts as found only when its type and both
boundaries match exactly (the CoNLL-2003 measure); micro figures pool every type.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from isnad.article.ner import Tagger, default_tagger, entity_spans
from isnad.evaluation.table import format_table, headline


@dataclass
class Counts:
    """True positives, predicted and gold entity counts of one type (or all of them)."""

    correct: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class EntityScores:
    micro: Counts = field(default_factory=Counts)
    by_type: dict[str, Counts] = field(default_factory=dict)


@dataclass
class NerEvaluation:
    scores: EntityScores
    sentences: int
    tokens: int
    load_seconds: float
    tag_seconds: float

    @property
    def tokens_per_second(self) -> float:
        return self.tokens / self.tag_seconds if self.tag_seconds else 0.0


def read_conll(path: Path) -> list[tuple[list[str], list[str]]]:
    """Sentences of a ``token TAG`` file as (words, tags); lines without a tag are tagged O."""
    sentences: list[tuple[list[str], list[str]]] = []
    words: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            if words:
                sentences.append((words, tags))
                words, tags = [], []
            continue
        words.append(parts[0])
        tags.append(parts[-1] if len(parts) > 1 else "O")
    if words:
        sentences.append((words, tags))
    return sentences


def score_entities(gold: Sequence[Sequence[str]], predicted: Sequence[Sequence[str]]) -> EntityScores:
    """Entity-level scores of predicted tag sequences against gold ones, sentence by sentence."""
    correct: Counter[str] = Counter()
    n_predicted: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    for gold_tags, predicted_tags in zip(gold, predicted, strict=True):
        gold_spans = set(entity_spans(gold_tags))
        predicted_spans = set(entity_spans(predicted_tags))
        n_gold.update(kind for kind, _, _ in gold_spans)
        n_predicted.update(kind for kind, _, _ in predicted_spans)
        correct.update(kind for kind, _, _ in gold_spans & predicted_spans)
    scores = EntityScores()
    for kind in sorted(set(n_gold) | set(n_predicted)):
        scores.by_type[kind] = Counts(correct[kind], n_predicted[kind], n_gold[kind])
    scores.micro = Counts(sum(correct.values()), sum(n_predicted.values()), sum(n_gold.values()))
    return scores


def evaluate_ner(path: Path, tagger: Tagger | None = None) -> NerEvaluation:
    """Tag the words of a gold file with the shipped model (or ``tagger``) and score the entities."""
    sentences = read_conll(path)
    started = time.perf_counter()
    if tagger is None:
        default_tagger.cache_clear()  # measure a cold load, as a fresh process pays it
        tagger = default_tagger()
    loaded = time.perf_counter()
    predicted = [tagger.tag(words) for words, _ in sentences]
    tagged = time.perf_counter()
    return NerEvaluation(
        scores=score_entities([tags for _, tags in sentences], predicted),
        sentences=len(sentences),
        tokens=sum(len(words) for words, _ in sentences),
        load_seconds=loaded - started,
        tag_seconds=tagged - loaded,
    )


def format_ner(evaluation: NerEvaluation) -> str:
    scores = evaluation.scores
    rows: list[list[str | int | float]] = [
        [kind, c.gold, c.predicted, c.correct, c.precision, c.recall, c.f1]
        for kind, c in scores.by_type.items()
    ]
    m = scores.micro
    rows.append(["micro", m.gold, m.predicted, m.correct, m.precision, m.recall, m.f1])
    table = format_table(["type", "gold", "predicted", "correct", "precision", "recall", "f1"], rows)
    speed = (
        f"{evaluation.sentences} sentences, {evaluation.tokens} tokens; model loaded in "
        f"{evaluation.load_seconds:.2f} s; {evaluation.tokens_per_second:,.0f} tokens/s"
    )
    return f"{table}\n{speed}\n{headline('f1', m.f1)}"


def print_ner(evaluation: NerEvaluation) -> None:
    print(format_ner(evaluation))
