"""Read endpoints: list and detail of actors, statements, topics and sources; hyperlinks; nested objects."""
import datetime as dt
import json

import pytest

pytestmark = pytest.mark.django_db


def ids(response):
    return [row["id"] for row in response.json()["results"]]


def test_api_root_lists_the_resources(api):
    body = api.get("/api/v1/").json()
    assert set(body) == {"actors", "statements", "clusters", "topics", "sources", "webhooks"}
    assert body["statements"].endswith("/api/v1/statements/")


def test_statement_list_has_compact_nested_objects_and_hyperlinks(api, world):
    response = api.get("/api/v1/statements/")
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"next", "previous", "results"}
    s1 = world["statements"][0]
    row = next(r for r in body["results"] if r["id"] == s1.pk)
    assert row["url"] == f"http://testserver/api/v1/statements/{s1.pk}/"
    assert row["html_url"] == f"http://testserver/statements/{s1.pk}/"
    assert row["speaker"] == {
        "id": world["lavrov"].pk, "slug": "sergey-lavrov", "name": "Sergey Lavrov", "kind": "person",
        "url": f"http://testserver/api/v1/actors/{world['lavrov'].pk}/",
    }
    assert row["source"]["url"] == f"http://testserver/api/v1/sources/{world['sana'].pk}/"
    assert row["source"]["publisher"] == "SANA"
    assert "text" not in row["source"]
    assert row["topics"] == [{
        "id": world["economy"].pk, "slug": "economy", "name": "Economy",
        "url": f"http://testserver/api/v1/topics/{world['economy'].pk}/",
    }]
    assert row["content"] == world["sana"].text[row["content_start"]:row["content_end"]]
    assert row["headline"] is None


def test_each_statement_lists_its_own_topics_and_mentions_by_name_in_list_detail_and_webhook(api, world):
    # topics and mentioned actors are read for the whole page in one query each (selectors.with_refs)
    s1, s2, s3 = world["statements"][:3]
    s2.mentioned_actors.add(world["ministry"], world["lavrov"])
    s3.mentioned_actors.add(world["lavrov"])
    rows = {row["id"]: row for row in api.get("/api/v1/statements/").json()["results"]}
    detail = api.get(f"/api/v1/statements/{s2.pk}/").json()
    from alerts.webhooks import payload
    from alerts.models import Alert
    hooked = {row["id"]: row for row in json.loads(payload(Alert(pk=1), [s1, s2, s3], "d1"))["statements"]}
    for got in (rows, {s2.pk: detail}, hooked):
        assert [t["slug"] for t in got[s2.pk]["topics"]] == ["economy", "security"]
        assert [a["name"] for a in got[s2.pk]["mentioned_actors"]] == ["Ministry of Foreign Affairs", "Sergey Lavrov"]
    assert [t["slug"] for t in rows[s1.pk]["topics"]] == ["economy"] and rows[s1.pk]["mentioned_actors"] == []
    assert [a["slug"] for a in rows[s3.pk]["mentioned_actors"]] == ["sergey-lavrov"]


def test_statement_list_hides_rejected_and_orders_newest_first(api, world):
    s1, s2, s3, s4, s5 = world["statements"]
    assert ids(api.get("/api/v1/statements/")) == [s3.pk, s2.pk, s1.pk, s4.pk]  # undated last (issue 21)


def test_statement_detail_and_404(api, world):
    s5 = world["statements"][4]
    body = api.get(f"/api/v1/statements/{s5.pk}/").json()
    assert body["review_status"] == "rejected"  # by id, rejected ones are still there
    for bad in ("999999", "abc", "-1", "99999999999999999999999", "1%20OR%201=1", "0"):
        response = api.get(f"/api/v1/statements/{bad}/")
        assert response.status_code == 404, bad
        assert response.json()["error"]["status"] == 404


def test_actor_list_detail_by_id_or_slug(api, world):
    lavrov = world["lavrov"]
    body = api.get("/api/v1/actors/").json()
    assert body["count"] == 2
    assert [r["slug"] for r in body["results"]] == ["mfa", "sergey-lavrov"]
    detail = api.get(f"/api/v1/actors/{lavrov.pk}/").json()
    assert detail == api.get("/api/v1/actors/sergey-lavrov/").json()
    assert detail["aliases"] == ["Lavrov"]
    assert detail["merged_into"] is None
    assert detail["statements"] == f"http://testserver/api/v1/statements/?speaker={lavrov.pk}"
    assert detail["html_url"] == "http://testserver/actors/sergey-lavrov/"
    assert api.get("/api/v1/actors/no-such-actor/").status_code == 404


