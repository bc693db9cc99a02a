"""Property-based API testing: schemathesis generates requests from the project's own OpenAPI schema and
sends them to a live server (real HTTP, real PostgreSQL). No response may be a 5xx, and every response
must match the schema (documented status code, content type and body).

Reads are sent anonymously; writes carry an editor's token, so they get past authentication and reach
validation and the services. Both schema-valid ("positive") and schema-violating ("negative") data is
sent; negative data must be refused with a 4xx. Hypothesis is derandomized, so every run sends the same
requests; raise EXAMPLES to search harder.
"""
import datetime as dt
import os

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)

from ingest import services as ingest_services
from tests.api.conftest import make_editor

EXAMPLES = int(os.environ.get("API_FUZZ_EXAMPLES", "25"))  # per operation and generation mode
MIN_REQUESTS = 400
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def fuzz_data(world, monkeypatch):
    """The `world` corpus plus an editor's token; uploads are stored but not processed."""
    monkeypatch.setattr(ingest_services, "dispatch", lambda source_id: None)
    from rest_framework.authtoken.models import Token

    token = Token.objects.create(user=make_editor("fuzz-editor")).key
    known_ids = {
        "statements": [s.pk for s in world["statements"]],
        "actors": [world["lavrov"].pk, world["ministry"].pk, "sergey-lavrov", "mfa"],
        "topics": [world["economy"].pk, "security"],
        "sources": [world["sana"].pk, world["tass"].pk, world["other"].pk],
    }
    return token, known_ids


def _strategy(operation, mode, known_ids):
    """Generated cases, half of them (where the path has an id) aimed at rows that exist."""
    if not mode.is_positive and "multipart/form-data" in str(operation.definition.raw.get("requestBody", "")):
        # Multipart turns every value into a string (null becomes ""), so "negative" form data is often
        # valid by the time it arrives; send negative bodies as JSON only.
        return operation.as_strategy(generation_mode=mode).filter(lambda case: case.media_type == "application/json")
    strategy = operation.as_strategy(generation_mode=mode)
    if "{id}" not in operation.path or not mode.is_positive:
        return strategy
    resource = operation.path.split("/")[3]
    existing = st.sampled_from(known_ids[resource]).flatmap(
        lambda ref: operation.as_strategy(generation_mode=mode, path_parameters={"id": str(ref)})
    )
    return st.one_of(strategy, existing)


def test_generated_requests_get_no_5xx_and_match_the_schema(live_server, fuzz_data):
    token, known_ids = fuzz_data
    schema = schemathesis.openapi.from_url(live_server.url + "/api/schema/?format=json")
    sent: dict[str, int] = {}
    no_negative: list[str] = []
    statuses: dict[int, int] = {}
    started = dt.datetime.now()

    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 12
    for operation in operations:
        headers = {} if operation.method.upper() == "GET" else {"Authorization": f"Token {token}"}
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            checks = CHECKS + ([negative_data_rejection] if mode is GenerationMode.NEGATIVE else [])

            @settings(
                max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck),
            )
            @given(case=_strategy(operation, mode, known_ids))
            def run(case):
                response = case.call(base_url=live_server.url, headers=headers, timeout=30)
                label = f"{operation.method.upper()} {operation.path}"
                sent[label] = sent.get(label, 0) + 1
                statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
                case.validate_response(response, checks=checks, headers=headers)

            try:
                run()
            except Unsatisfiable:
                # Some operations leave nothing to violate (e.g. a path id that is any string).
                assert mode is GenerationMode.NEGATIVE, operation.label
                no_negative.append(f"{operation.method.upper()} {operation.path}")

    total = sum(sent.values())
    seconds = (dt.datetime.now() - started).total_seconds()
    print(f"\nschemathesis: {total} requests in {seconds:.1f}s over {len(sent)} operations: {sent}")
    print(f"schemathesis: responses by status {dict(sorted(statuses.items()))}")
    print(f"schemathesis: no schema-violating data possible for {no_negative}")
    assert total >= MIN_REQUESTS, sent
