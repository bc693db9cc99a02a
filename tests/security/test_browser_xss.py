"""Script payloads in article text, titles, names and topics stay inert in a real browser on every page:
no dialog opens, no injected element exists in the DOM. Headless Chromium through Playwright."""
import pytest

from tests.pages.builders import hostile_world

PAGES = ["/", "/?period=7d", "/search/?q=fine", "/search/?q=alert", "/search/?actor=evil&topic=evil-topic",
         "/actors/", "/actors/evil/", "/topics/", "/topics/evil-topic/", "/sources/", "/sources/{source}/",
         "/statements/{statement}/"]
INJECTED = """() => ({
  images: [...document.querySelectorAll('img')].filter(i => i.getAttribute('src') === 'x').length,
  handlers: [...document.querySelectorAll('[onerror], [onclick], [onload]')].length,
  scripts: [...document.scripts].filter(s => (s.textContent || '').includes('alert')).length,
  pwned: window.__pwned === true,
})"""


@pytest.mark.browser
def test_payloads_are_inert_on_every_page(page):
    world = hostile_world()
    problems = {}
    for path in PAGES:
        url = path.format(source=world["source"].pk, statement=world["statement"].pk)
        response = page.goto(url, wait_until="load")
        page.wait_for_timeout(150)  # let any onerror handler of a broken image fire
        found = page.evaluate(INJECTED)
        if response.status != 200 or any(found.values()):
            problems[url] = (response.status, found)
        if path != "/" and "&lt;script&gt;" not in page.content() and "<script>alert" not in page.inner_text("body"):
            problems[url] = "payload not shown as text"
    assert not page.dialogs, page.dialogs
    assert not problems, problems
