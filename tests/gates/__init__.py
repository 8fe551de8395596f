"""Accuracy gates: isnad against the real gold in ../shared/data, with pinned floors."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data"


def shared_data(relative: str) -> Path:
    """A path under ../shared/data, or skip the gate saying where the data should be."""
    path = DATA / relative
    if not path.exists():
        pytest.skip(f"{path} not found: the gold data lives in ../shared/data beside the project")
    return path
