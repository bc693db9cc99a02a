"""Candidates, reported-speech families: clausal complements, nominal reports, parentheticals, directives, questions
on short sentences written for these tests (split from test_constructions.py by stage)."""
from __future__ import annotations

from conftest import one, parsed


def test_reported_speech_with_and_without_that(run):
    ex = run("Finance Minister Paul Okafor said that inflation would fall next year. "
             "Okafor also said exports were growing faster than expected.")
    with_that = one(ex, "inflation would fall")
    assert with_that.content == "inflation would fall next year"  # no complementiser, no full stop
    assert with_that.kind == "indirect"
    without = one(ex, "exports were growing")
    assert without.speaker.name == "Paul Okafor"


def test_told_reporters(run):
    s = one(run("Paul Okafor told reporters the budget was balanced."), "budget was balanced")
    assert s.speaker.name == "Paul Okafor" and s.cue == "told"


def test_pointed_out_that(run):
    s = one(run("Paul Okafor pointed out that the tax cut had already been approved."), "tax cut")
    assert s.cue == "pointed out"


def test_adding_that_is_a_second_statement(run):
    ex = run("Paul Okafor said that taxes would stay flat, adding that spending on schools would rise.")
    first = one(ex, "taxes would stay flat")
    second = one(ex, "spending on schools")
    assert "spending" not in first.content
    assert second.cue == "adding"
    assert second.speaker.name == "Paul Okafor"
    assert second.speaker_mention == "Paul Okafor"


def test_a_report_in_a_clause_joined_onto_the_content_is_a_statement_of_its_own(nlp, run):
    # as the parser read "..., acknowledging that Mr. Trump had tapped into a vein but warning that his style would ...":
    # "warning" joined by "but" onto the first complement's verb
    from ingest.extraction.candidates.verbs import reported_candidates

    doc = parsed(nlp, [("He", 1, "nsubj", "PRON", "PRP", "he"), ("spoke", 1, "ROOT", "VERB", "VBD", "speak"),
                       (",", 1, "punct", "PUNCT", ",", ","), ("noting", 1, "advcl", "VERB", "VBG", "note"),
                       ("that", 7, "mark", "SCONJ", "IN", "that"), ("costs", 7, "nsubj", "NOUN", "NNS", "cost"),
                       ("had", 7, "aux", "AUX", "VBD", "have"), ("fallen", 3, "ccomp", "VERB", "VBN", "fall"),
                       ("but", 7, "cc", "CCONJ", "CC", "but"), ("warning", 7, "conj", "VERB", "VBG", "warn"),
                       ("that", 12, "mark", "SCONJ", "IN", "that"), ("jobs", 12, "nsubj", "NOUN", "NNS", "job"),
                       ("were", 9, "ccomp", "AUX", "VBD", "be"), ("at", 12, "prep", "ADP", "IN", "at"),
                       ("risk", 13, "pobj", "NOUN", "NN", "risk"), (".", 1, "punct", "PUNCT", ".", ".")])
    from ingest.extraction.spans import trim

    noting, warning = reported_candidates(doc, lambda pos: False)
    assert [doc.text[slice(*trim(doc.text, c.start, c.end))] for c in (noting, warning)] == ["costs had fallen",
                                                                                           "jobs were at risk"]
    # a report inside a complement clause is part of what was said
    [s] = run("Ann Smith said she knew that critics had said the plan was unfair.").statements
    assert s.content == "she knew that critics had said the plan was unfair"


def test_a_clause_joined_after_the_complement_with_a_subject_of_its_own_is_the_writers(run):
    said = {s.content for s in run("Minister Paul Okafor said the deal was dead, and the markets fell on the news.").statements}
    assert said == {"the deal was dead"}
    # but the speaker's own "and she would ...", "and that ..." and "but ..." go on with what was said
    for text, content in {
        "Minister Paul Okafor said the plan was unfair, and she would vote against it.": "and she would vote against it",
        "Minister Paul Okafor said the plan was unfair, and that the unions would strike.": "and that the unions would strike",
        "Minister Paul Okafor said the deal was dead, but the talks would go on.": "but the talks would go on",
    }.items():
        [s] = run(text).statements
        assert s.content.endswith(content), text


def test_and_stressed_that(run):
    ex = run("Paul Okafor said that taxes would stay flat and stressed that the deficit would shrink by half.")
    second = one(ex, "deficit would shrink")
    assert second.cue == "stressed"
    assert second.speaker.name == "Paul Okafor"


