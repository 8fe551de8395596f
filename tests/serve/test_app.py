"""The web app over a real store: every route, escaping of hostile values, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from starlette.testclient import TestClient

from isnad.serve import create_app
from isnad.store import StoreError
from isnad.store.archive import Archive, snippet


@pytest.fixture(scope="module")
def client(store_path: Path) -> TestClient:
    return TestClient(create_app(store_path), raise_server_exceptions=False)


def _first_event(client: TestClient) -> dict[str, object]:
    events = client.get("/api/events").json()["events"]
    return max(events, key=lambda e: len(e["article_ids"]))


def test_front_page_lists_events_with_badges(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert 'dir="rtl"' in page.text
    event = _first_event(client)
    assert f'href="/events/{event["id"]}"' in page.text
    assert "مقالات:" in page.text


def test_event_page_has_brief_comparisons_and_articles(client: TestClient) -> None:
    event = _first_event(client)
    page = client.get(f"/events/{event['id']}")
    assert page.status_code == 200
    for section in ('id="brief"', 'id="comparisons"', 'id="articles"'):
        assert section in page.text
    for article_id in event["article_ids"]:
        assert f'href="/articles/{article_id}"' in page.text


def test_article_page_links_back_to_its_event(client: TestClient) -> None:
    event = _first_event(client)
    page = client.get(f"/articles/{event['article_ids'][0]}")
    assert page.status_code == 200
    assert f'href="/events/{event["id"]}"' in page.text


def test_storyline_page(client: TestClient) -> None:
    storyline = client.get("/api/events").json()["events"][0]["storyline_id"]
    assert storyline
    assert client.get(f"/storylines/{storyline}").status_code == 200
    assert client.get(f"/api/storylines/{storyline}").json()["storyline"]["id"] == storyline


def test_search_matches_any_spelling_and_shows_the_original(client: TestClient) -> None:
    # Typed without hamza, the seeds write الأجانب: the snippet keeps the article's spelling.
    result = client.get("/api/search", params={"q": "الاجانب"}).json()
    assert result["total"] >= 3
    hit = result["hits"][0]
    marked = [hit["snippet"][s:e] for s, e in hit["marks"]]
    assert "الأجانب" in marked
    page = client.get("/search", params={"q": "الاجانب"})
    assert '<mark class="hit">الأجانب</mark>' in page.text


def test_search_filters_by_outlet_and_day(client: TestClient) -> None:
    everything = client.get("/api/search", params={"q": "قتيلا"}).json()
    assert everything["total"] == 1
    assert client.get("/api/search", params={"q": "قتيلا", "from": "2015-08-07"}).json()["total"] == 0
    assert client.get("/api/search", params={"q": "قتيلا", "outlet": "سانا"}).json()["total"] == 0


def test_snippet_maps_normalised_hits_to_the_original_text() -> None:
    text = "قال المسؤول إنّ المقاتلين الأجانب غادروا"
    window, marks = snippet(text, ["الاجانب"])
    assert [window[s:e] for s, e in marks] == ["الأجانب"]


def test_snippet_marks_whole_words_only_as_the_index_matched() -> None:
    window, marks = snippet("قتيلان في الحادث وقتيل ثالث، وسقط قتيل", ["قتيل"])
    assert [window[s:e] for s, e in marks] == ["قتيل"]


@pytest.mark.parametrize("url", ["/", "/search?q=خبيث", "/?outlet=x<script>"])
def test_hostile_values_are_escaped(client: TestClient, url: str) -> None:
    body = client.get(url).text
    assert "<script>" not in body
    assert "<img src=x" not in body
    assert "{{ 7*7 }}" in body or "خبيث" not in body  # template syntax in data stays text


def test_the_api_serves_hostile_values_as_json_never_as_html(client: TestClient) -> None:
    response = client.get("/api/search", params={"q": "خبيث"})
    assert response.headers["content-type"] == "application/json"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "<script>" in response.json()["hits"][0]["title"]  # the data as it is, for programs


def test_hostile_article_page_is_escaped_and_scripts_are_forbidden(client: TestClient) -> None:
    hit = client.get("/api/search", params={"q": "خبيث"}).json()["hits"][0]
    page = client.get(f"/articles/{hit['id']}")
    assert page.status_code == 200
    assert "&lt;script&gt;" in page.text
    assert "<script>" not in page.text
    assert 'href="javascript:' not in page.text
    assert "script-src" not in page.headers["content-security-policy"]  # default-src 'none' covers it


def test_unknown_ids_are_clear_404s_without_traces(client: TestClient) -> None:
    for url in ("/events/nope", "/storylines/nope", "/articles/nope", "/no/such/page"):
        page = client.get(url)
        assert page.status_code == 404
        assert "Traceback" not in page.text
        assert 'dir="rtl"' in page.text
    assert client.get("/api/events/nope").json() == {"error": "no such event"}


def test_a_read_only_store_can_be_served(store_path: Path, tmp_path: Path) -> None:
    copy = tmp_path / "ro.db"
    copy.write_bytes(store_path.read_bytes())
    copy.chmod(0o444)
    archive = Archive(copy)
    assert archive.events()
    archive.close()


def test_a_missing_or_foreign_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such store"):
        create_app(tmp_path / "absent.db")
    other = tmp_path / "notes.db"
    other.write_text("not a database")
    with pytest.raises(StoreError, match="not"):
        create_app(other)
