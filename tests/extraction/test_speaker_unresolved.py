"""Named speakers the parse used to leave without an actor or give to the wrong one (issue 20, rules 3 and 4; the
fourteenth session's count on PolNeAR dev and train[:300]), on invented sentences, each rule with a neighbour it must
leave alone:

- a name set off after a person noun's phrase is the speaker, not the noun ("One pastor supporting Mr. Hale, Darran
  Whitby of Grace Church, said"), nor the last of two roles in apposition to a name ("Jay Marino, the club's president
  and general manager, suggested");
- a document speaks for the one its phrase names as giving, writing or filing it ("a speech Mrs. Landry delivered",
  "an interview his brother Alastair Osman gave", "a study by an influential sociologist, Mikhail Dorin,", "a court
  document filed by state attorney Dave Aronberg");
- a participle hung on the object of a verb of writing to someone is the writer's ("The senator emailed supporters
  saying: ...");
- a quotation after a colon that closes a clause whose subject is a named person is that person's, also when the parser
  made the quotation the sentence's root ("Pete Sands put it plainly: “...”", "Pete Sands was blunt: “...”"), not the
  speaker of the sentence before."""
from __future__ import annotations

import pytest
from conftest import one

# (text, a fragment of the statement, its speaker's name, whether the speaker is a resolved actor)
CASES = {
    "two roles in apposition to a name are the name's": (
        "Golf clubs are struggling. At Boca Pines, where it costs new members $70,000 to join, Jay Marino, the club's "
        "70-year-old president and general manager, suggested that his rivals were badly run.", "badly run",
        "Jay Marino", True),
    "one role in apposition to a name is still the name's": (
        "Golf clubs are struggling. At Boca Pines, where it costs new members $70,000 to join, Jay Marino, the club's "
        "general manager, suggested that his rivals were badly run.", "badly run", "Jay Marino", True),
    "a name set off after a person noun's phrase is the speaker": (
        "The caucuses are close. One pastor supporting Mr. Hale, Darran Whitby of Grace Church in Marion, said he had "
        "made more than 100 phone calls to other pastors.", "phone calls", "Darran Whitby", True),
    "a person noun with no name set off stays unnamed": (
        "The caucuses are close. One pastor supporting Mr. Hale said he had made more than 100 phone calls to other "
        "pastors.", "phone calls", "One pastor", False),
    "a speech a named person delivered is theirs": (
        "Senator Ann Landry spoke at the university in July. The plan is meant to reward long-term investors, according "
        "to a speech Ms. Landry delivered there.", "long-term investors", "Ann Landry", True),
    "an interview a named person gave is theirs": (
        "Richard Osman, 40, was a geologist. Osman was on the flight, according to an interview his brother Alastair "
        "Osman gave to ITV.", "on the flight", "Alastair Osman", True),
    "a document a named person only received is not theirs": (
        "Senator Ann Landry wrote to the agency in July. The plan is meant to reward long-term investors, according to "
        "a letter Ms. Landry received from the agency.", "long-term investors", "a letter", False),
    "a study by a description with a name beside it is the named author's": (
        "Voters admire the mayor more as a protector than as a provider, a study by an influential sociologist, "
        "Mikhail Dorin, concluded this year.", "as a protector", "Mikhail Dorin", True),
    "a court document filed by a named person is theirs": (
        "Reporter Ann Fields said she had been grabbed by the arm. \"The evidence cannot prove all the elements of the "
        "crime,\" according to a court document filed by state attorney Dave Aronberg.", "cannot prove",
        "Dave Aronberg", True),
    "a quotation after a colon closing a named person's clause is theirs": (
        "Mayor Ann Cole said the city would appeal the ruling.\n\nUnion leader Pete Sands put it plainly: \"Our "
        "members will strike if the deal fails.\"", "will strike", "Pete Sands", True),
    "a quotation after a named person described as blunt is theirs": (
        "Mayor Ann Cole said the city would appeal the ruling.\n\nPete Sands was blunt: \"Our members will strike if "
        "the deal fails.\"", "will strike", "Pete Sands", True),
    "a quotation after a colon closing a clause about a thing follows the speaker before": (
        "Mayor Ann Cole said the city would appeal the ruling.\n\nThe union's answer to the mayor was simple: \"Our "
        "members will strike if the deal fails.\"", "will strike", "Ann Cole", True),
    "a participle on the object of emailed is the sender's": (
        "Senator Ruth Calder lost the primary on Tuesday. Calder emailed supporters saying: \"The struggle continues "
        "for all of us.\"", "struggle continues", "Ruth Calder", True),
    "a participle on the object of another verb stays the object's": (
        "Senator Ruth Calder visited the plant on Tuesday. Calder met workers saying that the plant would close.",
        "would close", "workers", False),
}


@pytest.mark.parametrize("case", list(CASES), ids=[k.replace(" ", "_") for k in CASES])
def test_the_named_speaker_is_credited(run, case):
    text, fragment, speaker, resolved = CASES[case]
    found = one(run(text), fragment)
    assert (found.speaker.name, found.speaker.resolved) == (speaker, resolved)


def test_a_colon_closing_a_clause_about_a_thing_introduces_no_one(run):
    text = ("The report found many subsidiaries. The challenge of transparency is exemplified by this finding: \"27 "
            "companies reported 16,389 total subsidiaries to the Federal Reserve.\"")
    assert not [s for s in run(text).statements if "16,389" in s.content]
