"""isnad add and isnad stories: a store kept up to date batch by batch."""

from pathlib import Path

import pytest
from typer.testing import CliRunner

from isnad.cli import app
from tests.conftest import SEEDS

runner = CliRunner()


@pytest.mark.parametrize("command", [["add"], ["stories"], ["eval", "clustering"], ["eval", "events"]])
def test_new_commands_have_help_with_an_example(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.stdout


def test_add_in_batches_then_list_stories(tmp_path: Path) -> None:
    db = tmp_path / "isnad.db"
    seeds = sorted(SEEDS.glob("*.txt"))
    first = runner.invoke(app, ["add", str(seeds[0]), str(seeds[4]), "--db", str(db)])
    assert first.exit_code == 0, first.output
    assert first.stdout.count("new event") == 2
    second = runner.invoke(app, ["add", str(SEEDS), "--db", str(db)])
    assert second.exit_code == 0, second.output
    assert "3 new articles (2 already stored); 3 events, 1 storylines" in second.output
    assert "joins 1" in second.stdout  # 003 joins 000's event: one Telegraph report

    listing = runner.invoke(app, ["stories", "--db", str(db)])
    assert listing.exit_code == 0, listing.output
    lines = listing.stdout.splitlines()
    assert sum(line.startswith("storyline ") for line in lines) == 1
    assert sum(line.startswith("  event: ") for line in lines) == 3
    assert sum(line.startswith("    ") for line in lines) == 5


def test_stories_without_a_store_says_how_to_make_one(tmp_path: Path) -> None:
    result = runner.invoke(app, ["stories", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2
    assert "isnad add" in result.output
