"""Framing measured against hand labels: which label each outlet uses for each actor of a story.

The gold (``tests/fixtures/gold/framing/*.json``, see its README) lists, for a few storylines of a
real day, the articles (by url) and the (outlet, actor, label) triples read in them, with whether
each label judges. isnad's framing is run on the storyline's articles; its actors are matched to the
gold's by the labels they share (each isnad actor to the gold actor with most of its labels), and
labels are compared by `isnad.arabic.actors.label_key`: one label across spelling, clitics and
word order, as the framing table groups them.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from isnad.arabic.actors import label_key
from isnad.article.doc import Corpus
from isnad.article.extract import extract
from isnad.evaluation.gold_events import read_day
from isnad.evaluation.table import format_table, headline
from isnad.event.framing import outlet_framings

Triple = tuple[str, str, tuple[str, ...]]  # outlet, actor, label key


@dataclass
class FramingEvaluation:
    """Counts of (outlet, actor, label) triples and of judging labels, over one or more storylines."""

    storylines: int = 0
    gold: int = 0
    found: int = 0
    matched: int = 0
    judging_gold: int = 0
    judging_found: int = 0
    judging_matched: int = 0
    per_storyline: list[tuple[str, float, float]] = field(default_factory=list)  # id, precision, recall

    @staticmethod
    def _f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        return self._f1(self.precision, self.recall)

    @property
    def judging_precision(self) -> float:
        return self.judging_matched / self.judging_found if self.judging_found else 0.0

    @property
    def judging_recall(self) -> float:
        return self.judging_matched / self.judging_gold if self.judging_gold else 0.0


def _key(label: str) -> tuple[str, ...]:
    return label_key(label.split())


def _system_triples(corpus: Corpus, article_ids: list[str]) -> dict[Triple, bool]:
    """(outlet, isnad's actor, label key) -> whether isnad says the label judges."""
    extraction = extract(corpus.articles)
    found: dict[Triple, bool] = {}
    for outlet in outlet_framings(corpus, article_ids, extraction.attributions, extraction.entities):
        for name in outlet.names:
            found[(outlet.outlet, name.actor, _key(name.term))] = name.judging
    return found


def _map_actors(found: dict[Triple, bool], gold: dict[Triple, bool]) -> dict[str, str]:
    """isnad's actors -> the gold's, one to one, the pairs sharing most (outlet, label) first.

    One to one: a party isnad splits into two columns is one right column and one wrong one.
    """
    gold_actor = {(o, k): a for o, a, k in gold}
    shared: Counter[tuple[str, str]] = Counter()
    for outlet, actor, key in found:
        if (outlet, key) in gold_actor:
            shared[(actor, gold_actor[(outlet, key)])] += 1
    mapping: dict[str, str] = {}
    for (actor, gold_name), _n in shared.most_common():
        if actor not in mapping and gold_name not in mapping.values():
            mapping[actor] = gold_name
    return mapping


def gold_files(path: Path) -> list[Path]:
    """The gold JSON files at ``path``: the file itself, or every ``*.json`` of a folder."""
    return sorted(path.glob("*.json")) if path.is_dir() else [path]


def evaluate_framing(gold_path: Path, data_dir: Path) -> FramingEvaluation:
    """Run framing on each gold storyline's articles and count matching triples and judging flags.

    ``gold_path`` is a gold file or a folder of them; each names its day's file under ``data_dir``.
    """
    totals = FramingEvaluation()
    for gold_file in gold_files(gold_path):
        try:
            gold_doc = json.loads(gold_file.read_text(encoding="utf-8"))
        except json.JSONDecodeError as error:
            raise ValueError(f"not valid JSON ({error.msg}, line {error.lineno})") from None
        day = data_dir / gold_doc["file"]
        for storyline in gold_doc["storylines"]:
            articles = read_day(day, storyline["urls"])
            if len(articles) != len(set(storyline["urls"])):
                raise ValueError(f"{gold_file}: {storyline['id']}: some urls are not in {day}")
            corpus = Corpus(articles)
            gold = {
                (g["outlet"], g["actor"], _key(g["label"])): bool(g["judging"]) for g in storyline["labels"]
            }
            found = _system_triples(corpus, [a.id for a in articles])
            mapping = _map_actors(found, gold)
            mapped = {(o, mapping.get(a, f"isnad:{a}"), k): j for (o, a, k), j in found.items()}
            matched = set(mapped) & set(gold)
            totals.storylines += 1
            totals.gold += len(gold)
            totals.found += len(mapped)
            totals.matched += len(matched)
            totals.judging_gold += sum(gold.values())
            totals.judging_found += sum(mapped.values())
            totals.judging_matched += sum(1 for t in matched if gold[t] and mapped[t])
            totals.per_storyline.append(
                (
                    f"{gold_doc['day']} {storyline['id']}",
                    len(matched) / max(len(mapped), 1),
                    len(matched) / max(len(gold), 1),
                )
            )
    return totals


def print_framing(result: FramingEvaluation) -> None:
    rows: list[list[str | int | float]] = [
        [name, "", "", "", precision, recall] for name, precision, recall in result.per_storyline
    ]
    rows += [
        [
            "all (outlet, actor, label)",
            result.gold,
            result.found,
            result.matched,
            result.precision,
            result.recall,
        ],
        [
            "judging labels",
            result.judging_gold,
            result.judging_found,
            result.judging_matched,
            result.judging_precision,
            result.judging_recall,
        ],
    ]
    print(format_table(["storyline / what", "gold", "isnad", "matched", "precision", "recall"], rows))
    print(headline("framing_f1", result.f1))
