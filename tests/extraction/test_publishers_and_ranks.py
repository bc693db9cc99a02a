"""Who speaks when a newspaper's board, a poll or an e-mail speaks, when a rank stands before a name, and when a report
only cites its sources (issue 20): on sentences written for these tests (speakers/sources.py, speakers/names.py,
candidates/unsaid.py, candidates/according.py)."""
from __future__ import annotations

import pytest

from conftest import one

from ingest.extraction.records import SourceType

NAMED, UNNAMED, DOCUMENT = SourceType.NAMED, SourceType.UNNAMED, SourceType.DOCUMENT


def who(run, text, fragment):
    """(speaker name, resolved, source type, title) of the one statement containing `fragment`."""
    s = one(run(text), fragment)
    return s.speaker.name, s.speaker.resolved, s.source_type, s.speaker.title


# -- a newspaper's editorial board and editorials: the newspaper --------------------------------------------------------
@pytest.mark.parametrize("text, paper", [
    ("The editorial board of The New York Times wrote that the bill was a mistake.", "New York Times"),
    ("The Washington Post's editorial board said the senator should resign.", "Washington Post"),
])
def test_an_editorial_board_is_its_newspaper(run, text, paper):
    fragment = text.split(" that ")[-1][:12] if " that " in text else "senator should"
    assert who(run, text, fragment) == (paper, True, DOCUMENT, "editorial board")


def test_an_editorial_is_its_newspapers_document(run):
    text = "The New York Times published an editorial on Sunday. The Times editorial said the plan would fail."
    assert who(run, text, "plan would")[:3] == ("New York Times", True, DOCUMENT)


@pytest.mark.parametrize("text", [
    # PolNeAR credits a board the phrase does not name to its words, and so does the product (docs/extraction.md)
    "The Boston Globe criticized the governor on Friday. The board said that his budget was reckless.",
    "The Boston Globe reported that Yahoo was for sale. The board said it would consider offers.",
])
def test_a_board_the_phrase_does_not_name_stays_its_words(run, text):
    name, resolved, _, title = who(run, text, "his budget" if "budget" in text else "consider offers")
    assert (name, resolved, title) == ("The board", False, None)


# -- polls and memos: whoever the article names as their publisher ------------------------------------------------------
@pytest.mark.parametrize("text, fragment, publisher", [
    # the pollster read as a place, named in full in the article
    ("Quinnipiac University polled voters in Ohio. A Quinnipiac poll found that most voters backed the plan.",
     "most voters", "Quinnipiac University"),
    # a later "the poll" is the survey named with its publisher
    ("Quinnipiac University released a survey on Tuesday. The poll showed that Clinton led by six points.",
     "Clinton led", "Quinnipiac University"),
    # a campaign the phrase names, as "The Trump campaign said" is
    ("Donald Trump spoke in Ohio. A memo from the Trump campaign said the candidate would skip the debate.",
     "skip the debate", "Donald Trump"),
])
def test_a_poll_or_memo_speaks_for_the_publisher_the_article_names(run, text, fragment, publisher):
    assert who(run, text, fragment)[:3] == (publisher, True, DOCUMENT)


@pytest.mark.parametrize("text, fragment, publisher", [
    # the parser hung "found" on the poll as a participle ("a poll found last week")
    ("A Quinnipiac University poll found last week that Clinton would beat Trump in the state.", "Clinton would",
     "Quinnipiac University"),
    # the poll's noun written with a capital, as part of its name
    ("Trump is considering a run, and a Morning Consult Poll found that he would draw from Clinton's support.",
     "he would draw", "Morning Consult"),
])
def test_a_poll_finds_however_the_parser_reads_it(run, text, fragment, publisher):
    assert who(run, text, fragment)[:3] == (publisher, True, DOCUMENT)


@pytest.mark.parametrize("text", [
    "A man found last week that his car was gone.",  # no document
    "New Morning Consult Poll Shows Clinton Ahead In Ohio",  # a headline's capitals
])
def test_no_poll_finds_without_one(run, text):
    assert run(text).statements == ()


def test_a_name_going_on_after_the_document_noun_is_no_publisher(run):
    text = ("Richard Curtin is chief economist for the Michigan Survey of Consumers. The survey found that people were "
            "confident.")
    assert who(run, text, "people were")[:3] == ("The survey", False, DOCUMENT)


def test_a_poll_named_after_a_place_is_no_ones(run):
    text = ("Iowa State University studied the race. Voters in Iowa were split. An Iowa poll found that most voters "
            "backed the plan.")
    assert who(run, text, "most voters")[:3] == ("An Iowa poll", False, DOCUMENT)


