"""A search naming a speaker narrows to that speaker's statements (pages, API, exports), and says so."""
import pytest

from actors.models import ActorAlias
from statements import selectors
from tests.factories import ActorFactory, StatementFactory


def alias(actor, *names):
    for name in (actor.name, *names):
        ActorAlias.objects.create(actor=actor, name=name)
    return actor


@pytest.fixture
def people(postgres_only):
    brown = alias(ActorFactory(name="Gordon Brown", slug="gordon-brown"), "Brown")
    lavrov = alias(ActorFactory(name="Sergei Lavrov", slug="sergei-lavrov"), "Lavrov")
    lord_bach = alias(ActorFactory(name="Lord Bach", slug="lord-bach"), "Bach")
    robbie_bach = alias(ActorFactory(name="Robbie Bach", slug="robbie-bach"), "Bach")
    silent = alias(ActorFactory(name="Quiet Economy", slug="quiet-economy"))  # named, never speaks
    statements = {
        "brown_economy": StatementFactory(speaker=brown, content="The economy is strong and stable."),
        "brown_tax": StatementFactory(speaker=brown, content="Taxes will not rise."),
        "about_brown": StatementFactory(speaker=lavrov, content="Gordon Brown is wrong about the economy."),
        "lavrov_talks": StatementFactory(speaker=lavrov, content="Russia wants talks."),
        "lord_bach_bill": StatementFactory(speaker=lord_bach, content="The bill protects consumers."),
        "robbie_bach_console": StatementFactory(speaker=robbie_bach, content="The console sells well."),
    }
    return {"brown": brown, "lavrov": lavrov, "lord_bach": lord_bach, "robbie_bach": robbie_bach,
            "silent": silent, **statements}


def read(q, **kwargs):
    filters, reading = selectors.interpret_search(selectors.StatementFilters(q=q), **kwargs)
    listed = set(selectors.filter_statements(filters).values_list("pk", flat=True))
    return filters, reading, listed


def test_a_name_and_words_narrow_to_that_speaker(people):
    filters, reading, listed = read("Gordon Brown economy")
    assert reading.speaker == people["brown"] and reading.text == "economy"
    assert filters.speaker == people["brown"] and filters.q == "economy"
    assert listed == {people["brown_economy"].pk}  # not Lavrov's statement about Brown


def test_a_surname_alone_lists_every_statement_of_that_speaker(people):
    _, reading, listed = read("lavrov")
    assert reading.speaker == people["lavrov"] and reading.text == ""
    assert listed == {people["about_brown"].pk, people["lavrov_talks"].pk}


def test_a_shared_name_suggests_each_speaker_and_narrows_to_none(people):
    filters, reading, listed = read("Bach bill")
    assert reading.speaker is None and filters.speaker is None
    assert {s.actor for s in reading.suggestions} == {people["lord_bach"], people["robbie_bach"]}
    assert {s.text for s in reading.suggestions} == {"bill"}
    assert listed == set()  # every word searched in the text, as before: no statement says "Bach"


def test_prefix_phrase_exclusion_and_quotes_are_never_read_as_names(people):
    for q in ('"Gordon Brown"', "-Brown economy", "Brow*", "brown or lavrov"):
        _, reading, _ = read(q)
        assert reading.speaker is None, q
    _, reading, listed = read("Brown econom* -tax")
    assert reading.speaker == people["brown"] and reading.text == "econom* -tax"
    assert listed == {people["brown_economy"].pk}


def test_an_actor_without_statements_narrows_nothing(people):
    _, reading, listed = read("quiet economy")
    assert reading.speaker is None and not reading.suggestions
    assert listed == set()


def test_all_text_searches_the_words_in_the_text_only(people):
    _, reading, listed = read("Gordon Brown economy", match_speakers=False)
    assert reading.speaker is None
    assert listed == {people["about_brown"].pk}


def test_a_chosen_speaker_is_kept_and_the_name_searched_as_text(people):
    filters, reading = selectors.interpret_search(selectors.StatementFilters(q="Brown", speaker=people["lavrov"]))
    assert filters.speaker == people["lavrov"] and filters.q == "Brown" and reading.speaker is None


def test_the_page_says_whose_statements_it_lists_with_a_way_out(people, client):
    html = client.get("/search/", {"q": "Gordon Brown economy"}).content.decode()
    assert "Statements by <a href=\"/actors/gordon-brown/\">Gordon Brown</a> matching “economy”" in html
    assert "all_text=1" in html and "is strong and stable" in html and "is wrong about" not in html
    everything = client.get("/search/", {"q": "Gordon Brown economy", "all_text": "1"}).content.decode()
    assert "is wrong about" in everything and "Statements by" not in everything
    assert 'name="all_text" value="1"' in everything  # kept when the filters are changed
    ambiguous = client.get("/search/", {"q": "Bach"}).content.decode()
    assert 'data-reading="suggestions"' in ambiguous and 'data-reading="narrowed"' not in ambiguous
    assert "actor=lord-bach" in ambiguous and "actor=robbie-bach" in ambiguous
    narrowed = client.get("/search/", {"q": "bill", "actor": "lord-bach"}).content.decode()  # a suggestion's link
    assert "protects consumers" in narrowed


def test_the_api_narrows_the_same_way_and_says_so(people, client):
    response = client.get("/api/v1/statements/", {"q": "Gordon Brown economy"})
    assert {row["id"] for row in response.json()["results"]} == {people["brown_economy"].pk}
    assert response["Search-Speaker"] == "gordon-brown"
    response = client.get("/api/v1/statements/", {"q": "Gordon Brown economy", "all_text": "true"})
    assert {row["id"] for row in response.json()["results"]} == {people["about_brown"].pk}
    assert "Search-Speaker" not in response
    response = client.get("/api/v1/statements/", {"q": "Bach"})
    assert set(response["Search-Suggestions"].split()) == {"lord-bach", "robbie-bach"}


def test_the_export_narrows_as_its_page_does(people, client):
    response = client.get("/statements/export.csv", {"q": "Gordon Brown economy"})
    body = b"".join(response.streaming_content).decode()
    assert "The economy is strong" in body and "Gordon Brown is wrong" not in body


def test_a_topic_page_narrows_and_says_so_too(people, client):
    from tests.factories import TopicFactory

    topic = TopicFactory(name="economy", slug="economy")
    topic.statements.add(people["brown_economy"], people["about_brown"])
    html = client.get("/topics/economy/", {"q": "Gordon Brown"}).content.decode()
    assert 'data-reading="narrowed"' in html
    assert "is strong and stable" in html and "is wrong about" not in html
