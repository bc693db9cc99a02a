"""Which gender "he" and "she" can stand for: first names from the census, then from the train split."""
from __future__ import annotations

from ingest.extraction.speakers import name_gender
from ingest.extraction.tables import names
from ingest.extraction.training.census_names import census_genders


def test_census_names_are_known_and_win_over_names_misread_in_the_train_split():
    assert name_gender("Jacqueline Moreau") == "f" and name_gender("Hillary Moreau") == "f"
    learned = names("first_names")
    misread = [name for name in ("Anne", "Kathleen") if learned.get(name) == "m"]
    assert misread, "the train split's table no longer misreads these: pick other examples"
    assert all(name_gender(f"{name} Moreau") == "f" for name in misread)


def test_a_name_both_genders_carry_is_left_unknown():
    genders = census_genders()
    assert genders["Mary"] == "f" and genders["John"] == "m"
    assert "Jessie" not in genders and "Leslie" not in genders  # 0.065 vs 0.098, 0.081 vs 0.154
    assert genders["Jean"] == "f"  # 0.315 against 0.035


def test_a_full_name_the_parser_left_unlabelled_is_that_person_not_the_namesake_named_first(nlp):
    from spacy.tokens import Doc

    from ingest.extraction.speakers import Registry

    words = ["Tom", "Smith", "spoke", ".", "Anna", "Smith", "arrived", ".", "Then", "Anna", "Smith", "spoke", "."]
    pos = ["PROPN", "PROPN", "VERB", "PUNCT"] * 2 + ["ADV", "PROPN", "PROPN", "VERB", "PUNCT"]
    ents = ["B-PERSON", "I-PERSON", "O", "O", "B-PERSON", "I-PERSON"] + ["O"] * 7
    starts = [True] + [False] * 3 + [True] + [False] * 3 + [True] + [False] * 4
    doc = Doc(nlp.vocab, words=words, pos=pos, ents=ents, sent_starts=starts)
    assert [m.actor.name for m in Registry(doc).mentions] == ["Tom Smith", "Anna Smith", "Anna Smith"]


def test_a_name_the_ner_read_as_an_organisation_is_a_person_again(nlp):
    from spacy.tokens import Doc

    from ingest.extraction.speakers import relabel_people

    words = ["Nicola", "Sturgeon", "met", "Virginia", "Tech", "and", "Otis", "Ferry", "."]
    ents = ["B-ORG", "I-ORG", "O", "B-ORG", "I-ORG", "O", "B-PRODUCT", "I-PRODUCT", "O"]
    doc = Doc(nlp.vocab, words=words, ents=ents)
    relabel_people(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Nicola Sturgeon", "PERSON"), ("Virginia Tech", "ORG"), ("Otis Ferry", "PERSON")]


def test_a_first_name_the_ner_left_out_picks_that_person_not_the_namesake_named_most(nlp):
    # "Otis Ferry ... said" with only "Ferry" labelled, after Bryan Ferry was named twice
    from spacy.tokens import Doc

    from ingest.extraction.speakers.resolution import Unnamed, resolve_subject
    from ingest.extraction.speakers import Registry

    names = [("Bryan", "spoke"), ("Bryan", "left"), ("Otis", "arrived"), ("Otis", "said")]
    words = [w for first, verb in names for w in (first, "Ferry", verb, ".")]
    heads = [h + 4 * k for k in range(4) for h in (1, 2, 2, 2)]
    deps = ["compound", "nsubj", "ROOT", "punct"] * 4
    pos = ["PROPN", "PROPN", "VERB", "PUNCT"] * 4
    ents = ["B-PERSON", "I-PERSON", "O", "O"] * 3 + ["O", "B-PERSON", "O", "O"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, ents=ents)
    actor = resolve_subject(doc[13], Registry(doc), Unnamed(), doc.text).actor
    assert actor.name == "Otis Ferry"


def test_markup_left_in_the_text_is_not_part_of_a_name(nlp):
    from ingest.extraction.speakers import Registry

    registry = Registry(nlp("Bernie Sanders spoke on Monday."))
    assert registry.lookup('">Sanders').name == "Bernie Sanders"


def test_a_lone_verb_the_ner_read_as_a_name_is_no_person(nlp):
    from spacy.tokens import Doc

    from ingest.extraction.speakers import relabel_people

    words = ["Conceding", "that", "it", "failed", ",", "Anna", "Berg", "left", "."]
    pos = ["VERB", "SCONJ", "PRON", "VERB", "PUNCT", "PROPN", "PROPN", "VERB", "PUNCT"]
    ents = ["B-PERSON", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "O"]
    doc = Doc(nlp.vocab, words=words, pos=pos, ents=ents)
    relabel_people(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Anna Berg", "PERSON")]


def test_a_headline_verb_read_into_a_name_is_cut_off(nlp):
    from spacy.tokens import Doc

    from ingest.extraction.speakers import relabel_people

    words = ["Berg", "Says", "He", "Never", "Lied", "to", "the", "Alliance", "to", "Save", "Our", "Schools"]
    tags = ["NNP", "VBZ", "PRP", "RB", "VBD", "IN", "DT", "NNP", "TO", "VB", "PRP$", "NNPS"]
    ents = ["B-PERSON", "I-PERSON", "I-PERSON", "I-PERSON", "O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG"]
    doc = Doc(nlp.vocab, words=words, tags=tags, ents=ents)
    relabel_people(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Berg", "PERSON"), ("Alliance to Save Our Schools", "ORG")]


def test_a_full_name_the_ner_left_unlabelled_becomes_a_person(nlp):
    # "And oh yes, Carly Fiorina: What ..." left without any label; "Virginia Beach" is a place
    from spacy.tokens import Doc

    from ingest.extraction.speakers import relabel_people

    words = ["And", "yes", ",", "Carly", "Fiorina", ":", "she", "visited", "Virginia", "Beach", "."]
    pos = ["CCONJ", "INTJ", "PUNCT", "PROPN", "PROPN", "PUNCT", "PRON", "VERB", "PROPN", "PROPN", "PUNCT"]
    doc = Doc(nlp.vocab, words=words, pos=pos, ents=["O"] * len(words))
    relabel_people(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Carly Fiorina", "PERSON")]
