"""A voice is not a title held (issue 20, rule 2): "a spokesman for the Home Office" and "Clinton's aides" are stored
as roles of kind voice of the Home Office and of Hillary Clinton, "Foreign Minister" as a title Sergey Lavrov holds;
what reads roles as titles held (role descriptions, evidence between namesakes, the same role at the same time,
the actor page, the API's role filter) ignores voices; old rows are classified by the data migration."""
import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from actors import selectors, services
from actors.models import Actor, Role
from ingest import services as ingest_services
from ingest.extraction import TitleKind, extract
from ingest.extraction.speakers.sources import is_voice_title
from statements.models import Source
from tests.factories import ActorFactory, StatementFactory

PERSON, ORG = Actor.Kind.PERSON, Actor.Kind.ORGANIZATION
HELD, VOICE = Role.Kind.HELD, Role.Kind.VOICE

ARTICLE = """Visa rules to change

A spokesman for the Home Office said the new visa rules would start in May.
Hillary Clinton visited Ohio on Monday. Clinton's aides said she would return to the state next month.
Foreign Minister Sergey Lavrov said Russia would not attend the talks in Geneva.
"""


def stored_roles(text=ARTICLE):
    source = ingest_services.submit_text(text=text).source
    source.refresh_from_db()
    assert source.status == Source.Status.DONE, source.error
    return {s.speaker.name: s.speaker_role for s in source.statements.select_related("speaker", "speaker_role")}


def test_the_extraction_says_which_title_is_a_voice():
    said = {s.speaker.name: (s.speaker.title, s.speaker.title_kind) for s in extract(ARTICLE).statements}
    assert said == {"Home Office": ("spokesman", TitleKind.VOICE), "Hillary Clinton": ("through aides", TitleKind.VOICE),
                    "Sergey Lavrov": ("Foreign Minister", TitleKind.HELD)}


@pytest.mark.django_db(transaction=True)
def test_ingest_stores_titles_held_and_voices():
    roles = stored_roles()
    assert {name: (role.title, role.kind) for name, role in roles.items()} == {
        "Home Office": ("spokesman", VOICE), "Hillary Clinton": ("through aides", VOICE),
        "Sergey Lavrov": ("Foreign Minister", HELD)}
    # the next article keeps them as they are, and adds nothing
    stored_roles(ARTICLE.replace("in May", "in June"))
    assert sorted(Role.objects.values_list("title", "kind")) == [
        ("Foreign Minister", HELD), ("spokesman", VOICE), ("through aides", VOICE)]


@pytest.mark.django_db
def test_a_stored_role_keeps_its_kind_an_editor_may_have_changed():
    office = ActorFactory(name="Home Office", kind=ORG)
    role = Role.objects.create(actor=office, title="spokesman", kind=HELD)  # an editor's say
    found = services.record_roles(seen=[(office, "spokesman", 1, dt.date(2024, 1, 1), VOICE)])
    assert found[(office.pk, "spokesman")] == role
    role.refresh_from_db()
    assert role.kind == HELD


@pytest.mark.django_db
def test_role_descriptions_resolve_to_titles_held_only():
    office = ActorFactory(name="Home Office", kind=ORG)
    Role.objects.create(actor=office, title="press secretary", kind=VOICE, first_seen_on=dt.date(2024, 1, 1))
    assert selectors.role_holders(titles=["the press secretary"], on=dt.date(2024, 2, 1)) == {}
    person = ActorFactory(name="Jane Hale", kind=PERSON)
    held = Role.objects.create(actor=person, title="Press Secretary", first_seen_on=dt.date(2024, 1, 1))
    # one holder, though the Home Office spoke through a press secretary too
    assert selectors.role_holders(titles=["the press secretary"], on=dt.date(2024, 2, 1)) == {
        "the press secretary": held}


@pytest.mark.django_db
def test_a_voice_is_no_evidence_between_namesakes_nor_a_dated_role():
    from actors.resolution import Sighting

    for first in ("Michael", "John"):
        services.resolve_actors(names=[Sighting(f"{first} Howard", PERSON)])
    john = Actor.objects.get(name="John Howard")
    Role.objects.create(actor=john, title="through an aide", kind=VOICE, first_seen_on=dt.date(2004, 1, 1))
    found = services.resolve_actors(names=[Sighting("Howard", PERSON, title="through an aide")], on=dt.date(2004, 2, 1))
    assert found["Howard"] is None  # still two who fit: the statement keeps its words
    Role.objects.create(actor=john, title="Prime Minister", first_seen_on=dt.date(2004, 1, 1))
    found = services.resolve_actors(names=[Sighting("Howard", PERSON, title="Prime Minister")], on=dt.date(2004, 2, 1))
    assert found["Howard"] == john
    # after a change of speaker, a dated voice never stands for the old role
    voice = Role.objects.create(actor=john, title="lawyer", kind=VOICE, start_date=dt.date(2003, 1, 1))
    assert selectors.equivalent_role(None, actor_id=john.pk, on=dt.date(2004, 2, 1)) is None
    assert selectors.equivalent_role(voice, actor_id=john.pk) == voice


