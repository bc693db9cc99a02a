"""A stored statement is a statement (issue 20, item 9), beside test_not_statements.py: the topic a question was asked
about and what things "promise" or "threaten" to do are not stored; questions asked still are, as PolNeAR's
annotators count them (candidates/unspoken.py). Promises and threats made by someone and what someone would not say
are no statements either since the fourteenth session (candidates/unstated.py, test_unstated.py). Each sentence is
also a row of golden.json."""
from __future__ import annotations

import pytest

NOT_STATEMENTS = [
    # the topic of a question
    "Every year at least one reader asks about getting invited.",
    "Reporters asked about the new tax on fuel.",
    # things likely to do something
    "The administration unveiled new emissions rules that promise to transform the economy.",
    "Rising costs threaten to derail the project.",
]


@pytest.mark.parametrize("text", NOT_STATEMENTS)
def test_not_a_statement(run, text):
    assert [(s.speaker.name, s.cue, s.content) for s in run(text).statements] == []


# What the rules leave alone: (text, cue, content) of the one statement the text gives
STILL_STATEMENTS = [
    ("Asked about the budget, Paul Okafor said the figures were wrong.", "said", "the figures were wrong"),
    ("Paul Okafor asked whether the deal was legal.", "asked", "whether the deal was legal"),
    # (promises and threats by someone, "promised to cut taxes", "threatened to strike": test_unstated.py)
    ("Rising costs threaten to derail the project, the minister warned.", "warned",
     "Rising costs threaten to derail the project"),
    # (what someone would not say, "did not say whether ...", is no statement since rule 9's refusals and negated
    # sayings: tests/extraction/test_unstated.py)
]


@pytest.mark.parametrize(("text", "cue", "content"), STILL_STATEMENTS)
def test_still_a_statement(run, text, cue, content):
    assert [(s.cue, s.content) for s in run(text).statements] == [(cue, content)]
