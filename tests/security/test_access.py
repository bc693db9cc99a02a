"""Who may write: anonymous users nowhere (pages, admin, API); editors edit but never manage users or groups
nor delete; every form carries a CSRF token and a POST without one is refused."""
import re

import pytest
from django.test import Client
from rest_framework.test import APIClient

from statements.models import Source, Statement
from tests.factories import ActorFactory, StatementFactory, TopicFactory

pytestmark = pytest.mark.django_db

ARTICLE = "Talks\n\nThe minister said that talks would resume in May."


@pytest.fixture
def world():
    statement = StatementFactory()
    return {"statement": statement, "source": statement.source, "actor": statement.speaker or ActorFactory(),
            "topic": TopicFactory()}


# --- anonymous --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("url", ["/ingest/upload/", "/ingest/status/?ids=1", "/ingest/status.json?ids=1"])
def test_anonymous_upload_pages_send_to_login(client, url):
    response = client.get(url)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_anonymous_upload_post_stores_nothing(client):
    response = client.post("/ingest/upload/", {"text": ARTICLE})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert not Source.objects.exists()


@pytest.mark.parametrize("path", ["statements/source/add/", "statements/statement/", "auth/user/", "actors/actor/",
                                  "statements/source/{source}/change/", "statements/source/{source}/delete/"])
def test_anonymous_admin_sends_to_login(client, world, path):
    url = "/admin/" + path.format(source=world["source"].pk)
    for response in (client.get(url), client.post(url, {"pasted_text": ARTICLE, "post": "yes"})):
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert Source.objects.count() == 1


@pytest.mark.parametrize("method, url, body", [
    ("post", "/api/v1/sources/", {"text": ARTICLE}),
    ("post", "/api/v1/sources/{source}/reprocess/", {}),
    ("patch", "/api/v1/statements/{statement}/", {"kind": "direct"}),
    ("post", "/api/v1/actors/{actor}/merge/", {"into": 1}),
    ("delete", "/api/v1/statements/{statement}/", None),
    ("delete", "/api/v1/sources/{source}/", None),
    ("put", "/api/v1/topics/{topic}/", {"name": "x"}),
])
def test_anonymous_api_writes_are_refused(world, method, url, body):
    url = url.format(source=world["source"].pk, statement=world["statement"].pk, actor=world["actor"].slug,
                     topic=world["topic"].slug)
    before = (Source.objects.count(), Statement.objects.count(), Statement.objects.get().kind)
    response = getattr(APIClient(), method)(url, body, format="json")
    assert response.status_code in (401, 403, 405), (url, response.status_code)
    assert (Source.objects.count(), Statement.objects.count(), Statement.objects.get().kind) == before


# --- editors ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("url", [
    "/admin/auth/user/", "/admin/auth/user/add/", "/admin/auth/group/", "/admin/auth/group/add/",
    "/admin/auth/user/{editor}/change/", "/admin/auth/user/{editor}/password/", "/admin/authtoken/tokenproxy/",
    "/admin/statements/source/{source}/delete/", "/admin/statements/statement/{statement}/delete/",
    "/admin/actors/actor/{actor}/delete/",
])
def test_editors_cannot_do_admin_only_things(client, editor, world, url):
    client.force_login(editor)
    url = url.format(editor=editor.pk, source=world["source"].pk, statement=world["statement"].pk,
                     actor=world["actor"].pk)
    assert client.get(url).status_code in (403, 404)
    assert client.post(url, {"post": "yes", "is_superuser": "on", "username": "x"}).status_code in (403, 404)
    editor.refresh_from_db()
    assert not editor.is_superuser
    assert Source.objects.count() == 1 and Statement.objects.count() == 1


def test_editors_have_no_bulk_delete_action(client, editor, world):
    client.force_login(editor)
    for changelist in ["/admin/statements/source/", "/admin/statements/statement/", "/admin/actors/actor/"]:
        body = client.get(changelist).content.decode()
        assert 'value="delete_selected"' not in body, changelist
    client.post("/admin/statements/source/", {"action": "delete_selected", "_selected_action": [world["source"].pk],
                                              "post": "yes"})
    assert Source.objects.count() == 1


def test_editors_cannot_delete_through_the_api(editor_api, world):
    for url in [f"/api/v1/statements/{world['statement'].pk}/", f"/api/v1/sources/{world['source'].pk}/"]:
        assert editor_api.delete(url).status_code in (403, 405)
    assert Statement.objects.count() == 1


def test_editors_can_upload(client, editor, monkeypatch):
    monkeypatch.setattr("ingest.services.dispatch", lambda source_id: None)
    client.force_login(editor)
    assert client.post("/ingest/upload/", {"text": ARTICLE}).status_code == 302
    assert Source.objects.count() == 1


# --- CSRF -------------------------------------------------------------------------------------------------

FORM = re.compile(r"<form\b[^>]*method=[\"']?post[^>]*>(.*?)</form>", re.I | re.S)


@pytest.mark.parametrize("url", ["/ingest/upload/", "/admin/statements/source/add/",
                                 "/admin/statements/statement/{statement}/change/", "/admin/statements/source/",
                                 "/admin/actors/actor/{actor}/change/", "/admin/password_change/"])
def test_every_post_form_carries_a_csrf_token(client, editor, world, url):
    client.force_login(editor)
    body = client.get(url.format(statement=world["statement"].pk, actor=world["actor"].pk)).content.decode()
    forms = FORM.findall(body)
    assert forms, f"no POST form on {url}"
    for form in forms:
        assert 'name="csrfmiddlewaretoken"' in form, url


@pytest.mark.parametrize("url, data", [
    ("/ingest/upload/", {"text": ARTICLE}),
    ("/admin/statements/source/add/", {"pasted_text": ARTICLE}),
    ("/admin/statements/statement/{statement}/change/", {"kind": "direct"}),
    ("/admin/logout/", {}),
    ("/api/v1/sources/", {"text": ARTICLE}),
])
def test_posts_without_a_csrf_token_are_403(editor, world, url, data):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)  # a session cookie, as a browser would send along a forged request
    response = client.post(url.format(statement=world["statement"].pk), data)
    assert response.status_code == 403
    assert Source.objects.count() == 1 and Statement.objects.get().kind == world["statement"].kind


def test_login_form_refuses_a_post_without_a_token(editor):
    response = Client(enforce_csrf_checks=True).post("/admin/login/", {"username": "eddie",
                                                                       "password": "correct-Horse-9"})
    assert response.status_code == 403


def test_uploads_over_the_byte_limit_are_refused_at_every_door(client, editor, editor_api, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MAX_ARTICLE_BYTES = 2000
    big = b"The minister said that talks would resume. " * 100
    client.force_login(editor)
    page = client.post("/ingest/upload/", {"files": [SimpleUploadedFile("big.txt", big)]})
    assert "over the limit of 2,000 bytes" in page.content.decode()
    admin = client.post("/admin/statements/source/add/", {"file": SimpleUploadedFile("big.txt", big)})
    assert "over the limit of 2,000 bytes" in admin.content.decode()
    api = editor_api.post("/api/v1/sources/", {"file": SimpleUploadedFile("big.txt", big)}, format="multipart")
    assert api.status_code == 413
    assert not Source.objects.exists()


