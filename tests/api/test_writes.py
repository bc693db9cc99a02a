"""Writes: correcting statements, uploading articles, reprocessing sources, merging actors; who may do them."""
import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from actors.models import Actor
from ingest import services as ingest_services
from statements.models import Source, Statement

pytestmark = pytest.mark.django_db


@pytest.fixture
def no_dispatch(monkeypatch):
    """Uploads are stored but not processed (processing has its own tests): record what would be queued."""
    queued = []
    monkeypatch.setattr(ingest_services, "dispatch", queued.append)
    return queued


# --- correcting a statement -------------------------------------------------------------------------------

def test_correct_speaker_span_kind_topics_records_editor(editor_api, editor, world, django_capture_on_commit_callbacks):
    s1 = world["statements"][0]
    text = world["sana"].text
    start = text.index("The minister")
    end = text.index("next year") + len("next year")
    response = editor_api.patch(f"/api/v1/statements/{s1.pk}/", {
        "speaker": "mfa", "content_start": start, "content_end": end, "kind": "mixed",
        "topics": ["security", world["economy"].pk],
    }, format="json")
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["speaker"]["slug"] == "mfa"
    assert body["content"] == text[start:end] == "The minister said that the budget would be balanced next year"
    assert body["kind"] == "mixed"
    assert sorted(t["slug"] for t in body["topics"]) == ["economy", "security"]
    assert body["review_status"] == "corrected"
    assert body["reviewed_at"]
    s1.refresh_from_db()
    assert s1.reviewed_by == editor and s1.review_status == "corrected"
    assert s1.history.first().history_user == editor


@pytest.mark.parametrize("status", ["verified", "rejected"])
def test_correction_keeps_the_status_set(editor_api, world, status):
    s1 = world["statements"][0]
    response = editor_api.patch(f"/api/v1/statements/{s1.pk}/", {"review_status": status, "kind": "direct"}, format="json")
    assert response.json()["review_status"] == status


def test_speaker_can_be_cleared(editor_api, world):
    s1 = world["statements"][0]
    assert editor_api.patch(f"/api/v1/statements/{s1.pk}/", {"speaker": None}, format="json").json()["speaker"] is None


@pytest.mark.parametrize("change, field", [
    ({"content_start": 5, "content_end": 3}, "content_end"),
    ({"content_end": 10**6}, "content_end"),
    ({"content_start": -1}, "content_start"),
    ({"content_start": 10**20}, "content_start"),
    ({"content_start": "abc"}, "content_start"),
    ({"speaker": "nobody"}, "speaker"),
    ({"speaker": 10**30}, "speaker"),
    ({"speaker": ["x"]}, "speaker"),
    ({"topics": ["nope"]}, "topics.0"),
    ({"topics": "economy"}, "topics"),
    ({"kind": "shouted"}, "kind"),
    ({"review_status": "extracted"}, "review_status"),
])
def test_bad_corrections_are_400_with_field_errors(editor_api, world, change, field):
    s1 = world["statements"][0]
    response = editor_api.patch(f"/api/v1/statements/{s1.pk}/", change, format="json")
    assert response.status_code == 400, response.json()
    error = response.json()["error"]
    assert error["message"]
    if field != "non_field_errors":
        assert field in error["fields"], error
    s1.refresh_from_db()
    assert s1.review_status == "extracted"


def test_span_taken_by_another_statement_is_400(editor_api, world):
    s1, s2 = world["statements"][:2]
    response = editor_api.patch(
        f"/api/v1/statements/{s1.pk}/", {"content_start": s2.content_start, "content_end": s2.content_end}, format="json"
    )
    assert response.status_code == 400
    assert "already has exactly this span" in response.json()["error"]["message"]


