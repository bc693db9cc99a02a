"""Organisations as speakers: initials, an organisation named in a role phrase or owning a document, its spokespeople."""
from __future__ import annotations

from conftest import one


def test_initials_and_full_name_are_one_actor_named_as_the_article_mostly_does(run):
    text = ("Oil demand to rise\n\n"
            "The International Energy Agency (IEA) warned that demand would outstrip supply. "
            "The IEA raised its estimate of oil demand growth. "
            "The Paris-based IEA watchdog said the upward revision was due to stronger demand from China.")
    ex = run(text)
    warned, said = one(ex, "outstrip supply"), one(ex, "upward revision")
    assert warned.speaker.name == said.speaker.name == "IEA"
    assert "International Energy Agency" in warned.speaker.aliases


def test_full_name_wins_when_used_as_often_as_the_initials(run):
    text = ("Profits fall\n\nBritish Airways said fuel prices had hit its profits. "
            "Later BA said sales would be better than forecast.")
    ex = run(text)
    assert one(ex, "fuel prices").speaker.name == one(ex, "sales would").speaker.name == "British Airways"


def test_she_after_an_organisations_spokeswoman_is_that_spokeswoman(run):
    text = ("Courses scrapped\n\nMinister Paul Okafor opened the college in 2001.\n\n"
            "A Department for Education spokeswoman said the venture had been ambitious. "
            "She added: “We were not the only organisation to lose out when the boom collapsed.”")
    ex = run(text)
    said, added = one(ex, "ambitious"), one(ex, "not the only organisation")
    assert said.speaker.name == added.speaker.name
    assert "Department for Education" in said.speaker.name


def test_a_company_named_in_apposition_is_the_speaker_and_the_firm_after_it(run):
    text = ("Downloads rise\n\nWeb tracking company Envisional said 18% of downloaders were in the UK. "
            "About 70% were using the file-sharing program BitTorrent, the firm said.")
    ex = run(text)
    assert one(ex, "18% of downloaders").speaker.name == one(ex, "70% were using").speaker.name == "Envisional"


def test_according_to_figures_from_an_organisation(run):
    text = ("Output falls\n\nAccording to figures from the Ministry of Economy, Trade and Industry, the decline was led "
            "by a fall in demand for electronic parts.")
    assert one(run(text), "decline was led").speaker.name == "Ministry of Economy, Trade and Industry"


def test_a_party_name_the_ner_cut_short_is_whole_again(run):
    s = one(run("Headline\n\nThe Liberal Democrats are promising to raise the stamp duty threshold."), "stamp duty")
    assert s.speaker.name == "Liberal Democrats"


def test_a_document_speaks_for_its_owner(run):
    text = ("Growth slows\n\nThe International Monetary Fund met in Washington on Tuesday. "
            "The IMF report said growth in advanced economies would slow to 1.6 percent. "
            "According to its own website, the fund lends to members in difficulty.")
    ex = run(text)
    assert one(ex, "advanced economies").speaker.name == "International Monetary Fund"
    assert one(ex, "lends to members").speaker.name == "International Monetary Fund"


def test_a_statement_issued_speaks_for_whoever_issued_it(run):
    # "saying"/"calling" hang on the statement, which names no one itself
    cases = {
        "Acme Corp released a statement saying it would close the plant in March.": ("Acme Corp", "it would close"),
        "The Security Council issued a statement calling the test a clear violation of its resolutions.":
            ("Security Council", "the test a clear violation"),
    }
    for text, (speaker, content) in cases.items():
        s = one(run(text), content)
        assert s.speaker.name == speaker, text


def test_a_relative_clause_hung_on_the_verb_still_speaks_for_the_noun_before_which(nlp):
    # as the parser read "... turned to the Chicago Police Department which reported “2,521 shooting incidents” ..."
    from conftest import parsed

    from ingest.extraction.candidates.verbs import reported_candidates

    doc = parsed(nlp, [("They", 1, "nsubj", "PRON", "PRP", "they"), ("turned", 1, "ROOT", "VERB", "VBD", "turn"),
                       ("to", 1, "prep", "ADP", "IN", "to"), ("police", 2, "pobj", "NOUN", "NN", "police"),
                       ("which", 5, "nsubj", "PRON", "WDT", "which"), ("reported", 1, "relcl", "VERB", "VBD", "report"),
                       ("forty", 7, "nummod", "NUM", "CD", "forty"), ("serious", 8, "amod", "ADJ", "JJ", "serious"),
                       ("fires", 5, "dobj", "NOUN", "NNS", "fire"), (".", 1, "punct", "PUNCT", ".", ".")])
    [cand] = reported_candidates(doc, lambda pos: False)
    assert (doc.text[cand.start:cand.end], cand.subject.text) == ("forty serious fires", "police")


