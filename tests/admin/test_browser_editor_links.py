"""Getting around as an editor (issue 21), in Chromium: "Edit" on the public statement, actor, source and topic
pages leads to the admin page that changes it; "Upload" and "Admin" in the navigation; nothing of it for a
visitor. Screenshots: test-output/screenshots/issue21-*.png."""
import pytest

from tests.admin.conftest import sign_in
from tests.browser import data

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def public_pages(world):
    statement = world["article"][0]
    return [
        (f"/statements/{statement.pk}/", f"/admin/statements/statement/{statement.pk}/change/"),
        ("/actors/sergey-lavrov/", f"/admin/actors/actor/{world['actors']['lavrov'].pk}/change/"),
        (f"/sources/{world['sana'].pk}/", f"/admin/statements/source/{world['sana'].pk}/change/"),
        ("/topics/syria/", f"/admin/statements/topic/{world['topics']['syria'].pk}/change/"),
    ]


def test_editors_get_edit_links_and_upload_visitors_do_not(page, editor, shoot):
    world = data.build()
    for url, _ in public_pages(world):
        page.goto(url)
        assert page.locator("a.edit-link").count() == 0, url
    assert page.locator("nav a", has_text="Upload").count() == 0

    sign_in(page, editor)
    for url, admin_url in public_pages(world):
        page.goto(url)
        link = page.locator("a.edit-link")
        assert link.get_attribute("href") == admin_url, url
        with page.expect_navigation() as opened:
            link.click()
        assert opened.value.status == 200, admin_url  # a page the editor may open, not a 403
        assert page.locator("#content h1").count() == 1
    page.goto("/")
    page.locator("nav a", has_text="Upload").click()
    page.wait_for_url("**/ingest/upload/")
    assert page.locator("nav a[aria-current=page]").inner_text() == "Upload"
    shoot(page, "issue21-upload-1280")
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    shoot(page, "issue21-upload-390")


def test_review_queue_screenshots(page, editor, shoot):
    data.build()
    sign_in(page, editor)
    page.goto("/admin/statements/statement/review-queue/")
    page.wait_for_selector("#result_list")
    shoot(page, "issue21-review-queue-1280")
    page.set_viewport_size({"width": 390, "height": 844})
    shoot(page, "issue21-review-queue-390")
