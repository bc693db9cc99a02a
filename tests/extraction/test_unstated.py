"""A stored statement says something (issue 20, item 9, by the speaker audit's rubric): a speech verb with a bare noun
phrase, a refusal, a saying denied, a naming and a promise or decision are not stored; a quotation, a clause, an
infinitive after a request ("urged X to ..."), "called for X", "accused X of ...", "praised X for ..." still are
(candidates/unstated.py). Each class has its sentences and, beside them, the ones that must still give their
statement."""
from __future__ import annotations

import pytest

BARE_NOUN_PHRASES = [
    "Paul Okafor praised the plan on Tuesday.",
    "The senator slammed Paul Okafor in a speech on Monday.",
    "Anna Berg mentioned climate change in her speech.",
    "Anna Berg talked about the border at the rally.",
    "Anna Berg described the dinner in detail.",
    "Paul Okafor announced his resignation on Friday.",
    "Anna Berg warned of a recession next year.",
    # a clause that only says who or what the noun is, a noun's own "for" or "of"
    "The senator blasted Paul Okafor, who had spoken just before him.",
    "Paul Okafor criticised the plan that cut taxes for the rich.",
    "Anna Berg expressed her support for the plan.",
    "Paul Okafor cited fears of terrorism.",
]


REFUSALS_AND_NEGATED_SAYINGS = [
    "The ministry declined to comment on the report.",
    "Anna Berg did not say whether she would resign.",
    "Anna Berg never mentioned Paul Okafor by name.",
]

NAMINGS = [
    "Paul Okafor called the issue a red line.",
    "Paul Okafor calls himself a socialist.",
    "The doctor has been called a charlatan by his critics.",
    "Anna Berg described the plan as a disaster.",
    "Anna Berg described Paul Okafor as a man who never listens.",
]

PROMISES_AND_DECISIONS = [
    "Anna Berg promised to cut taxes.",
    "Officials promised to build a new bridge.",
    "The unions threatened to strike over the plan.",
    "The ministers agreed to introduce a ban.",
    "Anna Berg proposed to draft Paul Okafor as an economic adviser.",  # a proposal
    "Paul Okafor vowed not to repeat that mistake.",
]


@pytest.mark.parametrize("text", BARE_NOUN_PHRASES + REFUSALS_AND_NEGATED_SAYINGS + NAMINGS + PROMISES_AND_DECISIONS)
def test_not_a_statement(run, text):
    assert [(s.cue, s.content) for s in run(text).statements] == []


STILL_STATEMENTS = [
    # beside a bare noun phrase: a clause in it, a reason or a charge, a request
    ("Paul Okafor praised the plan for its boldness.", "praised", "the plan for its boldness"),
    ("Paul Okafor praised Anna Berg for her courage.", "praised", "Anna Berg for her courage"),
    ("Paul Okafor accused Anna Berg of corruption.", "accused", "Anna Berg of corruption"),
    ("Paul Okafor criticised Anna Berg in parliament over her call for a ban.", "criticised",
     "Anna Berg in parliament over her call for a ban"),
    ("Anna Berg called for a ban on fracking.", "called for", "a ban on fracking"),
    ("The lawmaker urged restraint on Russia.", "urged", "restraint on Russia"),
    ("Anna Berg demanded an apology.", "demanded", "an apology"),
    ("Anna Berg urged voters to stay home.", "urged", "voters to stay home"),
    # beside a saying denied: what was said next to it, "not only said"
    ("Anna Berg did not comment on the report but said the figures were wrong.", "said", "the figures were wrong"),
    ("Paul Okafor not only said the plan was wrong but voted against it.", "said",
     "the plan was wrong but voted against it"),
    # beside a naming: the name quoted
    ("Anna Berg described the plan as “a disaster”.", "described", "the plan as “a disaster”"),
    ("Paul Okafor called on the minister to resign.", "called on", "the minister to resign"),
    # beside a promise: the promise quoted, or said as a clause
    ("Paul Okafor vowed to “make the city great again”.", "vowed", "to “make the city great again”"),
    ("Anna Berg said she would cut taxes.", "said", "she would cut taxes"),
]


@pytest.mark.parametrize(("text", "cue", "content"), STILL_STATEMENTS)
def test_still_a_statement(run, text, cue, content):
    assert [(s.cue, s.content) for s in run(text).statements] == [(cue, content)]


def test_a_follow_up_after_a_bare_noun_phrase_keeps_its_speaker(run):
    """ "praised the plan, adding that ...": the bare object goes, what was added stays Okafor's."""
    ex = run("Paul Okafor praised the plan on Tuesday, adding that it would create jobs.")
    assert [(s.speaker.name if s.speaker else None, s.cue, s.content) for s in ex.statements] == [
        ("Paul Okafor", "adding", "it would create jobs")]


def test_a_quotation_after_a_naming_is_the_namers(run):
    """What states nothing still tells who was acting: the quotation after it is theirs."""
    ex = run("His former partner, Lawrence Cummings, called him a master at striking deals. "
             "\"He showed again and again an ability to put together deals.\"")
    assert [(s.speaker.name if s.speaker else None, s.content) for s in ex.statements] == [
        ("Lawrence Cummings", "He showed again and again an ability to put together deals")]
