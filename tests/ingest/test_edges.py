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
