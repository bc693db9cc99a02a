"""Issue 20, item 1 in Chromium: a statement without an actor shows its words and what kind of source it is
("Analysts (unnamed source)", "A World Bank report (document)", "The minister (unresolved)") on the search page,
the home page, its permalink and its article's page; the "Source" filter narrows the list to one kind; an actor
with no statement is not in the actor list. No CSP violation on the way. Screenshots: source-types-*.png."""
from tests.factories import ActorFactory
from tests.pages.test_source_types import LABELS, three  # noqa: F401 - the fixture
from tests.security.test_csp_and_links import RECORD_VIOLATIONS

ITEMS = "ol.statements > li.statement-item"


def _speakers(page):
    return [page.locator(ITEMS).nth(i).locator(".speaker").inner_text() for i in range(page.locator(ITEMS).count())]


def test_pages_show_the_kind_of_source_and_filter_by_it(page, three, shoot):  # noqa: F811
    page.context.add_init_script(RECORD_VIOLATIONS)
    ActorFactory(name="Silent Partner", slug="silent-partner")
    page.goto("/search/")
    assert sorted(_speakers(page)) == sorted([*LABELS, "Bank of England"])
    unnamed = page.locator(ITEMS, has_text="Analysts").locator(".speaker.unresolved.source-unnamed .source-type")
    assert unnamed.inner_text() == "(unnamed source)"
    shoot(page, "source-types-1-search")

    page.select_option("#id_source_type", "unnamed")  # the form applies a change at once
    page.wait_for_url("**source_type=unnamed**")
    assert _speakers(page) == ["Analysts (unnamed source)"]
    page.select_option("#id_source_type", "named")
    page.wait_for_url("**source_type=named**")
    assert sorted(_speakers(page)) == ["Bank of England", "The minister (unresolved)"]
    shoot(page, "source-types-2-filtered")

    page.goto("/")
    assert "A World Bank report (document)" in _speakers(page)
    page.goto(three["document"].get_absolute_url())
    assert page.locator(".attribution .speaker").inner_text() == "A World Bank report (document)"
    assert page.title().startswith("A World Bank report (document):")
    page.goto(three["source"].get_absolute_url())
    mark = page.locator(f"mark#st-{three['unnamed'].pk} a.who")
    assert mark.inner_text().startswith("Analysts (unnamed source)")
    assert "The minister (unresolved)" in page.locator(".mini-list").inner_text()
    shoot(page, "source-types-3-article")

    page.goto("/actors/")
    assert "Bank of England" in page.locator("main").inner_text()
    assert "Silent Partner" not in page.locator("main").inner_text()
    assert page.goto("/actors/silent-partner/").status == 200
    assert page.evaluate("window.__csp") == []
