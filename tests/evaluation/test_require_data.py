"""The error evaluation gates give when the shared data is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

from isnad.evaluation import require_data


def test_present_path_is_returned(tmp_path: Path) -> None:
    assert require_data(str(tmp_path), "anything") == tmp_path


def test_absent_path_says_where_the_data_lives(tmp_path: Path) -> None:
    absent = tmp_path / "exara-dev"
    with pytest.raises(
        FileNotFoundError, match=r"exara-dev not found: the ExAra corpus lives in \.\./shared/data"
    ):
        require_data(absent, "the ExAra corpus")
