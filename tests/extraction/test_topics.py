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


# --- Topics an analyst keeps (issue 21): subjects, not people, things, amounts or broken words ---------------------


def test_kinds_of_people_and_things_are_not_topics_alone_but_issues_are(run):
    ex = run("Anna Berg said that every customer had a laptop and every child a pension. She said that the "
             "customer, the child and the laptop mattered less than the pension. She said that a customer "
             "with a laptop and a child would still need a pension.")
    topics = topics_of(ex)
    assert "pension" in topics
    assert not topics & {"customer", "child", "laptop"}


def test_the_noun_table_knows_issues_from_people_things_and_amounts():
    from ingest.extraction.topics import names_an_issue, names_no_subject

    assert all(names_an_issue(w) for w in ("pension", "euthanasia", "peace", "growth", "oil", "smoking"))
    assert not any(names_an_issue(w) for w in ("customer", "woman", "laptop", "mail", "centre", "pound", "fear"))
    assert names_an_issue("broadband")  # unknown to WordNet: judged by the key-noun rule alone
    assert names_no_subject("residents") is False and names_no_subject("resident") is True


def test_a_group_named_in_the_plural_is_one_topic_with_its_singular(run):
    ex = run("Anna Berg said that the Tories had lost. She said that no Tory would win, and that the Tories knew it.")
    topics = topics_of(ex)
    assert "Tory" in topics
    assert not topics & {"Torie", "Tories"}


def test_a_name_has_no_article_in_front(run):
    ex = run("Anna Berg said that a Conservative Party government would cut taxes. She said that the "
             "Conservative Party had a plan.")
    topics = topics_of(ex)
    assert not any(t.lower().startswith(("a ", "the ")) for t in topics)


def test_amounts_are_not_topics(run):
    ex = run("Anna Berg said that the £3bn pound plan would cost hundreds of millions. She said that the £3bn "
             "pound deal and hundreds of millions in tax were a risk to the £3bn pound budget.")
    topics = topics_of(ex)
    assert not any(any(c.isdigit() for c in t) for t in topics)
    assert not topics & {"pound", "million", "hundreds millions", "3bn pound"}


def test_hyphenated_words_stay_whole_and_nouns_that_end_in_s_keep_it(run):
    ex = run("Anna Berg said that first-time buyers could not afford homes. She said that first-time buyers "
             "sent e-mails about politics, and that e-mails about politics were many. She said that the "
             "e-mails would be read.")
    topics = topics_of(ex)
    assert {"first-time buyer", "e-mail"} <= topics
    assert not topics & {"time buyer", "mail", "politic"}


def test_people_described_by_an_adjective_are_not_topics(run):
    ex = run("Anna Berg said that young people needed jobs. She said that young people and local residents "
             "would be heard, and that local residents agreed.")
    topics = topics_of(ex)
    assert not topics & {"young people", "local resident", "local residents"}


def test_the_first_word_of_a_title_is_not_a_topic(run):
    ex = run("The Home Secretary said that control orders would stay. Anna Berg said that the Home Secretary "
             "was wrong about control orders.")
    topics = topics_of(ex)
    assert "Home" not in topics


def test_a_bare_noun_is_the_one_longer_phrase_it_heads_in_the_article(run):
    ex = run("Anna Berg said that the skills shortage was hurting firms. She said that the shortage would last, "
             "and that the shortage was the worst in years.")
    topics = topics_of(ex)
    assert "skills shortage" in topics
    assert "shortage" not in topics

