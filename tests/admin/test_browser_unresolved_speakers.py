"""An editor works through "Unresolved speakers" in a real browser: from the admin's index to the queue (the most
frequent mention first, with its article count), into a group, and one decision for all its statements: link to
an existing actor chosen with the autocomplete, create a new actor, mark unnamed. No CSP violation on the way.
Playwright with Debian's headless Chromium against pytest-django's live_server. Screenshots:
test-output/screenshots/unresolved-*.png."""
import pytest

from actors.models import Actor, MentionDecision
from statements.models import Statement
from tests.admin.conftest import sign_in
from tests.factories import ActorFactory, StatementFactory
from tests.security.test_csp_and_links import RECORD_VIOLATIONS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def unresolved(mention, n, source_type="named"):
    return [StatementFactory(speaker=None, speaker_mention=mention, source_type=source_type) for _ in range(n)]


def test_editor_resolves_three_groups_in_one_decision_each(page, editor, shoot):
    page.context.add_init_script(RECORD_VIOLATIONS)
    report = unresolved("the report", 3, "document") + unresolved("The report", 1, "document")
    rad = unresolved("A spokeswoman for the RAD", 2)
    insider = unresolved("one insider", 1)
    directorate = ActorFactory(name="Rail Accident Directorate", slug="rad", kind=Actor.Kind.ORGANIZATION)

    sign_in(page, editor)
    page.goto("/admin/")
    page.click("#unresolved-speakers-link")  # in the Editorial box
    assert page.locator("h1").inner_text() == "Unresolved speakers"
    rows = page.locator("#unresolved tr.mention-group")
    assert rows.count() == 3
    assert [rows.nth(i).locator("a.resolve").inner_text().lower() for i in range(3)] == [
        "the report", "a spokeswoman for the rad", "one insider"]
    assert rows.first.locator("td.statements").inner_text() == "4" and rows.first.locator("td.articles").inner_text() == "4"
    shoot(page, "unresolved-1-queue")

    # link "A spokeswoman for the RAD" to the Rail Accident Directorate, found by typing part of its name
    rows.nth(1).locator("a.resolve").click()
    assert "2 statements in 2 articles" in page.locator("#group-summary").inner_text()
    assert page.locator("#group-statements tbody tr").count() == 2
    page.click("#link-form .select2-selection")
    page.fill(".select2-search__field", "Accident")
    page.click(".select2-results__option:has-text('Rail Accident Directorate')")
    shoot(page, "unresolved-2-link")
    page.click("#link-submit")
    page.wait_for_selector(".messagelist")
    assert "“A spokeswoman for the RAD”: 2 statements linked to Rail Accident Directorate." in \
        page.locator(".messagelist").inner_text()
    assert Statement.objects.filter(pk__in=[s.pk for s in rad], speaker=directorate).count() == 2
    assert page.locator("#unresolved tr.mention-group").count() == 2

    # the report: a new organisation
    page.locator("#unresolved a.resolve", has_text="report").click()
    page.fill("#id_name", "Institute for Fiscal Studies")
    page.select_option("#id_kind", "organization")
    page.click("#create-submit")
    page.wait_for_selector(".messagelist")
    ifs = Actor.objects.get(name="Institute for Fiscal Studies")
    assert ifs.kind == "organization" and ifs.history.first().history_user == editor
    assert Statement.objects.filter(pk__in=[s.pk for s in report], speaker=ifs).count() == 4

    # one insider: unnamed
    page.locator("#unresolved a.resolve", has_text="one insider").click()
    page.click("#unnamed-submit")
    page.wait_for_selector("#no-unresolved")
    assert "“one insider”: 1 statement marked unnamed." in page.locator(".messagelist").inner_text()
    assert Statement.objects.get(pk=insider[0].pk).source_type == "unnamed"
    decisions = page.locator("#latest-decisions li")
    assert decisions.count() == 3 and "kept as unnamed" in decisions.first.inner_text()
    assert "not taught" in decisions.nth(1).inner_text()  # "the report" is another report in the next article
    assert "kept as a role" in decisions.nth(2).inner_text()
    assert MentionDecision.objects.filter(user=editor).count() == 3
    shoot(page, "unresolved-3-done")
    assert page.evaluate("window.__csp") == []
