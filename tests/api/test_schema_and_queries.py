"""The OpenAPI schema builds without warnings and validates; docs pages are served from local files;
list endpoints cost a bounded number of queries whatever the page size."""
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

from tests.factories import ActorFactory, SourceFactory, StatementFactory, TopicFactory

ROOT = Path(__file__).resolve().parents[2]


def test_schema_builds_without_warnings_and_validates(tmp_path):
    out = tmp_path / "schema.yaml"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    result = subprocess.run(
        [sys.executable, "manage.py", "spectacular", "--validate", "--fail-on-warn", "--file", str(out)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Warning" not in result.stderr and "Error" not in result.stderr, result.stderr[-3000:]
    assert out.read_text().startswith("openapi: 3.0")


@pytest.fixture(scope="module")
def schema():
    from drf_spectacular.generators import SchemaGenerator
    from drf_spectacular.validation import validate_schema

    document = SchemaGenerator().get_schema(request=None, public=True)
    validate_schema(document)
    return document


EXPECTED = {
    ("/api/v1/actors/", "get"), ("/api/v1/actors/{id}/", "get"), ("/api/v1/actors/{id}/merge/", "post"),
    ("/api/v1/statements/", "get"), ("/api/v1/statements/{id}/", "get"), ("/api/v1/statements/{id}/", "patch"),
    ("/api/v1/clusters/", "get"), ("/api/v1/clusters/{id}/", "get"),
    ("/api/v1/topics/", "get"), ("/api/v1/topics/{id}/", "get"),
    ("/api/v1/sources/", "get"), ("/api/v1/sources/", "post"), ("/api/v1/sources/{id}/", "get"),
    ("/api/v1/sources/{id}/reprocess/", "post"),
    ("/api/v1/webhooks/", "get"), ("/api/v1/webhooks/", "post"), ("/api/v1/webhooks/{id}/", "get"),
    ("/api/v1/webhooks/{id}/", "patch"), ("/api/v1/webhooks/{id}/", "delete"),
}


def test_every_endpoint_parameter_and_error_is_documented(schema):
    operations = {(path, method): op for path, item in schema["paths"].items() for method, op in item.items()}
    assert set(operations) == EXPECTED
    for (path, method), op in operations.items():
        assert op.get("summary") or op.get("description"), (path, method)
        for parameter in op.get("parameters", []):
            assert parameter.get("description"), (path, method, parameter["name"])
        assert {"400", "404", "429"} <= set(op["responses"]), (path, method)
        if method != "get":
            assert {"401", "403"} <= set(op["responses"]), (path, method)
        for code, response in op["responses"].items():
            if code >= "400":
                assert response["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Error"}
    statement_filters = {p["name"] for p in operations[("/api/v1/statements/", "get")]["parameters"]}
    assert statement_filters == {
        "speaker", "topic", "source", "publisher", "kind", "source_type", "review_status", "date_from", "date_to",
        "min_confidence", "q", "all_text", "copies", "ordering", "cursor", "page_size",
    }
    cluster_filters = {p["name"] for p in operations[("/api/v1/clusters/", "get")]["parameters"]}
    assert cluster_filters == {"speaker", "topic", "date_from", "date_to", "min_sources", "cursor", "page_size"}
    upload = operations[("/api/v1/sources/", "post")]
    assert {"200", "202", "413"} <= set(upload["responses"])
    assert set(upload["requestBody"]["content"]) == {"multipart/form-data", "application/json"}


@pytest.mark.django_db
@pytest.mark.parametrize("path, marker", [("/api/docs/", "swagger-ui"), ("/api/redoc/", "redoc")])
def test_docs_pages_use_local_static_files(client, path, marker):
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert marker in html.lower()
    assert "/static/drf_spectacular_sidecar/" in html
    assert "cdn.jsdelivr" not in html and "unpkg" not in html
    assert finders.find("drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js")
    assert finders.find("drf_spectacular_sidecar/redoc/bundles/redoc.standalone.js")


@pytest.mark.django_db
def test_schema_endpoint_serves_openapi(client):
    response = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    assert response.json()["openapi"].startswith("3.0")


# --- query counts -----------------------------------------------------------------------------------------

def _corpus(n):
    from statements.clustering.services import assign

    topics = [TopicFactory() for _ in range(3)]
    statements = []
    for i in range(n):
        statement = StatementFactory(source=SourceFactory())
        statement.topics.add(*topics[: 1 + i % 3])
        statement.mentioned_actors.add(ActorFactory())
        statements.append(statement)
    assign(statements=statements)


@pytest.mark.django_db
@pytest.mark.parametrize("path, limit", [
    ("/api/v1/statements/?page_size={n}", 3),  # rows, topics, mentioned actors
    ("/api/v1/statements/?page_size={n}&copies=first", 3),
    ("/api/v1/clusters/?page_size={n}", 1),  # rows, with speaker, first statement and its source joined
    ("/api/v1/statements/?page_size={n}&q=budget&topic=1", 6),  # + the topic, the speakers q may name, the window
    ("/api/v1/actors/?page_size={n}", 4),  # count, rows, aliases, roles
    ("/api/v1/topics/?page_size={n}", 2),  # count, rows
    ("/api/v1/sources/?page_size={n}", 2),
])
def test_list_queries_do_not_grow_with_page_size(api, django_assert_max_num_queries, path, limit):
    _corpus(60)
    path = path.replace("topic=1", "topic=" + str(__import__("statements.models").models.Topic.objects.order_by("pk").first().pk))
    for n in (1, 10, 60):
        with django_assert_max_num_queries(limit):
            response = api.get(path.format(n=n))
        assert response.status_code == 200
    assert len(response.json()["results"]) == {"topics": 3}.get(path.split("/")[3], 60)


@pytest.mark.django_db
@pytest.mark.parametrize("value, status", [("true", 200), ("0", 200), ("", 200), ("-1.5", 400), ("maybe", 400)])
def test_a_boolean_filter_refuses_what_is_not_a_boolean(client, value, status):
    response = client.get("/api/v1/statements/", {"q": "budget", "all_text": value})
    assert response.status_code == status, response.content
    if status == 400:
        assert "use true or false" in response.content.decode()
