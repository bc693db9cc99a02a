"""A quotation followed by its attribution when the quote does not end with a comma."""
from __future__ import annotations


def test_a_subject_the_parser_took_from_inside_the_quote_does_not_hide_the_speaker_after_it(nlp):
    # as the parser read a real article: the quote's own "it" hung on "said" as a first subject, the speaker second
    from spacy.tokens import Doc

    from ingest.extraction.candidates.direct import speaker_of
    from ingest.extraction.quotes import Quote

    words = ['"', "Soon", ",", "it", "will", "fail", ",", '"', "said", "Anna", "Berg", "."]
    heads = [8, 5, 5, 8, 8, 8, 8, 8, 8, 10, 8, 8]
    deps = ["punct", "advmod", "punct", "nsubj", "aux", "advcl", "punct", "punct", "ROOT", "compound", "nsubj", "punct"]
    pos = ["PUNCT", "ADV", "PUNCT", "PRON", "AUX", "VERB", "PUNCT", "PUNCT", "VERB", "PROPN", "PROPN", "PUNCT"]
    spaces = [False, False, True, True, True, False, False, True, True, True, False, False]
    doc = Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos)
    said = doc[8]
    quote = Quote(start=0, end=doc[7].idx + 1, closed=True)
    assert speaker_of(said, quote).text == "Berg"
    assert speaker_of(said).text == "Berg"  # without the quote to look past, the name next to the verb


def test_a_cue_the_parser_hung_inside_the_quote_takes_the_name_before_it(nlp):
    # as the parser read a real article: "said" a conjunct of the quoted verb, its subject the quote's "We"
    from spacy.tokens import Doc

    from ingest.extraction.candidates.direct import speaker_of
    from ingest.extraction.quotes import Quote

    words = ['"', "We", "will", "win", ",", '"', "Chief", "Anna", "Berg", "said", "."]
    heads = [3, 3, 3, 3, 3, 3, 8, 8, 3, 3, 3]
    deps = ["punct", "nsubj", "aux", "ROOT", "punct", "punct", "compound", "compound", "npadvmod", "conj", "punct"]
    pos = ["PUNCT", "PRON", "AUX", "VERB", "PUNCT", "PUNCT", "PROPN", "PROPN", "PROPN", "VERB", "PUNCT"]
    ents = ["O", "O", "O", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "O"]
    spaces = [False, True, True, False, False, True, True, True, True, False, False]
    doc = Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, ents=ents)
    quote = Quote(start=0, end=doc[5].idx + 1, closed=True)
    assert speaker_of(doc[9], quote).text == "Berg"


def test_a_subject_taken_from_a_later_quotation_gives_way_to_the_name_after_the_quote(nlp):
    # as the parser read a real article: "Fox", inside the show's title in quotes, the subject of "said"
    from spacy.tokens import Doc

    from ingest.extraction.candidates.direct import TokenIndex, attribution_after
    from ingest.extraction.quotes import Quote

    words = ["“", "He", "is", "right", ",", "”", "Berg", ",", "an", "aide", ",", "said", "on", "“", "Fox", "and",
             "Friends", ".", "”"]
    spaces = [False, True, True, False, False, True, False, True, True, False, True, True, True, False, True, True,
              False, False, False]
    heads = [11, 2, 11, 2, 11, 11, 11, 6, 9, 6, 11, 11, 11, 11, 11, 14, 14, 11, 11]
    deps = ["punct", "nsubj", "ccomp", "acomp", "punct", "punct", "npadvmod", "punct", "det", "appos", "punct", "ROOT",
            "prep", "punct", "nsubj", "cc", "conj", "punct", "punct"]
    pos = ["PUNCT", "PRON", "AUX", "ADJ", "PUNCT", "PUNCT", "PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "VERB", "ADP",
           "PUNCT", "PROPN", "CCONJ", "PROPN", "PUNCT", "PUNCT"]
    lemmas = [w.lower() for w in words]
    lemmas[11] = "say"
    ents = ["O"] * len(words)
    ents[6] = "B-PERSON"
    doc = Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, lemmas=lemmas, ents=ents)
    first = Quote(start=0, end=doc[5].idx + 1, closed=True)
    title = doc[13].idx
    verb, speaker = attribution_after(doc.text, first, TokenIndex(doc), lambda pos: title if pos < title else None)
    assert (verb.text, speaker.text) == ("said", "Berg")


def test_a_short_quoted_sentence_with_names_and_i_is_not_a_title():
    from ingest.extraction.candidates.direct import is_sayable

    assert is_sayable("Yes, I support Anna Berg,")
    assert not is_sayable("The State of the Union")  # a title in title case still is one


def test_a_quote_ending_inside_a_nested_quote_still_takes_the_speaker_after_it(run):
    text = "“When this came up, her response was, ‘Let us see what we can do to help?’” Anna Berg told reporters."
    assert [(s.speaker.name, s.cue) for s in run(text).statements] == [("Anna Berg", "told")]
    text = "“Her answer was, ‘We will fight.’” Anna Berg told reporters on Tuesday."
    assert [(s.speaker.name, s.cue) for s in run(text).statements] == [("Anna Berg", "told")]


def test_a_quote_missing_its_closing_mark_ends_where_the_next_one_opens():
    from ingest.extraction.quotes import find_quotes

    text = ('A spokeswoman said the plan had been "bold and new, but demand had not been "enough to go on". '
            'She added: "We were not the only ones to lose out."')
    quotes = [text[q.start:q.end] for q in find_quotes(text)]
    assert quotes == ['"bold and new, but demand had not been', '"enough to go on"', '"We were not the only ones to lose out."']
