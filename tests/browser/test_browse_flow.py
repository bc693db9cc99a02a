"""An analyst's way through the pages in a real browser: home -> actor -> topic filter -> statement ->
source with the highlight -> search -> export. Screenshots of each page land in test-output/screenshots/."""
import csv
import io
import json
import re

import pytest
from django.utils import timezone

from tests.browser import data
from tests.pages.builders import hostile_world

pytestmark = pytest.mark.django_db(transaction=True)


def test_analyst_flow(page, shoot):
    data.build()

    page.goto("/")
    assert page.locator("h1").inner_text() == "Who said what in the news"
    shoot(page, "01-home")
    page.get_by_role("link", name="year").click()
    assert page.url.endswith("/?period=365d")

    # Most quoted -> the actor page
    page.locator("aside").get_by_role("link", name="Sergey Lavrov").click()
    page.wait_for_url("**/actors/sergey-lavrov/")
    assert page.locator("h1").inner_text() == "Sergey Lavrov"
    assert page.locator(".roles").inner_text().startswith("Foreign Minister, Russia")
    assert page.locator(".timeline svg rect.bar").count() >= 8  # about ten months, by month
    shoot(page, "02-actor")

    # Filter by topic: the select submits itself and the URL can be shared
    page.select_option("#f-topic", "terrorism")
    page.wait_for_url(re.compile(r"topic=terrorism"))
    assert "q=" not in page.url  # empty fields are left out of the URL
    items = page.locator("ol.statements > li.statement-item")
    assert items.count() == 3
    assert "3 statements" in page.locator(".list-head .count").inner_text()
    shoot(page, "03-actor-filtered")

    # Open a statement
    items.first.locator("a.permalink").click()
    page.wait_for_url(re.compile(r"/statements/\d+/$"))
    statement_url = page.url
    assert page.locator("blockquote.statement").is_visible()
    assert "Foreign Minister" in page.locator(".attribution").inner_text()
    current = page.locator(".context mark.hl.current")
    assert current.is_visible()
    shoot(page, "04-statement")

    # Follow it to the source: the statement is highlighted there and scrolled to
    page.locator("a.to-source").click()
    page.wait_for_url(re.compile(r"/sources/\d+/#st-\d+$"))
    anchor = page.url.rsplit("#", 1)[1]
    mark = page.locator(f"mark#{anchor}")
    assert mark.is_visible()
    assert mark.evaluate("el => el.matches(':target')")
    box = mark.bounding_box()
    assert box and 0 <= box["y"] < 900  # in view
    assert page.locator(".article-text mark.hl").count() == 5
    assert mark.locator("a.who").inner_text().startswith("Sergey Lavrov")
    assert mark.locator("a.who").get_attribute("href") == statement_url.replace(page.url.split("/sources")[0], "")
    shoot(page, "05-source")

    # Search from the header, narrow by a facet, export what is shown
    page.fill("header .quick-search input", "terrorists Aleppo")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q=terrorists"))
    assert page.locator("ol.statements mark").count() >= 1
    shoot(page, "06-search")
    page.select_option("#id_kind", "indirect")
    page.wait_for_url(re.compile(r"kind=indirect"))
    n = page.locator("ol.statements > li.statement-item").count()
    assert n >= 1
    with page.expect_download() as download_info:
        page.locator("a[data-export=csv]").click()
    download = download_info.value
    # named after what it holds (issue 21): the kind and the words searched, and the day
    assert download.suggested_filename == f"statements-indirect-terrorists-aleppo-{timezone.localdate().isoformat()}.csv"
    rows = list(csv.DictReader(io.StringIO(open(download.path(), encoding="utf-8").read())))
    assert len(rows) == n and all(r["kind"] == "indirect" for r in rows)
    with page.expect_download() as download_info:
        page.locator("a[data-export=csv-bom]").click()  # "CSV for Excel": the same rows after a BOM
    assert open(download_info.value.path(), "rb").read() == b"\xef\xbb\xbf" + open(download.path(), "rb").read()
    json_url = page.locator("a[data-export=json]").get_attribute("href")
    assert "kind=indirect" in json_url and "q=terrorists" in json_url
    assert len(json.loads(page.request.get(json_url).text())) == n
    assert page.dialogs == []


def test_lists_and_topic_pages(page, shoot):
    data.build()
    page.goto("/actors/")
    page.fill("#id_q", "sergei")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"q=sergei"))
    assert page.locator("table a.actor-link").all_inner_texts() == ["Sergey Lavrov"]
    page.goto("/actors/")
    shoot(page, "07-actors")
    page.goto("/sources/")
    assert page.locator("table tbody tr").count() == 30  # of 41, paginated
    assert "41 articles" in page.locator(".list-head .count").inner_text()
    shoot(page, "07b-sources", full_page=False)
    page.goto("/topics/")
    shoot(page, "08-topics")
    page.get_by_role("link", name="Syria", exact=True).click()
    page.wait_for_url("**/topics/syria/")
    assert page.locator(".side-col .ranking li").count() >= 2
    shoot(page, "09-topic")
    # chart bars link to their period
    page.locator(".timeline svg a").last.click()
    page.wait_for_url(re.compile(r"date_from=\d{4}-\d\d-\d\d&date_to="))
    assert page.locator("ol.statements > li.statement-item").count() >= 1


def test_phone_width(browser, live_server, shoot):
    data.build()
    context = browser.new_context(base_url=live_server.url, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto("/actors/sergey-lavrov/")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, "no sideways scrolling on a phone"
    shoot(page, "10-actor-phone", full_page=False)
    context.close()


def test_article_payloads_are_shown_not_run(page, shoot):
    world = hostile_world()
    urls = ["/", "/actors/", "/actors/evil/", "/topics/", "/topics/evil-topic/", f"/sources/{world['source'].pk}/",
            f"/statements/{world['statement'].pk}/", "/search/?q=fine"]
    for url in urls:
        page.goto(url)
        assert page.locator("img[src=x]").count() == 0, url
        assert page.evaluate("document.querySelectorAll('script:not([src])').length") == 0, url
    assert "<script>alert(\"x\")</script>" in page.locator("ol.statements").inner_text()
    page.goto(f"/sources/{world['source'].pk}/")
    assert "<img src=x onerror=alert(1)>" in page.locator(".article-text").inner_text()
    shoot(page, "11-hostile-source")
    assert page.dialogs == []
