"""Whom a pronoun or a name the NER missed is credited to (issue 20), on invented sentences, each with a neighbour the
rule must leave alone:

- "they" after two people named together, or people named by a plural subject ("Workers protested"), is neither the
  organisation named before them nor one of the people: the words, unresolved, for editors; "they" after an
  organisation that spoke still is it;
- what a person's gender rests on, strongest first: the article's honorific, the pronouns it uses for them, a
  confident guess from the first name (a name both genders carry blocks neither "he" nor "she");
- "he" or "she" right after an unnamed source ("a senior aide said") is that source, not a person named nearby;
- a name the NER missed, took for a product or read as a verb is still a name, or the company it is short for."""
from __future__ import annotations

import pytest
from conftest import one

# (text, a fragment of the statement, its speaker's name, whether the speaker is a resolved actor)
CASES = {
    "they after two people named together is not the firm named before them": (
        "Brightwater Corp sold the plant in May. Tom Hale and Mark Dunn, who ran it for a decade, criticised the sale "
        "on Monday. They said the deal was unfair to the workers.", "unfair to the workers", "They", False),
    "they after the firm named since the two people is the firm": (
        "Tom Hale and Mark Dunn ran the plant for a decade. Brightwater Corp sold it in May and closed it on Monday. "
        "They said the plant had lost money for years.", "lost money", "Brightwater Corp", True),
    "they after people named as a plural subject is not the firm named before them": (
        "Brightwater Corp sold the plant in May. Workers protested outside the gates. They said the sale was a "
        "betrayal.", "a betrayal", "They", False),
    "they after the firm spoke is still the firm": (
        "Brightwater Corp sold the plant in May. The company said the sale was final. They said the workers would be "
        "paid.", "would be paid", "Brightwater Corp", True),
    "an honorific wins over the first name's guess": (
        "Andrea Conti, the mayor of Lucca, opened the new bridge on Monday. Mr. Conti thanked the builders. "
        "\"This bridge will last a century,\" he said.", "last a century", "Andrea Conti", True),
    "with no honorific the first name still says she": (
        "Andrea Conti, the mayor of Lucca, opened the new bridge on Monday. Tom Berg, the builder, thanked her. "
        "\"This bridge will last a century,\" she said.", "last a century", "Andrea Conti", True),
    "a first name both genders carry does not block he": (
        "Robin Hale has coached the team for ten years. \"We will win the cup,\" he said.",
        "win the cup", "Robin Hale", True),
    "a confident first name still blocks he": (
        "Karen Hale and her assistant Tom Berg run the team. Karen Hale has coached it for ten years. "
        "\"We will win the cup,\" he said.", "win the cup", "Tom Berg", True),
    "he after an aide who names no principal is the aide, not the governor named before": (
        "Governor Tom Hale met the union leaders on Monday. A senior aide at the talks said they had gone "
        "well. He said a deal could come by Friday.", "by Friday", "A senior aide at the talks", False),
    "he after an aide to the governor is the aide, who speaks for the governor (rule 2)": (
        "Governor Tom Hale met the union leaders on Monday. A senior aide to the governor said the talks had gone "
        "well. He said a deal could come by Friday.", "by Friday", "Tom Hale", True),
    "he after an unnamed source is the source, not a person named in passing": (
        "The union met Governor Tom Hale on Monday. A source close to the talks, who spoke of Hale's plan, said a deal "
        "could come by Friday. \"We are close,\" he said.", "We are close", "A source close to the talks", False),
    "he after a named person spoke since the unnamed source is that person": (
        "A senior aide said the talks had gone well, Governor Tom Hale said on Monday. He said a deal could come by "
        "Friday.", "by Friday", "Tom Hale", True),
    "he after a named person was the subject since the unnamed source is that person": (
        "A senior aide to the governor said the talks had gone well. Governor Tom Hale later spoke to reporters "
        "outside the hall. He said a deal could come by Friday.", "by Friday", "Tom Hale", True),
    "he after someone the article only reports on is the person answering": (
        "Senator Tom Hale spoke at a forum in Ohio on Monday. One questioner claimed that the schools were failing. "
        "\"You're right, the schools are failing,\" he said.", "You're right", "Tom Hale", True),
    "they after officials is the officials": (
        "Governor Tom Hale met the union leaders on Monday. Officials said the talks had gone well. They said a deal "
        "could come by Friday.", "by Friday", "Officials", False),
    "a company's first word alone is the company": (
        "Coal producer Ashcombe Energy agreed on Monday to pay the cleanup costs. Ashcombe gave the state $20 million "
        "last year, and Ashcombe kept its mines open. In a statement, Ashcombe said: \"The mines were run safely for "
        "decades.\"", "run safely", "Ashcombe Energy", True),
    "a first word two companies share is neither": (
        "Coal producer Ashcombe Energy and the miner Ashcombe Holdings agreed on Monday to pay the cleanup costs. "
        "Ashcombe gave the state $20 million last year, and Ashcombe kept its mines open. In a statement, Ashcombe "
        "said: \"The mines were run safely for decades.\"", "run safely", "Ashcombe", True),
    "a first name the NER missed is a name": (
        "The memoir follows a young banker. \"I never saw things going this way,\" Isabelle writes in what is "
        "presented as her memoir.", "going this way", "Isabelle", True),
    "a plural common noun opening the sentence is still a group": (
        "Critics were quick to respond. Pollster Dan Hale said the race was close. Voters said they were tired of the "
        "campaign.", "tired of the campaign", "Voters", False),
}


