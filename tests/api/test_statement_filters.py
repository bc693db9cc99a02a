"""Statement filters (through StatementFilterSet -> statements.selectors.filter_statements), ordering,
search and cursor pagination; garbage in any parameter is a 400, never a 500."""
import datetime as dt

import pytest

from actors.services import merge_actors
from tests.factories import ActorFactory, SourceFactory, StatementFactory

pytestmark = pytest.mark.django_db


def ids(api, query):
    response = api.get("/api/v1/statements/" + query)
    assert response.status_code == 200, response.json()
    return [row["id"] for row in response.json()["results"]]


def test_filter_by_speaker_id_or_slug(api, world):
    s1, s2, s3, s4, s5 = world["statements"]
    assert ids(api, f"?speaker={world['lavrov'].pk}") == [s2.pk, s1.pk]
    assert ids(api, "?speaker=sergey-lavrov") == [s2.pk, s1.pk]


def test_filter_by_old_slug_of_a_merged_speaker(api, world):
    old = ActorFactory(name="S. Lavrov", slug="s-lavrov")
    merge_actors(keep=world["lavrov"], merge=old)
    assert len(ids(api, "?speaker=s-lavrov")) == 2


def test_filter_by_topic_source_publisher_kind(api, world):
    s1, s2, s3, s4, s5 = world["statements"]
    assert ids(api, "?topic=economy") == [s2.pk, s1.pk]
    assert ids(api, f"?topic={world['security'].pk}") == [s3.pk, s2.pk]
    assert ids(api, f"?source={world['tass'].pk}") == [s3.pk]
    assert ids(api, "?publisher=sana") == [s2.pk, s1.pk]
    assert ids(api, "?kind=direct") == [s1.pk]


def test_filter_by_review_status_shows_rejected_only_when_asked(api, world):
    s5 = world["statements"][4]
    assert s5.pk not in ids(api, "")
    assert ids(api, "?review_status=rejected") == [s5.pk]
    assert len(ids(api, "?review_status=extracted")) == 4


def test_filter_by_date_range_and_confidence(api, world):
    s1, s2, s3, s4, s5 = world["statements"]
    assert ids(api, "?date_from=2024-05-15") == [s3.pk]
    assert ids(api, "?date_to=2024-05-01") == [s2.pk, s1.pk]
    assert ids(api, "?date_from=2024-05-01&date_to=2024-05-01") == [s2.pk, s1.pk]
    assert ids(api, "?min_confidence=0.65") == [s1.pk, s4.pk]  # undated last
    assert ids(api, "?min_confidence=0.65&speaker=sergey-lavrov") == [s1.pk]


def test_full_text_search_ranked_with_headline(api, world):
    s1, s2 = world["statements"][:2]
    response = api.get("/api/v1/statements/?q=taxes")
    results = response.json()["results"]
    assert [r["id"] for r in results] == [s2.pk]
    assert "<mark>taxes</mark>" in results[0]["headline"]
    assert ids(api, '?q="budget would be balanced"&speaker=sergey-lavrov') == [s1.pk]
    assert ids(api, "?q=budget -balanced") == []


def test_ordering(api, world):
    s1, s2, s3, s4, s5 = world["statements"]
    assert ids(api, "?ordering=date") == [s1.pk, s2.pk, s3.pk, s4.pk]  # undated last, ascending
    assert ids(api, "?ordering=-confidence") == [s1.pk, s4.pk, s2.pk, s3.pk]
    assert ids(api, "?ordering=confidence") == [s3.pk, s2.pk, s4.pk, s1.pk]
    assert ids(api, "?ordering=-date") == ids(api, "")
    assert ids(api, "?ordering=relevance") == ids(api, "")  # without q: newest first


