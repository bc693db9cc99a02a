"""The likely-duplicates admin page through the test client: who may see and decide, and what a bad request does."""
import pytest
from django.urls import reverse

from actors.models import Actor, DistinctActors
from actors.services import add_aliases

pytestmark = pytest.mark.django_db

URL = "/admin/actors/actor/duplicates/"


@pytest.fixture
def pair():
    nao = Actor.objects.create(name="NAO", slug="nao", kind=Actor.Kind.ORGANIZATION)
    office = Actor.objects.create(name="National Audit Office", slug="national-audit-office",
                                  kind=Actor.Kind.ORGANIZATION)
    for actor in (nao, office):
        add_aliases(actor=actor, names=[actor.name])
    return nao, office


def test_linked_from_the_actor_list(editor_client):
    assert reverse("admin:actors_actor_duplicates") == URL
    assert f'href="{URL}"' in editor_client.get("/admin/actors/actor/").content.decode()


def test_analysts_see_the_list_but_cannot_decide(client, analyst, pair):
    nao, office = pair
    client.force_login(analyst)
    page = client.get(URL).content.decode()
    assert "“NAO” is the acronym of National Audit Office" in page and "not_same" not in page
    assert client.post(URL, {"a": nao.pk, "b": office.pk, "decision": "not_same"}).status_code == 403
    assert not DistinctActors.objects.exists()


def test_anonymous_visitors_go_to_the_login(client, pair):
    assert client.get(URL).status_code == 302
    assert client.post(URL, {"a": pair[0].pk, "b": pair[1].pk, "decision": "merge_a_into_b"}).status_code == 302
    assert not Actor.objects.filter(merged_into__isnull=False).exists()


@pytest.mark.parametrize("data", [{"a": "", "decision": "merge_b_into_a"}, {"a": "x", "b": "1", "decision": "not_same"},
                                  {"same": True, "decision": "not_same"}, {"decision": "delete"}])
def test_a_bad_decision_changes_nothing(editor_client, pair, data):
    nao, office = pair
    post = {"a": nao.pk, "b": nao.pk if data.pop("same", False) else office.pk, **data}
    response = editor_client.post(URL, post, follow=True)
    assert response.status_code == 200
    assert not DistinctActors.objects.exists() and not Actor.objects.filter(merged_into__isnull=False).exists()


def test_merging_an_already_merged_actor_says_so(editor_client, pair, admin_user):
    from actors.services import merge_actors

    nao, office = pair
    merge_actors(keep=office, merge=nao, user=admin_user)
    response = editor_client.post(URL, {"a": nao.pk, "b": office.pk, "decision": "merge_b_into_a"}, follow=True)
    assert "Nothing was merged" in response.content.decode()


def test_a_role_added_in_the_admin_is_an_editors(editor_client, pair):
    from actors.models import Role

    nao = pair[0]
    response = editor_client.post("/admin/actors/role/add/", {"actor": nao.pk, "title": "Auditor", "kind": "held",
                                                              "organization_name": ""})
    assert response.status_code == 302
    assert Role.objects.get(title="Auditor").origin == Role.Origin.EDITOR
    data = {"name": nao.name, "slug": nao.slug, "kind": nao.kind, "description": "", "wikidata_id": "",
            "aliases-TOTAL_FORMS": 0, "aliases-INITIAL_FORMS": 0, "roles-TOTAL_FORMS": 1, "roles-INITIAL_FORMS": 0,
            "roles-0-title": "Watchdog", "roles-0-kind": "held", "roles-0-organization_name": "", "roles-0-actor": nao.pk}
    response = editor_client.post(f"/admin/actors/actor/{nao.pk}/change/", data)
    assert response.status_code == 302, response.context["errors"] if response.context else response
    assert Role.objects.get(title="Watchdog").origin == Role.Origin.EDITOR
