"""Property-based API testing: schemathesis generates requests from the project's own OpenAPI schema and
sends them to a live server (real HTTP, real PostgreSQL), every operation twice: anonymously and with an
editor's token.

Checks, on every response: no 5xx; the status code is documented; the content type and the body match the
schema. Schema-violating ("negative") data must be refused with a 4xx. Schema-valid ("positive") data must be
accepted (2xx, or 401/403/404/409/429 - never a 400): the schema promises what the server takes. Where
the server checks what JSON Schema cannot say (a reference names a row that exists, a span lies inside its
article's text, a date is not in the future, a URL has a real host name, a cursor is one the API gave, an
uploaded file is an article's text), positive cases are steered onto
values that hold (`_semantically_valid`); everything else is as generated. An operation that declares
credentials must refuse a request without them (`ignored_auth`: reads declare them optional).

Hypothesis is derandomized, so every run sends the same requests; raise API_FUZZ_EXAMPLES to search harder.
"""
import datetime as dt
import os
import zlib

import pytest
import schemathesis
from schemathesis.transport.serialization import Binary
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    ignored_auth,
    negative_data_rejection,
    positive_data_acceptance,
    response_schema_conformance,
    status_code_conformance,
)

from ingest import services as ingest_services
from tests.api.conftest import make_editor