# -- ranks: a person's title, never an organisation -----------------------------------------------------------------------
@pytest.mark.parametrize("text, name, title", [
    ("Lt. Col. Michelle Baldanza said the flight was routine.", "Michelle Baldanza", "Lt. Col."),
    ('"We found nothing," Sgt. Jones said.', "Jones", "Sgt."),
    ("Col. Steve Warren said the strikes had hit their targets.", "Steve Warren", "Col."),
    ("Capt. Davis told reporters that the ship was safe.", "Davis", "Capt."),
    ("Brig. Gen. Mark Kimmitt said the city was calm.", "Mark Kimmitt", "Brig. Gen."),
    ("Pentagon officials met on Monday. Gen. Votel said the strikes had worked.", "Votel", "Gen."),
])
def test_a_rank_is_the_title_of_the_person_it_names(run, text, name, title):
    s = run(text).statements[-1]
    assert (s.speaker.name, s.speaker.kind, s.speaker.title) == (name, "person", title)


def test_an_organisation_named_like_a_rank_stays_an_organisation(run):
    s = one(run("General Motors said the plant would close."), "plant would")
    assert (s.speaker.name, s.speaker.kind) == ("General Motors", "organization")


def test_no_speaker_is_a_rank_alone(run):
    text = "Lt. Gen. Stephen Townsend commands the coalition. Lt. Townsend said Mosul would fall."
    assert all(not a.name.rstrip(".") in ("Lt", "Gen") for a in run(text).speakers)


# -- an e-mail is a channel or a document, never a speaker's name --------------------------------------------------------
def test_an_e_mail_is_a_document_not_a_name(run):
    s = one(run("The e-mail said the event was canceled."), "event was")
    assert (s.speaker_mention, s.speaker.resolved, s.source_type) == ("The e-mail", False, DOCUMENT)


def test_a_persons_e_mail_is_theirs(run):
    text = "Alastair Campbell sent the message on Monday. Mr Campbell's e-mail suggested they should get a new boss."
    assert who(run, text, "new boss")[:3] == ("Alastair Campbell", True, DOCUMENT)


@pytest.mark.parametrize("text", [
    "In an e-mail, Jones wrote that the event was canceled.",
    '"The event is canceled," Jones wrote in an e-mail to supporters.',
])
def test_who_writes_in_an_e_mail_speaks(run, text):
    assert who(run, text, "vent is canceled" if "is canceled" in text else "event was")[0] == "Jones"


# -- a name the NER ran over a comma into another's ---------------------------------------------------------------------
def test_a_name_after_a_comma_is_not_the_outlet_before_it(run):
    text = "Citing an interview with Politico, Greg Holt said the campaign was broke."
    assert who(run, text, "campaign was")[:2] == ("Greg Holt", True)


def test_a_person_named_elsewhere_is_not_the_outlet_before_the_name(run):
    text = ("Donald Trump spoke on Monday. In a meeting with the editorial board of the Washington Post Trump said that "
            "NATO was obsolete.")
    assert who(run, text, "NATO")[0] == "Donald Trump"


@pytest.mark.parametrize("text, fragment, name", [
    ("The Ministry of Economy, Trade and Industry said exports had fallen.", "exports",
     "Ministry of Economy, Trade and Industry"),
    ("The Washington Post Company said profits rose.", "profits", "Washington Post Company"),
])
def test_a_name_with_a_comma_or_an_outlets_word_inside_stays_whole(run, text, fragment, name):
    assert who(run, text, fragment)[0] == name


# -- citing a source is no statement; citing what was said is ----------------------------------------------------------
@pytest.mark.parametrize("text, cues", [
    ("The Times reported that the decision was final, citing two officials.", ["reported"]),
    ("The agency delayed the launch, citing sources familiar with the matter.", []),
    ("Citing an interview with Politico, Greg Holt said the campaign was broke.", ["said"]),
    ("The Washington Post, citing three officials, reported that the talks had failed.", ["reported"]),
])
def test_citing_a_source_says_nothing(run, text, cues):
    assert [s.cue for s in run(text).statements] == cues


def test_citing_what_was_said_is_a_statement(run):
    # (a bare "citing low growth" is a noun phrase, no statement by the rubric: candidates/unstated.py)
    text = "The economy is failing, McCain said, citing low growth and the fact that jobs are scarce."
    assert "citing" in [s.cue for s in run(text).statements]


# -- a person the outlet reports is the speaker ---------------------------------------------------------------------------
@pytest.mark.parametrize("text, fragment, name", [
    # the surname the NER read as an organisation, after the full name
    ("Donald Trump spoke in Ohio on Monday. According to the New York Times, Trump said he was winning.",
     "he was winning", "Donald Trump"),
    ("Paul Manafort ran the campaign. According to an interview with the Washington Post, Manafort said the campaign "
     "was broke.", "campaign was broke", "Paul Manafort"),
])
def test_a_person_the_outlet_reports_speaks(run, text, fragment, name):
    assert who(run, text, fragment)[0] == name
