"""Hostile and sloppy request bodies: JSON nested too deeply is a 400 at every JSON door (it was a 500,
RecursionError), values of the wrong JSON type are refused instead of coerced, unknown fields are refused."""
import base64

import pytest
from django.test import override_settings

from config.api_parsers import json_depth
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