def test_calling_on(run):
    ex = run("Union leader Maria Lopez criticised the closure of the plant, "
             "with Lopez calling on the company to reopen talks with the workers.")
    s = one(ex, "reopen talks")
    assert s.content == "the company to reopen talks with the workers"
    assert s.cue == "calling on"
    assert s.speaker.name == "Maria Lopez"


def test_according_to(run):
    s = one(run("The factory will close in March, according to union leader Maria Lopez."), "factory will close")
    assert s.speaker.name == "Maria Lopez"
    assert s.cue == "according to"
    assert s.content == "The factory will close in March"


def test_cue_set_off_by_commas_in_the_middle_of_the_sentence(run):
    text = ("Paul Okafor ran the mill for twenty years. "
            "The mill was the town's biggest employer, Okafor said, until it closed in 1999.")
    s = one(run(text), "biggest employer")
    assert s.speaker.name == "Paul Okafor"
    assert s.content.startswith("The mill was the town's biggest employer")
    assert s.content.endswith("until it closed in 1999")


def test_participle_after_a_preposition_takes_the_verbs_subject(run):
    text = "Finance Minister Paul Okafor answered the critics by saying that the budget was balanced."
    s = one(run(text), "budget was balanced")
    assert s.speaker.name == "Paul Okafor"
    assert s.cue == "saying"


def test_gerund_complement_of_a_proposal_verb(run):
    text = "Finance Minister Paul Okafor proposed raising the tax on tobacco to pay for the new hospitals."
    s = one(run(text), "raising the tax")
    assert s.speaker.name == "Paul Okafor"


def test_called_for_someone_to_act_parsed_as_a_clause(run):
    for text in ("Mayor Paul Okafor is calling for the United States to step up its efforts against the floods.",
                 "Paul Okafor has called for the state to pay for a second bridge over the river."):
        s = one(run(text), " to ")
        assert s.speaker.name == "Paul Okafor" and s.cue.endswith(" for")
        assert s.content.startswith(("the United States to step up", "the state to pay"))


def test_called_for_someone_keeps_what_they_are_to_do(run):
    s = one(run("The mayor called for female workers to wear shorter dresses."), "workers")
    assert s.cue == "called for" and s.content == "female workers to wear shorter dresses"


def test_asked_if_is_the_question(run):
    s = one(run("Paul Okafor also asked the mayor if the bridge would open before the winter."), "bridge")
    assert s.speaker.name == "Paul Okafor" and s.cue == "asked"
    assert s.content == "if the bridge would open before the winter"


def test_trailing_relative_clause_or_participle_is_not_part_of_a_reported_noun_phrase(run):
    s = one(run("Anna Berg praised the new city library, which opened in May after years of delays."), "library")
    assert s.content == "the new city library"
    s = one(run("Anna Berg vowed to repeal the new parking fee, holding up a stack of letters from angry shop owners."), "fee")
    assert s.content == "to repeal the new parking fee"


def test_clause_before_the_cue_whose_comma_the_parser_kept_inside_it(run):
    text = ("Headline\n\nThe carmaker plans to shift production of the model to China and export it to the UK, "
            "sources close to the negotiations tell the FT.")
    s = one(run(text), "shift production")
    assert s.cue == "tell" and s.speaker.name.startswith("sources")
    assert s.content == "The carmaker plans to shift production of the model to China and export it to the UK"


def test_that_clause_hung_on_the_phrase_after_the_verb(run):
    # the parser reads "that the talks would resume" as a clause of "statement"
    found = one(run("The ministry said in a statement that the talks would resume next week."), "talks")
    assert (found.speaker.name, found.cue, found.content) == ("The ministry", "said", "the talks would resume next week")
    # a relative clause with no subject of its own reports nothing
    assert run("The ministry said in a statement that was released on Friday.").statements == ()


def test_parenthetical_cue_after_a_clause_the_parser_hung_on_it(run):
    found = one(run("If this argument fails to persuade, Mr. Berg argues, there are other tools in the toolbox."), "tools")
    assert (found.speaker.name, found.cue) == ("Berg", "argues")


