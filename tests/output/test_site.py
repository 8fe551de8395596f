"""The static site: the web app's pages as files, every link resolving inside the folder."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from isnad.model import Analysis
from isnad.output.site import page_name, write_site

HREF = re.compile(r'href="([^"]+)"')


@pytest.fixture(scope="module")
def site(seed_analysis: Analysis, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_site(seed_analysis, tmp_path_factory.mktemp("site")).parent


def test_a_page_per_event_storyline_and_article(site: Path, seed_analysis: Analysis) -> None:
    for event in seed_analysis.events:
        assert (site / page_name("event", event.id)).is_file()
    for storyline in seed_analysis.storylines:
        assert (site / page_name("storyline", storyline.id)).is_file()
    for article in seed_analysis.articles:
        assert (site / page_name("article", article.id)).is_file()
    assert (site / "index.html").is_file()
    assert (site / "site.css").is_file()


def test_every_internal_link_resolves_and_nothing_is_fetched(site: Path) -> None:
    for page in site.glob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "<script" not in html
        assert 'src="http' not in html
        for target in HREF.findall(html):
            if target.startswith(("http://", "https://")):
                continue  # an article's own address, shown as its source
            assert not target.startswith("/"), f"{page.name}: absolute link {target}"
            assert (site / target.split("#")[0]).is_file(), f"{page.name}: broken link {target}"


def test_event_pages_hold_their_brief_and_comparisons(site: Path, seed_analysis: Analysis) -> None:
    event = max(seed_analysis.events, key=lambda e: len(e.article_ids))
    html = (site / page_name("event", event.id)).read_text(encoding="utf-8")
    assert 'id="brief"' in html
    assert 'id="comparisons"' in html
    for article_id in event.article_ids:
        assert f'href="{page_name("article", article_id)}"' in html


def test_page_names_are_safe_file_names() -> None:
    assert page_name("article", "../../etc/passwd") == "article-______etc_passwd.html"
