"""The news outlet is the channel, not the speaker (issue 20): "X told The Washington Post that ...", "according to the
New York Times, X said ...", "X said in an interview with CNN" are X's; the outlet speaks only when it makes the claim
itself ("The Times reported that ...", "according to the Post" with no one else). A document speaks for the person
the article names as its writer rather than for whoever released it. On sentences written for these tests."""
from __future__ import annotations

import pytest

from conftest import one


def said_by(run, text, fragment):
    return one(run(text), fragment).speaker.name


@pytest.mark.parametrize("text, fragment, name", [
    ("Senator John Miller told The Washington Post that the bill would fail.", "bill would", "John Miller"),
    ("Governor Ann Baker said in an interview with CNN that she would run again.", "run again", "Ann Baker"),
    ("According to the New York Times, Mark Stevens said the deal was dead.", "deal was", "Mark Stevens"),
    ("Mark Stevens said the deal was dead, according to the New York Times.", "deal was", "Mark Stevens"),
    ("Former aide Paul Green wrote in an op-ed for USA Today that the policy was a mistake.", "policy was",
     "Paul Green"),
    ("Representative Linda Hale said on Fox News Sunday that the vote was rigged.", "vote was", "Linda Hale"),
    ("In a statement to Politico, Tom Reed said he regretted the remarks.", "regretted", "Tom Reed"),
    ("Dan Ortiz, speaking to the Times, said the plan was unworkable.", "plan was", "Dan Ortiz"),
])
def test_the_person_speaks_through_the_outlet(run, text, fragment, name):
    assert said_by(run, text, fragment) == name


@pytest.mark.parametrize("text, fragment, name", [
    ("The New York Times reported that the mayor had resigned.", "mayor", "New York Times"),
    ("According to The Washington Post, the senator had already decided to resign.", "senator", "Washington Post"),
    ("The talks collapsed on Friday, according to the Washington Post.", "talks", "Washington Post"),
])
def test_the_outlet_speaks_when_it_makes_the_claim_itself(run, text, fragment, name):
    assert said_by(run, text, fragment) == name


def test_according_to_someone_who_quotes_no_one_is_still_theirs(run):
    text = "According to Senator Ruth Cole, the agency ignored the warnings."
    assert said_by(run, text, "agency") == "Ruth Cole"


@pytest.mark.parametrize("text, fragment, name", [
    ("A memo released by the campaign, written by Sarah Lin, argued that turnout would be low.", "turnout",
     "Sarah Lin"),
    ("A report released by the department, written by economist Tom Hardy, found that wages had stalled.", "wages",
     "Tom Hardy"),
])
def test_a_document_speaks_for_its_named_writer_not_whoever_released_it(run, text, fragment, name):
    assert said_by(run, text, fragment) == name


def test_a_document_released_by_an_organisation_with_no_writer_named_is_the_organisations(run):
    text = "A report released by the Treasury said that growth had slowed."
    assert said_by(run, text, "growth") == "Treasury"


def test_according_to_a_person_who_reports_another_is_the_persons_report(run):
    # only an outlet is a channel: a person or a body vouching for what another said is the source of the whole
    text = "According to Senator Ruth Cole, Mark Stevens said the deal was dead."
    assert said_by(run, text, "Mark Stevens said") == "Ruth Cole"