@pytest.mark.django_db
def test_two_organisations_speaking_through_one_spokesman_are_no_duplicates():
    party = ActorFactory(name="Green Party", kind=ORG)
    a, b = ActorFactory(name="Green Party of England", kind=ORG), ActorFactory(name="Wales Greens", kind=ORG)
    for actor in (a, b):
        Role.objects.create(actor=actor, title="spokesman", kind=VOICE, organization=party,
                            organization_name="Green Party")
    assert not [p for p in selectors.likely_duplicates() if {p.a_id, p.b_id} == {a.pk, b.pk}]
    Role.objects.filter(actor__in=[a, b]).update(kind=HELD)
    assert [p.reasons for p in selectors.likely_duplicates() if {p.a_id, p.b_id} == {a.pk, b.pk}] == [
        ["both spokesman, Green Party at the same time"]]


@pytest.mark.django_db
def test_an_editors_description_of_a_representative_is_a_voice():
    rad = ActorFactory(name="RAD", kind=ORG)
    _, role = services.teach_mention(mention="A spokeswoman for the RAD", actor=rad, decision="link")
    assert (role.title, role.kind) == ("spokeswoman for the RAD", VOICE)
    jowell = ActorFactory(name="Tessa Jowell", kind=PERSON)
    _, role = services.teach_mention(mention="the Culture Secretary", actor=jowell, decision="link")
    assert (role.title, role.kind) == ("Culture Secretary", HELD)


@pytest.mark.parametrize("title, person, voice", [
    ("spokesman", False, True), ("official", False, True), ("source", False, True), ("press secretary", False, True),
    ("chief of staff", False, True), ("editorial board", False, True), ("spokeswoman for the RAD", False, True),
    ("lawyers for Yukos", False, True), ("spokesmen", False, True),
    ("through an aide", True, True), ("through his lawyers", True, True), ("through a campaign manager", True, True),
    ("spokesman", True, False), ("Foreign Minister", False, False), ("Tory health spokesman", False, False),
    ("chairman", False, False), ("spokesman, DLF Builders", True, False), ("secretary", False, False),
])
def test_the_words_of_a_stored_title(title, person, voice):
    assert is_voice_title(title, person=person) is voice


@pytest.mark.django_db(transaction=True)
def test_the_migration_classifies_existing_roles():
    executor = MigrationExecutor(connection)
    before = [("actors", "0007_role_kind"), ("ingest", None)]
    executor.migrate(before)
    apps = executor.loader.project_state([("actors", "0007_role_kind")]).apps
    OldActor, OldRole = apps.get_model("actors", "Actor"), apps.get_model("actors", "Role")

    def actor(name, kind):
        return OldActor.objects.create(name=name, slug=name.lower().replace(" ", "-"), kind=kind)

    office, clinton, lavrov = actor("Home Office", ORG), actor("Hillary Clinton", PERSON), actor("Sergey Lavrov", PERSON)
    rows = {
        (office, "spokesman", "article"): VOICE, (office, "officials", "article"): VOICE,
        (office, "spokeswoman for the Home Office", "editor"): VOICE, (office, "spokesman", "popolo"): HELD,
        (clinton, "through advisers", "article"): VOICE, (clinton, "Secretary of State", "article"): HELD,
        (lavrov, "Foreign Minister", "article"): HELD, (lavrov, "spokesman", "article"): HELD,
    }
    for n, (who, title, origin) in enumerate(rows):
        OldRole.objects.create(actor=who, title=title, origin=origin, organization_name="" if n != 3 else "Popolo")
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    kinds = {(r.actor.name, r.title, r.origin): r.kind for r in Role.objects.select_related("actor")}
    assert kinds == {(who.name, title, origin): kind for (who, title, origin), kind in rows.items()}


@pytest.mark.django_db
def test_statements_keep_showing_a_voice_as_their_role():
    office = ActorFactory(name="Home Office", kind=ORG)
    role = Role.objects.create(actor=office, title="spokesman", kind=VOICE)
    statement = StatementFactory(speaker=office, speaker_role=role)
    assert str(statement.speaker_role) == "spokesman"
    assert role.voice_text == "a spokesman"
    assert Role(title="through his lawyers").voice_text == "his lawyers"


@pytest.mark.django_db(transaction=True)  # real commits: the queued source is processed (tasks eager) on commit
def test_reprocess_keeps_the_kinds_and_editors_roles():
    from io import StringIO

    from django.core.management import call_command

    stored_roles()
    office = Actor.objects.get(name="Home Office")
    voice = Role.objects.get(actor=office, title="spokesman")
    lavrov_title = Role.objects.get(title="Foreign Minister")
    editors = Role.objects.create(actor=office, title="Interior ministry", origin=Role.Origin.EDITOR)
    call_command("reprocess", "--all", "--wait", "60", stdout=StringIO())
    stored = {s.speaker.name: s.speaker_role for s in Source.objects.get().statements.select_related(
        "speaker", "speaker_role")}
    assert stored["Home Office"] == voice and stored["Sergey Lavrov"] == lavrov_title
    assert {(r.title, r.kind, r.origin) for r in Role.objects.filter(actor=office)} == {
        ("spokesman", VOICE, Role.Origin.ARTICLE), (editors.title, HELD, Role.Origin.EDITOR)}
    assert stored["Hillary Clinton"].kind == VOICE
