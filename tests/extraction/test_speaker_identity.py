"""Speaker identity within one article (issue 20, items 4, 5, 7, 8): roles resolved to who the article names in them,
the fullest name, the right kind, pronouns that follow the speaker; on invented sentences."""
from __future__ import annotations

from conftest import one


# -- the fullest name the article gives ------------------------------------------------------------------------------
def test_a_peer_goes_by_lord_and_the_name(run):
    s = one(run("Lord Falconer visited the court in Leeds. Falconer said that the reforms would go ahead."), "reforms")
    assert (s.speaker.name, s.speaker.kind, s.speaker.title) == ("Lord Falconer", "person", None)
    assert "Falconer" in s.speaker.aliases


def test_a_peer_named_with_his_first_name_too_is_one_person(run):
    text = ("Lord Bexley criticised the bill on Monday. Lord Bexley said that the plan was rushed. "
            "Critics of Tom Bexley say he is bitter.")
    s = one(run(text), "rushed")
    assert s.speaker.name == "Lord Bexley" and "Tom Bexley" in s.speaker.aliases


def test_a_hyphenated_given_name_is_not_cut_at_the_hyphen(run):
    text = "Hyundai chairman Chung Mong-koo was in Seoul on Monday. Chung said that the group would grow."
    s = one(run(text), "group would grow")
    assert (s.speaker.name, s.speaker.title) == ("Chung Mong-koo", "Hyundai chairman")


# -- kinds -----------------------------------------------------------------------------------------------------------
def test_a_party_the_ner_took_for_a_person_is_an_organisation_and_no_he(nlp):
    from spacy.tokens import Span

    from ingest.extraction.speakers import Registry

    doc = nlp("Arthur Penn spoke in Leeds. He said Labour was relying on fear. He said his party was ready.")
    labour = next(t.i for t in doc if t.text == "Labour")
    doc.ents = [*[e for e in doc.ents if e.start != labour], Span(doc, labour, labour + 1, label="PERSON")]
    registry = Registry(doc)
    kinds = {a.name: a.kind for a in registry.actors}
    assert kinds["Labour"] == "organization" and kinds["Arthur Penn"] == "person"
    last_he = [t for t in doc if t.text == "He"][-1]
    assert registry.resolve_pronoun(last_he).name == "Arthur Penn"


def test_a_name_with_shares_is_a_company(run):
    s = one(run("Shares in Pernod Ricard rose on Monday. Pernod said that it would sell two brands."), "two brands")
    assert (s.speaker.name, s.speaker.kind) == ("Pernod Ricard", "organization")


def test_a_name_that_reports_about_itself_as_it_is_an_organisation(run):
    s = one(run("Yukos said it would appeal against the ruling."), "appeal")
    assert (s.speaker.name, s.speaker.kind) == ("Yukos", "organization")


# -- roles and descriptions ------------------------------------------------------------------------------------------
def test_a_role_no_one_holds_is_the_speaker_of_the_sentence_before(run):
    text = ("Voters will have a clear choice, said Charles Kennedy. "
            "In his New Year message the Liberal Democrat leader said Labour was relying on fear.")
    s = one(run(text), "relying on fear")
    assert (s.speaker.name, s.speaker.title, s.speaker_mention) == \
        ("Charles Kennedy", "Liberal Democrat leader", "the Liberal Democrat leader")


def test_a_role_someone_else_holds_is_not_the_speaker_before(run):
    text = ("Tom Reed said the bill was wrong. Health Secretary Anna Berg met nurses. Reed spoke again on Monday. "
            "The health secretary said that the bill was right.")
    assert one(run(text), "bill was right").speaker.name == "Anna Berg"
    text = "Tom Reed said the bill was wrong. The Tory leader said that the bill was right. Tory leader Ann Bell agreed."
    assert one(run(text), "bill was right").speaker.name != "Tom Reed"


# -- pronouns --------------------------------------------------------------------------------------------------------
def test_he_is_the_sentence_subject_not_a_person_named_in_a_phrase_after_it(run):
    text = ("Lord Butler said the plan was wrong, in an interview with the magazine's editor, Conservative MP Boris "
            'Johnson. He said: "The evidence was thin."')
    assert one(run(text), "evidence was thin").speaker.name == "Lord Butler"