@pytest.mark.parametrize("case", list(CASES), ids=[k.replace(" ", "_") for k in CASES])
def test_the_speaker_is_credited_on_the_evidence(run, case):
    text, fragment, speaker, resolved = CASES[case]
    found = one(run(text), fragment)
    assert (found.speaker.name, found.speaker.resolved) == (speaker, resolved)


def test_a_pronoun_resolved_to_someone_tells_later_pronouns_their_gender(run):
    text = ("Kelly Berg chairs the club. Robin Hale has coached the team for ten years. \"We will win the cup,\" he "
            "said.\n\nRobin Hale met Kelly Berg on Monday. \"The season starts well,\" she said.")
    found = run(text)
    assert one(found, "win the cup").speaker.name == "Robin Hale"
    assert one(found, "starts well").speaker.name == "Kelly Berg"


def test_a_first_name_both_genders_carry_gives_no_confident_gender():
    from ingest.extraction.speakers.actors import confident_name_gender, name_gender

    assert name_gender("Robin Hale") == "f" and confident_name_gender("Robin Hale") is None
    assert confident_name_gender("Karen Hale") == "f" and confident_name_gender("Glenn Hale") == "m"
    assert confident_name_gender("Bernie Hale") == "m"  # a few women so named in the census are noise


def test_the_order_of_evidence_for_a_gender():
    from ingest.extraction.speakers.actors import FIRST_NAME, HONORIFIC, PRONOUNS, Actor

    actor = Actor(name="Andrea Conti", kind="person")
    actor.take_gender("f", FIRST_NAME)
    actor.take_gender("m", HONORIFIC)
    actor.take_gender("f", PRONOUNS)
    assert (actor.gender, actor.gender_from) == ("m", HONORIFIC)


def test_a_one_word_name_is_not_its_own_honorific(nlp):
    # "King" alone, labelled a person, is Mary Jean King's surname, not a king's title that would make her a man
    from spacy.tokens import Span

    from ingest.extraction.speakers import Registry

    doc = nlp("Tennis great Mary Jean King remembered the fight. King won 12 titles during her career.")
    i = [t.i for t in doc if t.text == "King"][-1]
    doc.ents = [*(e for e in doc.ents if not e.start <= i < e.end), Span(doc, i, i + 1, label="PERSON")]
    (actor,) = [a for a in Registry(doc).actors if a.kind == "person"]
    assert (actor.name, actor.gender) == ("Mary Jean King", "f")
