"""The editor's view of the seed story: framing, provenance, briefs and single reports in the report."""

from __future__ import annotations

import re
from pathlib import Path

from isnad.model import Analysis
from isnad.output.jsonout import analysis_to_dict, validate
from isnad.output.report import render_report
from isnad.store import Store


def test_seed_report_shows_framing_provenance_and_storyline_brief(seed_analysis: Analysis) -> None:
    html = render_report(seed_analysis)
    # The storyline's framing, then each multi-outlet event's, four outlets to a table.
    shown = [f for f in seed_analysis.framings if f.scope == "storyline"] + [
        f
        for f in seed_analysis.framings
        if f.scope == "event"
        and len(next(e for e in seed_analysis.events if e.id == f.scope_id).article_ids) > 1
    ]
    assert html.count('<table class="grid framing">') == sum(-(-len(f.outlets) // 4) for f in shown)
    assert max(len(f.outlets) for f in shown) > 4  # so that a framing does run over two tables
    assert html.count('<svg class="provenance"') == sum(bool(p.edges) for p in seed_analysis.provenance)
    assert "موجز القصة" in html
    assert "داعش الإرهابي" in html
    assert '<mark class="frame">' in html or 'class="frame' in html
    assert "<script" not in html


def test_conflicting_figure_rows_are_highlighted(seed_analysis: Analysis) -> None:
    html = render_report(seed_analysis)
    assert '<tr class="verdict-conflict">' in html
    assert "روايتان لا تجتمعان: العودة / السفر" in html


def test_comparisons_and_section_heads_read_in_arabic(seed_analysis: Analysis) -> None:
    html = render_report(seed_analysis)
    tables = re.findall(r'<table class="grid comparisons">.*?</table>', html, flags=re.S)
    heads = re.findall(r"<h[25]>.*?</h[25]>", html, flags=re.S)
    assert tables
    assert heads
    for piece in tables + heads:
        text = re.sub(r"<[^>]+>|&[a-z]+;", " ", piece)  # markup and entities are not read
        assert not re.search(r"[A-Za-z]", text), text


def test_seed_analysis_with_outlet_fields_matches_the_schema(seed_analysis: Analysis) -> None:
    doc = analysis_to_dict(seed_analysis)
    validate(doc)
    assert doc["framings"]
    assert doc["provenance"]
    assert doc["storyline_briefs"]


def test_outlet_fields_round_trip_through_the_store(seed_analysis: Analysis, tmp_path: Path) -> None:
    with Store(tmp_path / "isnad.db") as store:
        store.add_articles(seed_analysis.articles)
        store.save_results(seed_analysis)
        loaded = store.load_results(seed_analysis.version)
    assert loaded.framings == seed_analysis.framings
    assert loaded.provenance == seed_analysis.provenance
    assert loaded.storyline_briefs == seed_analysis.storyline_briefs
    assert loaded.single_reports == seed_analysis.single_reports
