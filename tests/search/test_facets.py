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
    assert selectors.cached_facets(selectors.filter_statements(selectors.StatementFilters(q="*"))).topics == []
