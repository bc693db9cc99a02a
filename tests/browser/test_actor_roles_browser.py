"""A voice is not a title held, in Chromium: after an invented article ("A spokesman for the Home Office said ...",
"Clinton's aides said ...", "Foreign Minister Sergey Lavrov said ..."), Lavrov's page lists "Foreign Minister" under
Roles; the Home Office's and Hillary Clinton's pages list no role, and say whom they spoke through on a line of its
own; the statements still show the words of their role. Screenshot: actor-roles-*.png."""
from actors.models import Actor
from tests.ingest.test_role_kinds import stored_roles


def _fact(page, label):
    """The text of the actor page's fact `label` ("Roles", "Spoke through"), or None when the page has none."""
    term = page.locator("dl.facts dt", has_text=label)
    return term.locator("xpath=following-sibling::dd[1]").inner_text().strip() if term.count() else None


def test_the_actor_page_lists_titles_held_not_voices(page, shoot):
    stored_roles()
    lavrov, office, clinton = (Actor.objects.get(name=n) for n in ("Sergey Lavrov", "Home Office", "Hillary Clinton"))

    page.goto(lavrov.get_absolute_url())
    assert _fact(page, "Roles").startswith("Foreign Minister")
    assert _fact(page, "Spoke through") is None

    page.goto(office.get_absolute_url())
    assert _fact(page, "Roles") == "—"
    assert _fact(page, "Spoke through") == "a spokesman"
    assert "Home Office, spokesman" in page.locator("ol.statements").inner_text()  # the statement's role, as before
    shoot(page, "actor-roles-1-organisation")

    page.goto(clinton.get_absolute_url())
    assert _fact(page, "Roles") == "—"
    assert _fact(page, "Spoke through") == "aides"
    shoot(page, "actor-roles-2-person")
