"""Hostile and sloppy request bodies: JSON nested too deeply is a 400 at every JSON door (it was a 500,
RecursionError), values of the wrong JSON type are refused instead of coerced, unknown fields are refused."""
import base64

import pytest
from django.test import override_settings

from common.api.parsers import json_depth
from ingest import services as ingest_services

pytestmark = pytest.mark.django_db

DEEP = 100_000


@pytest.fixture
def no_dispatch(monkeypatch):
    monkeypatch.setattr(ingest_services, "dispatch", lambda source_id: None)


def _doors(world):
    statement, actor = world["statements"][0], world["lavrov"]
    return [
        ("post", "/api/v1/sources/"),
        ("patch", f"/api/v1/statements/{statement.pk}/"),
        ("post", f"/api/v1/actors/{actor.pk}/merge/"),
    ]


def _send(client, method, path, body: str):
    return getattr(client, method)(path, data=body, content_type="application/json")


def _assert_400_in_the_error_shape(response, *words):
    assert response.status_code == 400, (response.status_code, response.content[:300])
    error = response.json()["error"]
    assert error["status"] == 400 and error["code"] == "parse_error"
    for word in words:
        assert word in error["message"], error["message"]


@pytest.mark.parametrize("body", ["[" * DEEP, '{"a":' * DEEP, '{"text": ' + "[" * DEEP + "]" * DEEP + "}"])
def test_deeply_nested_json_is_400_at_every_json_door(editor_api, world, no_dispatch, body):
    for method, path in _doors(world):
        _assert_400_in_the_error_shape(_send(editor_api, method, path, body), "32 levels")


def test_nesting_within_the_limit_reaches_validation(editor_api, world):
    statement = world["statements"][0]
    nested = '{"topics": ' + "[" * 31 + "]" * 31 + "}"  # 32 levels: parsed, then refused by the serializer
    response = _send(editor_api, "patch", f"/api/v1/statements/{statement.pk}/", nested)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid"
    assert "topics.0" in response.json()["error"]["fields"]
    with override_settings(API_MAX_JSON_DEPTH=8):
        _assert_400_in_the_error_shape(
            _send(editor_api, "patch", f"/api/v1/statements/{statement.pk}/", nested), "8 levels"
        )


def test_brackets_inside_strings_do_not_count(editor_api, world, no_dispatch):
    text = 'Lavrov said "[[[[" and {{{{ ' + "[" * 5000 + ' \\" [[[ \\\\'
    response = editor_api.post("/api/v1/sources/", {"text": text, "publisher": "SANA"}, format="json")
    assert response.status_code == 202, response.json()


def test_a_deeply_nested_cursor_is_400(api, world):
    cursor = base64.urlsafe_b64encode(b"[" * 3000).decode().rstrip("=")
    response = api.get("/api/v1/statements/", {"cursor": cursor})
    assert response.status_code == 400
    assert response.json()["error"]["fields"] == {"cursor": ["Invalid cursor: use the `next` or `previous` link as given."]}


@pytest.mark.parametrize("text, depth", [
    ("1", 0), ('"[{"', 0), ("[]", 1), ('{"a": [1, {"b": []}]}', 4), ('["\\"]", [[]]]', 3), ('["\\\\", [[]]]', 3),
    ("[" * 50, 50), ('{"a":' * 10, 10),
])
def test_json_depth(text, depth):
    assert json_depth(text) == depth


# --- exact types, unknown fields ------------------------------------------------------------------------------

ARTICLE = "Damascus, SANA - The foreign minister said that talks would resume in May."


@pytest.mark.parametrize("payload, field", [
    ({"text": ARTICLE, "publisher": 0}, "publisher"),
    ({"text": 12345}, "text"),
    ({"html": 1.5}, "html"),
    ({"text": ARTICLE, "title": True}, "title"),
    ({"text": ARTICLE, "title": ["a"]}, "title"),
    ({"text": ARTICLE, "url": 7}, "url"),
    ({"text": ARTICLE, "url": "ftp://sana.example/a"}, "url"),
    ({"text": ARTICLE, "published": 20240501}, "published"),
    ({"text": ARTICLE, "author": "someone"}, "author"),
    ({"text": ARTICLE, "file": "not a file"}, "file"),
    ({"text": "\x1c \u2003\n"}, "text"),
])
def test_upload_refuses_coercions_and_unknown_fields(editor_api, no_dispatch, payload, field):
    response = editor_api.post("/api/v1/sources/", payload, format="json")
    assert response.status_code == 400, response.json()
    assert field in response.json()["error"]["fields"], response.json()


@pytest.mark.parametrize("change, field", [
    ({"content_start": "5"}, "content_start"),
    ({"content_end": 12.0}, "content_end"),
    ({"content_start": True}, "content_start"),
    ({"speaker": True}, "speaker"),
    ({"speaker": "x" * 5000}, "speaker"),
    ({"topics": [1.5]}, "topics.0"),
    ({"speakr": "mfa"}, "speakr"),
])
def test_correction_refuses_coercions_and_unknown_fields(editor_api, world, change, field):
    s1 = world["statements"][0]
    response = editor_api.patch(f"/api/v1/statements/{s1.pk}/", change, format="json")
    assert response.status_code == 400, response.json()
    assert field in response.json()["error"]["fields"], response.json()
    s1.refresh_from_db()
    assert s1.review_status == "extracted"