def test_correcting_to_a_merged_actor_names_the_actor_it_was_merged_into(editor_api, world):
    world["ministry"].merged_into = world["lavrov"]
    world["ministry"].save()
    s3 = world["statements"][2]
    response = editor_api.patch(f"/api/v1/statements/{s3.pk}/", {"speaker": "mfa"}, format="json")
    assert response.status_code == 200, response.json()
    assert response.json()["speaker"]["slug"] == "sergey-lavrov"


def test_malformed_json_is_400(editor_api, world):
    s1 = world["statements"][0]
    response = editor_api.generic("PATCH", f"/api/v1/statements/{s1.pk}/", "{not json", content_type="application/json")
    assert response.status_code == 400
    assert "JSON" in response.json()["error"]["message"]


def test_put_and_delete_are_not_allowed(editor_api, world):
    s1 = world["statements"][0]
    assert editor_api.put(f"/api/v1/statements/{s1.pk}/", {}, format="json").status_code == 405
    response = editor_api.delete(f"/api/v1/statements/{s1.pk}/")
    assert response.status_code == 405
    assert response.json()["error"]["status"] == 405


def test_patch_unknown_statement_is_404(editor_api, world):
    assert editor_api.patch("/api/v1/statements/987654/", {"kind": "direct"}, format="json").status_code == 404


# --- permissions ------------------------------------------------------------------------------------------

def test_anonymous_writes_are_401_with_the_error_shape(api, world):
    s1 = world["statements"][0]
    response = api.patch(f"/api/v1/statements/{s1.pk}/", {"kind": "direct"}, format="json")
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Token")
    assert response.json()["error"]["code"] == "not_authenticated"
    assert api.post("/api/v1/sources/", {"text": "x"}, format="json").status_code == 401
    assert api.post(f"/api/v1/sources/{world['sana'].pk}/reprocess/").status_code == 401
    assert api.post(f"/api/v1/actors/{world['ministry'].pk}/merge/", {"into": "sergey-lavrov"}).status_code == 401


def test_users_without_editor_permissions_are_403(reader_api, world):
    s1 = world["statements"][0]
    response = reader_api.patch(f"/api/v1/statements/{s1.pk}/", {"kind": "direct"}, format="json")
    assert response.status_code == 403
    assert "statements.change_statement" in response.json()["error"]["message"]
    assert reader_api.post("/api/v1/sources/", {"text": "x"}, format="json").status_code == 403
    assert reader_api.post(f"/api/v1/sources/{world['sana'].pk}/reprocess/").status_code == 403
    assert reader_api.post(f"/api/v1/actors/{world['ministry'].pk}/merge/", {"into": "sergey-lavrov"}).status_code == 403
    assert reader_api.get("/api/v1/statements/").status_code == 200


def test_invalid_token_is_401(api, world):
    api.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
    response = api.get("/api/v1/statements/")
    assert response.status_code == 401
    assert response.json()["error"]["message"] == "Invalid token."


