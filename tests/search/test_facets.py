"""Facets of a statement list (statements.selectors.statement_facets): counted among its own newest rows."""
import datetime as dt

import pytest

from statements import selectors
from tests.factories import ActorFactory, SourceFactory, StatementFactory, TopicFactory


@pytest.fixture
def dated(postgres_only):
    """Four statements about tax, newest first: two by Ann (BBC, topic budget), then two by Bob (SANA, topic war)."""
    ann, bob = ActorFactory(name="Ann Able", slug="ann"), ActorFactory(name="Bob Best", slug="bob")
    budget, war = TopicFactory(name="budget", slug="budget"), TopicFactory(name="war", slug="war")
    rows = [(ann, "BBC", budget, 4), (ann, "BBC", budget, 3), (bob, "SANA", war, 2), (bob, "SANA", war, 1)]
    made = []
    for speaker, publisher, topic, day in rows:
        source = SourceFactory(publisher=publisher, published=dt.date(2024, 5, day))
        statement = StatementFactory(speaker=speaker, source=source, content="Tax will rise.", said_on=source.published)
        statement.topics.add(topic)
        made.append(statement)
    return made


@pytest.mark.parametrize("order", ["", "newest"])  # ranked by relevance, and by date
def test_facets_count_the_newest_rows_of_the_list_only(dated, monkeypatch, order):
    monkeypatch.setattr(selectors, "FACET_WINDOW", 2)
    facets = selectors.statement_facets(selectors.filter_statements(selectors.StatementFilters(q="tax"), order=order))
    assert facets.speakers == [{"slug": "ann", "name": "Ann Able", "n": 2}]
    assert facets.topics == [{"slug": "budget", "name": "budget", "n": 2}]
    assert facets.publishers == [{"name": "BBC", "n": 2}]
    assert facets.window == 2  # "counted among the newest 2"


def test_facets_of_a_small_list_count_every_row(dated):
    facets = selectors.statement_facets(selectors.filter_statements(selectors.StatementFilters(q="tax")))
    assert {(t["slug"], t["n"]) for t in facets.topics} == {("budget", 2), ("war", 2)}
    assert {(p["name"], p["n"]) for p in facets.publishers} == {("BBC", 2), ("SANA", 2)}
    assert facets.window is None
    nothing = selectors.StatementFilters(q="*")
    assert selectors.cached_facets(selectors.filter_statements(nothing), nothing).topics == []


def test_kinds_review_statuses_and_periods_are_counted_over_the_list(dated):
    dated[0].kind, dated[0].review_status = "direct", "verified"  # the others: indirect, extracted
    dated[0].save()
    periods = {"week": dt.date(2024, 5, 3), "never": dt.date(2030, 1, 1), "all": None}
    facets = selectors.statement_facets(selectors.filter_statements(selectors.StatementFilters(q="tax")), periods=periods)
    assert facets.kinds == [{"value": "indirect", "name": "Reported speech", "n": 3},
                            {"value": "direct", "name": "Direct quote", "n": 1}]
    assert facets.review_statuses == [{"value": "extracted", "name": "Extracted", "n": 3},
                                      {"value": "verified", "name": "Verified", "n": 1}]
    assert facets.periods == [{"value": "week", "n": 2}, {"value": "never", "n": 0}, {"value": "all", "n": 4}]
    only_ann = selectors.filter_statements(selectors.StatementFilters(speaker=dated[0].speaker))
    assert [k["value"] for k in selectors.statement_facets(only_ann).kinds] == ["direct", "indirect"]
    assert selectors.statement_facets(only_ann).publishers == [{"name": "BBC", "n": 2}]


def test_the_cache_keeps_one_entry_per_filter_combination(dated, monkeypatch, django_assert_num_queries):
    monkeypatch.setattr(selectors, "LIST_AGGREGATE_SLOW_MS", 0)  # cache every result
    by_ann = selectors.StatementFilters(speaker=dated[0].speaker)
    by_bob = selectors.StatementFilters(speaker=dated[2].speaker)
    assert selectors.filters_key(by_ann) != selectors.filters_key(by_bob)
    lists = [(selectors.filter_statements(f), f) for f in (by_ann, by_bob)]
    with django_assert_num_queries(6):  # each: the window's rows, the speakers' names, the topics
        computed = [selectors.cached_facets(*args) for args in lists]
    with django_assert_num_queries(0):
        cached = [selectors.cached_facets(*args) for args in lists]
    assert cached == computed
    assert [[s["slug"] for s in facets.speakers] for facets in cached] == [["ann"], ["bob"]]
    dated[0].save()  # an edit: counted afresh
    with django_assert_num_queries(3):
        selectors.cached_facets(*lists[0])
