"""Candidates, direct quotations family: quotation marks, attribution before and after, follow-up quotes
on short sentences written for these tests (split from test_constructions.py by stage)."""
from __future__ import annotations

from conftest import one


def test_quote_after_a_colon_takes_the_subject_of_any_verb_before_it(run):
    for line, cue in (("Paul Okafor released a statement:", "released"), ("Her rival, Paul Okafor, echoed the point:", "echoed")):
        text = ("Mayor Anna Berg said the bridge would open in May.\n\n" + line + "\n\n"
                "“We have waited twenty years for this bridge and we will wait no longer.”")
        s = one(run(text), "twenty years")
        assert s.speaker.name == "Paul Okafor" and s.cue == cue


def test_quote_cue_left_without_a_subject_takes_the_person_named_before_it(nlp):
    from spacy.tokens import Doc

    from ingest.extraction.candidates.direct import speaker_of

    # "Col. Paul Okafor, an army engineer, said, “No”" with the name misparsed as an apposition, not the subject
    words = ["Col.", "Paul", "Okafor", ",", "an", "army", "engineer", ",", "said", ",", "“", "No", "”"]
    heads = [2, 2, 8, 2, 6, 6, 2, 8, 8, 8, 11, 8, 11]
    deps = ["compound", "compound", "appos", "punct", "det", "compound", "appos", "punct", "ROOT", "punct", "punct",
            "ccomp", "punct"]
    pos = ["PROPN", "PROPN", "PROPN", "PUNCT", "DET", "NOUN", "NOUN", "PUNCT", "VERB", "PUNCT", "PUNCT", "INTJ", "PUNCT"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, ents=["O", "B-PERSON", "I-PERSON"] + ["O"] * 10)
    assert speaker_of(doc[8]).text == "Okafor"
