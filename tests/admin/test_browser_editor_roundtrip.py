"""An editor's round trip in a real browser: review queue -> correct the speaker -> verify -> public page.

Playwright (sync API) with Debian's headless Chromium against pytest-django's live_server. Skips only when
/usr/bin/chromium is absent. Screenshots: test-output/screenshots/admin-*.png.
"""
import pytest

from actors.services import add_aliases
from statements.models import Statement
from tests.admin.conftest import sign_in
from tests.browser_support import SCREENSHOTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def shot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"admin-{name}.png"), full_page=True)


def test_editor_corrects_a_speaker_verifies_and_sees_it_public(page, editor, actor_factory, source_factory,
                                                               statement_factory):
    wrong = actor_factory(name="Maria Zakharova", slug="maria-zakharova")
    right = actor_factory(name="Sergey Lavrov", slug="sergey-lavrov")
    add_aliases(actor=right, names=["Sergey Lavrov", "Lavrov"])
    text = ("Lavrov meets Wang Yi\n\nRussian Foreign Minister Sergey Lavrov said that the budget would be balanced "
            "next year. Zakharova added that the talks were useful.")
    statement = statement_factory(source=source_factory(text=text, title="Lavrov meets Wang Yi"), speaker=wrong,
                                  speaker_mention="Russian Foreign Minister Sergey Lavrov", confidence=0.31)
    sure = statement_factory(speaker=wrong, confidence=0.95)

    # sign in and open the review queue from the admin home
    sign_in(page, editor)
    page.click("#review-queue-link")
    page.wait_for_selector("#result_list")
    rows = page.locator("#result_list tbody tr")
    assert rows.count() == 2
    assert "0.31" in rows.nth(0).inner_text()  # least confident first
    assert "0.95" in rows.nth(1).inner_text()
    assert "Review queue" in page.locator("h1").inner_text()
    shot(page, "1-review-queue")

    # open the doubtful statement: the source text is shown around the highlighted span
    rows.nth(0).locator("th a, td a").filter(has_text="the budget would be balanced").first.click()
    mark = page.locator(".field-source_context mark.statement-span")
    assert mark.inner_text() == "the budget would be balanced"
    assert "Russian Foreign Minister Sergey Lavrov said that" in page.locator(".field-source_context").inner_text()

    # correct the speaker through the autocomplete
    page.click(".field-speaker .select2-selection")
    page.fill(".select2-container--open .select2-search__field", "Lavrov")
    page.locator(".select2-results__option", has_text="Sergey Lavrov").click()
    assert "Sergey Lavrov" in page.locator(".field-speaker .select2-selection__rendered").inner_text()
    shot(page, "2-correct-speaker")
    page.click("input[name=_save]")
    page.wait_for_selector(".messagelist")
    statement.refresh_from_db()
    assert (statement.speaker_id, statement.review_status) == (right.pk, Statement.ReviewStatus.CORRECTED)
    assert statement.reviewed_by == editor
    # it left the queue; the confident one is still waiting
    assert page.locator("#result_list tbody tr").count() == 1

    # verify it with the bulk action on the corrected statements
    page.goto("/admin/statements/statement/?review_status__exact=corrected")
    page.check(f"input[name=_selected_action][value='{statement.pk}']")
    page.select_option("select[name=action]", "verify_selected")
    page.click("button[name=index]")
    page.wait_for_selector(".messagelist")
    assert "1 statement(s) verified." in page.locator(".messagelist").inner_text()
    statement.refresh_from_db()
    assert statement.review_status == Statement.ReviewStatus.VERIFIED
    shot(page, "3-verified")

    # the public statement page shows the corrected speaker
    page.goto(f"/statements/{statement.pk}/")
    body = page.locator("body").inner_text()
    assert "Sergey Lavrov" in body and "Maria Zakharova" not in body
    assert "the budget would be balanced" in body
    shot(page, "4-public-page")

    # and the change is in the statement's history, by this editor
    page.goto(f"/admin/statements/statement/{statement.pk}/history/")
    assert editor.username in page.locator("#change-history").inner_text()
    shot(page, "5-history")
    sure.refresh_from_db()
    assert sure.review_status == Statement.ReviewStatus.EXTRACTED