def test_parenthetical_cue_hung_on_a_noun_reports_the_whole_clause(nlp):
    # "The difference now, he told me, is that he wins." with "told" hung on "difference"
    from spacy.tokens import Doc

    from ingest.extraction.candidates.parenthetical import inverted

    words = ["The", "difference", "now", ",", "he", "told", "me", ",", "is", "that", "he", "wins", "."]
    heads = [1, 8, 1, 1, 5, 1, 5, 5, 8, 11, 11, 8, 8]
    deps = ["det", "nsubj", "advmod", "punct", "nsubj", "parataxis", "dobj", "punct", "ROOT", "mark", "nsubj",
            "ccomp", "punct"]
    pos = ["DET", "NOUN", "ADV", "PUNCT", "PRON", "VERB", "PRON", "PUNCT", "AUX", "SCONJ", "PRON", "VERB", "PUNCT"]
    spaces = [True, True, False, True, True, True, False, True, True, True, True, False, False]
    doc = Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos)
    (start, end), rule = inverted(doc[5])
    assert (doc.text[start:end], rule) == ("The difference now, he told me, is that he wins.", "parenthetical")


def test_parenthetical_cue_after_a_sentence_adverb(run):
    text = ("Mayor Anna Berg spoke to the radio station on Monday about the bridge.\n\n"
            "Instead, Berg told the station, her plan would merely be “to finish the bridge” if she wins the election.")
    found = one(run(text), "her plan would merely be")
    assert (found.speaker.name, found.cue) == ("Anna Berg", "told")


def test_a_subordinate_clause_set_off_by_commas_is_no_parenthetical_attribution(run):
    text = ("Mayor Anna Berg spoke on Monday.\n\n"
            "From the first days of her term, when she insisted on paying her own bills, Berg has understood the power "
            "of gesture.")
    assert not [s for s in run(text).statements if "power of gesture" in s.content]


def test_as_attribution_reports_the_clause_it_hangs_on(run):
    text = ("Finance Minister Paul Okafor and the Daily Courier looked at the budget on Monday.\n\n"
            "As the Daily Courier reported, the ministry had spent twice its budget on consultants.\n\n"
            "The bridge will cost more than the school, as Okafor noted in an interview.")
    ex = run(text)
    first = one(ex, "spent twice")
    assert (first.speaker.name, first.content) == ("Daily Courier", "the ministry had spent twice its budget on consultants")
    second = one(ex, "bridge will cost")
    assert (second.speaker.name, second.content) == ("Paul Okafor", "The bridge will cost more than the school")


def test_as_clause_of_time_is_no_attribution(run):
    text = ("Finance Minister Paul Okafor met the farmers on Monday.\n\n"
            "As Okafor joked with the mayor, the farmers grew impatient with the ministry.")
    assert not [s for s in run(text).statements if "impatient" in s.content]


def test_pointed_to_reports_what_was_pointed_to(run):
    s = one(run("Finance Minister Paul Okafor pointed to the rising cost of fuel and the weak currency."), "rising cost")
    assert (s.speaker.name, s.cue, s.content) == ("Paul Okafor", "pointed", "the rising cost of fuel and the weak currency")
    # "talked to reporters about the plan": what was talked about, not who heard it
    about = run("Finance Minister Paul Okafor talked to reporters about the new tax on fuel.").statements
    assert [s.content for s in about] == ["the new tax on fuel"]


def test_pointed_to_something_as_something_reports_both_and_no_apposition_read_as_the_object(run):
    # the parser reads "a charge the company denies" as the verb's object and prefers "as ..." to "to ..."
    s = one(run("The union pointed to the closure of the mill as proof of neglect, a charge the company denies."), "mill")
    assert (s.speaker.name, s.content) == ("The union", "the closure of the mill as proof of neglect")
    # the stranded "to" of a relative clause has no object: what it was pointed to as
    s = one(run("Martin denounced the plan in a speech, which the party pointed to as an example of its openness."),
            "openness")
    assert (s.speaker.name, s.content) == ("the party", "an example of its openness")


def test_what_someone_refused_to_say_is_no_statement(run):
    text = ("Headline\n\nA spokesman for the firm refused to comment on the reports, but said any results would be "
            "published on Friday. Commuters who fail to say they have moved house will be fined.")
    assert [s.content for s in run(text).statements] == ["any results would be published on Friday"]


def test_as_attribution_closing_the_sentence(run):
    text = ("Headline\n\nThe video does not show whether the driver had a gun, as police have said. "
            "But in July the company failed as predicted.")
    ex = run(text)
    s = one(ex, "had a gun")
    assert (s.speaker.name, s.content) == ("police", "The video does not show whether the driver had a gun")
    assert not [s for s in ex.statements if "failed" in s.content]