def test_session_auth_works_and_needs_csrf(editor, world):
    from rest_framework.test import APIClient

    client = APIClient(enforce_csrf_checks=True)
    client.force_login(editor)
    s1 = world["statements"][0]
    response = client.patch(f"/api/v1/statements/{s1.pk}/", {"kind": "direct"}, format="json")
    assert response.status_code == 403
    assert "CSRF" in response.json()["error"]["message"]
    client.get("/admin/login/")  # sets the CSRF cookie
    token = client.cookies["csrftoken"].value
    response = client.patch(f"/api/v1/statements/{s1.pk}/", {"kind": "direct"}, format="json", HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 200


def test_superuser_may_edit(world):
    from rest_framework.test import APIClient

    client = APIClient()
    client.force_authenticate(User.objects.create_superuser("root", password="x"))
    s1 = world["statements"][0]
    assert client.patch(f"/api/v1/statements/{s1.pk}/", {"kind": "direct"}, format="json").status_code == 200


def test_anonymous_requests_are_throttled(api, world, settings):
    from django.core.cache import cache

    cache.clear()
    rates = {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "anon": "3/minute"}
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": rates}
    try:
        codes = [api.get("/api/v1/topics/").status_code for _ in range(4)]
        response = api.get("/api/v1/topics/")
    finally:
        cache.clear()
    assert codes == [200, 200, 200, 429]
    assert response.status_code == 429
    assert response.json()["error"]["code"] == "throttled"
    assert int(response["Retry-After"]) > 0


# --- uploading articles -----------------------------------------------------------------------------------

ARTICLE = "Damascus, SANA - The foreign minister said that talks would resume in May. He added that no date was set."


def test_upload_json_text_is_202_with_location(editor_api, no_dispatch, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_api.post("/api/v1/sources/", {
            "text": ARTICLE, "title": "Talks", "publisher": "SANA", "published": "2024-05-01",
            "url": "https://sana.example/talks",
        }, format="json")
    assert response.status_code == 202, response.json()
    body = response.json()
    source = Source.objects.get()
    assert body["id"] == source.pk and body["status"] == "pending"
    assert response["Location"] == body["url"] == f"http://testserver/api/v1/sources/{source.pk}/"
    assert (source.publisher, source.title, str(source.published)) == ("SANA", "Talks", "2024-05-01")
    assert bytes(source.original).decode() == ARTICLE
    assert no_dispatch == [source.pk]


def test_upload_duplicate_is_200_with_the_existing_source(editor_api, no_dispatch):
    first = editor_api.post("/api/v1/sources/", {"text": ARTICLE}, format="json").json()
    again = editor_api.post("/api/v1/sources/", {"text": ARTICLE}, format="json")
    assert again.status_code == 200
    assert again.json()["id"] == first["id"]
    assert Source.objects.count() == 1


def test_upload_html_and_multipart_file(editor_api, no_dispatch):
    response = editor_api.post("/api/v1/sources/", {"html": f"<html><body><p>{ARTICLE}</p></body></html>"}, format="json")
    assert response.status_code == 202
    assert Source.objects.get(pk=response.json()["id"]).content_type.startswith("text/html")
    upload = SimpleUploadedFile("story.txt", b"Another story. The mayor said that roads would close.", "text/plain")
    response = editor_api.post("/api/v1/sources/", {"file": upload, "publisher": "City Desk"}, format="multipart")
    assert response.status_code == 202, response.json()
    source = Source.objects.get(pk=response.json()["id"])
    assert (source.original_name, source.publisher) == ("story.txt", "City Desk")


@pytest.mark.parametrize("payload, field", [
    ({}, "non_field_errors"),
    ({"text": "a", "html": "<p>b</p>"}, "non_field_errors"),
    ({"text": "   "}, "text"),
    ({"text": ARTICLE, "published": "someday"}, "published"),
    ({"text": ARTICLE, "published": "2999-01-01"}, "published"),
    ({"text": ARTICLE, "url": "not a url"}, "url"),
    ({"text": ARTICLE, "title": "t" * 501}, "title"),
])
def test_upload_bad_input_is_400(editor_api, no_dispatch, payload, field):
    response = editor_api.post("/api/v1/sources/", payload, format="json")
    assert response.status_code == 400, response.json()
    error = response.json()["error"]
    assert error["message"]
    if field != "non_field_errors":
        assert field in error["fields"]
    assert Source.objects.count() == 0


@override_settings(MAX_ARTICLE_BYTES=1000)
def test_upload_over_the_limit_is_413(editor_api, no_dispatch):
    response = editor_api.post("/api/v1/sources/", {"text": "x" * 1001}, format="json")
    assert response.status_code == 413
    assert "over the limit of 1,000 bytes" in response.json()["error"]["message"]
    upload = SimpleUploadedFile("big.txt", b"y" * 5000, "text/plain")
    response = editor_api.post("/api/v1/sources/", {"file": upload}, format="multipart")
    assert response.status_code == 413
    assert Source.objects.count() == 0


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=2000)
def test_request_body_over_the_server_limit_is_413(editor_api, no_dispatch):
    response = editor_api.post("/api/v1/sources/", {"text": "z" * 5000}, format="json")
    assert response.status_code == 413
    assert response.json()["error"]["status"] == 413


def test_unsupported_media_type_is_415(editor_api, no_dispatch):
    response = editor_api.generic("POST", "/api/v1/sources/", "text=hello", content_type="text/plain")
    assert response.status_code == 415
    assert response.json()["error"]["status"] == 415


# --- reprocessing and merging -----------------------------------------------------------------------------

def test_reprocess_queues_the_source(editor_api, world, no_dispatch, django_capture_on_commit_callbacks):
    sana = world["sana"]
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_api.post(f"/api/v1/sources/{sana.pk}/reprocess/")
    assert response.status_code == 202
    assert response.json()["queued"] == 1
    assert response.json()["source"]["id"] == sana.pk
    # the request is stored first: the answer shows the source as it now is
    assert response.json()["source"]["status"] == "pending"
    assert response.json()["source"]["error"].startswith("Reprocessing requested by ")
    assert Source.objects.get(pk=sana.pk).status == Source.Status.PENDING
    assert no_dispatch == [sana.pk]


def test_reprocess_a_duplicate_is_409_and_unknown_404(editor_api, world, no_dispatch):
    dup = world["other"]
    dup.status, dup.duplicate_of = Source.Status.DUPLICATE, world["sana"]
    dup.save()
    response = editor_api.post(f"/api/v1/sources/{dup.pk}/reprocess/")
    assert response.status_code == 409
    assert f"reprocess source {world['sana'].pk}" in response.json()["error"]["message"]
    assert editor_api.post("/api/v1/sources/99999999/reprocess/").status_code == 404
    assert editor_api.post("/api/v1/sources/abc/reprocess/").status_code == 404


def test_merge_actors(editor_api, world, editor):
    ministry, lavrov = world["ministry"], world["lavrov"]
    response = editor_api.post(f"/api/v1/actors/{ministry.pk}/merge/", {"into": "sergey-lavrov"}, format="json")
    assert response.status_code == 200, response.json()
    assert response.json()["id"] == lavrov.pk
    ministry.refresh_from_db()
    assert ministry.merged_into == lavrov
    assert Statement.objects.filter(speaker=ministry).count() == 0
    # the merged actor stays reachable by its old id and slug, pointing at the survivor
    old = editor_api.get("/api/v1/actors/mfa/").json()
    assert old["merged_into"] == f"http://testserver/api/v1/actors/{lavrov.pk}/"
    assert [a["slug"] for a in editor_api.get("/api/v1/actors/").json()["results"]] == ["sergey-lavrov"]


@pytest.mark.parametrize("into, message, status", [
    ("nobody", "No actor", 400), ("", "blank", 400), (None, "null", 400), ("self", "itself", 409),
])
def test_bad_merges_are_400_or_409(editor_api, world, into, message, status):
    ministry = world["ministry"]
    into = "mfa" if into == "self" else into
    response = editor_api.post(f"/api/v1/actors/{ministry.pk}/merge/", {"into": into}, format="json")
    assert response.status_code == status
    if status == 400:
        assert "into" in response.json()["error"]["fields"]
    assert message in response.json()["error"]["message"]
    assert Actor.objects.get(pk=ministry.pk).merged_into is None


def test_merging_an_already_merged_actor_is_409(editor_api, world):
    ministry, lavrov = world["ministry"], world["lavrov"]
    editor_api.post(f"/api/v1/actors/{ministry.pk}/merge/", {"into": lavrov.pk}, format="json")
    response = editor_api.post(f"/api/v1/actors/{ministry.pk}/merge/", {"into": lavrov.pk}, format="json")
    assert response.status_code == 409
    assert "already merged" in response.json()["error"]["message"]
