""""According to X, ...": the phrase ends at its comma, whatever the parser made of the sentence."""
from __future__ import annotations


def test_according_to_a_long_description_then_the_claim(run):
    ex = run("According to veteran talk radio host Sam Ortega, the proposal reeks of panic and desperation.")
    [s] = ex.statements
    assert (s.speaker.name, s.content) == ("Sam Ortega", "the proposal reeks of panic and desperation")


def test_according_to_a_source_with_an_aside_set_off_by_commas(run):
    ex = run("According to Sam Ortega, a radio host, the proposal reeks of panic.")
    [s] = ex.statements
    assert (s.speaker.name, s.content) == ("Sam Ortega", "the proposal reeks of panic")


def test_according_to_before_a_quotation_takes_the_whole_quotation(run):
    [s] = run("According to Anna Berg, “The plan is dead. It cannot be saved. We must start again.”").statements
    assert (s.speaker.name, s.content) == ("Anna Berg", "The plan is dead. It cannot be saved. We must start again")


def test_a_source_the_parser_read_as_a_verbs_object_is_still_the_source(run):
    # "show" in "according to show insiders" is read as a verb, "insiders" as its object
    [s] = run("As a game show host, Tom Okafor often insulted the crew, according to show insiders.").statements
    assert s.cue == "according to"
    assert s.speaker.name == "insiders"
    assert s.content == "As a game show host, Tom Okafor often insulted the crew"
