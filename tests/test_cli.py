import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from isnad import __version__
from isnad.cli import app
from isnad.output import validate
from tests.conftest import SEEDS

runner = CliRunner()


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert __version__ in result.stdout


@pytest.mark.parametrize(
    "command", [[], ["analyze"], ["search"], ["reuse"], ["eval"], ["eval", "reuse"], ["eval", "similarity"]]
)
def test_every_command_has_help_with_an_example(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.stdout


def test_analyze_seeds_writes_valid_outputs(tmp_path: Path) -> None:
    db = tmp_path / "isnad.db"
    result = runner.invoke(
        app, ["analyze", str(SEEDS), "--out", str(tmp_path / "out"), "--db", str(db), "-q"]
    )
    assert result.exit_code == 0, result.output
    doc = json.loads((tmp_path / "out" / "analysis.json").read_text(encoding="utf-8"))
    validate(doc)
    assert len(doc["articles"]) == 5
    assert doc["problems"] == []
    html = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert 'dir="rtl"' in html
    # A second run over the same input adds nothing to the store.
    again = runner.invoke(
        app, ["analyze", str(SEEDS), "--out", str(tmp_path / "out2"), "--db", str(db), "-q"]
    )
    assert again.exit_code == 0
    hits = runner.invoke(app, ["search", "الغارديان", "--db", str(db)])
    assert hits.exit_code == 0
    assert hits.stdout.count("\n    ") >= 1


def test_analyze_goes_on_past_bad_files_and_names_them(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "good.txt").write_text((SEEDS / "003_4822fe9b3c5ba666.txt").read_text(encoding="utf-8"))
    result = runner.invoke(
        app, ["analyze", str(tmp_path), str(tmp_path / "missing"), "--out", str(tmp_path / "o"), "-q"]
    )
    assert result.exit_code == 0
    assert "empty.txt" in result.output
    assert "missing" in result.output
    doc = json.loads((tmp_path / "o" / "analysis.json").read_text(encoding="utf-8"))
    assert len(doc["articles"]) == 1
    assert {Path(p["source_path"]).name for p in doc["problems"]} == {"empty.txt", "missing"}


def test_analyze_with_nothing_readable_fails_clearly(tmp_path: Path) -> None:
    result = runner.invoke(app, ["analyze", str(tmp_path / "nowhere"), "--out", str(tmp_path / "o"), "-q"])
    assert result.exit_code == 1
    assert "no article could be read" in result.output


def test_reuse_command_prints_shared_passages(tmp_path: Path) -> None:
    text = (SEEDS / "000_f46136cda94aabe5.txt").read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(text)
    (tmp_path / "b.txt").write_text("مقدمة جديدة كتبها محرر آخر عن الخبر.\n" + text[:1500])
    result = runner.invoke(app, ["reuse", str(tmp_path / "a.txt"), str(tmp_path / "b.txt")])
    assert result.exit_code == 0
    assert "passages" in result.stdout
    assert "A (" in result.stdout
    assert "direction a->b" in result.stdout  # b is a trimmed copy of a
