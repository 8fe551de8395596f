from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from isnad.ingest import read_file, read_paths
from isnad.model import Article, Problem

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
SEEDS = Path(__file__).resolve().parents[2] / "examples" / "seeds"
SEED_003 = next(SEEDS.glob("003_*.txt")).read_text(encoding="utf-8")
BODY = "أعلنت الحكومة اليوم عن خطة جديدة لإعادة إعمار المناطق المتضررة من الحرب في شمال البلاد."


def read_all(*paths: Path | str, max_bytes: int = 20_000_000) -> tuple[list[Article], list[Problem]]:
    items = list(read_paths(paths, max_bytes=max_bytes))
    articles = [item for item in items if isinstance(item, Article)]
    problems = [item for item in items if isinstance(item, Problem)]
    assert len(articles) + len(problems) == len(items)
    return articles, problems


def only_problem(*paths: Path | str) -> Problem:
    articles, problems = read_all(*paths)
    assert articles == []
    (problem,) = problems
    return problem


def test_the_same_article_in_any_encoding_gets_the_same_id(tmp_path: Path) -> None:
    files = {
        "utf8.txt": SEED_003.encode("utf-8"),
        "bom.txt": codecs.BOM_UTF8 + SEED_003.encode("utf-8"),
        "utf16.txt": SEED_003.encode("utf-16"),
        "utf16be.txt": codecs.BOM_UTF16_BE + SEED_003.encode("utf-16-be"),
        "windows.txt": SEED_003.replace("\n", "\r\n").encode("cp1256"),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    articles, problems = read_all(tmp_path)
    assert problems == []
    assert {a.id for a in articles} == {read_all(next(SEEDS.glob("003_*.txt")))[0][0].id}
    assert {Path(a.source_path).name: a.encoding for a in articles} == {
        "bom.txt": "utf-8-sig",
        "utf16.txt": "utf-16-le",
        "utf16be.txt": "utf-16-be",
        "utf8.txt": "utf-8",
        "windows.txt": "cp1256",
    }


def test_a_folder_is_read_recursively_in_name_order_without_hidden_files(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text(f"الثاني\n{BODY}", encoding="utf-8")
    (tmp_path / "a.md").write_text(f"الأول\n{BODY}", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(f"مخفي\n{BODY}", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(f"مخفي\n{BODY}", encoding="utf-8")
    (tmp_path / "README.md").write_text("# Articles\n\nA note on this folder.", encoding="utf-8")
    articles, problems = read_all(tmp_path)
    assert problems == []
    assert [a.title for a in articles] == ["الأول", "الثاني"]
    assert articles[1].source_path == str(tmp_path / "b" / "2.txt")


def test_the_seed_folder_reads_cleanly() -> None:
    articles, problems = read_all(SEEDS)
    assert problems == []
    assert len(articles) == 5


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    problems = read_all(tmp_path)[1]
    assert problems[0] == Problem(str(tmp_path / "empty.txt"), problems[0].error)
    assert "empty" in problems[0].error


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    problem = only_problem(path)
    assert problem.source_path == str(path)
    assert "binary" in problem.error
    assert "PNG" in problem.error


def test_undecodable_bytes(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Le ministre a déclaré que la réunion aurait lieu demain.".encode("latin-1"))
    problem = only_problem(path)
    assert "not valid UTF-8" in problem.error
    assert "re-save it as UTF-8" in problem.error
    assert problem.line == 1


def test_a_file_over_the_size_limit_is_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as file:
        file.truncate(50_000_000)  # sparse: takes no disk space

    def refuse(self: Path) -> bytes:
        raise AssertionError(f"{self} was read")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    problem = only_problem(path)
    assert problem.source_path == str(path)
    assert "50.0 MB" in problem.error
    assert "20.0 MB limit" in problem.error


def test_a_path_that_does_not_exist(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "article.txt"
    problem = only_problem(missing)
    assert problem == Problem(str(missing), problem.error)
    assert "no such file or folder" in problem.error


def test_a_folder_with_no_articles(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / ".notes.txt").write_text(BODY, encoding="utf-8")
    articles, problems = read_all(tmp_path)
    assert articles == []
    assert [p.source_path for p in problems] == [str(tmp_path / "empty.txt"), str(tmp_path)]
    assert "no readable articles" in problems[-1].error


def test_an_empty_folder(tmp_path: Path) -> None:
    assert "no readable articles" in only_problem(tmp_path).error


def test_problems_do_not_stop_the_run(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(BODY, encoding="utf-8")
    articles, problems = read_all(tmp_path / "missing.txt", tmp_path / "good.txt", tmp_path / "also-missing")
    assert [a.text for a in articles] == [BODY]
    assert len(problems) == 2


def test_jsonl_reads_every_good_line_and_reports_the_bad_ones(tmp_path: Path) -> None:
    path = tmp_path / "articles.jsonl"
    records = [
        json.dumps({"text": BODY, "title": "خطة إعمار", "outlet": "سانا", "url": "https://sana.example/1"}),
        '{"text": "نص مقطوع", "title": ',
        "",
        json.dumps({"title": "بلا نص"}),
        json.dumps({"text": "قال المسؤول إن الاجتماع سيعقد غدا.", "published": 2017}),
        json.dumps(["ليس", "كائنا"]),
        json.dumps({"text": "قال المسؤول إن الاجتماع سيعقد غدا.", "published": "2017-03-12"}),
    ]
    path.write_text("\n".join(records) + "\n", encoding="utf-8")
    articles, problems = read_all(path)
    assert [(a.source_path, a.title, a.outlet, a.published) for a in articles] == [
        (f"{path}:1", "خطة إعمار", "سانا", None),
        (f"{path}:7", None, None, "2017-03-12"),
    ]
    assert articles[0].url == "https://sana.example/1"
    assert [(p.source_path, p.line) for p in problems] == [
        (str(path), 2),
        (str(path), 4),
        (str(path), 5),
        (str(path), 6),
    ]
    assert "not valid JSON" in problems[0].error
    assert '"text"' in problems[1].error
    assert '"published" field must be a string' in problems[2].error
    assert "expected a JSON object" in problems[3].error


def test_json_object_and_list(tmp_path: Path) -> None:
    single = tmp_path / "one.json"
    single.write_text(json.dumps({"text": BODY, "title": "خطة إعمار"}, ensure_ascii=False), encoding="utf-8")
    many = tmp_path / "many.json"
    many.write_text(json.dumps([{"text": BODY}, {"text": ""}, {"text": "وأضاف أن النتائج ستعلن لاحقا."}]))
    articles, problems = read_all(many, single)
    assert [a.source_path for a in articles] == [f"{many}#1", f"{many}#3", str(single)]
    assert articles[2].title == "خطة إعمار"
    (problem,) = problems
    assert (problem.source_path, problem.line) == (str(many), None)
    assert problem.error.startswith("item 2: ")


def test_malformed_json_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"text": "نص",\n"title": }', encoding="utf-8")
    problem = only_problem(path)
    assert "not valid JSON" in problem.error
    assert problem.line == 2


def test_html_page_gives_its_main_text_and_metadata() -> None:
    (article,) = read_all(FIXTURES / "article.html")[0]
    assert article.title == "مقاتلون أجانب يفرون من تنظيم الدولة"
    assert article.outlet == "الخليج أونلاين"
    assert article.url == "https://alkhaleejonline.example/politics/foreign-fighters"
    assert article.published == "2017-04-09"
    assert [b.kind for b in article.blocks] == ["title", "paragraph", "paragraph", "heading", "paragraph"]
    assert "الرئيسية" not in article.text  # navigation
    assert "جميع الحقوق محفوظة" not in article.text  # footer


def test_html_page_without_an_article() -> None:
    problem = only_problem(FIXTURES / "no_article.html")
    assert problem.source_path == str(FIXTURES / "no_article.html")
    assert "no article text found" in problem.error


def test_html_page_in_a_declared_windows_charset(tmp_path: Path) -> None:
    page = (FIXTURES / "article.html").read_text(encoding="utf-8")
    path = tmp_path / "page.htm"
    path.write_bytes(page.replace('charset="utf-8"', 'charset="windows-1256"').encode("cp1256"))
    (article,) = read_all(path)[0]
    assert article.encoding == "cp1256"
    assert article.id == read_all(FIXTURES / "article.html")[0][0].id


def test_feed_entries_become_articles() -> None:
    articles, problems = read_all(FIXTURES / "feed.rss")
    feed = str(FIXTURES / "feed.rss")
    assert [(a.source_path, a.outlet, a.url, a.published) for a in articles] == [
        (f"{feed}#1", "وكالة سانا", "https://sana.example/news/1", "2016-03-13T10:15:00Z"),
        (f"{feed}#2", "وكالة سانا", "https://sana.example/news/2", "2016-03-14T09:00:00Z"),
    ]
    assert articles[0].title == "دبلوماسيون: إرهابيون أجانب يحاولون الفرار من داعش"
    assert [b.kind for b in articles[0].blocks] == ["paragraph", "paragraph"]
    assert "<p>" not in articles[0].text
    (problem,) = problems
    assert (problem.source_path, problem.error) == (feed, "entry 3: has no content or summary to read")


def test_xml_that_is_not_a_feed(tmp_path: Path) -> None:
    path = tmp_path / "data.xml"
    path.write_text('<?xml version="1.0"?><config><setting name="a">1</setting></config>', encoding="utf-8")
    assert "no RSS or Atom entries" in only_problem(path).error


def test_unknown_extensions_are_sniffed(tmp_path: Path) -> None:
    (tmp_path / "page.php").write_bytes((FIXTURES / "article.html").read_bytes())
    (tmp_path / "notes").write_text(BODY, encoding="utf-8")
    (tmp_path / "scan.dat").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    articles, problems = read_all(tmp_path)
    assert [(Path(a.source_path).name, a.title) for a in articles] == [
        ("notes", None),
        ("page.php", "مقاتلون أجانب يفرون من تنظيم الدولة"),
    ]
    (problem,) = problems
    assert problem.source_path == str(tmp_path / "scan.dat")
    assert "PDF" in problem.error


def test_read_file_reads_one_file() -> None:
    (article,) = read_file(next(SEEDS.glob("002_*.txt")))
    assert isinstance(article, Article)
    assert article.outlet == "الخليج اونلاين"


def test_jsonl_lines_are_split_on_line_feeds_only(tmp_path: Path) -> None:
    path = tmp_path / "articles.ndjson"
    records = [json.dumps({"text": f"{BODY}\u2028{BODY}"}, ensure_ascii=False), json.dumps({"text": BODY})]
    path.write_bytes("\r\n".join(records).encode("utf-8"))
    articles, problems = read_all(path)
    assert problems == []
    assert [a.source_path for a in articles] == [f"{path}:1", f"{path}:2"]
    assert articles[0].text == f"{BODY}\n\n{BODY}"


def test_small_size_limits_are_reported_in_bytes(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(BODY, encoding="utf-8")
    (problem,) = read_all(path, max_bytes=100)[1]
    assert f"the file is {len(BODY.encode()):,} bytes, over the 100 bytes limit" in problem.error


def test_a_parser_failing_on_one_file_does_not_end_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr("isnad.ingest.readers.trafilatura.bare_extraction", fail)
    (tmp_path / "a.html").write_bytes((FIXTURES / "article.html").read_bytes())
    (tmp_path / "b.txt").write_text(BODY, encoding="utf-8")
    articles, problems = read_all(tmp_path)
    assert [a.text for a in articles] == [BODY]
    assert problems[0].error.startswith("could not be parsed (RecursionError")
