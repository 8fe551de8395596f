"""Accuracy gates of framing and comparison on real days of SaudiNewsNet (../shared/data).

Framing: the hand-labelled (outlet, actor, label) triples of tests/fixtures/gold/framing (five
storylines of 2015-08-03, 2015-08-04, 2015-08-08 and 2015-08-09). Comparison: the labelled day
2015-08-06
with its gold events, so that only what compare itself decides is measured. Floors sit a little
under the figures measured when they were pinned (noted beside each).
"""

from __future__ import annotations

from isnad.article.extract import extract
from isnad.evaluation.framing import evaluate_framing
from isnad.evaluation.gold_events import conflicts_across_gold_events, read_gold_day
from isnad.event.compare import compare
from tests.gates import DATA, ROOT, shared_data

# Pinned 2026-11-30 (third pass, five storylines). Measured: framing (outlet, actor, label) F1
# 0.921 (precision 0.908, recall 0.935), judging labels precision 0.958, recall 0.971. The second
# pass gave 0.911 on four storylines; 2015-08-08 (Abyan), labelled blind, scored 0.843 before the
# third pass's rules and 0.931 after.
FRAMING_F1_FLOOR = 0.90
JUDGING_PRECISION_FLOOR = 0.94
# Measured on the 183 gold events of 2015-08-06: 1 conflict (soldiers killed in Abha, 10 / 12),
# read and real; 9 before the general subject classes, 307 with isnad's own events.
MAX_CONFLICTS_ON_GOLD_EVENTS = 3


def test_framing_triples_on_hand_labelled_storylines() -> None:
    shared_data("saudinewsnet/2015-08-03.jsonl.gz")
    evaluation = evaluate_framing(ROOT / "tests" / "fixtures" / "gold" / "framing", DATA)
    assert evaluation.f1 >= FRAMING_F1_FLOOR, evaluation
    assert evaluation.judging_precision >= JUDGING_PRECISION_FLOOR, evaluation


def test_conflicts_on_the_labelled_day_are_few_and_within_one_event() -> None:
    day = read_gold_day(
        shared_data("saudinewsnet/2015-08-06.jsonl.gz"),
        shared_data("saudinewsnet/events-gold-2015-08-06.tsv"),
    )
    figures = extract(day.articles).figures
    comparisons = compare(day.events, figures, {a.id: a for a in day.articles})
    conflicts = [c for c in comparisons if c.verdict == "conflict"]
    assert len(conflicts) <= MAX_CONFLICTS_ON_GOLD_EVENTS, conflicts
    assert not conflicts_across_gold_events(comparisons, day.event_of)
