"""Which way reused text flowed between two articles, with a confidence and the evidence in words.

Two articles that credit the same agency are siblings; otherwise publication dates when both are
known and differ, and times of day only from outlets whose stamps are publishing times (a crawl
stamps a whole outlet within minutes); otherwise textual evidence: the side that names the other's
outlet is the copy, and of one outlet's two articles, the one nearly all inside the other. That
guess is withdrawn when another outlet prints the text too: they are then siblings of one source.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from datetime import datetime
from itertools import pairwise
from statistics import median

from isnad.arabic import lexicon, normalize
from isnad.arabic.agencies import credited_agency
from isnad.article.doc import ArticleText
from isnad.model import Article, Direction, ReuseLink


def orient(
    link: ReuseLink,
    a: ArticleText,
    b: ArticleText,
    *,
    coverage: tuple[float, float] | None = None,
    clocked: Collection[str] | None = None,
) -> None:
    """Which way the text most likely flowed, with a confidence and the evidence in words.

    Two articles that credit the same agency (dateline, byline, signature) are siblings: both
    took the agency's copy, and neither copied the other. Otherwise publication dates decide
    when both are known and differ, and times of day within one date when both outlets are
    ``clocked`` (`publishing_clocks`; None: every outlet); otherwise: an article that names
    the other's outlet is quoting it; of two articles of one outlet, one whose text is nearly all
    (80%) shared, while the other holds half as much again, is most likely a trimmed copy. Across
    outlets that only says which of them cut one source more, and no direction is given.
    """
    direction, confidence, evidence = _direction(a, b, coverage, clocked)
    link.direction = direction
    link.direction_confidence = confidence
    link.direction_evidence = evidence


def _direction(
    a: ArticleText, b: ArticleText, coverage: tuple[float, float] | None, clocked: Collection[str] | None
) -> tuple[Direction, float, str]:
    agency_a, agency_b = _credited_agency(a), _credited_agency(b)
    if agency_a and agency_a == agency_b:
        return "unknown", 0.0, f"both credit {agency_a}: siblings taking one source, not a copy of each other"
    when = _published_order(a.article, b.article, clocked)
    if when is not None:
        return when
    a_names_b = _names_outlet(a, b.article.outlet)
    b_names_a = _names_outlet(b, a.article.outlet)
    if a_names_b != b_names_a:
        named = a.article.outlet if b_names_a else b.article.outlet
        return ("a->b" if b_names_a else "b->a"), 0.75, f"the copy names {named} as its source"
    if coverage is not None:
        share_a, share_b = coverage
        flows: tuple[tuple[str, str, Direction, tuple[float, float]], ...] = (
            ("b", "a", "a->b", (share_b, share_a)),
            ("a", "b", "b->a", (share_a, share_b)),
        )
        for short, long, flow, (share_short, share_long) in flows:
            if share_short >= 0.8 and share_long <= 2 / 3:
                shares = f"{short} is {share_short:.0%} shared text, {long} only {share_long:.0%}"
                # Across outlets a shorter version is what each makes of one wire or release
                # (read on 2015-08-03: docs/reuse.md): it says who cut more, not who copied.
                if a.article.outlet != b.article.outlet:
                    return "unknown", 0.0, f"{shares}: a cut of one source, or of {long}"
                return flow, TRIMMED_CONFIDENCE, f"{shares}: {short} looks trimmed from {long}"
    return "unknown", 0.0, ""


TRIMMED_CONFIDENCE = 0.6  # an outlet's article that looks cut from another of its own


def publishing_clocks(articles: Iterable[Article]) -> set[str]:
    """The outlets whose time stamps in this run say when each article was published.

    A crawl stamps an outlet's articles with the time it read them: on SaudiNewsNet each outlet's
    articles come in bursts a second or two apart (one burst a day on 2015-08-03, outlet after
    outlet; four on 2015-08-06), so comparing two outlets' times orders the crawl, not the
    publishing. No newsroom publishes an article every few seconds all day, so an outlet whose
    stamps on a date (at least ``CLOCK_MIN_ARTICLES``) lie a median of under ``CRAWL_GAP_SECONDS`` apart
    keeps only the date of its stamps; so does an edition stamped all at one time.
    """
    times: dict[tuple[str, str], list[datetime]] = defaultdict(list)
    for article in articles:
        stamp = _stamp(article.published)
        if article.outlet and stamp is not None and len(article.published or "") > 10:
            times[(article.outlet, stamp.date().isoformat())].append(stamp)
    crawled, seen = set(), set()
    for (outlet, _), stamps in times.items():
        seen.add(outlet)
        if len(stamps) < CLOCK_MIN_ARTICLES:
            continue
        stamps.sort()
        if (
            median((later - earlier).total_seconds() for earlier, later in pairwise(stamps))
            < CRAWL_GAP_SECONDS
        ):
            crawled.add(outlet)
    return seen - crawled


CLOCK_MIN_ARTICLES = 10  # fewer stamps on a date say too little about how an outlet stamps
CRAWL_GAP_SECONDS = 60  # even 500 articles a day are three minutes apart on average


def _stamp(published: str | None) -> datetime | None:
    if not published:
        return None
    try:
        return datetime.fromisoformat(published)
    except ValueError:
        return None


def _published_order(
    a: Article, b: Article, clocked: Collection[str] | None
) -> tuple[Direction, float, str] | None:
    """Direction from publication stamps: dates when they differ, times only from clocked outlets."""
    pa, pb = _stamp(a.published), _stamp(b.published)
    if pa is None or pb is None:
        return None
    if (pa.tzinfo is None) != (pb.tzinfo is None):
        pa, pb = pa.replace(tzinfo=None), pb.replace(tzinfo=None)
    if pa.date() != pb.date():
        return ("a->b" if pa < pb else "b->a"), 0.9, "publication dates"
    timed = clocked is None or (a.outlet in clocked and b.outlet in clocked)
    if timed and pa != pb and len(a.published or "") > 10 and len(b.published or "") > 10:
        return ("a->b" if pa < pb else "b->a"), 0.9, "publication times"
    return None


def _credited_agency(text: ArticleText) -> str | None:
    """The agency the article credits in its dateline, byline or signature, if any."""
    dateline = text.article.dateline
    if dateline and dateline.outlet:
        agency = credited_agency(normalize(dateline.outlet).split())
        if agency:
            return agency
    return credited_agency(text.word_norms())


def _names_outlet(text: ArticleText, outlet: str | None) -> bool:
    """Whether the article's words name this outlet (any known spelling, clitic allowed)."""
    canonical = lexicon.canonical_outlet(outlet) if outlet else None
    if canonical is None:
        return False
    norms = text.word_norms()
    return any(
        lexicon.outlet_spelled(norms[i : i + length]) == canonical
        for length in (1, 2, 3)
        for i in range(len(norms) - length + 1)
    )


def siblings_of_one_source(links: Sequence[ReuseLink], by_id: dict[str, Article]) -> None:
    """Two articles whose text a third outlet prints too took it from one source.

    A release or agency story printed by three outlets reached each of them from its source (an
    agency, a ministry); one looking trimmed from another says which cut more, not who copied
    whom. So a direction guessed from the text alone (`TRIMMED_CONFIDENCE`) is withdrawn when a
    third outlet's article is linked to both; dates, times and a named source stand.
    """
    neighbours: dict[str, set[str]] = defaultdict(set)
    for link in links:
        neighbours[link.a].add(link.b)
        neighbours[link.b].add(link.a)
    for link in links:
        if link.direction_confidence != TRIMMED_CONFIDENCE:
            continue
        pair = {by_id[link.a].outlet, by_id[link.b].outlet}
        others = {by_id[c].outlet for c in neighbours[link.a] & neighbours[link.b]} - pair
        if others:
            link.direction = "unknown"
            link.direction_confidence = 0.0
            link.direction_evidence = (
                f"also printed by {', '.join(sorted(o or '?' for o in others))}: "
                "siblings taking one source, not a copy of each other"
            )
