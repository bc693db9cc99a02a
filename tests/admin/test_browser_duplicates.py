"""An editor works through "Likely duplicates" in a real browser: from the actor list to the page, one click
merges a pair (it leaves the list, the merged actor's old address redirects), one click says "not the same"
(and the pair stays away). Playwright with Debian's headless Chromium against pytest-django's live_server.
Screenshots: test-output/screenshots/duplicates-*.png."""
import pytest

from actors.models import Actor, DistinctActors, MergeRecord
from actors.services import add_aliases
from statements.models import Statement
from tests.admin.conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def org(name, slug, aliases=()):
    actor = Actor.objects.create(name=name, slug=slug, kind=Actor.Kind.ORGANIZATION)
    add_aliases(actor=actor, names=[name, *aliases])
    return actor


def test_editor_merges_a_pair_and_rejects_another(page, editor, statement_factory, shoot):
    nao = org("NAO", "nao")
    office = org("National Audit Office", "national-audit-office")
    tories = org("Tories", "tories")
    party = org("Conservative Party", "conservative-party", aliases=["Tories"])
    for actor, n in [(nao, 2), (office, 3), (tories, 1), (party, 4)]:
        for _ in range(n):
            statement_factory(speaker=actor)

    sign_in(page, editor)
    page.goto("/admin/actors/actor/")
    page.click("#likely-duplicates-link")
    assert page.locator("h1").inner_text() == "Likely duplicates"
    rows = page.locator("#duplicates tr.pair")
    assert rows.count() == 2
    first = page.locator(f"#pair-{nao.pk}-{office.pk}")
    text = first.inner_text()
    assert "NAO" in text and "National Audit Office" in text and "“NAO” is the acronym of National Audit Office" in text
    assert "2 statements" in text and "3 statements" in text and "Organization" in text
    assert "“Tories” is an alias of Conservative Party" in page.locator(f"#pair-{tories.pk}-{party.pk}").inner_text()
    shoot(page, "duplicates-1-list")

    # merge NAO (A) into the National Audit Office (B)
    first.locator("button.merge-a-into-b").click()
    page.wait_for_selector(".messagelist")
    assert "Merged NAO into National Audit Office." in page.locator(".messagelist").inner_text()
    assert page.locator(f"#pair-{nao.pk}-{office.pk}").count() == 0
    assert page.locator("#duplicates tr.pair").count() == 1
    nao.refresh_from_db()
    assert nao.merged_into == office
    assert Statement.objects.filter(speaker=office).count() == 5
    assert MergeRecord.objects.get().user == editor
    shoot(page, "duplicates-2-merged")

    # the Tories are not the Conservative Party, says this editor: the pair leaves the list for good
    page.locator(f"#pair-{tories.pk}-{party.pk} button.not-same").click()
    page.wait_for_selector("#no-duplicates")
    assert "will not be suggested again" in page.locator(".messagelist").inner_text()
    assert DistinctActors.objects.filter(actor_low=tories, actor_high=party, user=editor).exists()
    page.reload()
    assert page.locator("#no-duplicates").is_visible()
    shoot(page, "duplicates-3-none-left")

    # the merged actor's old address redirects to the kept one
    response = page.goto("/actors/nao/")
    assert page.url.endswith("/actors/national-audit-office/")
    assert response.request.redirected_from is not None
    assert "National Audit Office" in page.locator("h1").inner_text()