def test_what_someone_refused_to_do_in_a_conjoined_infinitive_is_no_statement(run):
    text = ("Headline\n\nMayor Anna Berg demands transparency from the council, yet refuses to release her own "
            "accounts or explain how the bridge was paid for.")
    assert not [s for s in run(text).statements if "bridge was paid" in s.content]


def test_reported_noun_phrase_keeps_what_it_is_about_but_not_when_or_where_it_was_said(run):
    s = one(run("Anna Berg blamed the closure of the bridge on the new toll operator."), "bridge")
    assert s.content == "the closure of the bridge on the new toll operator"
    s = one(run("Anna Berg announced a concert in support of the flood victims."), "concert")
    assert s.content == "a concert in support of the flood victims"
    s = one(run("Anna Berg praised the volunteers from the river club in a radio interview."), "volunteers")
    assert s.content == "the volunteers from the river club"
    s = one(run("Anna Berg criticized the parking plan on Sunday."), "parking plan")
    assert s.content == "the parking plan"


def test_a_parenthetical_cue_opening_its_sentence_is_not_part_of_the_content(run):
    ex = run("Mayor Anna Berg spoke to the council on Monday about the bridge. But, she added, the council must "
             "find the money first. The bridge, she said, is the city's lifeline.")
    assert one(ex, "find the money").content == "the council must find the money first"
    assert one(ex, "lifeline").content == "The bridge, she said, is the city's lifeline"


def test_a_clause_misread_under_a_verb_of_objects_leaves_the_object_reading(nlp):
    # the parser reads "Trump had made ..." as a clause of "cited" ("Clinton cited disparaging remarks Trump had
    # made about Machado as examples of ..."); "cite" reports objects, not clauses
    from spacy.tokens import Doc

    from ingest.extraction.candidates.verbs import reported_candidates

    words = ["Berg", "cited", "remarks", "Okafor", "had", "made", "about", "Lind", "as", "examples", "."]
    heads = [1, 1, 1, 5, 5, 1, 5, 6, 5, 8, 1]
    deps = ["nsubj", "ROOT", "dobj", "nsubj", "aux", "ccomp", "prep", "pobj", "prep", "pobj", "punct"]
    pos = ["PROPN", "VERB", "NOUN", "PROPN", "AUX", "VERB", "ADP", "PROPN", "ADP", "NOUN", "PUNCT"]
    tags = ["NNP", "VBD", "NNS", "NNP", "VBD", "VBN", "IN", "NNP", "IN", "NNS", "."]
    lemmas = ["Berg", "cite", "remark", "Okafor", "have", "make", "about", "Lind", "as", "example", "."]
    spaces = [True] * 9 + [False, False]
    doc = Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)
    [cand] = [c for c in reported_candidates(doc, lambda pos: False) if c.cue_token.i == 1]
    assert (doc.text[cand.start:cand.end], cand.rule) == ("remarks Okafor had made about Lind as examples", "dobj")


def test_what_someone_told_others_to_do_is_not_the_clause_before_the_dash(run):
    ex = run("Mayor Anna Berg spoke on Monday. Ms Berg's comments on the strike had prompted anger - she told "
             "drivers from Leeds and York to \"get back to work\" to keep the city moving.")
    s = one(ex, "get back to work")
    assert s.cue == "told" and s.content.startswith("drivers from Leeds and York to")
    assert not [s for s in ex.statements if s.content.startswith("Ms Berg's comments")]


def test_what_others_would_have_someone_say_is_not_said(run):
    ex = run("Many in the city would prefer the council to admit that the bridge was a mistake.")
    assert not [s for s in ex.statements if s.cue == "admit"]


