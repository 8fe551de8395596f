"""The report as a real browser builds it: headless Chromium, when the machine has one."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from isnad.model import Analysis
from isnad.output.report import write_report

CHROMIUM = Path("/usr/bin/chromium")

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="headless browser check needs /usr/bin/chromium (Debian package 'chromium'), not installed here",
)


def _dump_dom(page: Path, profile: Path) -> str:
    result = subprocess.run(
        [
            str(CHROMIUM),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return result.stdout


def test_chromium_builds_the_report(analysis: Analysis, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    write_report(analysis, page)
    dom = _dump_dom(page, tmp_path / "profile")
    assert '<html lang="ar" dir="rtl">' in dom
    for article in analysis.articles:
        assert f'id="article-{article.id}"' in dom
    sections = ["stories", "reuse", "attributions", "figures", "entities", "problems", "articles", "legend"]
    for section in sections:
        assert f'id="{section}"' in dom
    assert '<mark class="attr ent-loc quote reuse">أنقرة</mark>' in dom
    assert dom.count('<blockquote class="passage">') == 2
    assert '<tr class="verdict-conflict">' in dom
    assert "<script" not in dom


def test_chromium_builds_the_seed_report_with_outlet_sections(
    seed_analysis: Analysis, tmp_path: Path
) -> None:
    """The provenance pictures (inline SVG) and framing tables survive a real browser's parser."""
    page = tmp_path / "seeds.html"
    write_report(seed_analysis, page)
    dom = _dump_dom(page, tmp_path / "profile")
    drawn = sum(bool(p.edges) for p in seed_analysis.provenance)
    assert dom.count('<svg class="provenance"') == drawn
    assert dom.count("<marker ") >= 3 * drawn
    assert '<table class="grid framing">' in dom
    assert "موجز القصة" in dom
    assert "<script" not in dom
