"""Clusters in the editors' admin (statements.admin_clusters): the list (search by wording or speaker, the speaker
filter's autocomplete), a cluster's page with its copies, splitting off copies and merging clusters with the
messages that say what happened or why not, the history, permissions, and the link from a statement's page.
The same in a browser: test_browser_clusters.py."""
import json
import re

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME

from statements.models import Cluster, ClusterDecision
from tests.clustering.articles import SCHOOLS, TAXES, article, said_by

pytestmark = pytest.mark.django_db(transaction=True)

LIST = "/admin/statements/cluster/"


@pytest.fixture
def newsroom():
    """Maria Lopez's tax promise in two papers, her schools promise in a third, John Barker repeating the first."""
    taxes = article("Taxes and the budget", TAXES, publisher="Daily One", day=2)
    copy = article("Tax cuts promised", TAXES, publisher="Evening Two", day=3)
    schools = article("Lopez on schools", SCHOOLS, publisher="Weekly Three", day=4)
    barker = article("Barker on taxes", TAXES, lead="Opposition leader John Barker said:", publisher="Daily One", day=5)
    return {"taxes": said_by(taxes), "copy": said_by(copy), "schools": said_by(schools),
            "barker": said_by(barker, "John Barker")}


def _listed(client, query=""):
    page = client.get(LIST + query)
    assert page.status_code == 200
    return {c.pk for c in page.context["cl"].result_list}


def test_the_list_finds_clusters_by_wording_and_by_speaker(editor_client, newsroom):
    taxes, schools, barker = (newsroom[k].cluster_id for k in ("taxes", "schools", "barker"))
    assert newsroom["copy"].cluster_id == taxes
    assert _listed(editor_client) == {taxes, schools, barker}
    assert _listed(editor_client, "?q=science+laboratory") == {schools}
    assert _listed(editor_client, "?q=working+family") == {taxes, barker}
    assert _listed(editor_client, "?q=Lopez") == {taxes, schools}
    lopez = newsroom["taxes"].speaker
    assert _listed(editor_client, f"?speaker__id__exact={lopez.pk}") == {taxes, schools}
    found = editor_client.get("/admin/autocomplete/", {"app_label": "statements", "model_name": "cluster",
                                                       "field_name": "speaker", "term": "Lope"})
    assert [r["id"] for r in json.loads(found.content)["results"]] == [str(lopez.pk)]


def test_a_clusters_page_lists_its_copies_and_splits_off_the_ones_ticked(editor_client, editor, newsroom):
    cluster = newsroom["taxes"].cluster
    url = f"{LIST}{cluster.pk}/"
    page = editor_client.get(f"{url}change/")
    html = page.content.decode()
    assert [s.pk for s in page.context["members"]] == [newsroom["taxes"].pk, newsroom["copy"].pk]
    assert "Daily One" in html and "Evening Two" in html and "2024-03-02" in html and "first appearance" in html
    assert 'id="split-form"' in html and 'name="_save"' not in html  # read-only fields; the split is the form
    response = editor_client.post(f"{url}split/", {"statement": [newsroom["copy"].pk]}, follow=True)
    new = Cluster.objects.exclude(pk__in=[cluster.pk, newsroom["schools"].cluster_id, newsroom["barker"].cluster_id]).get()
    assert [str(m) for m in response.context["messages"]] == [
        f'Split off 1 copy into <a href="{LIST}{new.pk}/change/">cluster {new.pk}</a>; cluster {cluster.pk} keeps '
        "1 copy. Later extraction keeps them apart."]
    assert said_by(newsroom["copy"].source).cluster_id == new.pk
    assert ClusterDecision.objects.get().made_by == editor

    response = editor_client.post(f"{url}split/", {"statement": [newsroom["taxes"].pk]}, follow=True)
    assert [str(m) for m in response.context["messages"]] == [
        "Nothing was split: Leave at least one copy in the cluster: splitting off every copy changes nothing."]
    history = editor_client.get(f"{url}history/").content.decode()
    assert f"Split: 1 copy moved to cluster {new.pk}" in history and "eddie" in history
    assert "Revert" not in history and "None" not in history
    assert re.search(r"Statement count:</strong>\s*2\s*&nbsp;&rarr;&nbsp;&nbsp;1\s", history)  # from what it was
    assert "As the clustering left it" in history


def _merge(client, clusters, **extra):
    return client.post(LIST, {"action": "merge_selected", ACTION_CHECKBOX_NAME: [c.pk for c in clusters], **extra},
                       follow=True)


def test_merging_asks_which_cluster_to_keep_and_refuses_another_speakers(editor_client, newsroom):
    taxes, schools, barker = (newsroom[k].cluster for k in ("taxes", "schools", "barker"))
    choose = _merge(editor_client, [taxes, schools])
    assert choose.templates[0].name == "admin/statements/cluster/merge.html"
    assert f'value="{taxes.pk}" id="keep-{taxes.pk}" checked' in choose.content.decode()  # the most copies
    done = _merge(editor_client, [taxes, schools], apply="1", keep=schools.pk)
    assert [str(m) for m in done.context["messages"]] == [
        f'Merged cluster {taxes.pk} into <a href="{LIST}{schools.pk}/change/">cluster {schools.pk}</a>: 3 copies in '
        "3 sources. "
        "Later extraction keeps them together."]
    assert not Cluster.objects.filter(pk=taxes.pk).exists()
    assert {s.cluster_id for s in (said_by(newsroom[k].source) for k in ("taxes", "copy", "schools"))} == {schools.pk}

    refused = _merge(editor_client, [schools, barker], apply="1", keep=schools.pk)
    assert [str(m) for m in refused.context["messages"]] == [
        f"Nothing was merged: only clusters of one speaker can be merged (cluster {schools.pk}: Maria Lopez; "
        f"cluster {barker.pk}: John Barker). Correct the speaker of the statements first."]
    assert Cluster.objects.filter(pk=barker.pk).exists()
    assert [str(m) for m in _merge(editor_client, [schools]).context["messages"]] == [
        "Select at least two clusters to merge."]


def test_analysts_read_clusters_and_change_nothing(client, analyst, newsroom):
    cluster = newsroom["taxes"].cluster
    client.force_login(analyst)
    page = client.get(f"{LIST}{cluster.pk}/change/")
    assert page.status_code == 200 and 'id="split-form"' not in page.content.decode()
    assert client.post(f"{LIST}{cluster.pk}/split/", {"statement": [newsroom["copy"].pk]}).status_code == 403
    assert client.get(f"{LIST}{cluster.pk}/history/").status_code == 200
    _merge(client, [cluster, newsroom["schools"].cluster], apply="1", keep=cluster.pk)
    assert Cluster.objects.count() == 3 and not ClusterDecision.objects.exists()


def test_a_statements_page_links_to_its_cluster(editor_client, newsroom):
    copy = newsroom["copy"]
    html = editor_client.get(f"/admin/statements/statement/{copy.pk}/change/").content.decode()
    assert (f'<a href="{LIST}{copy.cluster_id}/change/" id="cluster-link">Cluster {copy.cluster_id}</a>: 2 copies in '
            "2 sources; not its first appearance.") in html