def test_a_clause_subject_read_as_the_verbs_object_stays_in_the_content(nlp):
    # as the parser read "... and promised the powers would only be used in serious cases"
    from ingest.extraction.candidates.verbs import reported_candidates

    doc = parsed(nlp, [("Berg", 1, "nsubj", "PROPN", "NNP", "Berg"), ("promised", 1, "ROOT", "VERB", "VBD", "promise"),
                        ("the", 3, "det", "DET", "DT", "the"), ("homes", 1, "dobj", "NOUN", "NNS", "home"),
                        ("would", 6, "aux", "AUX", "MD", "would"), ("be", 6, "auxpass", "AUX", "VB", "be"),
                        ("built", 1, "ccomp", "VERB", "VBN", "build"), (".", 1, "punct", "PUNCT", ".", ".")])
    [cand] = reported_candidates(doc, lambda pos: False)
    assert doc.text[cand.start:cand.end] == "the homes would be built"
    # "asked them “consider” the offer": an object pronoun is the one addressed, never the clause's subject
    doc = parsed(nlp, [("Berg", 1, "nsubj", "PROPN", "NNP", "Berg"), ("asked", 1, "ROOT", "VERB", "VBD", "ask"),
                        ("them", 1, "dobj", "PRON", "PRP", "they"), ("consider", 1, "ccomp", "VERB", "VB", "consider"),
                        ("the", 5, "det", "DET", "DT", "the"), ("offer", 3, "dobj", "NOUN", "NN", "offer"),
                        (".", 1, "punct", "PUNCT", ".", ".")])
    assert [doc.text[c.start:c.end] for c in reported_candidates(doc, lambda pos: False)] == ["consider the offer"]


def test_an_unlabelled_line_before_experts_say_is_what_they_say(nlp):
    # as the parser read the headline line "Language unclear on whether single mothers are covered, experts say."
    from ingest.extraction.candidates.verbs import reported_candidates

    doc = parsed(nlp, [("Rules", 9, "dep", "NOUN", "NN", "rule"), ("vague", 0, "amod", "ADJ", "JJ", "vague"),
                        ("on", 0, "prep", "ADP", "IN", "on"), ("whether", 6, "mark", "SCONJ", "IN", "whether"),
                        ("farms", 6, "nsubjpass", "NOUN", "NNS", "farm"), ("are", 6, "auxpass", "AUX", "VBP", "be"),
                        ("covered", 2, "pcomp", "VERB", "VBN", "cover"), (",", 9, "punct", "PUNCT", ",", ","),
                        ("lawyers", 9, "nsubj", "NOUN", "NNS", "lawyer"), ("say", 9, "ROOT", "VERB", "VBP", "say"),
                        (".", 9, "punct", "PUNCT", ".", ".")])
    [cand] = reported_candidates(doc, lambda pos: False)
    assert (doc.text[cand.start:cand.end], cand.subject.text) == ("Rules vague on whether farms are covered", "lawyers")


def test_a_clause_subject_read_as_the_object_keeps_the_verbs_modifiers_between(nlp):
    # as the parser read "He also stressed rise in interest rates ahead of an expected May election would not affect ..."
    from ingest.extraction.candidates.verbs import reported_candidates

    doc = parsed(nlp, [("Berg", 1, "nsubj", "PROPN", "NNP", "Berg"), ("stressed", 1, "ROOT", "VERB", "VBD", "stress"),
                        ("growth", 1, "dobj", "NOUN", "NN", "growth"), ("ahead", 1, "advmod", "ADV", "RB", "ahead"),
                        ("of", 3, "prep", "ADP", "IN", "of"), ("polls", 4, "pobj", "NOUN", "NNS", "poll"),
                        ("would", 7, "aux", "AUX", "MD", "would"), ("last", 1, "ccomp", "VERB", "VB", "last"),
                        (".", 1, "punct", "PUNCT", ".", ".")])
    [cand] = reported_candidates(doc, lambda pos: False)
    assert doc.text[cand.start:cand.end] == "growth ahead of polls would last"


def test_a_cue_comma_spliced_onto_the_clause_before_it_reports_that_clause(nlp):
    # as the parser read "..., Sen. Bernie Sanders remains committed to ..., his top aide, Tad Devine, told The
    # Huffington Post": "told" a conjunct of "remains" with no "and", only a comma before its subject
    from ingest.extraction.candidates.verbs import reported_candidates

    doc = parsed(nlp, [("Berg", 1, "nsubj", "PROPN", "NNP", "Berg"), ("remains", 1, "ROOT", "VERB", "VBZ", "remain"),
                        ("committed", 1, "acomp", "ADJ", "JJ", "committed"), (",", 1, "punct", "PUNCT", ",", ","),
                        ("her", 5, "poss", "PRON", "PRP$", "her"), ("aide", 9, "nsubj", "NOUN", "NN", "aide"),
                        (",", 5, "punct", "PUNCT", ",", ","), ("Okafor", 5, "appos", "PROPN", "NNP", "Okafor"),
                        (",", 5, "punct", "PUNCT", ",", ","), ("told", 1, "conj", "VERB", "VBD", "tell"),
                        ("the", 11, "det", "DET", "DT", "the"), ("Herald", 9, "dobj", "PROPN", "NNP", "Herald"),
                        (".", 9, "punct", "PUNCT", ".", ".")])
    [cand] = reported_candidates(doc, lambda pos: False)
    assert (doc.text[cand.start:cand.end].rstrip(", "), cand.subject.text) == ("Berg remains committed", "aide")


