"""A pronoun is not a place nor the medium something was said on (issue 20, item 8): "they" after "voters in Ohio" is
not Ohio, "it" after a dateline is not the city, "it" after "posted on Twitter" is not Twitter. "It" may still be a
place that has just spoken ("Russia said ... It added"). Invented sentences of the shapes found in real articles."""
from __future__ import annotations

import pytest

UNRESOLVED = {
    "they after people in a state": "Voters in Ohio are angry about the plan. They said the plan would fail.",
    "they after protesters in a state": "Protesters gathered in Ohio on Sunday. They said the police had been violent.",
    "it after a dateline": "COLUMBUS, Ohio - The governor's office was quiet on Monday. It said the budget would pass.",
    "it after a city where someone spoke": "The mayor spoke in Chicago on Monday. It said the city would grow.",
    "it after a platform posted on": "Donald Trump posted on Twitter on Monday. It said the election was rigged.",
    "it after a channel given an interview": "The senator gave an interview to Fox News. It said the bill would fail.",
    "they after a channel spoken to": "Several residents spoke to CNN on Monday. They said the water was unsafe.",
}


@pytest.mark.parametrize("case", list(UNRESOLVED), ids=[k.replace(" ", "_") for k in UNRESOLVED])
def test_a_pronoun_is_not_a_place_or_medium(run, case):
    assert [s.speaker.name for s in run(UNRESOLVED[case]).statements] == []


# (text, the pronoun's statement fragment, its speaker)
RESOLVED = {
    "it after a country that spoke is that country": (
        "Russia said on Monday the talks had failed. It added that new talks would follow.", "new talks", "Russia"),
    "it after a country that spoke, past a sentence about its capital": (
        "Russia said on Monday the talks had failed. Moscow is angry. It added that new talks would follow.",
        "new talks", "Russia"),
    "it after a company ordered to act may be that company": (
        "Regulators told Ford to recall the cars. It said it would comply.", "would comply", "Ford"),
    "it after a company named with pressure on another is the first": (
        "Apple put pressure on Microsoft over the deal. It said the deal was unfair.", "unfair", "Apple"),
    "she after a platform is the person": (
        "Jane Roe spoke on Facebook on Monday. She said the vote was fair.", "vote was fair", "Jane Roe"),
}


@pytest.mark.parametrize("case", list(RESOLVED), ids=[k.replace(" ", "_") for k in RESOLVED])
def test_the_pronoun_is_the_one_speaking(run, case):
    text, fragment, speaker = RESOLVED[case]
    found = [s for s in run(text).statements if fragment in s.content]
    assert [s.speaker.name for s in found] == [speaker]


def test_it_after_a_company_relied_on_may_be_that_company(run):
    text = "The new service relies on Microsoft. It said the service would be ready in May."
    assert [s.speaker.name for s in run(text).statements if "ready in May" in s.content] == ["Microsoft"]
