"""Relevance ranks the newest SEARCH_RANK_WINDOW matches of a search (statements.selectors), and says so."""
import pytest

from statements import selectors
from tests.pages.builders import article
from tests.factories import SourceFactory, StatementFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def budget_statements(postgres_only):
    """Six statements matching "budget", newest first; the oldest two say it most often (rank highest)."""
    sentences = [
        "The budget is fine.", "The budget is late.", "The budget is small.", "The budget is new.",
        "Budget, budget and budget again.", "Budget after budget after budget.",
    ]
    text, spans = article(sentences)
    source = SourceFactory(text=text)
    made = []
    for i, (start, end) in enumerate(spans):
        made.append(StatementFactory(source=source, content_start=start, content_end=end, content=text[start:end],
                                     said_on=f"2024-06-{30 - i:02d}"))
    return made


def ids(qs):
    return [s.pk for s in qs]


def test_a_search_smaller_than_the_window_is_ranked_in_full(budget_statements):
    ranked = ids(selectors.filter_statements(selectors.StatementFilters(q="budget")))
    assert set(ranked) == {s.pk for s in budget_statements}
    assert set(ranked[:2]) == {budget_statements[4].pk, budget_statements[5].pk}  # the most relevant first


def test_a_larger_search_ranks_only_its_newest_matches(budget_statements, monkeypatch, client):
    monkeypatch.setattr(selectors, "SEARCH_RANK_WINDOW", 4)
    ranked = ids(selectors.filter_statements(selectors.StatementFilters(q="budget")))
    assert set(ranked) == {s.pk for s in budget_statements[:4]}
    newest = ids(selectors.filter_statements(selectors.StatementFilters(q="budget"), order="newest"))
    assert newest == [s.pk for s in budget_statements]  # ordered by date, every match
    page = client.get("/search/?q=budget").content.decode()
    assert "ranked by relevance among the newest 4 matches" in page
    # the count, the export and the sidebar say that more matches exist than the window holds
    assert "4+ statements" in page and "Export all:" in page and "Export 4 statements" not in page
    assert "Counted among the newest 4 matches." in page
    assert "ranked by relevance" not in client.get("/search/?q=budget&order=newest").content.decode()
    api = client.get("/api/v1/statements/?q=budget").json()["results"]
    assert {row["id"] for row in api} == {s.pk for s in budget_statements[:4]}


def test_the_note_is_absent_when_the_window_holds_every_match(budget_statements, client):
    assert "ranked by relevance" not in client.get("/search/?q=budget").content.decode()


def test_a_window_exactly_full_is_every_match(budget_statements, monkeypatch, client):
    monkeypatch.setattr(selectors, "SEARCH_RANK_WINDOW", len(budget_statements))
    page = client.get("/search/?q=budget").content.decode()
    assert "ranked by relevance" not in page and "Counted among" not in page
    assert "6 statements" in page and "6+ statements" not in page and "Export 6 statements:" in page
