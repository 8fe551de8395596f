"""Dates in Arabic news text: month names of every tradition, years, and relative dates.

Arabic outlets name months three ways, often two at once (``تشرين الثاني/ نوفمبر``): the
Levantine/Iraqi Syriac names (كانون الثاني، شباط، آذار ...), the transliterated Gregorian names
of Egypt and the Gulf (يناير، فبراير، مارس ...) and the French-derived Maghrebi ones (جانفي،
فيفري ...). A date expression is an optional day, one or two month names (joined by ``/``,
``-`` or ``أو``) and an optional year; or a year after عام/سنة or alone as a four-digit number
in a plausible range; or a relative phrase (أمس، الشهر الماضي، العام الجاري) that is resolved
against the publication date when one is known.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from isnad.arabic.normalize import normalize
from isnad.arabic.tokens import Token, tokenize

_MONTH_SPELLINGS: dict[int, tuple[str, ...]] = {
    1: ("كانون الثاني", "يناير", "جانفي", "ينار"),
    2: ("شباط", "فبراير", "فيفري"),
    3: ("آذار", "مارس"),
    4: ("نيسان", "أبريل", "إبريل", "أفريل", "ابريل"),
    5: ("أيار", "مايو", "ماي"),
    6: ("حزيران", "يونيو", "يونيه", "جوان"),
    7: ("تموز", "يوليو", "يوليه", "جويلية"),
    8: ("آب", "أغسطس", "أوت", "اغسطس"),
    9: ("أيلول", "سبتمبر"),
    10: ("تشرين الأول", "أكتوبر", "اكتوبر"),
    11: ("تشرين الثاني", "نوفمبر", "نونبر"),
    12: ("كانون الأول", "ديسمبر", "دجنبر"),
}
# Normalised month phrase (one or two words) -> month number. ماي and آب are also ordinary words
# elsewhere, so single short names count only next to a day, a year or another month name.
MONTHS: dict[tuple[str, ...], int] = {
    tuple(normalize(spelling).split()): month
    for month, spellings in _MONTH_SPELLINGS.items()
    for spelling in spellings
}
_AMBIGUOUS_MONTHS = {("ماي",), ("اب",), ("مارس",)}
_MAX_MONTH_WORDS = 2
_MONTH_FIRST_WORDS = frozenset(name[0] for name in MONTHS)
_YEAR_WORDS = {normalize(w) for w in ("عام", "عامي", "سنة", "العام", "السنة", "لعام", "لسنة", "بعام")}
_DATE_JOINERS = {"/", "-", "أو", "او", "\\"}
MIN_YEAR = 1900
MAX_YEAR = 2100

_RELATIVE_DAYS: dict[str, int] = {
    normalize(w): offset
    for w, offset in (("اليوم", 0), ("أمس", -1), ("الأمس", -1), ("البارحة", -1), ("غدا", 1))
}
_PERIOD_NOUNS: dict[str, str] = {
    normalize(w): unit
    for w, unit in (
        ("الشهر", "month"),
        ("العام", "year"),
        ("السنة", "year"),
        ("الأسبوع", "week"),
        ("الاسبوع", "week"),
    )
}
_PERIOD_OFFSETS: dict[str, int] = {
    normalize(w): offset
    for w, offset in (
        ("الماضي", -1),
        ("الماضية", -1),
        ("المنصرم", -1),
        ("المنصرمة", -1),
        ("الفائت", -1),
        ("الجاري", 0),
        ("الجارية", 0),
        ("الحالي", 0),
        ("الحالية", 0),
        ("المقبل", 1),
        ("المقبلة", 1),
        ("القادم", 1),
        ("القادمة", 1),
    )
}
_THIS = {normalize(w) for w in ("هذا", "هذه")}
_DAY_RE = re.compile(r"\d{1,2}")
_YEAR_RE = re.compile(r"\d{4}")


@dataclass(frozen=True)
class DateExpr:
    """A date as written: offsets into the text, and what of it is known.

    ``year``/``month``/``day`` are what the text (or, for relative dates, the publication date)
    fixes; ``relative`` marks phrases such as الشهر الماضي, whose fields stay ``None`` when no
    publication date resolves them.
    """

    start: int
    end: int
    text: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    relative: bool = False

    @property
    def iso(self) -> str | None:
        """ISO 8601 at the precision known (``2016``, ``2016-11``, ``2016-11-13``), else None."""
        if self.year is None:
            return None
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


def _strip_clitic(word: str) -> str:
    """A month or period word without one glued conjunction or preposition (بشباط، لعام، وآذار)."""
    if len(word) > 3 and word[0] in "وبلف":
        return word[1:]
    return word


def _month_at(tokens: list[Token], i: int) -> tuple[int, int] | None:
    """(month, tokens used) when a month name starts at token i."""
    first = tokens[i].norm
    if first not in _MONTH_FIRST_WORDS and _strip_clitic(first) not in _MONTH_FIRST_WORDS:
        return None  # most words start no month name: ruled out before any phrase is built
    for length in range(_MAX_MONTH_WORDS, 0, -1):
        if i + length > len(tokens):
            continue
        words = [t.norm for t in tokens[i : i + length]]
        for form in (tuple(words), (_strip_clitic(words[0]), *words[1:])):
            if form in MONTHS:
                return MONTHS[form], length
    return None


def _year_at(tokens: list[Token], i: int) -> int | None:
    if i < len(tokens) and tokens[i].kind == "number" and _YEAR_RE.fullmatch(tokens[i].norm):
        year = int(tokens[i].norm)
        if MIN_YEAR <= year <= MAX_YEAR:
            return year
    return None


def _shift_month(year: int, month: int, offset: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + offset
    return index // 12, index % 12 + 1


def _relative_at(tokens: list[Token], i: int, published: dt.date | None) -> tuple[DateExpr | None, int]:
    word = tokens[i].norm
    if word in _RELATIVE_DAYS:
        if published is None:
            return _expr(tokens, i, i + 1, relative=True), i + 1
        day = published + dt.timedelta(days=_RELATIVE_DAYS[word])
        return _expr(tokens, i, i + 1, day.year, day.month, day.day, relative=True), i + 1
    if word in _THIS and i + 1 < len(tokens) and tokens[i + 1].norm in _PERIOD_NOUNS:
        return _period(tokens, i, i + 2, _PERIOD_NOUNS[tokens[i + 1].norm], 0, published)
    unit = _PERIOD_NOUNS.get(_strip_clitic(word)) or _PERIOD_NOUNS.get(word)
    if unit and i + 1 < len(tokens) and tokens[i + 1].norm in _PERIOD_OFFSETS:
        if unit == "year" and (year := _year_at(tokens, i + 2)) is not None:
            return _expr(tokens, i, i + 3, year), i + 3  # "العام الجاري 2001": the year says it
        return _period(tokens, i, i + 2, unit, _PERIOD_OFFSETS[tokens[i + 1].norm], published)
    return None, i


def _period(
    tokens: list[Token], i: int, end: int, unit: str, offset: int, published: dt.date | None
) -> tuple[DateExpr, int]:
    """A period relative to publication: this/last/next year, month or week."""
    if published is None:
        return _expr(tokens, i, end, relative=True), end
    if unit == "year":
        return _expr(tokens, i, end, published.year + offset, relative=True), end
    if unit == "month":
        year, month = _shift_month(published.year, published.month, offset)
        return _expr(tokens, i, end, year, month, relative=True), end
    week = published + dt.timedelta(weeks=offset)
    return _expr(tokens, i, end, week.year, week.month, relative=True), end


def _expr(
    tokens: list[Token],
    i: int,
    end: int,
    year: int | None = None,
    month: int | None = None,
    day: int | None = None,
    *,
    relative: bool = False,
) -> DateExpr:
    # The text is filled in by find_dates, which holds the original string.
    return DateExpr(tokens[i].start, tokens[end - 1].end, "", year, month, day, relative)


def _absolute_at(tokens: list[Token], i: int, published: dt.date | None) -> tuple[DateExpr | None, int]:
    j = i
    day: int | None = None
    if tokens[j].kind == "number" and _DAY_RE.fullmatch(tokens[j].norm) and 1 <= int(tokens[j].norm) <= 31:
        day = int(tokens[j].norm)
        j += 1
    found = _month_at(tokens, j) if j < len(tokens) else None
    if found is None:
        if day is None and (year := _year_at(tokens, i)) is not None:
            before = tokens[i - 1].norm if i > 0 else ""
            if (
                _strip_clitic(before) in _YEAR_WORDS
                or before in _YEAR_WORDS
                or tokens[i].norm[:2] in ("19", "20")
            ):
                return _expr(tokens, i, i + 1, year), i + 1
        return None, i
    month, used = found
    j += used
    # A second name for the same month: تشرين الثاني/ نوفمبر, شباط (فبراير)
    k = j
    while k < len(tokens) and (tokens[k].text in _DATE_JOINERS or tokens[k].text in "()"):
        k += 1
    if k > j and k < len(tokens) and (second := _month_at(tokens, k)) is not None and second[0] == month:
        j = k + second[1]
        if j < len(tokens) and tokens[j].text == ")":
            j += 1
    year = _year_at(tokens, j)
    if year is None and j < len(tokens) and tokens[j].norm in _YEAR_WORDS:
        year = _year_at(tokens, j + 1)
        if year is not None:
            j += 1
    if year is not None:
        j += 1
    relative = False
    if year is None and j < len(tokens) and tokens[j].norm in _PERIOD_OFFSETS:
        # "أيلول الماضي": the last September before publication, or the next one, or this one.
        relative, offset = True, _PERIOD_OFFSETS[tokens[j].norm]
        j += 1
        if published is not None:
            if offset < 0:
                year = published.year if month < published.month else published.year - 1
            elif offset > 0:
                year = published.year if month > published.month else published.year + 1
            else:
                year = published.year
    month_words = tuple(t.norm for t in tokens[i + (day is not None) : i + (day is not None) + used])
    if day is None and year is None and j == i + used and month_words in _AMBIGUOUS_MONTHS:
        return None, i
    if year is None and published is not None and not relative:
        # A month without a year is the latest such month up to publication.
        year = published.year if month <= published.month else published.year - 1
    return _expr(tokens, i, j, year, month, day, relative=relative), j


def starts_date(tokens: list[Token], i: int) -> bool:
    """Whether a date (``في أيلول الماضي``, ``عام 2014``, ``الشهر الماضي``) starts at token i,
    a preposition في before it included."""
    if i < len(tokens) and tokens[i].norm == "في":
        i += 1
    if i >= len(tokens):
        return False
    return _absolute_at(tokens, i, None)[0] is not None or _relative_at(tokens, i, None)[0] is not None


def find_dates(
    text: str, start: int = 0, end: int | None = None, published: str | None = None
) -> list[DateExpr]:
    """Date expressions of ``text[start:end]`` in text order, relative ones resolved against
    ``published`` (an ISO 8601 date or datetime) when it is given and readable."""
    return dates_in_tokens(text, tokenize(text, start, end), published)


def dates_in_tokens(text: str, tokens: list[Token], published: str | None = None) -> list[DateExpr]:
    """`find_dates` over tokens of ``text`` the caller already has."""
    anchor = _parse_published(published)
    found: list[DateExpr] = []
    i = 0
    while i < len(tokens):
        expr, j = _absolute_at(tokens, i, anchor)
        if expr is None:
            expr, j = _relative_at(tokens, i, anchor)
        if expr is None:
            i += 1
            continue
        found.append(replace(expr, text=text[expr.start : expr.end]))
        i = j
    return found


def _parse_published(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        anchor = dt.date.fromisoformat(published[:10])
    except ValueError:
        return None
    # Relative dates move up to a year from the anchor; at the calendar's first or last year that
    # step leaves what a date can hold, so such a (placeholder) date anchors nothing.
    return anchor if dt.MINYEAR < anchor.year < dt.MAXYEAR else None
