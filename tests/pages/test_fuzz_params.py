"""Whatever arrives in the query string, pages answer 200 (bad values ignored with a notice) and exports
200 or 400, never 500."""
from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.pages.builders import lavrov_world

pytestmark = pytest.mark.django_db

PARAMS = ["q", "actor", "topic", "source", "publisher", "kind", "review_status", "period", "date_from", "date_to",
          "order", "per_page", "page", "by"]
values = st.one_of(st.text(max_size=40), st.sampled_from(["", "7d", "direct", "2025-01-01", "0", "-1", "99999999999",
                                                          "sergey-lavrov", "sanctions", "%", "'", '"', "<b>"]))
queries = st.dictionaries(st.sampled_from(PARAMS), values, max_size=6)


@pytest.fixture
def world():
    return lavrov_world(3)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=queries, path=st.sampled_from(["/search/", "/actors/sergey-lavrov/", "/topics/sanctions/", "/",
                                            "/actors/", "/topics/", "/sources/"]))
def test_pages_never_fail(client, world, query, path):
    assert client.get(path + "?" + urlencode(query)).status_code == 200


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=queries, path=st.sampled_from(["/statements/export.csv", "/statements/export.json",
                                            "/actors/export.csv", "/sources/export.json", "/topics/export.csv"]))
def test_exports_answer_or_refuse(client, world, query, path):
    response = client.get(path + "?" + urlencode(query))
    assert response.status_code in (200, 400)
    if response.streaming:
        b"".join(response.streaming_content)