def test_what_someone_told_a_paper_is_the_clause_the_parser_hung_the_cue_on(nlp):
    # as the parser read "three days after Trump told The Washington Post he was “not quite there yet”"
    from ingest.extraction.candidates.verbs import reported_candidates

    doc = parsed(nlp, [("after", 2, "mark", "SCONJ", "IN", "after"), ("Berg", 2, "nsubj", "PROPN", "NNP", "Berg"),
                        ("told", 6, "advcl", "VERB", "VBD", "tell"), ("the", 4, "det", "DET", "DT", "the"),
                        ("Herald", 2, "dobj", "PROPN", "NNP", "Herald"), ("she", 6, "nsubj", "PRON", "PRP", "she"),
                        ("was", 6, "ROOT", "AUX", "VBD", "be"), ("ready", 6, "acomp", "ADJ", "JJ", "ready"),
                        (".", 6, "punct", "PUNCT", ".", ".")])
    [cand] = reported_candidates(doc, lambda pos: False)
    assert (doc.text[cand.start:cand.end], cand.subject.text) == ("she was ready", "Berg")
    # "with Republican Senator John McCain telling reporters on Thursday he viewed Obama as ...": the clause read as
    # a conjunct of the main verb
    doc = parsed(nlp, [("Berg", 1, "nsubj", "PROPN", "NNP", "Berg"), ("left", 1, "ROOT", "VERB", "VBD", "leave"),
                        (",", 1, "punct", "PUNCT", ",", ","), ("with", 1, "prep", "ADP", "IN", "with"),
                        ("Okafor", 5, "nsubj", "PROPN", "NNP", "Okafor"), ("telling", 3, "pcomp", "VERB", "VBG", "tell"),
                        ("reporters", 5, "dobj", "NOUN", "NNS", "reporter"), ("he", 8, "nsubj", "PRON", "PRP", "he"),
                        ("was", 1, "conj", "AUX", "VBD", "be"), ("glad", 8, "acomp", "ADJ", "JJ", "glad"),
                        (".", 1, "punct", "PUNCT", ".", ".")])
    [cand] = reported_candidates(doc, lambda pos: False)
    assert (doc.text[cand.start:cand.end], cand.subject.text) == ("he was glad", "Okafor")


def test_a_clause_subject_read_as_the_object_keeps_its_relative_clause(run):
    s = one(run("Brannock announced its retail partnership with Tesco, which gave the firm access to 500 stores, "
                "would end in 2009."), "would end")
    assert s.content == "its retail partnership with Tesco, which gave the firm access to 500 stores, would end in 2009"


def test_that_as_the_clauses_subject_or_determiner_stays(run):
    assert one(run("Critics say that will never work in practice."), "never work").content \
        == "that will never work in practice"
    assert one(run("Critics say that the plan will never work in practice."), "never work").content \
        == "the plan will never work in practice"


def test_both_halves_of_a_clause_before_the_cue_joined_by_but(run):
    s = one(run("Schools should be closed only as a last resort, but where they are, their pupils should be taught "
                "online, teachers said."), "pupils")
    assert s.content.startswith("Schools should be closed")


def test_business_results_posted_or_reported_are_no_statement(run):
    ex = run("Brannock has posted a 40% rise in annual profit. Tesco reported a loss of £2bn for the year.")
    assert not ex.statements
    assert one(run("Tesco reported that sales had fallen for the third year running."), "sales").cue == "reported"


def test_british_spellings_of_reporting_verbs_are_cues_like_the_american_ones(run):
    # the learned lexicon comes from American news: "criticised" is known through "criticized"
    for verb in ("criticised", "criticized"):
        [s] = run(f"Health Secretary Anna Berg {verb} the plan as reckless.").statements
        assert (s.speaker.name, s.cue, s.content) == ("Anna Berg", verb, "the plan as reckless")
    [s] = run("Health Secretary Anna Berg emphasised that the plan was sound.").statements
    assert s.content == "the plan was sound"


