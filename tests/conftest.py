"""Shared fixtures: the bundled seed corpus, read and analysed once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from isnad.model import Analysis, Article
from isnad.pipeline import analyze_articles, read

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "examples" / "seeds"


@pytest.fixture(scope="session")
def seed_articles() -> dict[str, Article]:
    """The five seed articles keyed by their file prefix (000 ... 004)."""
    articles, problems = read([SEEDS])
    assert not problems
    return {Path(a.source_path).name[:3]: a for a in articles}


@pytest.fixture(scope="session")
def seed_analysis(seed_articles: dict[str, Article]) -> Analysis:
    return analyze_articles(seed_articles.values())
