"""Reuse links on a real day: judged links, precision by band, silver pairs."""

from __future__ import annotations

from pathlib import Path

import pytest

from isnad.evaluation.reuse_links import JudgedLink, evaluate_links, read_judged, silver_pairs
from isnad.model import Article, ReuseLink

STORY = (
    "أعلنت وزارة الصحة اليوم افتتاح مركز جديد لعلاج أمراض القلب في مدينة الدمام بطاقة استيعابية "
    "تبلغ مئتي سرير ويضم أحدث الأجهزة الطبية ويعمل فيه فريق من الأطباء المتخصصين في جراحة القلب"
)
OTHER = (
    "فاز فريق النادي الأهلي على منافسه في مباراة ودية أقيمت مساء أمس في معسكره الصيفي بالنمسا "
    "بهدفين مقابل هدف واحد سجلهما المهاجم في الشوط الثاني بعد تمريرتين من خط الوسط"
)


def article(name: str, text: str, outlet: str) -> Article:
    return Article(id=name, text=text, source_path=name, outlet=outlet, url=f"http://{outlet}/{name}")


def test_silver_pairs_are_cross_outlet_copies() -> None:
    articles = [
        article("a", STORY, "okaz"),
        article("b", "الدمام: " + STORY + " وقال المتحدث إن المركز سيفتح أبوابه الشهر المقبل", "alyaum"),
        article("c", STORY, "okaz"),  # same outlet as a: not silver with a
        article("d", OTHER, "sabq"),
    ]
    assert silver_pairs(articles) == {
        ("http://alyaum/b", "http://okaz/a"),
        ("http://alyaum/b", "http://okaz/c"),
    }


def test_precision_counts_partial_as_half_and_bands_by_score() -> None:
    articles = [
        article(n, STORY if n != "d" else OTHER, o) for n, o in zip("abcd", ["x", "y", "z", "w"], strict=True)
    ]
    links = [
        ReuseLink(a="a", b="b", score=0.9),
        ReuseLink(a="a", b="c", score=0.97),
        ReuseLink(a="b", b="d", score=0.1),
    ]
    judged = [
        JudgedLink("http://x/a", "http://y/b", "reuse", ""),
        JudgedLink("http://z/c", "http://x/a", "partial", ""),  # either order
        JudgedLink("http://y/b", "http://w/d", "topic", ""),
    ]
    result = evaluate_links(articles, judged, links)
    by_band = {
        band: (count, judged_count, precision) for band, count, judged_count, precision in result.bands
    }
    assert by_band["0.865-0.950"] == (1, 1, 1.0)
    assert by_band["0.950-1.000"] == (1, 1, 0.5)
    assert by_band["0.000-0.500"] == (1, 1, 0.0)
    # Reported: the two links at or above the default threshold, each band by its share.
    assert (result.links, result.judged) == (2, 2)
    assert result.precision == pytest.approx(0.75)
    assert (result.silver, result.silver_found) == (3, 2)


def test_a_bad_label_names_the_file_and_line(tmp_path: Path) -> None:
    gold = tmp_path / "gold.tsv"
    gold.write_text("url_a\turl_b\tlabel\treason\nu1\tu2\tcopied\tx\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"gold.tsv:2: label must be one of"):
        read_judged(gold)