@pytest.mark.parametrize("body, field", [({"into": 1.0}, "into"), ({"into": True}, "into"), ({"into": "mfa", "x": 1}, "x")])
def test_merge_refuses_coercions_and_unknown_fields(editor_api, world, body, field):
    response = editor_api.post(f"/api/v1/actors/{world['lavrov'].pk}/merge/", body, format="json")
    assert response.status_code == 400, response.json()
    assert field in response.json()["error"]["fields"], response.json()


def test_merge_takes_an_integer_id(editor_api, world):
    response = editor_api.post(f"/api/v1/actors/{world['ministry'].pk}/merge/", {"into": world["lavrov"].pk}, format="json")
    assert response.status_code == 200, response.json()
    assert response.json()["id"] == world["lavrov"].pk


def test_an_empty_correction_changes_nothing(editor_api, world):
    s1 = world["statements"][0]
    response = editor_api.patch(f"/api/v1/statements/{s1.pk}/", {}, format="json")
    assert response.status_code == 200, response.json()
    assert response.json()["id"] == s1.pk and response.json()["review_status"] == "extracted"
    s1.refresh_from_db()
    assert (s1.review_status, s1.reviewed_at, s1.reviewed_by) == ("extracted", None, None)


def test_upload_exactly_one_of_in_multipart(editor_api, no_dispatch):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("story.txt", b"The mayor said that roads would close.", "text/plain")
    response = editor_api.post("/api/v1/sources/", {"file": upload, "text": ARTICLE}, format="multipart")
    assert response.status_code == 400
    assert "exactly one of `file`, `text` or `html`; got file, text" in response.json()["error"]["message"]


@pytest.mark.parametrize("size", ["201", "1000000", "9" * 30, "9" * 5000, "0" * 30 + "7"])
def test_a_large_page_size_is_capped_not_refused(api, world, size):
    for path, count in [("/api/v1/statements/", 4), ("/api/v1/actors/", 2)]:
        response = api.get(path, {"page_size": size})
        assert response.status_code == 200, response.json()
        assert len(response.json()["results"]) == count
    assert api.get("/api/v1/actors/", {"page_size": "0"}).status_code == 400


def test_huge_ids_in_paths_are_404(api, world):
    for path in ["actors", "topics", "statements", "sources"]:
        assert api.get(f"/api/v1/{path}/{'9' * 5000}/").status_code == 404


# --- the schema says so ----------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def schema():
    from drf_spectacular.generators import SchemaGenerator

    return SchemaGenerator().get_schema(request=None, public=True)


def test_schema_declares_public_reads_and_authenticated_writes(schema):
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            security = operation["security"]
            assert {"tokenAuth": []} in security and {"cookieAuth": []} in security, (method, path)
            public = method == "get" and not path.startswith("/api/v1/webhooks/")  # a token holder's own webhooks
            assert ({} in security) == public, (method, path, security)


def test_schema_declares_strict_request_bodies(schema):
    components = schema["components"]["schemas"]
    requests = {name: body for name, body in components.items() if name.endswith("Request")}
    assert set(requests) == {"ArticleRequest", "ArticleUploadRequest", "PatchedStatementCorrectionRequest", "ActorMergeRequest",
                             "WebhookInputRequest", "PatchedWebhookUpdateRequest"}
    for name, body in requests.items():
        assert body["additionalProperties"] is False, name
        for field, prop in body["properties"].items():
            assert "type" in prop or "oneOf" in prop or "$ref" in prop or "allOf" in prop, (name, field)
    assert components["ArticleRequest"]["oneOf"] == [{"required": ["text"]}, {"required": ["html"]}]
    assert "file" not in components["ArticleRequest"]["properties"]
    assert components["ArticleUploadRequest"]["oneOf"] == [
        {"required": ["file"]}, {"required": ["text"]}, {"required": ["html"]}
    ]
    assert "minProperties" not in components["PatchedStatementCorrectionRequest"]
    upload = schema["paths"]["/api/v1/sources/"]["post"]["requestBody"]["content"]
    assert upload["application/json"]["schema"] == {"$ref": "#/components/schemas/ArticleRequest"}
    assert upload["multipart/form-data"]["schema"] == {"$ref": "#/components/schemas/ArticleUploadRequest"}
    for path in ["/api/v1/statements/", "/api/v1/actors/"]:
        page_size = next(p for p in schema["paths"][path]["get"]["parameters"] if p["name"] == "page_size")
        assert page_size["schema"] == {"type": "integer", "minimum": 1}  # no maximum: larger sizes are capped
        assert "capped at 200" in page_size["description"]


def test_a_deeply_nested_jsonl_line_is_rejected_by_the_ingest_command(tmp_path):
    """The CLI's JSON door: one line of `[` x 100,000 is reported, not a traceback that stops the batch."""
    from io import StringIO

    from django.core.management import CommandError, call_command

    (tmp_path / "batch.jsonl").write_text("[" * DEEP + "\n" + '{"a":' * DEEP + "\n")
    out = StringIO()
    with pytest.raises(CommandError, match="not ingested"):
        call_command("ingest", str(tmp_path), stdout=out, stderr=StringIO())
    assert "batch.jsonl:1: nested too deeply" in out.getvalue()
    assert "batch.jsonl:2: nested too deeply" in out.getvalue()
