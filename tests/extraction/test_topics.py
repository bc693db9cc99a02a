"""Topics: what a statement is about (entities and key phrases), not how it is worded or who says it."""
from __future__ import annotations

from collections import Counter

import pytest

from ingest.extraction.topics import key_nouns


def topics_of(ex) -> set[str]:
    return {t for s in ex.statements for t in s.topics} | set(ex.topics)


def test_a_repeated_noun_is_a_key_noun_only_when_news_in_general_uses_it_less():
    # "pension" three times stands out; "problem" and "people" are everywhere in news (noun_df.json)
    assert key_nouns(Counter({"pension": 3, "problem": 3, "people": 6})) == {"pension"}
    assert key_nouns(Counter({"pension": 2})) == frozenset()  # said twice: not what the article is about


@pytest.mark.parametrize("text, topics, not_topics", [
    pytest.param("Mayor Anna Berg said that the pension was a problem. She said that the problem was that every "
                 "pension would fall, and that the problem could end the pension.", {"pension"}, {"problem"},
                 id="generic nouns are not topics even when repeated"),
    pytest.param("Anna Berg said that the civil service needed a firm commitment from ministers. "
                 "She said that the civil service would shrink.", {"civil service"}, {"firm commitment"},
                 id="a descriptive phrase said once is not a topic but a term the article repeats is"),
    pytest.param("Anna Berg said that Canadians were angry. She said that no Canadian would accept the tax.",
                 {"Canadian"}, {"Canadians"}, id="plural and singular group names are one topic"),
])
def test_topics_and_not_topics(run, text, topics, not_topics):
    found = topics_of(run(text))
    assert topics <= found
    assert not not_topics & found


def test_people_and_their_titles_are_not_topics(run):
    ex = run("Prime Minister Anna Berg said that the prime minister would meet Mr Okafor on Monday. "
             "Mr Okafor said that the prime minister had called him about the rail strike.")
    topics = topics_of(ex)
    assert not any("Okafor" in t or "Berg" in t for t in topics)
    assert "prime minister" not in topics
    assert any("Okafor" in name for s in ex.statements for name in s.mentioned)


def test_a_phrase_names_its_head_in_the_singular_and_keeps_hyphenated_words_together(run):
    ex = run("Anna Berg said that interest rates would rise. She said that the cross-border trade deals had "
             "stalled, and that cross-border trade deals would resume.")
    topics = topics_of(ex)
    assert {"interest rate", "cross-border trade deal"} <= topics
    assert not any("cross border" in t or "interest rates" in t for t in topics)


def test_a_surname_the_ner_read_as_an_organisation_is_still_a_person(nlp):
    from spacy.tokens import Doc

    from ingest.extraction.speakers import Registry
    from ingest.extraction.topics import TopicIndex

    words = ["Charles", "Clarke", "spoke", ".", "Clarke", "left", "the", "House", "."]
    pos = ["PROPN", "PROPN", "VERB", "PUNCT", "PROPN", "VERB", "DET", "PROPN", "PUNCT"]
    ents = ["B-PERSON", "I-PERSON", "O", "O", "B-ORG", "O", "O", "B-ORG", "O"]
    starts = [True, False, False, False, True, False, False, False, False]
    doc = Doc(nlp.vocab, words=words, pos=pos, ents=ents, sent_starts=starts)
    index = TopicIndex(doc, Registry(doc), lambda pos: False)
    assert [(name, what) for _, _, name, what in index.entities] == [
        ("Charles Clarke", "person"), ("Charles Clarke", "person"), ("House", "actor")]
