"""Pronouns and follow-up quotations after the text has turned to another person, and names that end with a place's:
short sentences written for these tests (each with a counterpart where the speaker stays the same)."""
from __future__ import annotations

import pytest
from conftest import one


# (text, a fragment of the statement, its speaker): each rule with a counterpart where the speaker stays
TURNS = {
    "a quotation after a sentence about another person is that person's": (
        "Greene, the world champion, said he was ready.\n\n"
        "Jamaican sprinter Asafa Cole, who beat him in June, was less sure.\n\n"
        "\"I have trained all winter. I know what to do.\"", "trained all winter", "Asafa Cole"),
    "a quotation after a sentence that also names the speaker stays the speaker's": (
        "\"We are ready,\" said Tom Greene.\n\nPeter Hale beat Greene in June.\n\n\"I was not fit then.\"",
        "not fit then", "Tom Greene"),
    "a quotation after a name in apposition to the subject is that person's": (
        "Tom Greene said he was ready.\n\nHis coach, Peter Hale, agreed.\n\n"
        "\"He has trained all winter and is in the form of his life.\"", "form of his life", "Peter Hale"),
    "a quotation after a person named in passing stays the speaker's": (
        "\"We are ready,\" said Tom Greene.\n\nThe race was won last year by Peter Hale.\n\n\"I want that title back.\"",
        "title back", "Tom Greene"),
    "she after another woman is named is not the spokeswoman before": (
        "A Home Office spokeswoman said the rules were clear.\n\n"
        "Labour MP Mary Hale disagreed. \"The rules are a mess,\" she said.", "rules are a mess", "Mary Hale"),
    "she after the spokeswoman with no one else named is the spokeswoman": (
        "A Home Office spokeswoman said the rules were clear. She added that they would be reviewed next year.",
        "reviewed next year", "Home Office"),
}


@pytest.mark.parametrize("case", list(TURNS), ids=[k.replace(" ", "_") for k in TURNS])
def test_the_speaker_after_the_text_turns_to_someone(run, case):
    text, fragment, speaker = TURNS[case]
    assert one(run(text), fragment).speaker.name == speaker


def test_an_organisation_named_with_a_place_is_not_the_place(run):
    text = ("The United Kingdom signed the treaty in May. Amnesty International UK said the law was unjust.\n\n"
            "NHS Scotland welcomed the plan. Universities Scotland said the fees were too high. "
            "Ministers in Scotland said they would listen.")
    ex = run(text)
    assert one(ex, "law was unjust").speaker.name == "Amnesty International UK"
    assert one(ex, "fees were too high").speaker.name == "Universities Scotland"


def test_a_place_modifying_a_noun_after_it_is_no_end_of_an_organisation_name(run):
    text = ("EU Iran trade deal 'close'\n\nThe EU said the deal with Iran was close. "
            "The EU added that talks would resume in March.")
    ex = run(text)
    assert one(ex, "deal with Iran was close").speaker.name == "EU"


def test_a_place_does_not_join_an_organisation_whose_name_ends_with_it(run):
    text = ("The summit was held in Scotland. Police Scotland said the roads were icy. "
            "Scotland said it would host the next one.")
    ex = run(text)
    assert one(ex, "roads were icy").speaker.name == "Police Scotland"
    assert one(ex, "host the next one").speaker.name == "Scotland"


def test_a_name_ends_with_another_only_at_a_word_boundary():
    from ingest.extraction.speakers.registry import _part_of

    assert _part_of("hm treasury", "treasury")
    assert _part_of("cbs news", "new york times/cbs news")
    assert not _part_of("kazakhstan", "stan")
