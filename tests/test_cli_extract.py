from pathlib import Path

import pytest
from typer.testing import CliRunner

from isnad.cli import app
from tests.conftest import ROOT, SEEDS

runner = CliRunner()


@pytest.mark.parametrize("command", [["eval", "ner"], ["eval", "extraction"]])
def test_extraction_evaluations_have_help_with_an_example(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.stdout


def test_eval_ner_ends_with_f1() -> None:
    result = runner.invoke(app, ["eval", "ner", str(ROOT / "tests" / "fixtures" / "ner" / "tiny.conll")])
    assert result.exit_code == 0
    assert result.stdout.strip().splitlines()[-1].startswith("f1=")


def test_eval_extraction_on_the_seeds() -> None:
    gold = ROOT / "tests" / "fixtures" / "gold" / "seeds.json"
    result = runner.invoke(app, ["eval", "extraction", str(gold), str(SEEDS)])
    assert result.exit_code == 0
    assert result.stdout.strip().splitlines()[-1].startswith("extraction_f1=")


def test_eval_ner_without_the_file_says_where_data_lives(tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval", "ner", str(tmp_path / "missing.txt")])
    assert result.exit_code == 2
