"""Issue 23 in Chromium: one remark carried by three outlets (stored through the real ingest path) is listed once
with "carried by 3 sources"; the toggle shows every copy and back; the cluster page shows the canonical words,
the first appearance and each copy's differences; all of it fits a phone (390 px) without sideways scrolling."""
import datetime as dt

import pytest

from ingest import services
from statements.models import Source

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}
QUOTE = ("We will cut taxes for every working family in this country, and we will do it within the first hundred "
         "days of the new parliament")


def _store(title, body, publisher, day):
    submission = services.submit_text(text=f"{title}\n\n{body}", publisher=publisher, published=dt.date(2024, 3, day))
    source = Source.objects.get(pk=submission.source.pk)
    assert source.status == Source.Status.DONE, source.error
    return source


def carried_three_times():
    _store("Taxes and the new parliament", f'Finance Minister Maria Lopez said: "{QUOTE}."', "Daily One", 2)
    _store("Tax cuts promised", 'Maria Lopez, the finance minister, said: "We will cut taxes for every working family '
           'in this country."', "Evening Two", 4)
    _store("Minister on taxes", 'Finance Minister Maria Lopez said: "We shall cut taxes for every working family in '
           'this country, and we will do it within the first hundred days of the new parliament."', "Weekly Three", 5)


def overflow(page):
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


def test_a_remark_is_listed_once_every_copy_on_request_and_its_cluster_page_shows_the_differences(page, shoot):
    carried_three_times()
    page.goto("/search/")
    items = page.locator("ol.statements > li.statement-item")
    assert items.count() == 1
    assert "each statement once" in page.locator("p.count").inner_text()
    carried = items.first.locator("a.carried")
    assert carried.inner_text() == "carried by 3 sources"

    page.get_by_role("link", name="show every copy").click()
    page.wait_for_url("**/search/?copies=all")
    assert items.count() == 3
    assert "copies=all" in page.locator("a[data-export=csv]").get_attribute("href")
    assert "copies=all" in page.locator("a.feed").get_attribute("href")
    page.get_by_role("link", name="show each statement once").click()
    page.wait_for_url("**/search/?")
    assert items.count() == 1

    items.first.locator("a.carried").click()
    page.wait_for_url("**/clusters/*/")
    assert page.locator("blockquote.canonical").inner_text() == QUOTE
    assert "Daily One" in page.locator("dl.first-appearance").inner_text()
    copies = page.locator("li.cluster-copy")
    assert [copies.nth(i).locator(".publisher").inner_text() for i in range(3)] == [
        "Daily One", "Evening Two", "Weekly Three"]
    assert copies.nth(1).locator("del").first.is_visible()
    assert copies.nth(2).locator("ins").inner_text() == "shall"
    shoot(page, "issue23-cluster-1280")

    copies.nth(1).get_by_role("link", name="Permalink").click()
    page.wait_for_url("**/statements/*/")
    also = page.locator("p.also-reported")
    assert also.inner_text() == "Also reported by 2 sources: Daily One, Weekly Three."
    also.get_by_role("link").click()
    page.wait_for_url("**/clusters/*/")

    page.set_viewport_size(PHONE)
    cluster_url = page.url
    for url in (cluster_url, "/clusters/", "/clusters/?min_sources=2", "/search/?copies=all", "/"):
        page.goto(url)
        assert overflow(page) <= 0, url
    page.goto(cluster_url)
    shoot(page, "issue23-cluster-390")
