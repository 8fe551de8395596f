"""Briefs measured against gold facts: coverage, redundancy and whether citations are right.

The gold file (see ``tests/fixtures/gold/brief/README.md``) lists, per event of a corpus, its main
facts, the words any sentence stating a fact must contain, and the articles stating it. isnad is
run on the corpus, each gold event is matched to the isnad event sharing most of its articles,
and that event's brief is judged fact by fact.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from isnad.arabic import stems
from isnad.evaluation.table import format_table, headline
from isnad.model import Analysis, Article
from isnad.pipeline import analyze


@dataclass(frozen=True)
class GoldFact:
    id: str
    alternatives: list[frozenset[str]]  # stems; a text states the fact if it holds one whole set
    articles: frozenset[str]  # file prefixes of the articles stating it

    def stated_in(self, text_stems: set[str]) -> bool:
        return any(alternative <= text_stems for alternative in self.alternatives)


@dataclass(frozen=True)
class GoldEvent:
    name: str
    articles: frozenset[str]
    facts: list[GoldFact]


@dataclass
class EventScore:
    name: str
    event_id: str | None
    facts: int
    covered: int
    statements: int  # fact statements over all brief sentences
    repeated: int
    citations: int
    correct_citations: int
    supporting: int  # articles stating all of a sentence's facts, summed over labelled sentences
    cited_supporting: int
    unlabelled: int


@dataclass
class BriefEvaluation:
    path: Path
    events: list[EventScore] = field(default_factory=list)
    seconds: float = 0.0

    def _ratio(self, num: str, den: str, empty: float) -> float:
        n = sum(getattr(e, num) for e in self.events)
        d = sum(getattr(e, den) for e in self.events)
        return n / d if d else empty

    @property
    def coverage(self) -> float:
        return self._ratio("covered", "facts", 0.0)

    @property
    def redundancy(self) -> float:
        return self._ratio("repeated", "statements", 0.0)

    @property
    def citation_precision(self) -> float:
        return self._ratio("correct_citations", "citations", 0.0)

    @property
    def citation_recall(self) -> float:
        return self._ratio("cited_supporting", "supporting", 0.0)


def read_gold(path: str | Path) -> tuple[Path, list[GoldEvent]]:
    """The corpus folder the gold describes (relative to the gold file) and its events."""
    gold_path = Path(path)
    data: dict[str, Any] = json.loads(gold_path.read_text(encoding="utf-8"))
    events = [
        GoldEvent(
            name=e["name"],
            articles=frozenset(e["articles"]),
            facts=[
                GoldFact(
                    f["id"],
                    [frozenset(fact_keys(" ".join(words))) for words in f["any"]],
                    frozenset(f["articles"]),
                )
                for f in e["facts"]
            ],
        )
        for e in data["events"]
    ]
    return (gold_path.parent / data["corpus"]).resolve(), events


_DIGITS = re.compile(r"\d+")


def fact_keys(text: str) -> set[str]:
    """The stems of a text's words and its numbers written in digits (``250``, ``٢٥٠`` as ``250``).

    Stems leave digits out, and a fact such as "250 members" is known by its number alone: without
    them the fact would have no words, and every sentence would seem to state it.
    """
    return set(stems(text)) | {str(int(number)) for number in _DIGITS.findall(text)}


def _prefix(article: Article) -> str:
    """Gold names articles by the start of their file name (``000`` for ``000_f461....txt``)."""
    return Path(article.source_path).name.split("_")[0]


def score_briefs(analysis: Analysis, gold: list[GoldEvent], path: Path) -> BriefEvaluation:
    prefix_of = {a.id: _prefix(a) for a in analysis.articles}
    stems_of = {a.id: fact_keys(a.text) for a in analysis.articles}
    by_prefix = {p: i for i, p in prefix_of.items()}
    briefs = {b.event_id: b for b in analysis.briefs}
    evaluation = BriefEvaluation(path)
    for gold_event in gold:
        event = max(
            analysis.events,
            key=lambda e: len({prefix_of[a] for a in e.article_ids} & gold_event.articles),
            default=None,
        )
        sentences = briefs[event.id].sentences if event and event.id in briefs else []
        covered: set[str] = set()
        score = EventScore(
            gold_event.name, event.id if event else None, len(gold_event.facts), 0, 0, 0, 0, 0, 0, 0, 0
        )
        for sentence in sentences:
            facts = [f for f in gold_event.facts if f.stated_in(fact_keys(sentence.text))]
            if not facts:
                score.unlabelled += 1
                continue
            score.statements += len(facts)
            score.repeated += sum(f.id in covered for f in facts)
            covered |= {f.id for f in facts}
            cited = {prefix_of[a] for a in sentence.article_ids}
            supporting = {
                p
                for p in gold_event.articles
                if p in by_prefix
                and all(f.stated_in(stems_of[by_prefix[p]]) and p in f.articles for f in facts)
            }
            score.citations += len(cited)
            score.correct_citations += len(cited & supporting)
            score.supporting += len(supporting)
            score.cited_supporting += len(cited & supporting)
        score.covered = len(covered)
        evaluation.events.append(score)
    return evaluation


def evaluate_brief(gold_path: str | Path) -> BriefEvaluation:
    """Run isnad on the gold's corpus and score its event briefs."""
    corpus, gold = read_gold(gold_path)
    started = time.perf_counter()
    analysis = analyze([corpus])
    evaluation = score_briefs(analysis, gold, Path(gold_path))
    evaluation.seconds = time.perf_counter() - started
    return evaluation


def format_brief(evaluation: BriefEvaluation) -> str:
    """The evaluation as a table per event, ending with the ``citation_precision=`` headline line."""
    rows = [
        (
            e.name[:48],
            f"{e.covered}/{e.facts}",
            f"{e.repeated}/{e.statements}",
            f"{e.correct_citations}/{e.citations}",
            f"{e.cited_supporting}/{e.supporting}",
            e.unlabelled,
        )
        for e in evaluation.events
    ]
    table = format_table(
        ["event", "covered", "repeated", "right citations", "cited of supporting", "unlabelled"], rows
    )
    return "\n".join(
        [
            f"{evaluation.path}: {len(evaluation.events)} gold events, {evaluation.seconds:.1f} s",
            table,
            f"coverage={evaluation.coverage:.3f} redundancy={evaluation.redundancy:.3f} "
            f"citation_recall={evaluation.citation_recall:.3f}",
            headline("citation_precision", evaluation.citation_precision),
        ]
    )


def print_brief(evaluation: BriefEvaluation) -> None:
    print(format_brief(evaluation))