def test_a_participle_on_a_noun_speaks_for_that_noun(run):
    # "saying" hangs on "calls", which names no one else: the calls said it
    s = one(run("Police received dozens of calls saying shots had been fired near the school."), "shots")
    assert (s.speaker.name, s.cue, s.content) == ("calls", "saying", "shots had been fired near the school")


def test_an_organisation_named_right_after_its_description_is_the_speaker(run):
    s = one(run("Growth slowed to 0.1% in the quarter, according to state statistics body INSEE."), "Growth slowed")
    assert s.speaker.name == "INSEE"


def test_a_ruling_speaks_for_the_body_that_owns_it_and_saying_after_a_passive_for_its_agent(run):
    text = "The Ugandan Media Council met on Monday. “The film is obscene and is hereby banned,” the council's ruling said."
    assert one(run(text), "obscene").speaker.name == "Ugandan Media Council"
    s = one(run("The plan was opposed by several unions, saying it would cost thousands of jobs."), "thousands of jobs")
    assert s.speaker.name == "several unions"


def test_an_organisation_whose_name_opens_with_a_title_word_keeps_it(run):
    [s] = run("General Motors said sales fell in March.").statements
    assert s.speaker.name == "General Motors"


def _ents(nlp, rows, ents):
    from conftest import parsed

    from ingest.extraction.speakers import relabel_people

    doc = parsed(nlp, rows, ents)
    relabel_people(doc)
    return [(e.text, e.label_) for e in doc.ents]


def test_initials_the_ner_read_as_a_person_are_an_organisation(nlp):
    rows = [("He", 1, "nsubj", "PRON", "PRP", "he"), ("spied", 1, "ROOT", "VERB", "VBD", "spy"),
            ("for", 1, "prep", "ADP", "IN", "for"), ("MI6", 2, "pobj", "PROPN", "NNP", "MI6"),
            (".", 1, "punct", "PUNCT", ".", ".")]
    assert _ents(nlp, rows, ["O", "O", "O", "B-PERSON", "O"]) == [("MI6", "ORG")]
    # a surname set in capitals that the article also writes as a name stays a person
    rows[3] = ("OBAMA", 2, "pobj", "PROPN", "NNP", "OBAMA")
    rows += [("Barack", 6, "compound", "PROPN", "NNP", "Barack"), ("Obama", 7, "nsubj", "PROPN", "NNP", "Obama"),
             ("left", 7, "ROOT", "VERB", "VBD", "leave"), (".", 7, "punct", "PUNCT", ".", ".")]
    ents = ["O", "O", "O", "B-PERSON", "O", "B-PERSON", "I-PERSON", "O", "O"]
    assert _ents(nlp, rows, ents) == [("OBAMA", "PERSON"), ("Barack Obama", "PERSON")]


def test_a_person_the_ner_ran_on_past_the_name_is_cut_back_and_a_numbered_place_is_no_one(nlp):
    rows = [("David", 1, "compound", "PROPN", "NNP", "David"), ("Kahn", 4, "nsubj", "PROPN", "NNP", "Kahn"),
            ("-", 1, "punct", "PUNCT", "HYPH", "-"), ("a", 4, "det", "DET", "DT", "a"),
            ("left", 4, "ROOT", "VERB", "VBD", "leave"), ("Perm", 4, "dobj", "PROPN", "NNP", "Perm"),
            ("35", 5, "nummod", "NUM", "CD", "35"), (".", 4, "punct", "PUNCT", ".", ".")]
    ents = ["B-PERSON", "I-PERSON", "I-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "O"]
    assert _ents(nlp, rows, ents) == [("David Kahn", "PERSON")]


def test_a_one_word_person_referred_to_only_as_it_is_an_organisation(run):
    text = ("Velkor lost its appeal in a Texas court on Friday. Velkor said it would consider its options. "
            "However, it claimed that the court had backed its argument on four issues.")
    ex = run(text)
    assert {(s.speaker.name, s.speaker.kind) for s in ex.statements} == {("Velkor", "organization")}
    # "Mr Howard said it would be ...": a person, whatever "it" stands for
    [s] = run("In the Commons, Mr Howard said it would be far better if it was subject to a sunset clause.").statements
    assert (s.speaker.name, s.speaker.kind) == ("Howard", "person")
