"""Candidates, headlines family: headline and transcript lines
on short sentences written for these tests (split from test_constructions.py by stage)."""
from __future__ import annotations


def test_a_headline_portrait_is_no_claim_and_no_title(run):
    ex = run("Anna Berg: Queen of the crime novel\n\nNovelist Anna Berg, who has died at 84, wrote 30 books. "
             "\"I write slowly,\" Ms Berg once said.")
    assert [s.content for s in ex.statements] == ["I write slowly"]
    assert "Queen" not in (ex.statements[0].speaker.title or "")
    ex = run("Okafor: No outside influence on the bridge inquiry\n\nMayor Paul Okafor spoke on Monday.")
    assert [(s.speaker.name, s.content) for s in ex.statements] == [
        ("Paul Okafor", "No outside influence on the bridge inquiry")]


def test_a_headline_label_the_article_never_names_again_is_no_speaker(run):
    # a topic or a title before the colon, not someone: the article never names it as anyone
    ex = run("Intifada: Palestinians mark the anniversary\n\nThousands marched in Gaza on Monday. Organisers said the "
             "march was peaceful.")
    assert [(s.speaker.name, s.content) for s in ex.statements] == [("Organisers", "the march was peaceful")]
    assert "Intifada" not in {sp.name for sp in ex.speakers}
    # named again in the article: the speaker
    ex = run("Okafor: Palestinians mark the anniversary\n\nThousands marched in Gaza on Monday. Mayor Paul Okafor "
             "spoke to the crowd.")
    assert [(s.speaker.name, s.content) for s in ex.statements] == [("Paul Okafor", "Palestinians mark the anniversary")]
    # a person by the NER's reading, though not named again (a columnist's headline)
    ex = run("Anna Berg: Republicans are waving the flag of surrender\n\nThe party met on Monday.")
    assert [(s.speaker.name, s.content) for s in ex.statements] == [
        ("Anna Berg", "Republicans are waving the flag of surrender")]


def test_a_transcripts_speakers_in_capitals_are_the_people_named(run):
    text = ("Governor Ruth Hale spoke to the host on Sunday about Paul Okafor.\n\n"
            "DANA MERRICK: Paul Okafor released a video on Friday about the bridge. Take a listen.\n\n"
            "OKAFOR: The bridge will be finished by the end of the year, whatever it costs us.\n\n"
            "MERRICK: Do you think the mayor has been honest with the voters about the cost?\n\n"
            "HALE: Well, I think the whole city needs to work together on this bridge.\n")
    speakers = [(s.speaker_mention, s.speaker.name) for s in run(text).statements]
    # an organisation's initials to the NER, the surname of the person named before; a name in capitals title-cased
    # and its surname alone the same person
    assert speakers == [("DANA MERRICK", "Dana Merrick"), ("OKAFOR", "Paul Okafor"), ("MERRICK", "Dana Merrick"),
                        ("HALE", "Ruth Hale")]
