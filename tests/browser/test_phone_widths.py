"""Every public page kind at 390 px (a phone) in Chromium: no sideways scrolling, the statements before the
filters on actor and topic pages (issue 21). Screenshots at 390 and 1280 px of the main pages land in
test-output/screenshots/issue21-*.png."""
import pytest

from tests.browser import data
from tests.factories import SourceFactory, StatementFactory

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}
LONG_WORD = "Supercalifragilisticexpialidocious-" * 4  # one word wider than a phone


def build_world():
    world = data.build()
    text = f"{LONG_WORD}\n\nThe minister said that the budget would be balanced next year."
    source = SourceFactory(title=f"Updated: {LONG_WORD}", text=text, publisher="The Very Long Named Daily Gazette",
                           url="https://example.org/" + "a-very-long-path/" * 12)
    start = text.index("the budget")
    world["long"] = StatementFactory(source=source, speaker=world["actors"]["lavrov"], content_start=start,
                                     content_end=start + len("the budget would be balanced"),
                                     content="the budget would be balanced")
    return world


def public_pages(world):
    statement = world["article"][0]
    return {
        "home": "/", "search": "/search/?q=talks", "actors": "/actors/", "actor": "/actors/sergey-lavrov/",
        "topics": "/topics/", "topic": "/topics/syria/", "sources": "/sources/",
        "source": f"/sources/{world['sana'].pk}/", "source-long": f"/sources/{world['long'].source_id}/",
        "permalink": f"/statements/{statement.pk}/", "permalink-long": f"/statements/{world['long'].pk}/",
        "not-found": "/actors/nobody-at-all/",
    }


def overflow(page):
    """How far the page reaches past the viewport's right edge, in CSS pixels (0: no sideways scrolling)."""
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


def test_every_public_page_fits_a_phone(browser, live_server, shoot):
    world = build_world()
    context = browser.new_context(base_url=live_server.url, viewport=PHONE)
    page = context.new_page()
    too_wide = {}
    for name, url in public_pages(world).items():
        page.goto(url)
        if (extra := overflow(page)) > 0:
            too_wide[name] = extra
        shoot(page, f"issue21-{name}-390")
    context.close()
    assert too_wide == {}, f"pages wider than 390 px (by px): {too_wide}"


def test_the_sources_list_shows_status_and_count_on_a_phone(browser, live_server):
    build_world()
    context = browser.new_context(base_url=live_server.url, viewport=PHONE)
    page = context.new_page()
    page.goto("/sources/")
    row = page.locator("table.table tbody tr").first
    for label in ("Status", "Statements"):
        cell = row.locator(f"td[data-label={label}]")
        box = cell.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], label
        assert cell.is_visible()
    context.close()


@pytest.mark.parametrize("url", ["/actors/sergey-lavrov/", "/topics/syria/"])
def test_statements_come_first_on_a_phone_and_the_filters_fold(browser, live_server, url):
    build_world()
    context = browser.new_context(base_url=live_server.url, viewport=PHONE)
    page = context.new_page()
    page.goto(url)
    first_statement = page.locator("ol.statements > li.statement-item").first.bounding_box()
    assert first_statement["y"] < PHONE["height"], "the first statement is on the first screen"
    assert page.locator(".profile").bounding_box()["y"] > first_statement["y"]
    fold = page.locator("details.filters-fold")
    assert fold.get_attribute("open") is None
    assert not page.locator("form.filters").is_visible()
    fold.locator("summary").click()
    assert page.locator("form.filters").is_visible()
    context.close()


def test_on_a_wide_screen_the_filters_are_open_and_the_profile_first(page, live_server, shoot):
    world = build_world()
    page.goto("/actors/sergey-lavrov/")
    assert page.locator("details.filters-fold").get_attribute("open") is not None
    assert page.locator("form.filters").is_visible()
    assert page.locator(".profile").bounding_box()["y"] < page.locator("ol.statements").bounding_box()["y"]
    page.goto("/search/")  # the search page's filters too: open, above the results
    assert page.locator("form.filters").is_visible()
    assert page.locator("form.filters").bounding_box()["y"] < page.locator("ol.statements").bounding_box()["y"]
    for name in ("home", "search", "actor", "source", "permalink"):
        page.goto(public_pages(world)[name])
        assert overflow(page) <= 0, name
        shoot(page, f"issue21-{name}-1280")


def test_on_a_phone_the_search_results_come_before_the_folded_filters(browser, live_server, shoot):
    build_world()
    context = browser.new_context(base_url=live_server.url, viewport=PHONE)
    page = context.new_page()
    page.goto("/search/")
    statements = page.locator("ol.statements > li.statement-item")
    assert statements.count() > 1
    assert statements.first.bounding_box()["y"] < PHONE["height"], "the first statement is on the first screen"
    fold = page.locator("details.filters-fold")
    assert fold.bounding_box()["y"] > statements.last.bounding_box()["y"], "the filters come after the results"
    assert fold.get_attribute("open") is None and not page.locator("form.filters").is_visible()
    assert overflow(page) <= 0
    fold.locator("summary").click()
    assert page.locator("form.filters").is_visible()
    assert overflow(page) <= 0, "the open filters fit too"
    shoot(page, "issue21-search-filters-open-390")
    with page.expect_navigation():
        page.select_option("#id_kind", index=1)
    assert statements.count() >= 1
    assert overflow(page) <= 0
    context.close()
