"""Accuracy gate for events and storylines on a real day of news (SaudiNewsNet, 2015-08-06).

isnad groups the whole day (3,218 articles); the 508 hand-labelled ones are scored, the others
are distractors. Floors sit a little under the figures measured when pinned; skipped without
../shared/data.
"""

from __future__ import annotations

from isnad.evaluation.events import evaluate_events
from tests.gates import shared_data

DAY = "saudinewsnet/2015-08-06.jsonl.gz"
GOLD = "saudinewsnet/events-gold-2015-08-06.tsv"

# Pinned 2026-11-30, with attack phrases, formulas left out of terms and figures, and reports of
# different market sessions kept apart. Measured: events B-cubed F1 0.923 (peer 0.898),
# storylines 0.868 (peer 0.793); most labelled articles in one event 13 (largest gold event 20).
# See docs/events.md. 2026-12-01, storylines over events' pooled representations: storylines
# 0.883 (events unchanged). 2026-12-02, each event counted by its coverage in the storylines'
# average linkage: storylines 0.895 (events unchanged). 2026-12-02 (later session), items whose
# text is too short to identify them (the day's cartoons, all "كاريكاتير") kept apart by URL
# instead of read as one article: events 0.929, storylines 0.900.
EVENT_BCUBED_F1_FLOOR = 0.925
STORYLINE_BCUBED_F1_FLOOR = 0.89


def test_events_and_storylines_of_the_dev_day() -> None:
    evaluation = evaluate_events(shared_data(DAY), shared_data(GOLD))
    assert evaluation.events.f1 >= EVENT_BCUBED_F1_FLOOR, evaluation
    assert evaluation.storylines.f1 >= STORYLINE_BCUBED_F1_FLOOR, evaluation
    # Ahead of the character TF-IDF peer run on the same day, and no event larger than a true one.
    assert evaluation.events.f1 > evaluation.peer_events.f1, evaluation
    assert evaluation.largest_labelled <= evaluation.largest_gold, evaluation
