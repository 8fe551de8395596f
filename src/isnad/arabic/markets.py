"""Reports of a market session (a stock index, a bourse, crude, gold), and the session they report.

A market session is one day: the Wednesday and the Thursday sessions of the Saudi index are two
happenings, though their reports share every word but the figures and are published on one day
(``الأسهم السعودية تسجل ارتفاعاً بـ21 نقطة`` / ``... تختتم تداولات الأسبوع على انخفاض بـ136
نقطة``). What tells them apart is what each report says of its session: the day it names next to
"today" or "yesterday" (``في التعاملات الآسيوية اليوم الخميس``, ``جلسة أمس الأربعاء``) and its
closing figures, given to the hundredth (``ليغلق عند مستوى 8790.77 نقطة``), which every copy of
one session's release repeats and no other session gives. `session_marks` finds both in a
report's lead; `isnad.corpus.stories` keeps two reports whose days differ, or, naming no common
day, whose closes differ, out of one event.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from isnad.arabic.normalize import normalize

# A market report names a market (an index, a bourse, a commodity) and the unit its session is
# measured in (index points, a barrel's or an ounce's price) in its first sentences.
_MARKETS = "مؤشر مؤشرات الأسهم أسهم بورصة البورصة البورصات برنت الخام النفط الذهب ناسداك ستريت"
_POINTS = "نقطة نقاط"
_UNITS = _POINTS + " برميل للبرميل البرميل أوقية للأوقية الأوقية أونصة للأونصة الأونصة"
_MARKET_WORDS = frozenset(normalize(w) for w in _MARKETS.split())
_UNIT_WORDS = frozenset(normalize(w) for w in _UNITS.split())
_POINT_WORDS = frozenset(normalize(w) for w in _POINTS.split())
_DAYS = "الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت"
_WEEKDAYS = {normalize(w) for w in _DAYS.split()}
# The session's own day follows "today" or "yesterday" (``اليوم الخميس``, ``أمس الأربعاء``); a
# weekday elsewhere in a lead names when data came out or a vote is due, not the session.
_SESSION_DAY = re.compile(
    r"(?:اليوم|امس)\W+(" + "|".join(sorted(_WEEKDAYS, key=len, reverse=True)) + r")(?!\w)"
)
_WORD = re.compile(r"\w+")
# Indices whose names end in a number: يوروفرست 300، ستوكس 50، فايننشال تايمز 100، ستاندرد آند
# بورز 500، كاك 40، نيكي 400. The number after these words is part of the name, not a figure the
# report gives (in the 16 days of SaudiNewsNet each of them is followed by its index's number and
# by no other).
_NUMBERED_INDEX_NAMES = frozenset(
    normalize(w) for w in ["يوروفرست", "ستوكس", "فوتسي", "تايمز", "بورز", "نيكي", "نيكاي", "داكس", "كاك"]
)


def ends_an_index_name(word: str) -> bool:
    """Whether a number right after ``word`` (normalised, its particles off) is part of an
    index's name (``يوروفرست 300``)."""
    return word in _NUMBERED_INDEX_NAMES


def is_market_report(lead: str) -> bool:
    """Whether ``lead`` (a report's first sentences) reports a market session."""
    words = set(_WORD.findall(normalize(lead)))
    return bool(words & _MARKET_WORDS) and bool(words & _UNIT_WORDS)


def _is_index_report(lead: str) -> bool:
    return bool(set(_WORD.findall(normalize(lead))) & _POINT_WORDS)


def session_marks(lead: str, figures: Iterable[float]) -> tuple[set[str], set[str]]:
    """What a market report says of its session: the weekdays named after today or yesterday in
    ``lead`` (its title and first sentences); and, for an index (its lead counts points), those
    of ``figures`` (the numbers of its lead, percentages left out) given to a fraction: the
    session's close and change (round numbers recur across sessions). An index closes once a
    session; crude or gold is quoted at every hour, so two reports of one day's trading give
    different prices. Both empty for a lead that reports no market session."""
    if not is_market_report(lead):
        return set(), set()
    days = {m.group(1) for m in _SESSION_DAY.finditer(normalize(lead))}
    if not _is_index_report(lead):
        return days, set()
    closes = {f"{value:g}" for value in figures if value != int(value)}
    return days, closes
