"""Script payloads in article text, titles, names and topics stay inert in a real browser on every page:
no dialog opens, no injected element exists in the DOM. Headless Chromium through Playwright."""
import os
from pathlib import Path

import pytest

from tests.pages.builders import hostile_world

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
PAGES = ["/", "/?period=7d", "/search/?q=fine", "/search/?q=alert", "/search/?actor=evil&topic=evil-topic",
         "/actors/", "/actors/evil/", "/topics/", "/topics/evil-topic/", "/sources/", "/sources/{source}/",
         "/statements/{statement}/"]
INJECTED = """() => ({
  images: [...document.querySelectorAll('img')].filter(i => i.getAttribute('src') === 'x').length,
  handlers: [...document.querySelectorAll('[onerror], [onclick], [onload]')].length,
  scripts: [...document.scripts].filter(s => (s.textContent || '').includes('alert')).length,
  pwned: window.__pwned === true,
})"""


@pytest.fixture
def allow_async_unsafe():
    """Playwright's sync API runs an event loop in this thread; only while this test runs may the ORM be used."""
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.mark.browser
def test_payloads_are_inert_on_every_page(allow_async_unsafe, live_server):
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    world = hostile_world()
    dialogs, problems = [], {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        try:
            page = browser.new_context(base_url=live_server.url).new_page()
            page.set_default_timeout(15_000)
            page.on("dialog", lambda dialog: (dialogs.append((page.url, dialog.message)), dialog.dismiss()))
            for path in PAGES:
                url = path.format(source=world["source"].pk, statement=world["statement"].pk)
                response = page.goto(url, wait_until="load")
                page.wait_for_timeout(150)  # let any onerror handler of a broken image fire
                found = page.evaluate(INJECTED)
                if response.status != 200 or any(found.values()):
                    problems[url] = (response.status, found)
                if path != "/" and "&lt;script&gt;" not in page.content() and "<script>alert" not in page.inner_text("body"):
                    problems[url] = "payload not shown as text"
        finally:
            browser.close()
    assert not dialogs, dialogs
    assert not problems, problems
