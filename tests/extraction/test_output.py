"""Output stage: kinds, dates, topics, mentioned actors and confidence
on short sentences written for these tests (split from test_constructions.py by stage)."""
from __future__ import annotations

import datetime

from conftest import one


def test_said_on_weekday_against_publication_date(run):
    published = datetime.date(2024, 3, 6)  # a Wednesday
    s = one(run("Paul Okafor said on Monday that exports were rising.", published=published), "exports")
    assert s.said_on == datetime.date(2024, 3, 4)
    s = one(run("Paul Okafor said on Monday that exports were rising."), "exports")
    assert s.said_on is None  # no publication date, no guess


def test_topics_and_mentioned_actors(run):
    ex = run("Finance Minister Paul Okafor said that the European Central Bank should cut interest rates "
             "before the summer, and that Maria Lopez was wrong about inflation.")
    s = one(ex, "European Central Bank")
    assert "European Central Bank" in s.topics
    assert "European Central Bank" in s.mentioned
    assert "Maria Lopez" in s.mentioned
    assert "European Central Bank" in ex.topics


def test_confidence_is_a_probability_and_lower_for_pronouns(run):
    ex = run("Paul Okafor said that taxes would fall. Later he said that the vote had been delayed.")
    named = one(ex, "taxes would fall")
    pronoun = one(ex, "vote had been delayed")
    assert 0.0 < pronoun.confidence < named.confidence <= 1.0


def test_topics_are_entities_and_recurring_phrases_not_people_or_passing_words(run):
    ex = run("Finance Minister Paul Okafor said that the pension reform would protect pensions, and that the "
             "pension age would not rise. He said that there was no need to panic about the European Central Bank.")
    topics = {t for s in ex.statements for t in s.topics}
    assert "European Central Bank" in topics
    assert "pension" in topics  # the article keeps coming back to it
    assert "need" not in topics  # a passing word
    assert "Paul Okafor" not in topics  # people are mentions and speakers, not topics


def test_dateline_is_not_the_subject_of_the_first_sentence(run):
    text = ("CLEVELAND, July 19 (UPI) — Former Attorney General Michael Mukasey told delegates at the convention "
            "that the senator should step down.")
    s = one(run(text), "step down")
    assert s.speaker.name == "Michael Mukasey"
    text = ("Court rules on the strike\n\nNew York (AFP) – Mayor Anna Berg on Monday criticised the unions, "
            "accusing them of endangering the city's finances.")
    s = one(run(text), "endangering")
    assert s.speaker.name == "Anna Berg"
    text = ("CAMBRIDGE, Mass., Dec. 11 (UPI) — Young voters are turning to Mayor Anna Berg, a new poll indicates.")
    s = one(run(text), "Young voters")
    assert s.content == "Young voters are turning to Mayor Anna Berg"


def test_the_speaker_kinds_are_defined_once_by_extraction_and_the_actor_model_stores_the_same_values():
    from actors.models import Actor
    from ingest.extraction.records import SpeakerKind

    assert SpeakerKind.ALL == (SpeakerKind.PERSON, SpeakerKind.ORGANIZATION, SpeakerKind.UNKNOWN)
    assert set(Actor.Kind.values) == set(SpeakerKind.ALL)


def test_every_rule_a_candidate_can_carry_has_one_row_in_the_registry(nlp):
    from ingest.extraction import rules
    from ingest.extraction.candidates import verbs

    assert len({r.name for r in rules.RULES}) == len(rules.RULES) == len(rules.R)
    assert rules.rule("prep:about") is rules.BY_NAME["prep"]
    for order in (verbs.SET_INTO_CLAUSE, verbs.HUNG_ON_LATER_CLAUSE, verbs.CLAUSES_FIRST):
        assert len(set(order)) == len(order)


def test_the_source_types_are_defined_once_by_extraction_and_the_statement_model_stores_the_same_values():
    from ingest.extraction.records import SourceType
    from statements.models import Statement

    assert set(Statement.SourceType.values) == set(SourceType.ALL)
