"""No page isnad writes is over 2 MB, even for a day of 3,200 articles: a large run's report.html
leads to the site (a page per event, storyline and article) instead of holding everything."""

from __future__ import annotations

from pathlib import Path

from isnad.model import Analysis, Article, Event, Figure, ReuseLink, Storyline
from isnad.output import labels
from isnad.output.report import MAX_PAGE_BYTES, write_report
from isnad.output.site import write_site

WORDS = ["قال", "المتحدث", "باسم", "وزارة", "الداخلية", "إن", "قوات", "الأمن", "ضبطت", "ثلاثين", "شخصا"]


def _day(n_articles: int) -> Analysis:
    """A synthetic day as large as a real one: 3 KB articles, events of two, storylines of three."""
    text = " ".join(WORDS[i % len(WORDS)] for i in range(550)) + "."
    articles = [
        Article(
            id=f"{n:016x}",
            text=text,
            source_path=f"/day/{n}.txt",
            title=f"خبر رقم {n} عن {WORDS[n % len(WORDS)]}",
            outlet=f"وسيلة {n % 25}",
            published="2015-08-04",
            sentences=[(0, len(text))],
        )
        for n in range(n_articles)
    ]
    events = [
        Event(
            f"e-{k:012x}", [articles[k].id, articles[k + 1].id], articles[k].title or "", f"s-{k // 6:012x}"
        )
        for k in range(0, n_articles - 1, 2)
    ]
    storylines = [
        Storyline(f"s-{k:012x}", [e.id for e in events[3 * k : 3 * k + 3]], events[3 * k].title)
        for k in range(len(events) // 3)
    ]
    figures = [Figure(a.id, 30.0, None, None, "شخصا", "ضبط", (60, 66), "ثلاثين") for a in articles]
    reuse = [ReuseLink(e.article_ids[0], e.article_ids[1], 0.9) for e in events]
    return Analysis(
        version="test", articles=articles, events=events, storylines=storylines, figures=figures, reuse=reuse
    )


def test_no_page_of_a_large_day_is_over_the_bound(tmp_path: Path) -> None:
    analysis = _day(3200)
    write_site(analysis, tmp_path / "site")
    assert not write_report(analysis, tmp_path / "report.html", site="site/index.html")
    pages = list(tmp_path.rglob("*.html"))
    assert len(pages) > 3200
    largest = max(pages, key=lambda p: p.stat().st_size)
    assert largest.stat().st_size <= MAX_PAGE_BYTES, largest
    entry = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert 'href="site/index.html"' in entry
    assert labels.number(3200) in entry


def test_a_report_over_the_bound_leads_to_the_site_and_a_small_one_stays_one_page(tmp_path: Path) -> None:
    analysis = _day(40)
    assert write_report(analysis, tmp_path / "one.html", site="site/index.html")
    size = (tmp_path / "one.html").stat().st_size
    assert not write_report(analysis, tmp_path / "entry.html", site="site/index.html", max_bytes=size - 1)
    assert (tmp_path / "entry.html").stat().st_size < 2000
    # Without a site to lead to, the one page is written whatever its size.
    assert write_report(analysis, tmp_path / "plain.html", max_bytes=10)
