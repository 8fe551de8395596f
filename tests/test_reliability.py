"""What a bad article, a bad date, a long line, a damaged or read-only store may not do (issue 14)."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from isnad.arabic.sentences import MAX_SENTENCE_CHARS, MAX_SENTENCE_WORDS, split_sentences
from isnad.cli import app
from isnad.output import validate, write_json
from isnad.pipeline import analyze, read
from isnad.store import Store, StoreError
from tests.conftest import SEEDS

runner = CliRunner()
BODY = "أعلنت الحكومة اليوم عن خطة جديدة لإعادة إعمار المناطق المتضررة من الحرب في شمال البلاد."


def _article(folder: Path, name: str, text: str, published: str | None = None) -> Path:
    path = folder / f"{name}.json"
    path.write_text(json.dumps({"text": text, "published": published}, ensure_ascii=False), encoding="utf-8")
    return path


def _analyse_twice(inputs: Path, tmp_path: Path) -> None:
    """Analyse into a store and write the JSON; then analyse the store again, as a later run would."""
    db = tmp_path / "isnad.db"
    for run in (1, 2):
        analysis = analyze([inputs], db=db)
        write_json(analysis, tmp_path / f"analysis-{run}.json")
        validate(json.loads((tmp_path / f"analysis-{run}.json").read_text(encoding="utf-8")))


# 1. One number may not poison a store.
def test_a_400_digit_number_does_not_poison_the_store(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    _article(inputs, "huge", f"{BODY} وقتل {'9' * 400} شخصا في الهجوم. وأصيب 12 شخصا.")
    _analyse_twice(inputs, tmp_path)
    document = json.loads((tmp_path / "analysis-2.json").read_text(encoding="utf-8"))
    assert [f["value"] for f in document["figures"]] == [12]


# 2. One date may not poison a store.
@pytest.mark.parametrize(
    ("published", "word"), [("0001-01-01", "أمس"), ("9999-12-31", "غدا"), ("not a date at all", "أمس")]
)
def test_a_placeholder_date_does_not_poison_the_store(tmp_path: Path, published: str, word: str) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    _article(inputs, "dated", f"{BODY} وقال الوزير {word} إن العمل سيبدأ.", published)
    _analyse_twice(inputs, tmp_path)
    document = json.loads((tmp_path / "analysis-2.json").read_text(encoding="utf-8"))
    assert document["articles"][0]["published"] is None
    assert any("publication date" in p["error"] for p in document["problems"])


# 3. Per-sentence work is bounded.
def test_text_without_punctuation_is_cut_into_bounded_sentences() -> None:
    text = " ".join(f"كلمة{n % 97} و{n}" for n in range(20_000))  # 40,000 words, no stop, no comma
    spans = split_sentences(text)
    assert all(len(text[s:e].split()) <= MAX_SENTENCE_WORDS for s, e in spans)
    assert all(e - s <= MAX_SENTENCE_CHARS for s, e in spans)
    assert " ".join(text[s:e] for s, e in spans) == text  # cut at word starts: nothing lost


def test_one_endless_word_is_cut_too() -> None:
    text = "ب" * (3 * MAX_SENTENCE_CHARS + 5)
    spans = split_sentences(text)
    assert [e - s for s, e in spans] == [MAX_SENTENCE_CHARS] * 3 + [5]


def test_a_single_line_file_becomes_bounded_sentences(tmp_path: Path) -> None:
    path = tmp_path / "line.txt"
    path.write_text(" ".join([BODY.rstrip(".")] * 3000), encoding="utf-8")  # 45,000 words, one line
    (article,), problems = read([path])
    assert problems == []
    assert len(article.sentences) >= len(article.text.split()) / MAX_SENTENCE_WORDS
    assert max(len(article.text[s:e].split()) for s, e in article.sentences) <= MAX_SENTENCE_WORDS


# 5. A store is checked when opened; errors are one line naming the file, the problem and what to do.
def _seed_store(tmp_path: Path) -> Path:
    db = tmp_path / "isnad.db"
    with Store(db) as store, store.writing():
        articles, _ = read([SEEDS])
        store.add_articles(articles)
    return db


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _one_line_error(result: object, db: Path, words: str) -> None:
    output = result.output  # type: ignore[attr-defined]
    assert result.exit_code == 1, output  # type: ignore[attr-defined]
    assert "Traceback" not in output
    (line,) = [line for line in output.splitlines() if line.startswith("error:")]
    assert str(db) in line
    assert words in line


def test_garbage_in_the_middle_of_a_store_is_found_before_anything_is_written(tmp_path: Path) -> None:
    db = _seed_store(tmp_path)
    data = bytearray(db.read_bytes())
    page = 4096
    data[3 * page : 5 * page] = os.urandom(2 * page)
    db.write_bytes(bytes(data))
    before = _digest(db)
    new = tmp_path / "new.txt"
    new.write_text(BODY, encoding="utf-8")
    result = runner.invoke(app, ["add", str(new), "--db", str(db)])
    _one_line_error(result, db, "damaged")
    assert _digest(db) == before
    with pytest.raises(StoreError, match="damaged"):
        Store(db)


def test_a_store_from_a_newer_isnad_is_one_line(tmp_path: Path) -> None:
    db = _seed_store(tmp_path)
    with sqlite3.connect(db) as connection:
        connection.execute("PRAGMA user_version = 99")
    for command in (["add", str(SEEDS)], ["stories"], ["search", "داعش"], ["analyze", str(SEEDS), "-q"]):
        result = runner.invoke(app, [*command, "--db", str(db)])
        _one_line_error(result, db, "upgrade isnad")


def test_a_file_that_is_not_a_store_is_one_line(tmp_path: Path) -> None:
    db = tmp_path / "notes.db"
    db.write_text("some notes, not a database\n" * 200, encoding="utf-8")
    result = runner.invoke(app, ["add", str(SEEDS), "--db", str(db)])
    _one_line_error(result, db, "not a usable isnad store")
    assert db.read_text(encoding="utf-8").startswith("some notes")


# 6. A read-only store can be searched and listed.
def _without_write_access(command: list[str]) -> subprocess.CompletedProcess[str]:
    """Run ``command`` as a process that file permissions apply to (root keeps no override)."""
    prefix: list[str] = []
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: read-only files cannot be tested")
        prefix = [setpriv, "--bounding-set", "-all", "--inh-caps", "-all", "--"]
    return subprocess.run([*prefix, *command], capture_output=True, text=True, timeout=120, check=False)


def test_a_read_only_store_in_a_read_only_folder_can_be_searched_and_listed(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "isnad.db"
    assert analyze([SEEDS], db=db).events
    for name in os.listdir(folder):
        (folder / name).chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        isnad = [sys.executable, "-m", "isnad.cli"]
        search = _without_write_access([*isnad, "search", "الأجانب", "--db", str(db)])
        assert search.returncode == 0, search.stderr
        assert "[الاجانب]" in search.stdout
        listed = _without_write_access([*isnad, "stories", "--db", str(db), "--json"])
        assert listed.returncode == 0, listed.stderr
        assert json.loads(listed.stdout)["storylines"]
        added = _without_write_access([*isnad, "add", str(SEEDS), "--db", str(db)])
        assert added.returncode == 1
        assert "Traceback" not in added.stderr
        assert "read-only" in added.stderr
    finally:
        folder.chmod(stat.S_IRWXU)


# 7. Input edges.
def test_analyze_takes_one_path_as_a_string() -> None:
    assert len(analyze(str(SEEDS)).articles) == 5


@pytest.mark.parametrize("nonsense", [42, None, b"examples/seeds", [SEEDS, 3.5]])
def test_analyze_refuses_what_is_not_a_path_clearly(nonsense: object) -> None:
    with pytest.raises(TypeError, match="expected a path or a list of paths"):
        analyze(nonsense)  # type: ignore[arg-type]


def test_max_size_is_a_real_option(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text(" ".join([BODY] * 2000), encoding="utf-8")  # about 330 kB
    out = tmp_path / "out"
    refused = runner.invoke(app, ["analyze", str(big), "--out", str(out), "-q", "--max-size", "0.1"])
    assert refused.exit_code == 1
    assert "--max-size" in refused.output
    read_it = runner.invoke(app, ["analyze", str(big), "--out", str(out), "-q", "--max-size", "1"])
    assert read_it.exit_code == 0, read_it.output