def test_actor_filters(api, world):
    assert [r["slug"] for r in api.get("/api/v1/actors/?name=lavr").json()["results"]] == ["sergey-lavrov"]
    assert [r["slug"] for r in api.get("/api/v1/actors/?kind=organization").json()["results"]] == ["mfa"]
    assert api.get("/api/v1/actors/?name=zzz").json()["count"] == 0
    response = api.get("/api/v1/actors/?kind=alien")
    assert response.status_code == 400
    assert "kind" in response.json()["error"]["fields"]


def test_roles_say_their_kind_and_the_role_filter_matches_titles_held_only(api, world):
    from actors.models import Role

    lavrov, ministry = world["lavrov"], world["ministry"]
    Role.objects.create(actor=lavrov, title="Foreign Minister", first_seen_on=dt.date(2024, 5, 1))
    Role.objects.create(actor=ministry, title="spokesman", kind=Role.Kind.VOICE)
    assert [(r["title"], r["kind"]) for r in api.get("/api/v1/actors/mfa/").json()["roles"]] == [("spokesman", "voice")]
    assert [(r["title"], r["kind"]) for r in api.get("/api/v1/actors/sergey-lavrov/").json()["roles"]] == [
        ("Foreign Minister", "held")]
    assert [r["slug"] for r in api.get("/api/v1/actors/?role=foreign min").json()["results"]] == ["sergey-lavrov"]
    assert api.get("/api/v1/actors/?role=spokesman").json()["count"] == 0  # the ministry spoke through one
    schema = api.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    kind = schema["components"]["schemas"]["Role"]["properties"]["kind"]
    assert "voice" in kind["description"] and kind["readOnly"]
    assert any(p["name"] == "role" for p in schema["paths"]["/api/v1/actors/"]["get"]["parameters"])


def test_topics(api, world):
    body = api.get("/api/v1/topics/").json()
    assert [r["slug"] for r in body["results"]] == ["economy", "security"]
    economy = world["economy"]
    detail = api.get("/api/v1/topics/economy/").json()
    assert detail["id"] == economy.pk
    assert detail == api.get(f"/api/v1/topics/{economy.pk}/").json()
    assert detail["statements"] == f"http://testserver/api/v1/statements/?topic={economy.pk}"
    assert [r["slug"] for r in api.get("/api/v1/topics/?name=ECON").json()["results"]] == ["economy"]
    assert api.get("/api/v1/topics/?parent=nope").status_code == 400
    assert api.get("/api/v1/topics/nope/").status_code == 404


def test_sources_list_without_text_and_detail_with_text(api, world):
    sana = world["sana"]
    body = api.get("/api/v1/sources/").json()
    assert body["count"] == 3
    assert all("text" not in row for row in body["results"])
    detail = api.get(f"/api/v1/sources/{sana.pk}/").json()
    assert detail["text"] == sana.text
    assert detail["statement_count"] == 2
    assert detail["status"] == "done"
    assert detail["statements"] == f"http://testserver/api/v1/statements/?source={sana.pk}"


def test_source_filters(api, world):
    def slugs(query):
        response = api.get("/api/v1/sources/" + query)
        assert response.status_code == 200, response.json()
        return sorted(row["publisher"] for row in response.json()["results"])

    assert slugs("?status=pending") == ["Reuters"]
    assert slugs("?publisher=sana") == ["SANA"]
    assert slugs("?published_from=2024-05-15") == ["TASS"]
    assert slugs("?published_to=2024-05-15") == ["SANA"]
    assert slugs("?q=budget") == ["SANA"]
    assert slugs("?article_url=https://nowhere.example/") == []
    for bad in ("?status=weird", "?published_from=yesterday", "?published_from=2024-06-01&published_to=2024-01-01"):
        assert api.get("/api/v1/sources/" + bad).status_code == 400, bad


def test_unknown_api_path_is_a_json_404(api):
    response = api.get("/api/v1/nothing-here/")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_page_number_pagination(api, world):
    first = api.get("/api/v1/actors/?page_size=1").json()
    assert first["count"] == 2 and len(first["results"]) == 1 and first["next"]
    second = api.get(first["next"]).json()
    assert second["results"][0]["id"] != first["results"][0]["id"]
    assert api.get("/api/v1/actors/?page=99").status_code == 404
