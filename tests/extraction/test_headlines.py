"""Candidates, headlines family: headline and transcript lines
on short sentences written for these tests (split from test_constructions.py by stage)."""
from __future__ import annotations

from conftest import one


def test_headline_name_colon_claim(run):
    text = ("Okafor: Inflation will fall next year\n\n"
            "Finance Minister Paul Okafor said on Monday that prices would stabilise by the summer.")
    s = one(run(text), "Inflation will fall")
    assert s.speaker.name == "Paul Okafor"
    assert s.cue == ":"


def test_headline_title_line_ending_with_a_full_stop(run):
    text = ("Okafor: Inflation will fall next year, bridge will be finished.\n\n"
            "Finance Minister Paul Okafor said on Monday that prices would stabilise by the summer.")
    s = one(run(text), "Inflation will fall")
    assert s.speaker.name == "Paul Okafor"
    assert s.content == "Inflation will fall next year, bridge will be finished"


def test_headline_speaker_on_a_subject(run):
    text = ("Okafor on the Budget: Inflation will fall next year\n\n"
            "Finance Minister Paul Okafor said on Monday that prices would stabilise by the summer.")
    s = one(run(text), "Inflation will fall")
    assert (s.speaker.name, s.content) == ("Paul Okafor", "Inflation will fall next year")


def test_headline_speaker_to_an_audience_and_at_a_place(run):
    body = ("\n\nFinance Minister Paul Okafor and Governor Anna Berg spoke on Monday at the opening of the bridge "
            "in front of the assembled farmers.")
    to = one(run("Okafor to Farmers: Inflation will fall next year" + body), "Inflation will fall")
    assert (to.speaker.name, to.content) == ("Paul Okafor", "Inflation will fall next year")
    at = one(run("Governor Berg at Bridge Opening: The river crossing will cut journeys by an hour" + body), "river crossing")
    assert at.speaker.name == "Anna Berg"
    # the part before "to" names no one in the article: no statement
    assert not any("Inflation" in s.content for s in run("Road to Recovery: Inflation will fall next year" + body).statements)


def test_headline_after_a_section_tag(run):
    text = ("EXCLUSIVE – Okafor: Inflation will fall next year\n\n"
            "Finance Minister Paul Okafor said on Monday that prices would stabilise by the summer.")
    s = one(run(text), "Inflation will fall")
    assert (s.speaker.name, s.content) == ("Paul Okafor", "Inflation will fall next year")


def test_transcript_lines_in_mixed_case(run):
    text = ("A panel on the budget\n\n"
            "Paul Okafor, the finance minister, and Anna Berg, the governor, talked on the radio on Monday.\n\n"
            "Okafor: Well, the budget is balanced and the deficit is falling.\n\n"
            "Berg: The bridge has not been paid for. Farmers are still waiting.\n\n"
            "Okafor: The bridge will be paid for next year, as the law requires.\n\n"
            "Berg: We have heard that every year since the election.")
    ex = run(text)
    assert one(ex, "budget is balanced").speaker.name == "Paul Okafor"
    assert one(ex, "paid for next year").speaker.name == "Paul Okafor"
    assert one(ex, "not been paid").speaker.name == "Anna Berg"
    assert one(ex, "heard that every year").speaker.name == "Anna Berg"


def test_editors_notes_are_not_headline_speakers(run):
    text = ("Okafor calls for a budget review\n\n"
            "Finance Minister Paul Okafor said on Monday that prices would stabilise by the summer.\n\n"
            "CLARIFICATION: The first sentence has been changed to reflect that Okafor wants a review.\n\n"
            "Correction: An earlier version of this story misspelled the minister's name.")
    statements = run(text).statements
    assert {s.speaker.name for s in statements} == {"Paul Okafor"}
    assert not any("sentence" in s.content or "version" in s.content for s in statements)


def test_a_headline_portrait_is_no_claim_and_no_title(run):
    ex = run("Anna Berg: Queen of the crime novel\n\nNovelist Anna Berg, who has died at 84, wrote 30 books. "
             "\"I write slowly,\" Ms Berg once said.")
    assert [s.content for s in ex.statements] == ["I write slowly"]
    assert "Queen" not in (ex.statements[0].speaker.title or "")
    ex = run("Okafor: No outside influence on the bridge inquiry\n\nMayor Paul Okafor spoke on Monday.")
    assert [(s.speaker.name, s.content) for s in ex.statements] == [
        ("Paul Okafor", "No outside influence on the bridge inquiry")]


def test_each_speaker_of_a_panel_transcript(run):
    ex = run("The panel discussed the budget.\n\n"
             "Anna Berg: The council is right on all these things, but it is the vegetables.\n\n"
             "Paul Okafor: Saying to people that the roads will be fixed is easy — doing it is hard.\n\n"
             "Berg: Well, no one believes the roads will be fixed this year.")
    assert [(s.speaker.name, s.content[:20]) for s in ex.statements] == [
        ("Anna Berg", "The council is right"), ("Paul Okafor", "Saying to people tha"), ("Anna Berg", "Well, no one believe")]
