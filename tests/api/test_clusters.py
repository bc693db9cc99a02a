"""/api/v1/clusters/ (list, filters, detail), the `cluster` of every statement, and `copies=first|all`."""
import datetime as dt

import pytest

from statements.clustering import services as clustering
from statements.models import Cluster
from tests.factories import ActorFactory, TopicFactory
from tests.pages.builders import REMARK, carried_remark, source_with_statements

pytestmark = pytest.mark.django_db


def ids(response):
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


@pytest.fixture
def remark():
    return carried_remark()


@pytest.fixture
def single():
    barker = ActorFactory(name="John Barker", slug="john-barker")
    _, (statement,) = source_with_statements(1, speaker=barker, said_on=dt.date(2024, 4, 1))
    clustering.assign(statements=[statement])
    statement.refresh_from_db()
    return statement


def test_every_statement_names_its_cluster_and_whether_it_is_the_first_appearance(api, remark):
    rows = {row["id"]: row for row in api.get("/api/v1/statements/").json()["results"]}
    assert {rows[s.pk]["cluster"] for s in remark} == {remark[0].cluster_id}
    assert [rows[s.pk]["first_appearance"] for s in remark] == [True, False, False]
    assert api.get(f"/api/v1/statements/{remark[1].pk}/").json()["cluster"] == remark[0].cluster_id


def test_statements_list_every_copy_by_default_and_each_cluster_once_with_copies_first(api, remark, single):
    assert sorted(ids(api.get("/api/v1/statements/"))) == sorted([s.pk for s in remark] + [single.pk])
    assert ids(api.get("/api/v1/statements/?copies=all")) == ids(api.get("/api/v1/statements/"))
    assert ids(api.get("/api/v1/statements/?copies=first")) == [single.pk, remark[0].pk]
    bad = api.get("/api/v1/statements/?copies=some")
    assert bad.status_code == 400 and "copies" in bad.json()["error"]["fields"]


def test_cluster_list_newest_first_with_counts_and_filters(api, remark, single):
    lopez_cluster, barker_cluster = remark[0].cluster_id, single.cluster_id
    body = api.get("/api/v1/clusters/").json()
    assert [row["id"] for row in body["results"]] == [barker_cluster, lopez_cluster]
    row = body["results"][1]
    assert (row["statement_count"], row["source_count"], row["publisher_count"]) == (3, 3, 3)
    assert row["speaker"]["slug"] == "maria-lopez" and row["first_date"] == "2024-03-02"
    assert row["first_appearance"]["id"] == remark[0].pk and row["first_appearance"]["source"]["publisher"] == "Daily One"
    assert row["html_url"] == f"http://testserver/clusters/{lopez_cluster}/"
    economy = TopicFactory(name="Economy", slug="economy")
    remark[0].topics.add(economy)
    assert ids(api.get("/api/v1/clusters/?speaker=maria-lopez")) == [lopez_cluster]
    assert ids(api.get(f"/api/v1/clusters/?speaker={single.speaker_id}")) == [barker_cluster]
    assert ids(api.get("/api/v1/clusters/?topic=economy")) == [lopez_cluster]
    assert ids(api.get("/api/v1/clusters/?min_sources=2")) == [lopez_cluster]
    assert ids(api.get("/api/v1/clusters/?min_sources=4")) == []
    assert ids(api.get("/api/v1/clusters/?date_from=2024-03-10")) == [barker_cluster]
    assert ids(api.get("/api/v1/clusters/?date_to=2024-03-10")) == [lopez_cluster]
    for bad in ("min_sources=0", "min_sources=x", "speaker=nobody", "date_from=2024-04-01&date_to=2024-03-01"):
        response = api.get(f"/api/v1/clusters/?{bad}")
        assert response.status_code == 400, bad


def test_cluster_list_pages_by_cursor(api, remark, single):
    first = api.get("/api/v1/clusters/?page_size=1").json()
    second = api.get(first["next"]).json()
    assert [r["id"] for r in first["results"] + second["results"]] == [single.cluster_id, remark[0].cluster_id]


def test_cluster_detail_has_the_canonical_words_and_every_copy_in_order(api, remark):
    cluster = Cluster.objects.get(pk=remark[0].cluster_id)
    body = api.get(f"/api/v1/clusters/{cluster.pk}/").json()
    assert body["canonical"] == remark[0].pk and body["content"] == REMARK
    assert [c["id"] for c in body["copies"]] == [s.pk for s in remark]
    assert [c["source"]["publisher"] for c in body["copies"]] == ["Daily One", "Evening Two", "Weekly Three"]
    assert [c["first_appearance"] for c in body["copies"]] == [True, False, False]
    assert body["copies"][1]["date"] == "2024-03-04" and body["copies"][1]["reprint_of"] is None
    for bad in ("999999", "abc", "0"):
        response = api.get(f"/api/v1/clusters/{bad}/")
        assert response.status_code == 404 and response.json()["error"]["status"] == 404
