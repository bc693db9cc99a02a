"""A quotation followed by its attribution when the quote does not end with a comma."""
from __future__ import annotations

from conftest import one


def statements(ex):
    return [(s.speaker.name if s.speaker else None, s.content, s.kind, s.cue) for s in ex.statements]


def test_a_quoted_question_belongs_to_who_asked_it(run):
    ex = run("“Why would we ever stop the project now?” Anna Berg asked.")
    assert statements(ex) == [("Anna Berg", "Why would we ever stop the project now", "direct", "asked")]


def test_a_quote_closing_its_sentence_belongs_to_a_bare_attribution_after_it(run):
    ex = run("“We will never stop the project now.” Anna Berg later recalled.")
    assert statements(ex) == [("Anna Berg", "We will never stop the project now", "direct", "recalled")]


def test_a_quote_closing_its_sentence_is_not_given_to_the_next_statement(run):
    ex = run("“We will never stop the project now.” Anna Berg said the vote was close.")
    assert [s.content for s in ex.statements if s.cue == "said"] == ["the vote was close"]
    assert not any(s.content.startswith("We will never") and s.cue == "said" for s in ex.statements)


def test_asked_after_a_statement_in_quotes_is_not_its_cue(run):
    ex = run("“The project will stop now,” Anna Berg asked the council to note on Monday.")
    assert not any(s.cue == "asked" and s.kind == "direct" for s in ex.statements)


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


def test_a_question_in_quotes_after_asking_belongs_to_who_asks(run):
    text = "Anna Berg sings to the mayor before asking her, “I just want to know, where do we go from here?”"
    assert [(s.speaker.name, s.cue) for s in run(text).statements] == [("Anna Berg", "asking")]
    # a quotation that is no question after "asked" is not taken for what was asked
    statements = run("Anna Berg asked him to read the letter, “We will rebuild the harbour next year”, aloud.").statements
    assert not any("harbour" in s.content and s.cue.startswith("ask") and s.kind == "direct" for s in statements)


def test_a_quote_missing_its_closing_mark_ends_where_the_next_one_opens():
    from ingest.extraction.quotes import find_quotes

    text = ('A spokeswoman said the plan had been "bold and new, but demand had not been "enough to go on". '
            'She added: "We were not the only ones to lose out."')
    quotes = [text[q.start:q.end] for q in find_quotes(text)]
    assert quotes == ['"bold and new, but demand had not been', '"enough to go on"', '"We were not the only ones to lose out."']


def test_a_quotation_closing_reported_speech_keeps_its_closing_mark(run):
    ex = run('Anna Berg told members the council offered a "hard right agenda". '
             'She said the plan was "a disgrace."')
    assert [s.content for s in ex.statements] == ['the council offered a "hard right agenda"', 'the plan was "a disgrace."']


def test_a_quote_before_an_attribution_that_introduces_its_own_quotation_is_not_its_content(run):
    ex = run('Anna Berg said: "The library must stay open.\n\n"Who will read to the children now?" '
             'Responding to the criticism, Mayor Paul Okafor said: "The budget is under review."')
    by_content = {s.content: s.speaker.name for s in ex.statements}
    assert by_content["The budget is under review"] == "Paul Okafor"
    assert by_content.get("Who will read to the children now") in (None, "Anna Berg")


def test_a_colon_gives_the_quote_to_the_person_the_sentence_names_not_to_a_thing(run):
    ex = run("The timing of Berg's surge doesn't surprise Republican pollster Paul Okafor: \"Historically, lesser-known "
             "candidates beating established candidates in early contests have seen the biggest boost.\"")
    assert [s.speaker.name for s in ex.statements] == ["Paul Okafor"]
    ex = run("The reason the council gives for the delay is a blind faith in the contractor's word:\n\n"
             "\"The bridge will be finished by the spring, and the tolls will pay for it.\"")
    assert not [s for s in ex.statements if s.speaker.name.startswith("The reason")]


def test_a_quotation_the_paper_quotes_someone_for_is_that_someones(run):
    text = ("Rover workers met on Monday. Ann Berg, the union's leader, said talks would go on. "
            "“The buyer is extremely concerned,” the newspaper quotes a source close to the Chinese firm.")
    s = one(run(text), "extremely concerned")
    assert (s.speaker.name, s.cue) == ("a source close to the Chinese firm", "quotes")
