"""Inputs at the edges: character references, gzip, damaged bytes, dates, languages, menus, sizes."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from isnad.ingest import read_paths
from isnad.model import Article, Problem

SAUDINEWSNET = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "saudinewsnet"
BODY = "أعلنت الحكومة اليوم عن خطة جديدة لإعادة إعمار المناطق المتضررة من الحرب في شمال البلاد."


def read_all(*paths: Path | str, max_bytes: int = 20_000_000) -> tuple[list[Article], list[Problem]]:
    items = list(read_paths(paths, max_bytes=max_bytes))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, Problem)]


def test_character_references_are_decoded_in_every_field(tmp_path: Path) -> None:
    record = {
        "text": f"عرض فيلم &#8220;جوراسيك وورلد&#8221; وقال المخرج &quot;إنه نجاح&quot;. {BODY}",
        "title": "&quot;جوراسيك وورلد&quot; في دور العرض &amp; المهرجانات",
        "outlet": "عين &amp; اليوم",
        "url": "https://example.com/a?x=1&amp;y=2",
        "published": "2015-08-06T01:00:00",
    }
    path = tmp_path / "day.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    (article,), problems = read_all(path)
    assert problems == []
    assert "“جوراسيك وورلد”" in article.text
    assert '"إنه نجاح"' in article.text
    assert article.title == '"جوراسيك وورلد" في دور العرض & المهرجانات'
    assert article.outlet == "عين & اليوم"
    assert article.url == "https://example.com/a?x=1&y=2"
    assert "&#" not in article.text
    assert "&quot;" not in article.text
    # Offsets point into the decoded text: the block that holds the quote starts at the decoded word.
    (paragraph,) = [b for b in article.blocks if b.kind == "paragraph"]
    assert article.text[paragraph.start : paragraph.end].startswith("عرض فيلم “جوراسيك وورلد” وقال")


def test_a_bare_ampersand_is_not_a_reference(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(
        f"{BODY} شركة AT&T ورابط https://x.example/?a=1&CategoryID=2 &notareference", encoding="utf-8"
    )
    (article,), _ = read_all(path)
    assert "AT&T" in article.text
    assert "&CategoryID=2" in article.text
    assert "&notareference" in article.text


def test_gzipped_jsonl_and_json_read_as_their_unpacked_forms(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": BODY, "title": "أ"}),
        json.dumps({"text": "قال المسؤول إن الاجتماع سيعقد غدا."}),
    ]
    (tmp_path / "day.jsonl.gz").write_bytes(gzip.compress("\n".join(lines).encode("utf-8")))
    (tmp_path / "one.json.gz").write_bytes(gzip.compress(json.dumps({"text": BODY + " ثم"}).encode("utf-8")))
    articles, problems = read_all(tmp_path)
    assert problems == []
    assert [a.source_path for a in articles] == [
        f"{tmp_path / 'day.jsonl.gz'}:1",
        f"{tmp_path / 'day.jsonl.gz'}:2",
        str(tmp_path / "one.json.gz"),
    ]


def test_a_multi_member_gzip_file_is_read_whole(tmp_path: Path) -> None:
    first = gzip.compress((json.dumps({"text": BODY}) + "\n").encode())
    second = gzip.compress(json.dumps({"text": "قال المسؤول إن الاجتماع سيعقد غدا."}).encode())
    (tmp_path / "day.jsonl.gz").write_bytes(first + second)
    articles, problems = read_all(tmp_path)
    assert (len(articles), problems) == (2, [])


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"not gzip at all", "not a valid gzip file"),
        (gzip.compress(BODY.encode() * 50)[:-30], "cut short"),
    ],
)
def test_broken_gzip_files_are_problems(tmp_path: Path, data: bytes, words: str) -> None:
    path = tmp_path / "day.jsonl.gz"
    path.write_bytes(data)
    articles, (problem,) = read_all(path)
    assert articles == []
    assert problem.source_path == str(path)
    assert words in problem.error


def test_a_gzip_file_that_unpacks_over_the_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b" " * 5_000_000))  # about 5 kB packed
    articles, (problem,) = read_all(path, max_bytes=1_000_000)
    assert articles == []
    assert "unpacks to over the 1.0 MB limit" in problem.error
    assert "--max-size" in problem.error


def test_a_real_gzipped_day_reads_as_articles() -> None:
    day = SAUDINEWSNET / "2015-08-06.jsonl.gz"
    if not day.exists():
        pytest.skip("../shared/data/saudinewsnet is not here")
    items = list(read_paths([day]))
    articles = [i for i in items if isinstance(i, Article)]
    assert len(articles) > 3000
    assert not any("&quot;" in a.text or "&#8220;" in (a.title or "") for a in articles)


def test_a_page_with_only_navigation_is_not_an_article(tmp_path: Path) -> None:
    path = tmp_path / "nav.html"
    path.write_text('<html><body><nav><a href="/a">A</a><a href="/b">B</a></nav></body></html>')
    articles, (problem,) = read_all(path)
    assert articles == []
    assert "too short to be an article" in problem.error


@pytest.mark.parametrize("text", ["hello", "The minister said on Monday that talks would resume in Geneva."])
def test_text_that_is_not_arabic_is_reported_and_left_out(tmp_path: Path, text: str) -> None:
    path = tmp_path / "english.txt"
    path.write_text(text, encoding="utf-8")
    articles, (problem,) = read_all(path)
    assert articles == []
    assert problem.source_path == str(path)
    assert "not Arabic" in problem.error


def test_arabic_text_quoting_latin_names_is_arabic(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(f"{BODY} وقالت وكالة Reuters إن شركة Google Inc وافقت.", encoding="utf-8")
    assert read_all(path)[1] == []


def test_one_invalid_byte_costs_that_byte_not_the_article(tmp_path: Path) -> None:
    paragraphs = [f"{BODY} الفقرة رقم {n}." for n in range(40)]
    data = "\n".join(paragraphs).encode("utf-8")
    middle = data.index(b"\n", len(data) // 2) + 1
    path = tmp_path / "long.txt"
    path.write_bytes(data[:middle] + b"\xff" + data[middle:])
    (article,), (problem,) = read_all(path)
    assert "\ufffd" in article.text
    assert article.text.count("الفقرة رقم") == 40
    assert problem.source_path == str(path)
    assert f"byte offset(s) {middle}" in problem.error
    assert problem.line == data[:middle].count(b"\n") + 1


def test_a_damaged_byte_in_a_jsonl_file_keeps_every_line(tmp_path: Path) -> None:
    lines = [json.dumps({"text": f"{BODY} رقم {n}"}, ensure_ascii=False).encode() for n in range(30)]
    lines[10] = lines[10].replace("رقم".encode(), "رقم".encode()[:3] + b"\xc0", 1)
    path = tmp_path / "day.jsonl"
    path.write_bytes(b"\n".join(lines))
    articles, (problem,) = read_all(path)
    assert len(articles) == 30
    assert problem.line == 11
    assert "invalid UTF-8" in problem.error


def test_text_in_another_encoding_is_still_refused_not_taken_for_damage(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Le ministre a déclaré que la réunion aurait lieu demain.".encode("latin-1"))
    articles, (problem,) = read_all(path)
    assert articles == []
    assert "not valid UTF-8" in problem.error


@pytest.mark.parametrize(
    ("published", "kept", "problem"),
    [
        ("2015-08-06T01:00:00", "2015-08-06T01:00:00", None),
        ("2015-08-06", "2015-08-06", None),
        ("Thu, 06 Aug 2015 10:00:00 +0300", "2015-08-06T10:00:00+03:00", None),
        ("not a date at all", None, "is not a date"),
        ("0000-01-01", None, "is not a date"),
        ("10000-01-01", None, "is not a date"),
        ("0001-01-01", None, "outside the years"),
        ("9999-12-31", None, "outside the years"),
    ],
)
def test_publication_dates_are_checked_and_bad_ones_dropped(
    tmp_path: Path, published: str, kept: str | None, problem: str | None
) -> None:
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"text": BODY, "published": published}), encoding="utf-8")
    (article,), problems = read_all(path)
    assert article.published == kept
    expected = [] if problem is None else [True]
    assert [problem in p.error for p in problems] == expected


def test_an_arabic_article_under_script_junk_is_kept(tmp_path: Path) -> None:
    junk = "jQuery('#vote_area').html(data); var plot = jQuery.jqplot('pie', [['a1897', 30]]); " * 40
    path = tmp_path / "scraped.txt"
    path.write_text(f"{BODY} {BODY} {BODY}\n\n{junk}", encoding="utf-8")
    articles, problems = read_all(path)
    assert (len(articles), problems) == (1, [])


def test_arabic_in_presentation_forms_is_arabic(tmp_path: Path) -> None:
    path = tmp_path / "forms.txt"
    path.write_text("ﻭﻗﺎﻝ ﺍﻟﻮﺯﻳﺮ ﺇﻥ ﺍﻟﺤﻜﻮﻣﺔ ﺳﺘﻌﻠﻦ ﺧﻄﺔ ﺟﺪﻳﺪﺓ ﺍﻟﻴﻮﻡ Facebook Twitter", encoding="utf-8")
    articles, problems = read_all(path)
    assert (len(articles), problems) == (1, [])
