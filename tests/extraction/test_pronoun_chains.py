"""Pronoun chains that went to the wrong person in real articles (issue 20, item 8), on invented sentences of the same
shapes: a wife and husband named by "Mrs." and "Mr." only, a name inside a quotation of several sentences that "he"
attributes, a person named only in passing after the last speaker, and a surname the NER took alone for a place."""
from __future__ import annotations

import pytest
from conftest import one
from spacy.tokens import Span


# (text, a fragment of the statement, its speaker)
CHAINS = {
    "she after Mrs. Surname is the wife, not the husband of that name": (
        "Mr. Hale came to the town in May with his wife. Tom Hale had a long career in the navy, and Mr. Hale has a "
        "boat. Anna Hale has none.\n\nA young woman, Jane Roe, asked Mrs. Hale about the new harbour.\n\n"
        "Mrs. Hale did not hesitate. \"I would say that the harbour will be built,\" she said.",
        "harbour will be built", "Anna Hale"),
    "Mrs. Surname saying is the wife, not the husband": (
        "Mr. Hale came to the town in May with his wife. Tom Hale had a long career in the navy, and Mr. Hale has a "
        "boat. Anna Hale has none. Mrs. Hale said that the harbour would be built.",
        "harbour would be built", "Anna Hale"),
    "a name in an earlier sentence of the quotation he attributes is not he": (
        "Pastor Ken Rowe spoke on his radio show on Monday.\n\n"
        "\"Peter Dunn means what he says. You have to take it and apply it,\" he said.", "apply it", "Ken Rowe"),
    "he after a quotation naming someone else in another quotation stays the speaker": (
        "Pastor Ken Rowe spoke on his radio show on Monday.\n\n"
        "\"We will go on,\" he said. \"Peter Dunn was wrong about it.\"", "We will go on", "Ken Rowe"),
    "a woman named only as a noun's modifier does not take she from the last speaker": (
        "Voters have backed the Anna Hale campaign since May.\n\n"
        "\"The race is close,\" said Leslie Carter, who runs a voters' group.\n\n"
        "Many believe that the Hale campaign took young voters for granted and now has to win them back."
        "\n\n\"They have a big problem,\" she said.", "big problem", "Leslie Carter"),
    "a woman named as an object in a sentence of her own may be the one speaking": (
        "Anna Hale has led the race since May.\n\n"
        "For some the losses would outstrip the gains, said Lily Hart, a tax expert.\n\n"
        "It has become a major issue in the campaign, with Anna Hale lambasting the plan.\n\n"
        "\"The plan is trickle-down economics all over again,\" she said.", "trickle-down", "Anna Hale"),
    "a woman named in apposition to the subject takes she from the speaker before": (
        "Anna Hale said: \"We will extend the pay to nine months.\"\n\n"
        "The shadow secretary for the family, Jane Roe, said: \"These plans were announced in December.\"\n\n"
        "She said the Conservatives would announce their own plans in May.", "their own plans", "Jane Roe"),
    "a man named inside the main subject's phrase takes he from the speaker before": (
        "\"Sales rose,\" chairman Martin Bray said.\n\nThe firm also reported that passenger numbers rose in "
        "January. Aviation analyst Nick Hoek of BNP Paribas described the results as \"modest\". "
        "\"It is quite good on the revenue side,\" he said.", "revenue side", "Nick Hoek"),
    "a woman who was the subject since the last speaker takes she": (
        "\"The race is close,\" said Leslie Carter, who runs a voters' group.\n\n"
        "Anna Hale believes that young voters will come back to her campaign.\n\n"
        "\"They have a big problem,\" she said.", "big problem", "Anna Hale"),
}


@pytest.mark.parametrize("case", list(CHAINS), ids=[k.replace(" ", "_") for k in CHAINS])
def test_the_pronoun_is_the_one_speaking(run, case):
    text, fragment, speaker = CHAINS[case]
    assert one(run(text), fragment).speaker.name == speaker


def _with_place(nlp, text, word):
    """The parse of `text` with `word` labelled alone as a location, as the NER does with some surnames."""
    doc = nlp(text)
    i = [t.i for t in doc if t.text == word][-1]
    doc.ents = [*(e for e in doc.ents if not e.start <= i < e.end), Span(doc, i, i + 1, label="LOC")]
    return doc, doc[i]


def test_a_surname_the_ner_took_for_a_place_is_still_the_person(nlp):
    from ingest.extraction.speakers import Registry
    from ingest.extraction.speakers.resolution import Unnamed, resolve_subject

    text = ("Rep. Adam Schiff spoke on Wednesday. President Barack Obama met Putin on Monday.\n\n"
            "Schiff called on the administration to act. That could include sanctions.\n\n"
            "\"We know two states have been hacked,\" he said.")
    doc, schiff = _with_place(nlp, text, "Schiff")
    registry = Registry(doc)
    assert resolve_subject(schiff, registry, Unnamed(), text).actor.name == "Adam Schiff"
    he = next(t for t in doc if t.lower_ == "he")
    assert registry.resolve_pronoun(he).name == "Adam Schiff"


def test_a_place_named_like_no_one_stays_a_place(nlp):
    from ingest.extraction.speakers import Registry

    doc, _ = _with_place(nlp, "Adam Schiff visited the city on Monday. Leeds was cold.", "Leeds")
    assert [m.actor.name for m in Registry(doc).mentions if m.actor.kind == "person"] == ["Adam Schiff"]


def test_a_known_surname_the_tagger_read_as_a_verb_is_still_a_mention_as_a_subject(nlp):
    from ingest.extraction.speakers import Registry

    doc = nlp("Tom Reed ran the firm in May. Reed himself was delighted by the deal.")
    reed = [t for t in doc if t.text == "Reed"][-1]
    doc.ents = [e for e in doc.ents if not e.start <= reed.i < e.end]
    reed.pos_, reed.dep_ = "VERB", "nsubj"
    assert [m.actor.name for m in Registry(doc).mentions if m.pos == reed.idx] == ["Tom Reed"]
