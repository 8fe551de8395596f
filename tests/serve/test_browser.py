"""The web app in a real browser: Playwright drives Debian's chromium against a live server.

Playwright's own browser download does not work offline, so the test launches the system
chromium by its path; without it (a user's machine) the test is skipped with the reason. CI
installs chromium from Debian, so there it runs.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from isnad.serve import create_app

CHROMIUM = Path("/usr/bin/chromium")
playwright_api = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="needs /usr/bin/chromium (Debian package 'chromium'), not installed here"
)


@pytest.fixture(scope="module")
def base_url(store_path: Path) -> Iterator[str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(create_app(store_path), host="127.0.0.1", port=port, log_level="error")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the test server did not start within 30 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


def test_pages_load_without_errors_links_work_and_no_injected_script_runs(base_url: str) -> None:
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        page = browser.new_page()
        problems: list[str] = []
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: problems.append(str(e)))
        page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))

        page.goto(base_url + "/")
        assert page.locator("html").get_attribute("dir") == "rtl"
        page.locator("a.event-title").first.click()  # the front page links to an event
        page.wait_for_load_state()
        assert "/events/" in page.url
        assert page.locator("#brief").count() == 1
        page.locator("#articles a").first.click()  # and the event to its articles
        page.wait_for_load_state()
        assert "/articles/" in page.url

        page.goto(base_url + "/search?q=" + "خبيث")
        assert page.locator("ol.hits li").count() == 1
        page.locator("ol.hits a").first.click()  # the hostile article itself
        page.wait_for_load_state()
        assert "<script>" in page.locator("h1").inner_text()  # shown as text
        assert page.evaluate("window.__pwned") is None  # never run
        page.goto(base_url + "/?outlet=" + page.locator("p.meta").inner_text().split(" · ")[0])
        assert page.evaluate("window.__pwned") is None

        page.goto(base_url + "/events/none")
        assert "غير" in page.locator("h1").inner_text() or "لا يوجد" in page.locator("h1").inner_text()
        browser.close()
    # A 404 is reported by Chromium as a failed resource load; nothing else may fail.
    assert [p for p in problems if "404" not in p] == []
