"""The compare-stage evaluation commands: `isnad eval stance` and `isnad eval brief`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from isnad.cli import app

runner = CliRunner()
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.mark.parametrize("command", [["eval", "stance"], ["eval", "brief"]])
def test_help_has_an_example(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.stdout


def test_eval_stance_ends_with_macro_f1() -> None:
    result = runner.invoke(app, ["eval", "stance", str(FIXTURES / "stance" / "pairs.csv")])
    assert result.exit_code == 0, result.output
    assert re.fullmatch(r"macro_f1=[01]\.\d{3}", result.stdout.strip().splitlines()[-1])


def test_eval_brief_ends_with_citation_precision() -> None:
    result = runner.invoke(app, ["eval", "brief", str(FIXTURES / "gold" / "brief" / "seeds.json")])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip().splitlines()[-1].startswith("citation_precision=")


def test_missing_data_is_a_sentence_not_a_traceback(tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval", "stance", str(tmp_path / "absent.csv")])
    assert result.exit_code == 2
    assert "not found" in result.output