@pytest.mark.parametrize("query, field", [
    ("?date_from=yesterday", "date_from"),
    ("?date_from=2024-13-45", "date_from"),
    ("?date_to=99999-01-01", "date_to"),
    ("?date_from=2024-06-01&date_to=2024-01-01", "date_to"),
    ("?speaker=99999999999999999999999999", "speaker"),
    ("?speaker=no-such-person", "speaker"),
    ("?speaker=50%25%20off%20%25s%25(x)d", "speaker"),
    ("?topic=%25", "topic"),
    ("?speaker=1'%20OR%20'1'='1", "speaker"),
    ("?topic=-1", "topic"),
    ("?source=abc", "source"),
    ("?source=-3", "source"),
    ("?source=1.5", "source"),
    ("?source=99999999999999999999999999", "source"),
    ("?source=999999", "source"),
    ("?kind=shouted", "kind"),
    ("?review_status=DROP%20TABLE", "review_status"),
    ("?min_confidence=lots", "min_confidence"),
    ("?min_confidence=1.5", "min_confidence"),
    ("?min_confidence=-0.1", "min_confidence"),
    ("?min_confidence=NaN", "min_confidence"),
    ("?min_confidence=1e999", "min_confidence"),
    ("?ordering=random", "ordering"),
    ("?q=%00", "q"),
    ("?publisher=a%00b", "publisher"),
    ("?cursor=not-a-cursor", "cursor"),
    ("?cursor=eyJvIjoiZm9vIn0", "cursor"),
    ("?page_size=0", "page_size"),
    ("?page_size=-5", "page_size"),
    ("?page_size=many", "page_size"),
])
def test_bad_filter_values_are_400_naming_the_parameter(api, world, query, field):
    response = api.get("/api/v1/statements/" + query)
    assert response.status_code == 400, (query, response.content[:300])
    error = response.json()["error"]
    assert error["status"] == 400 and error["code"] == "invalid"
    assert field in error["fields"], error
    assert field in error["message"]


@pytest.mark.parametrize("q", [
    "'; DROP TABLE statements_statement; --", "\\", "%_%", "a & b | !c", "((((", "<script>", "taxes:*", "a" * 500,
    "\"unterminated", "-", "or", "ünïcödé 数据",
])
def test_search_with_metacharacters_never_fails(api, world, q):
    response = api.get("/api/v1/statements/", {"q": q})
    assert response.status_code == 200


def test_search_over_length_is_400(api, world):
    assert api.get("/api/v1/statements/", {"q": "a" * 501}).status_code == 400


def _walk(api, query, size):
    seen, url, pages = [], f"/api/v1/statements/?page_size={size}{query}", 0
    while url:
        body = api.get(url).json()
        seen += [row["id"] for row in body["results"]]
        url, pages = body["next"], pages + 1
        assert pages < 100
    return seen


@pytest.fixture
def many(db):
    """37 statements with repeated dates, some undated, repeated confidences: ties the cursor must handle."""
    speaker = ActorFactory()
    rows = []
    for n in range(37):
        source = SourceFactory()
        said = None if n % 7 == 0 else dt.date(2024, 1, 1) + dt.timedelta(days=n % 5)
        rows.append(StatementFactory(source=source, speaker=speaker, said_on=said, confidence=(n % 4) / 4))
    return rows


@pytest.mark.parametrize("ordering", ["", "&ordering=date", "&ordering=-confidence", "&ordering=confidence"])
@pytest.mark.parametrize("size", [1, 5, 36, 50])
def test_cursor_pages_cover_every_row_once_in_order(api, many, ordering, size):
    everything = [row["id"] for row in api.get(f"/api/v1/statements/?page_size=200{ordering}").json()["results"]]
    assert len(everything) == 37
    assert _walk(api, ordering, size) == everything


def test_cursor_pages_with_search_follow_relevance(api, many):
    everything = [row["id"] for row in api.get("/api/v1/statements/?page_size=200&q=budget").json()["results"]]
    assert len(everything) == 37
    assert _walk(api, "&q=budget", 4) == everything


def test_previous_link_goes_back(api, many):
    first = api.get("/api/v1/statements/?page_size=5").json()
    assert first["previous"] is None
    second = api.get(first["next"]).json()
    third = api.get(second["next"]).json()
    back = api.get(third["previous"]).json()
    assert [r["id"] for r in back["results"]] == [r["id"] for r in second["results"]]
    back_to_first = api.get(back["previous"]).json()
    assert [r["id"] for r in back_to_first["results"]] == [r["id"] for r in first["results"]]
    assert back_to_first["previous"] is None


def test_cursor_of_another_ordering_is_400(api, many):
    cursor_url = api.get("/api/v1/statements/?page_size=5").json()["next"]
    response = api.get(cursor_url + "&ordering=-confidence")
    assert response.status_code == 400
    assert "cursor" in response.json()["error"]["fields"]


def test_page_size_is_capped(api, many):
    assert len(api.get("/api/v1/statements/?page_size=100000").json()["results"]) == 37
