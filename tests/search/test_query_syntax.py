"""The search box's syntax as PostgreSQL runs it: words, "phrases", -excluded, or, prefix*, and hostile input."""
import pytest

from statements import selectors
from statements.search import parse, to_tsquery_text
from tests.factories import StatementFactory

CONTENTS = {
    "economy": "The economy will grow next year.",
    "economic": "Economic policy must change.",
    "economist": "An economist warned about the pound.",
    "peace": "The peace talks resumed in Geneva.",
    "talks_peace": "Talks about peace failed.",
    "oil": "Oil prices and the economy are linked.",
    "quote": "It's a matter of trust, O'Brien's aide said.",
}


@pytest.fixture
def corpus(postgres_only):
    return {key: StatementFactory(content=text) for key, text in CONTENTS.items()}


def found(corpus, q, **filters):
    pks = set(selectors.filter_statements(selectors.StatementFilters(q=q, **filters)).values_list("pk", flat=True))
    return {key for key, statement in corpus.items() if statement.pk in pks}


@pytest.mark.parametrize(("q", "expected"), [
    ("economy", {"economy", "oil"}),  # stemmed: "economy" matches only economy/economies
    ("econom*", {"economy", "economic", "economist", "oil"}),
    ("ECONOM*", {"economy", "economic", "economist", "oil"}),
    ('"peace talks"', {"peace"}),
    ("peace talks", {"peace", "talks_peace"}),
    ("econom* -oil", {"economy", "economic", "economist"}),
    ('peace -"peace talks"', {"talks_peace"}),
    ("geneva or pound", {"peace", "economist"}),
    ("peace geneva or failed", {"peace", "talks_peace"}),
    ("o'brien's", {"quote"}),
])
def test_the_syntax_finds_what_it_says(corpus, q, expected):
    assert found(corpus, q) == expected


@pytest.mark.parametrize("q", [
    "*", ":*", "&|!()", "'", "''", '"', "\\", "-", "--", "or", "!!!", "(", ")", "<->", "a:*b:*", "the", "*:*",
    "'; DROP TABLE statements_statement; --", "econ:*&oil", "!econom*", "peace & | ! oil", "\x00", "x" * 300,
])
def test_hostile_input_never_breaks_the_query(corpus, q, client):
    found(corpus, q)  # no error from PostgreSQL
    assert client.get("/search/", {"q": q}).status_code == 200
    assert client.get("/api/v1/statements/", {"q": q}).status_code in (200, 400)


def test_operators_typed_inside_words_are_not_operators(corpus):
    assert found(corpus, "econ:*&oil") == set()  # one word made of "econ" and "oil", not a prefix AND oil
    assert found(corpus, "oil&econom*") == set()
    assert found(corpus, "*") == set()  # nothing to look for: nothing found, not everything
    assert found(corpus, "&|!()") == set()


def test_the_tsquery_text_is_quoted_lexemes_only():
    assert to_tsquery_text(parse("econom*")) == "'econom':*"
    assert to_tsquery_text(parse('"peace talks" -oil')) == "('peace' <-> 'talks') & !'oil'"
    assert to_tsquery_text(parse("a or b c")) == "('a' | 'b') & 'c'"
    assert to_tsquery_text(parse("econ:*&oil|x")) == "('econ' <-> 'oil' <-> 'x')"
    for hostile in ("*", ":*", "&|!()", "'\\'", "or", "-"):
        assert to_tsquery_text(parse(hostile)) == ""


def test_the_export_and_the_api_search_the_same_way(corpus, client):
    rows = client.get("/api/v1/statements/", {"q": "econom* -oil"}).json()["results"]
    assert {row["id"] for row in rows} == {corpus[k].pk for k in ("economy", "economic", "economist")}
    response = client.get("/statements/export.csv", {"q": "econom* -oil"})
    csv = b"".join(response.streaming_content).decode()
    assert "Oil prices" not in csv and "Economic policy" in csv
