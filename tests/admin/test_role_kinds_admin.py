"""Editors see and change what a role is (issue 20, rule 2): a title held or a voice the actor spoke through, in the
role's own form, the actor's role inline, the roles list (a column, a filter, two actions)."""
import pytest

from actors.models import Actor, Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def office_voice():
    office = Actor.objects.create(name="Home Office", slug="home-office", kind=Actor.Kind.ORGANIZATION)
    return Role.objects.create(actor=office, title="spokesman", kind=Role.Kind.VOICE)


def test_an_editor_sees_and_changes_the_kind(editor_client, office_voice):
    listing = editor_client.get("/admin/actors/role/?kind=voice").content.decode()
    assert "spokesman" in listing and "Spoke through (a representative)" in listing
    form = editor_client.get(f"/admin/actors/role/{office_voice.pk}/change/").content.decode()
    assert 'name="kind"' in form
    response = editor_client.post(f"/admin/actors/role/{office_voice.pk}/change/", {
        "actor": office_voice.actor_id, "title": "spokesman", "kind": "held", "organization_name": ""})
    assert response.status_code == 302
    office_voice.refresh_from_db()
    assert office_voice.kind == Role.Kind.HELD
    inline = editor_client.get(f"/admin/actors/actor/{office_voice.actor_id}/change/").content.decode()
    assert 'name="roles-0-kind"' in inline


def test_the_roles_list_marks_voices_and_titles_held_in_bulk(editor_client, office_voice):
    for action, kind in (("mark_held", Role.Kind.HELD), ("mark_voice", Role.Kind.VOICE)):
        response = editor_client.post("/admin/actors/role/", {"action": action, "_selected_action": [office_voice.pk]})
        assert response.status_code == 302
        office_voice.refresh_from_db()
        assert office_voice.kind == kind


def test_the_statement_form_marks_a_voice_among_the_speakers_roles(editor_client, office_voice):
    held = Role.objects.create(actor=office_voice.actor, title="Interior ministry")
    data = editor_client.get("/admin/statements/statement/speaker-roles/", {"actor": office_voice.actor_id}).json()
    assert sorted(r["text"] for r in data["roles"]) == [held.title, "spokesman (spoke through)"]
