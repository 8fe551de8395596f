"""Checks on what a file says about an article before it is kept: its date and its language.

A publication date that is not a date, or one no news archive holds (year 1 or 9999), would
mislead every later stage that reasons in time (relative dates, event windows, storylines); it is
dropped and reported, and the article kept. A text that is not Arabic is reported and left out:
isnad's rules are Arabic ones, and a page of English navigation links is not news it can follow.
"""

from __future__ import annotations

import datetime as dt
import email.utils

from isnad.ingest.encoding import arabic_letter_count, arabic_letter_share

# Publication dates outside these years are typos or placeholders (0001-01-01, 9999-12-31): the
# oldest Arabic newspaper archives start in the 19th century, and nothing is published ahead.
# The upper bound is a wide fixed margin rather than today's date, so a run never depends on the
# clock.
_FIRST_YEAR = 1800
_LAST_YEAR = 2199

# A text is Arabic when at least this share of its letters are Arabic (quoted English names,
# acronyms and URLs in Arabic news stay far below half), or when its Arabic letters are as many as
# a short news item's (about 40 words): scraped pages keep real articles under script junk (two of
# a day of SaudiNewsNet carry more JavaScript than Arabic).
_MIN_ARABIC_SHARE = 0.5
_MIN_ARABIC_LETTERS = 200


def checked_published(value: str | None) -> tuple[str | None, str | None]:
    """The publication date to keep (ISO 8601) and, when ``value`` was dropped, why.

    ISO dates and datetimes are kept as given; an RFC 2822 date (``Thu, 06 Aug 2015 10:00:00
    +0300``, as in e-mail and RSS) is rewritten as ISO 8601.
    """
    if value is None or not value.strip():
        return None, None
    value = value.strip()
    iso = _parse_iso(value)
    parsed = iso or _parse_rfc2822(value)
    if parsed is None:
        return None, f'the publication date "{_shorten(value)}" is not a date; the article is kept undated'
    if not _FIRST_YEAR <= parsed.year <= _LAST_YEAR:
        return None, (
            f'the publication date "{_shorten(value)}" is outside the years {_FIRST_YEAR}-{_LAST_YEAR}; '
            "the article is kept undated"
        )
    return (value if iso else parsed.isoformat()), None


def not_arabic(text: str) -> str | None:
    """Why ``text`` cannot be read as Arabic news, or None when it can."""
    share = arabic_letter_share(text)
    if share is None:
        return "the text has no letters (only digits, symbols or punctuation); there is no article to read"
    if share < _MIN_ARABIC_SHARE and arabic_letter_count(text) < _MIN_ARABIC_LETTERS:
        return (
            f"the text is not Arabic (only {share:.0%} of its letters are Arabic); isnad follows Arabic "
            "news, so it was left out"
        )
    return None


def _parse_iso(value: str) -> dt.date | None:
    """``value`` as an ISO 8601 datetime, or a date in its first ten characters; None otherwise."""
    try:
        return dt.datetime.fromisoformat(value)
    except ValueError:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None


def _parse_rfc2822(value: str) -> dt.datetime | None:
    try:
        return email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _shorten(value: str, limit: int = 40) -> str:
    return value if len(value) <= limit else value[:limit] + "…"
