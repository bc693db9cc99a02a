"""A stored statement is a statement (issue 20, item 9): rulings, no comment on a topic, speech only tried, meant or
due, deeds repeated and genre headings are not stored; the statement next to them still is (candidates/unsaid.py,
candidates/headlines.py). Each sentence is also a row of golden.json. Decisions are still
stored: PolNeAR's annotators count them as speech (docs/extraction.md, tenth session); bare noun phrases, refusals and
namings are not (test_unstated.py)."""
from __future__ import annotations

import pytest

NOT_STATEMENTS = [
    # no answer, only its topic; an object that says nothing was
    "The ministry did not comment on the report.",
    "The newspaper has announced no plans to close its printing works.",
    # a ruling
    "The Court of Appeal dismissed both appeals on Tuesday.",
    "A judge dismissed an attempt by the oil firm to gain bankruptcy protection in the US.",
    "The Supreme Court rejected the government's appeal on Monday.",  # a verb anyone says, by a court on a proceeding
    "The judge denied the motion on Friday.",
    # speech only tried, meant, due or used for a name, with a topic as its object
    "Paul Okafor tried to clarify his position on the tax.",
    "The athlete struggled to explain her leap in form.",
    "The minister hopes to announce a deal later on Friday.",
    "Anna Berg is to announce her plans on the issue next week.",
    "The minister is expected to announce the proposals in the Commons.",
    "Economists coined the word stagflation to describe this trend.",
    # a deed repeated
    "Okafor repeated the world-class times he ran in Stuttgart last season.",
]


@pytest.mark.parametrize("text", NOT_STATEMENTS)
def test_not_a_statement(run, text):
    assert [(s.speaker.name, s.cue, s.content) for s in run(text).statements] == []


# Next to each rule, what it leaves alone: (text, cue, content) of the one statement the text gives
STILL_STATEMENTS = [
    # no comment beside what was said
    ("Anna Berg did not comment on the report but said the figures were wrong.", "said", "the figures were wrong"),
    # calling someone something, dismissing claims as something
    # (quoted: an unquoted naming is no statement, tests/extraction/test_unstated.py)
    ("Paul Okafor called the plan “a disaster” for farmers.", "called", "the plan “a disaster” for farmers"),
    ("Judge Anna Berg dismissed the claims as “nonsense”.", "dismissed", "the claims as “nonsense”"),
    ("Anna Berg rejected the claim that the vote was rigged.", "rejected", "the claim that the vote was rigged"),  # no court
    # speech that happened, in an infinitive
    ("Paul Okafor seemed to blame the bank for the losses.", "blame", "the bank for the losses"),
    # a claim repeated
    ("Paul Okafor repeated his claim that the race was fixed.", "repeated", "his claim that the race was fixed"),
]


@pytest.mark.parametrize(("text", "cue", "content"), STILL_STATEMENTS)
def test_still_a_statement(run, text, cue, content):
    assert [(s.cue, s.content) for s in run(text).statements] == [(cue, content)]


def test_an_obituary_heading_is_not_a_statement(run):
    text = ("Obituary: Arthur Penn, the film director\n\n"
            "Arthur Penn, who directed Bonnie and Clyde, has died aged 88. His son Matthew said he died peacefully.")
    ex = run(text)
    assert [s.content for s in ex.statements] == ["he died peacefully"]
    assert "Obituary" not in {sp.name for sp in ex.speakers}