def test_calling_someone_something_with_the_object_parsed_as_a_clause(run):
    # the parser reads the name "Trump" as the verb "trump", a clause under "calling", and "a fraud" as its object
    [s] = run("Democrats went further, with Senator Ann Warren calling Trump a fraud.").statements
    assert (s.speaker.name, s.cue, s.content) == ("Ann Warren", "calling", "Trump a fraud")


def test_made_the_point_that_is_said_by_the_one_who_made_it(run):
    [s] = run("Senator Ann Warren also made the point that the tax cut would mostly help the wealthy.").statements
    assert (s.speaker.name, s.content) == ("Ann Warren", "the tax cut would mostly help the wealthy")
    assert not run("The company made a profit that surprised analysts.").statements


def test_saying_hung_on_a_rejected_idea_is_said_by_the_one_who_rejected_it(run):
    ex = run("Home Secretary Charles Clarke has rejected that idea saying intercept evidence is not practical in court.")
    rejected, saying = one(ex, "that idea"), one(ex, "intercept evidence")
    assert rejected.content == "that idea"
    assert (saying.speaker.name, saying.cue) == ("Charles Clarke", "saying")
    # reports that allege something are what was noted, whole, not the noter's own words
    s = one(run("Her lawyer noted published reports alleging that the deal had been signed."), "deal had been signed")
    assert s.content == "published reports alleging that the deal had been signed"


def test_a_word_standing_for_what_was_said_is_the_statement(run):
    ex = run("Asked whether the tram should run at night, 62 percent of riders said yes. "
             "Only 20 percent said the same of the buses. A third said that of the ferries. "
             "Councillor Ada Mensah said as much in a letter to the board.")
    assert one(ex, "yes").speaker.name == "62 percent of riders"
    assert one(ex, "same").content == "the same of the buses"
    assert one(ex, "ferries").content == "that of the ferries"  # "that" here is the pronoun, kept
    assert (one(ex, "much").speaker.name, one(ex, "much").content) == ("Ada Mensah", "as much")
    # a clause after "said" is what was said, not a pro-form
    [s] = run("Ada Mensah said the same buses would run all night.").statements
    assert s.content == "the same buses would run all night"


def test_when_and_where_it_was_said_is_not_part_of_what_was_called(run):
    [s] = run("Governor Ruth Alder blasted the tram plan as a “costly folly” Wednesday on the Morning Show.").statements
    assert s.content == "the tram plan as a “costly folly”"
    [s] = run("Ruth Alder criticized the budget as a “mess” during a campaign stop in Leeds.").statements
    assert s.content == "the budget as a “mess”"
    # what someone is accused of keeps its place and time: they are part of the charge
    [s] = run("Ruth Alder accused the mayor of hiding the report at a meeting in March.").statements
    assert s.content == "the mayor of hiding the report at a meeting in March"


def test_saying_after_the_object_of_an_attack_is_said_by_the_attacker(run):
    s = one(run("Airlines have attacked the new rules saying they could be forced to raise fares."), "raise fares")
    assert s.speaker.name == "Airlines"
    # calls someone received speak for themselves
    s = one(run("The police received dozens of calls saying shots had been fired."), "shots had been fired")
    assert s.speaker.name == "calls"


def test_what_someone_has_not_said_is_an_indirect_question_but_said_when_says_when(run):
    [s] = run("Lawmakers have not said when they would take up the transit bill.").statements
    assert (s.speaker.name, s.content) == ("Lawmakers", "when they would take up the transit bill")
    assert not run("Ruth Alder smiled when she said goodbye.").statements


def test_a_to_deep_in_a_participle_after_the_hearer_makes_no_directive(run):
    # "told X ..., clearing the way for it to conclude a deal" is no "told X to do"
    text = "Acme bosses told counterparts at Brightmart of its decision on Friday, clearing the way for it to conclude a deal."
    assert not [s for s in run(text).statements if s.cue == "told"]