EXAMPLES = int(os.environ.get("API_FUZZ_EXAMPLES", "25"))  # per operation, identity and generation mode
ANONYMOUS_WRITE_EXAMPLES = max(3, EXAMPLES // 5)  # always a 401 before the body is read
MIN_REQUESTS = 900
CHECKS = [
    not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance, ignored_auth,
]

pytestmark = pytest.mark.django_db(transaction=True)


def _spans(statement):
    """Where a correction of this statement may put its span: (text length, non-space offsets)."""
    text = statement.source.text
    return len(text), [i for i, ch in enumerate(text) if not ch.isspace()]


@pytest.fixture
def fuzz_data(world, monkeypatch):
    """The `world` corpus plus an editor's token; uploads are stored but not processed."""
    monkeypatch.setattr(ingest_services, "dispatch", lambda source_id: None)
    from rest_framework.authtoken.models import Token

    editor = make_editor("fuzz-editor")
    token = Token.objects.create(user=editor).key
    from alerts.filters import AlertFilters
    from alerts.services import register_webhook

    webhook = register_webhook(owner=editor, url="https://hooks.example.org/in", filters=AlertFilters(q="talks"))
    from statements.clustering.services import assign

    clusters = sorted(assign(statements=world["statements"]))
    known = {
        "clusters": clusters,
        "webhooks": [webhook.pk],
        "statements": [s.pk for s in world["statements"]],
        "actors": [world["lavrov"].pk, world["ministry"].pk, "sergey-lavrov", "mfa"],
        "topics": [world["economy"].pk, "security"],
        "sources": [world["sana"].pk, world["tass"].pk, world["other"].pk],
        "spans": {str(s.pk): _spans(s) for s in world["statements"]},
    }
    return token, known


def _pick(options: list, value):
    """One of `options`, chosen by the generated value (deterministic, spread like the values)."""
    return options[zlib.crc32(repr(value).encode()) % len(options)]


def _valid_url(value) -> bool:
    try:
        URLValidator(schemes=["http", "https"])(value)
    except ValidationError:
        return False
    return True


def _semantically_valid(case, known):
    """Steer a schema-valid case onto values the server's own checks accept (see the module docstring)."""
    query = case.query if isinstance(case.query, dict) else {}
    query.pop("cursor", None)  # opaque: valid only as a `next`/`previous` link gave it
    for name, refs in [("speaker", "actors"), ("topic", "topics"), ("parent", "topics"), ("source", "sources")]:
        if query.get(name) not in (None, ""):
            query[name] = _pick(known[refs], query[name])
    for start, end in [("date_from", "date_to"), ("published_from", "published_to")]:
        if query.get(start) and query.get(end) and query[start] > query[end]:
            query[start], query[end] = query[end], query[start]
    body = case.body if isinstance(case.body, dict) else None
    if body is None:
        return case
    if case.path.endswith("/merge/") and "into" in body:
        body["into"] = _pick(known["actors"], body["into"])
    if case.path == "/api/v1/statements/{id}/":
        if body.get("speaker") is not None:
            body["speaker"] = _pick(known["actors"], body["speaker"])
        if "topics" in body:
            body["topics"] = [_pick(known["topics"], ref) for ref in body["topics"]]
        spans = known["spans"].get(str(case.path_parameters.get("id")))
        if spans and ("content_start" in body or "content_end" in body):
            length, solid = spans
            start = _pick(solid, body.get("content_start"))
            end = start + 1 + (body.get("content_end") or 0) % (length - start)
            body["content_start"], body["content_end"] = start, end
    if case.path == "/api/v1/webhooks/":
        for name, refs in [("speaker", "actors"), ("topic", "topics")]:
            if body.get(name) is not None:
                body[name] = _pick(known[refs], body[name])
    if case.path in ("/api/v1/sources/", "/api/v1/webhooks/"):
        if body.get("url") and not _valid_url(body["url"]):
            body["url"] = f"https://news.example.org/{zlib.crc32(repr(body['url']).encode())}"
        published = body.get("published")
        if published and published > dt.date.today().isoformat():
            body["published"] = "2024-05-01"
        if isinstance(body.get("file"), Binary):
            # Which files are articles (by name and content) is the server's check, and schemathesis names its
            # sample files by their format (file.png): steer the file onto an article's text.
            body["file"] = Binary(b"Talks resume\n\nThe minister said the talks would resume. " + body["file"].data.hex().encode())
    return case


def _strategy(operation, mode, known):
    """Generated cases; positive ones made semantically valid, half of them (where the path has an id) aimed
    at rows that exist."""
    if not mode.is_positive and "multipart/form-data" in str(operation.definition.raw.get("requestBody", "")):
        # Multipart turns every value into a string (null becomes ""), so "negative" form data is often
        # valid by the time it arrives; send negative bodies as JSON only.
        return operation.as_strategy(generation_mode=mode).filter(lambda case: case.media_type == "application/json")
    strategy = operation.as_strategy(generation_mode=mode)
    if not mode.is_positive:
        return strategy
    if "{id}" in operation.path:
        resource = operation.path.split("/")[3]
        existing = st.sampled_from(known[resource]).flatmap(
            lambda ref: operation.as_strategy(generation_mode=mode, path_parameters={"id": str(ref)})
        )
        strategy = st.one_of(strategy, existing)
    return strategy.map(lambda case: _semantically_valid(case, known))


def test_generated_requests_get_no_5xx_and_match_the_schema(live_server, fuzz_data):
    token, known = fuzz_data
    schema = schemathesis.openapi.from_url(live_server.url + "/api/schema/?format=json")
    sent: dict[str, int] = {}
    no_negative: list[str] = []
    statuses: dict[str, dict[int, int]] = {}
    started = dt.datetime.now()

    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 19
    for identity, headers in [("anonymous", {}), ("editor", {"Authorization": f"Token {token}"})]:
        for operation in operations:
            write = operation.method.upper() != "GET"
            examples = ANONYMOUS_WRITE_EXAMPLES if write and identity == "anonymous" else EXAMPLES
            for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
                checks = CHECKS + [negative_data_rejection if mode is GenerationMode.NEGATIVE else positive_data_acceptance]

                @settings(
                    max_examples=examples, deadline=None, derandomize=True, database=None,
                    phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck),
                )
                @given(case=_strategy(operation, mode, known))
                def run(case):
                    response = case.call(base_url=live_server.url, headers=headers, timeout=30)
                    label = f"{identity} {operation.method.upper()} {operation.path}"
                    sent[label] = sent.get(label, 0) + 1
                    by_status = statuses.setdefault(identity, {})
                    by_status[response.status_code] = by_status.get(response.status_code, 0) + 1
                    case.validate_response(response, checks=checks, headers=headers)

                try:
                    run()
                except Unsatisfiable:
                    # Some operations leave nothing to violate (e.g. a path id that is any string).
                    assert mode is GenerationMode.NEGATIVE, operation.label
                    no_negative.append(f"{identity} {operation.method.upper()} {operation.path}")

    total = sum(sent.values())
    seconds = (dt.datetime.now() - started).total_seconds()
    print(f"\nschemathesis: {total} requests in {seconds:.1f}s over {len(sent)} operation x identity: {sent}")
    print(f"schemathesis: responses by identity and status { {k: dict(sorted(v.items())) for k, v in statuses.items()} }")
    print(f"schemathesis: no schema-violating data possible for {no_negative}")
    assert statuses["anonymous"].get(401, 0) > 0 and statuses["editor"].get(202, 0) > 0, statuses
    assert total >= MIN_REQUESTS, sent
