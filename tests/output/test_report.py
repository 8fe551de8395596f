from __future__ import annotations

from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

from isnad.model import Analysis, Article, Block, Event, Figure
from isnad.output.report import highlight_segments, render_report, write_report


class _TagCollector(HTMLParser):
    """Every start tag with its attributes, to check the page's structure rather than its spelling."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    collector = _TagCollector()
    collector.feed(html)
    return collector.tags


def test_segments_of_overlapping_and_nested_spans() -> None:
    spans = [((0, 4), "ent-org"), ((2, 6), "reuse"), ((3, 4), "fig")]
    assert highlight_segments("abcdefgh", spans) == [
        ("ab", ("ent-org",)),
        ("c", ("ent-org", "reuse")),
        ("d", ("ent-org", "fig", "reuse")),
        ("ef", ("reuse",)),
        ("gh", ()),
    ]


def test_segments_clip_out_of_range_and_drop_empty_spans() -> None:
    spans = [((-3, 2), "a"), ((5, 5), "b"), ((7, 100), "c"), ((9, 4), "d")]
    assert highlight_segments("abcdefgh", spans) == [("ab", ("a",)), ("cdefg", ()), ("h", ("c",))]


def test_abutting_spans_of_one_class_stay_apart() -> None:
    text = "حسن حسن"
    assert highlight_segments(text, [((0, 3), "ent-per"), ((3, 7), "ent-per")]) == [
        ("حسن", ("ent-per",)),
        (" حسن", ("ent-per",)),
    ]


def test_segments_of_a_real_article_join_back_into_its_text(analysis: Analysis) -> None:
    article = analysis.articles[0]
    spans = [(mention.span, "ent") for entity in analysis.entities for mention in entity.mentions]
    spans += [(attribution.span, "attr") for attribution in analysis.attributions]
    segments = highlight_segments(article.text, spans)
    assert "".join(text for text, _ in segments) == article.text
    assert ("أنقرة", ("attr", "ent")) in segments
    assert highlight_segments("", spans) == []


def test_report_is_an_arabic_rtl_page(analysis: Analysis) -> None:
    html = render_report(analysis)
    assert html.startswith("<!DOCTYPE html>")
    assert '<html lang="ar" dir="rtl">' in html
    assert '<meta charset="utf-8">' in html


def test_report_is_self_contained(analysis: Analysis) -> None:
    tags = _tags(render_report(analysis))
    names = Counter(tag for tag, _ in tags)
    assert [names["script"], names["link"], names["img"], names["style"]] == [0, 0, 0, 1]
    assert not [attrs for _, attrs in tags if "src" in attrs]


def test_every_article_has_an_anchor_that_citations_reach(analysis: Analysis) -> None:
    tags = _tags(render_report(analysis))
    ids = [attrs["id"] for _, attrs in tags if "id" in attrs]
    assert len(ids) == len(set(ids))
    hrefs = {attrs["href"] for tag, attrs in tags if tag == "a" and "href" in attrs}
    for article in analysis.articles:
        article_id = article.id
        assert f"article-{article_id}" in ids
        assert f"#article-{article_id}" in hrefs
    assert all(href[1:] in ids for href in hrefs if href and href.startswith("#"))


def test_article_text_cannot_inject_html() -> None:
    text = "<script>alert('x')</script> نص المقال & <b>عريض</b>"
    article = Article(
        id="evil", text=text, source_path="<img src=x onerror=alert(1)>.txt", title="<i>عنوان</i>"
    )
    html = render_report(Analysis(version="0.1.0", articles=[article]))
    for raw in ("<script>", "<b>", "<i>", "<img"):
        assert raw not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; نص المقال &amp; &lt;b&gt;عريض&lt;/b&gt;" in html
    assert "&lt;i&gt;عنوان&lt;/i&gt;" in html


def test_only_web_addresses_become_links(analysis: Analysis) -> None:
    html = render_report(analysis)
    assert 'href="https://arabi21.com/story/1001"' in html
    assert 'href="javascript:' not in html
    assert "javascript:alert(1)" in html  # still shown, as text


def test_overlapping_spans_are_marked_together(analysis: Analysis) -> None:
    html = render_report(analysis)
    # أنقرة in the Guardian piece: a place, inside a quote, inside an attribution, inside a reused passage.
    assert '<mark class="attr ent-loc quote reuse">أنقرة</mark>' in html
    assert '<mark class="attr fig quote">أكثر من 150 مقاتلا</mark>' in html
    assert '<mark class="attr cue">قال</mark>' in html


def test_blocks_are_styled_by_kind(analysis: Analysis) -> None:
    html = render_report(analysis)
    assert '<p class="blk blk-dateline">لندن-سانا</p>' in html
    assert '<p class="blk blk-bullet">عُثر على <mark class="fig">114 ورقة</mark>' in html
    # The opening title block becomes the article heading, highlights included.
    assert '<h3 class="article-title">وثائق <mark class="ent-loc">الموصل</mark> تكشف' in html


def test_text_outside_any_block_is_not_lost() -> None:
    text = "عنوان الخبر\nسطر لم تغطه الكتل\nفقرة أخيرة"
    covered = Article(
        id="x", text=text, source_path="x.txt", blocks=[Block("title", 0, 11), Block("paragraph", 30, 40)]
    )
    bare = Article(id="y", text="سطر أول\n\nسطر ثان", source_path="y.txt")
    html = render_report(Analysis(version="0.1.0", articles=[covered, bare]))
    assert '<p class="blk blk-paragraph">سطر لم تغطه الكتل</p>' in html
    assert '<p class="blk blk-paragraph">فقرة أخيرة</p>' in html
    assert '<p class="blk blk-paragraph">سطر أول</p>' in html
    assert '<p class="blk blk-paragraph">سطر ثان</p>' in html


def test_brief_cites_its_articles_and_flags_conflicts(analysis: Analysis) -> None:
    guardian, sana = analysis.articles[0].id, analysis.articles[1].id
    html = render_report(analysis)
    brief_start = html.index('<ol class="brief">')
    brief = html[brief_start : html.index("</ol>", brief_start)]
    assert brief.count('<li class="conflict">') == 1
    assert "رواية متعارضة" in brief
    assert f'href="#article-{guardian}"' in brief
    assert f'href="#article-{sana}"' in brief


def test_comparisons_reuse_and_problems_are_shown(analysis: Analysis) -> None:
    html = render_report(analysis)
    assert '<tr class="verdict-conflict">' in html
    assert '<tr class="verdict-agree">' in html
    assert html.count('<blockquote class="passage">اتصلوا بسفارات بلادهم في أنقرة') == 2
    assert "من <a" in html  # the direction names where the text came from
    assert "ملف RSS غير صالح: وسم غير مغلق" in html
    assert "السطر <bdi>3</bdi>" in html


def test_figures_read_as_written(analysis: Analysis) -> None:
    guardian = analysis.articles[0]
    figures = [
        Figure(guardian.id, 1500000.0, None, None, None, None, (0, 3)),
        Figure(guardian.id, 2.5, None, "مليار", None, None, (4, 7)),
    ]
    html = render_report(Analysis(version="0.1.0", articles=analysis.articles[:1], figures=figures))
    assert '<td class="num value"><bdi>1,500,000</bdi></td>' in html
    assert '<td class="num value"><bdi>2.5</bdi></td>' in html


def test_unknown_article_ids_are_flagged_not_fatal(analysis: Analysis) -> None:
    analysis.events.append(Event("ev-ghost", ["missing-article"], "حدث بلا مقالات معروفة"))
    html = render_report(analysis)
    assert '<span class="cite missing" title="missing-article">' in html
    assert "أحداث مستقلة" in html


@pytest.mark.parametrize(
    "message",
    [
        "لم تُجمع المقالات في أحداث أو قصص.",
        "لم يُرصد نقل للنصوص بين المقالات.",
        "لم تُرصد أقوال منسوبة إلى مصادر.",
        "لم تُرصد أرقام في المقالات.",
        "لم تُرصد أسماء أشخاص أو أماكن أو منظمات.",
        "قُرئت جميع الملفات دون مشكلات.",
        "لا مقالات في هذا التحليل.",
    ],
)
def test_empty_sections_say_so(message: str) -> None:
    html = render_report(Analysis(version="0.1.0"))
    assert f'<p class="empty">{message}</p>' in html
    for section in ("stories", "reuse", "attributions", "figures", "entities", "problems", "articles"):
        assert f'<section id="{section}">' in html


def test_write_report(analysis: Analysis, tmp_path: Path) -> None:
    target = tmp_path / "report" / "index.html"
    write_report(analysis, target)
    assert target.read_text(encoding="utf-8") == render_report(analysis)