def test_calling_someone_names_reads_a_second_predicate_as_the_object(nlp):
    # as the parser read "One of the docs ... called Oz a quack, fake and charlatan": both nouns predicates of "called"
    from ingest.extraction.candidates.verbs import reported_candidates

    doc = parsed(nlp, [("Berg", 1, "nsubj", "PROPN", "NNP", "Berg"), ("called", 1, "ROOT", "VERB", "VBD", "call"),
                       ("Okafor", 1, "oprd", "PROPN", "NNP", "Okafor"), ("a", 4, "det", "DET", "DT", "a"),
                       ("quack", 1, "oprd", "NOUN", "NN", "quack"), ("and", 4, "cc", "CCONJ", "CC", "and"),
                       ("a", 7, "det", "DET", "DT", "a"), ("fake", 4, "conj", "NOUN", "NN", "fake"),
                       (".", 1, "punct", "PUNCT", ".", ".")])
    [cand] = reported_candidates(doc, lambda pos: False)
    assert (doc.text[cand.start:cand.end], cand.rule) == ("Okafor a quack and a fake", "dobj")
    # "what he calls corruption a focus": with the object before the verb, the predicates are no object
    doc = parsed(nlp, [("what", 2, "dobj", "PRON", "WP", "what"), ("Berg", 2, "nsubj", "PROPN", "NNP", "Berg"),
                       ("calls", 2, "ROOT", "VERB", "VBZ", "call"), ("graft", 2, "oprd", "NOUN", "NN", "graft"),
                       ("a", 5, "det", "DET", "DT", "a"), ("focus", 2, "oprd", "NOUN", "NN", "focus"),
                       (".", 2, "punct", "PUNCT", ".", ".")])
    assert not reported_candidates(doc, lambda pos: False)


def test_a_relative_clause_on_a_name_closing_the_complement_is_left_out(run):
    s = one(run("Anna Berg said she would vote for Paul Okafor, who had served two terms as mayor of Leeds."), "vote")
    assert s.content == "she would vote for Paul Okafor"


def test_a_reported_nouns_own_infinitive_and_a_person_named_hall_stay_in_the_object(run):
    [s] = run("Ruth Alder repeated her call to raise the minimum wage to 15 dollars an hour.").statements
    assert s.content == "her call to raise the minimum wage to 15 dollars an hour"
    [s] = run("Tom Okafor announced his engagement to the singer Jerry Hall.").statements
    assert s.content == "his engagement to the singer Jerry Hall"


def test_the_hearer_a_telling_verb_names_is_not_what_was_told(run, nlp):
    s = one(run("Councillor Anne Holt told ITV News Labour councillors would not get extra funding."), "funding")
    assert (s.speaker.name, s.content) == ("Anne Holt", "Labour councillors would not get extra funding")
    # as the parser read "Frank Field told BBC Two's Newsnight programme there was a danger ...": the clause on the
    # hearer's noun
    from ingest.extraction.candidates.verbs import reported_candidates

    doc = parsed(nlp, [("Okafor", 1, "nsubj", "PROPN", "NNP", "Okafor"), ("told", 1, "ROOT", "VERB", "VBD", "tell"),
                        ("the", 3, "det", "DET", "DT", "the"), ("programme", 1, "dobj", "NOUN", "NN", "programme"),
                        ("there", 5, "expl", "PRON", "EX", "there"), ("was", 3, "acl", "VERB", "VBD", "be"),
                        ("a", 7, "det", "DET", "DT", "a"), ("risk", 5, "attr", "NOUN", "NN", "risk"),
                        (".", 1, "punct", "PUNCT", ".", ".")])
    [cand] = reported_candidates(doc, lambda pos: False)
    assert doc.text[cand.start:cand.end] == "there was a risk"


def test_what_someone_was_called_in_the_passive_is_said_by_the_agent(run):
    [s] = run("Mehmet Oz has been called a charlatan by fellow physicians for promoting quack medical cures.").statements
    assert (s.speaker.name, s.cue, s.content) == ("fellow physicians", "called", "a charlatan")


def test_quoted_someone_as_saying_gives_the_one_quoted(run):
    found = one(run("Reuters cited a ministry official as saying the talks had failed."), "talks")
    assert (found.speaker.name, found.content) == ("a ministry official", "the talks had failed")
    quote = one(run('"Our reforms have worked," the Daily Star quoted Anna Berg as saying.'), "reforms")
    assert quote.speaker.name == "Anna Berg"
    # the paper's own verb is not a second statement about the official
    assert len(run("Reuters cited a ministry official as saying the talks had failed.").statements) == 1
    # "cited X as pointing to Y" quotes nobody: the citing is the statement
    cited = one(run("Anna Berg cited a memo by the inspector general as pointing to fraud."), "memo")
    assert (cited.speaker.name, cited.cue) == ("Anna Berg", "cited")
