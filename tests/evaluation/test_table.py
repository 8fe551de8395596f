"""Plain-text tables and the headline line."""

from __future__ import annotations

import pytest

from isnad.evaluation.table import format_table, headline


def test_columns_line_up_with_labels_left_and_numbers_right() -> None:
    lines = format_table(["type", "recall"], [("none", 0.91234), ("word shuffling", 0.5)]).splitlines()
    assert lines[0] == "type            recall"
    assert lines[1] == "--------------  ------"
    assert lines[2] == "none             0.912"
    assert lines[3] == "word shuffling   0.500"


def test_rows_must_fill_every_column() -> None:
    with pytest.raises(ValueError, match="2 cells"):
        format_table(["a", "b"], [("only one",)])


def test_headline_has_three_decimals() -> None:
    assert headline("plagdet", 0.8) == "plagdet=0.800"
    assert headline("pearson", 0.12345) == "pearson=0.123"
