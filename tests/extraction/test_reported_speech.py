"""Candidates, reported-speech families: clausal complements, nominal reports, parentheticals, directives, questions
on short sentences written for these tests (split from test_constructions.py by stage)."""
from __future__ import annotations

from conftest import one, parsed, reported_in, table


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
    from ingest.extraction.spans import trim

    doc, (noting, warning) = reported_in(nlp, table("he-spoke-noting-that-costs"))
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


def test_called_for_someone_to_act_parsed_as_a_clause(run):
    for text in ("Mayor Paul Okafor is calling for the United States to step up its efforts against the floods.",
                 "Paul Okafor has called for the state to pay for a second bridge over the river."):
        s = one(run(text), " to ")
        assert s.speaker.name == "Paul Okafor" and s.cue.endswith(" for")
        assert s.content.startswith(("the United States to step up", "the state to pay"))


def test_parenthetical_cue_hung_on_a_noun_reports_the_whole_clause(nlp):
    # "The difference now, he told me, is that he wins." with "told" hung on "difference"
    from ingest.extraction.candidates.parenthetical import inverted

    doc = parsed(nlp, table("the-difference-now-he-told"))
    (start, end), rule = inverted(doc[5])
    assert (doc.text[start:end], rule) == ("The difference now, he told me, is that he wins.", "parenthetical")


def test_a_clause_misread_under_a_verb_of_objects_leaves_the_object_reading(nlp):
    # the parser reads "Trump had made ..." as a clause of "cited" ("Clinton cited disparaging remarks Trump had
    # made about Machado as examples of ..."); "cite" reports objects, not clauses
    doc, cands = reported_in(nlp, table("berg-cited-remarks-okafor-had"))
    [cand] = [c for c in cands if c.cue_token.i == 1]
    assert (doc.text[cand.start:cand.end], cand.rule) == ("remarks Okafor had made about Lind as examples", "dobj")


def test_a_clause_subject_read_as_the_verbs_object_stays_in_the_content(nlp):
    # as the parser read "... and promised the powers would only be used in serious cases"
    doc, [cand] = reported_in(nlp, table("berg-promised-the-homes-would"))
    assert doc.text[cand.start:cand.end] == "the homes would be built"
    # "asked them “consider” the offer": an object pronoun is the one addressed, never the clause's subject
    doc, cands = reported_in(nlp, table("berg-asked-them-consider-the"))
    assert [doc.text[c.start:c.end] for c in cands] == ["consider the offer"]


def test_an_unlabelled_line_before_experts_say_is_what_they_say(nlp):
    # as the parser read the headline line "Language unclear on whether single mothers are covered, experts say."
    doc, [cand] = reported_in(nlp, table("rules-vague-on-whether-farms"))
    assert (doc.text[cand.start:cand.end], cand.subject.text) == ("Rules vague on whether farms are covered", "lawyers")


def test_a_clause_subject_read_as_the_object_keeps_the_verbs_modifiers_between(nlp):
    # as the parser read "He also stressed rise in interest rates ahead of an expected May election would not affect ..."
    doc, [cand] = reported_in(nlp, table("berg-stressed-growth-ahead-of"))
    assert doc.text[cand.start:cand.end] == "growth ahead of polls would last"


def test_a_cue_comma_spliced_onto_the_clause_before_it_reports_that_clause(nlp):
    # as the parser read "..., Sen. Bernie Sanders remains committed to ..., his top aide, Tad Devine, told The
    # Huffington Post": "told" a conjunct of "remains" with no "and", only a comma before its subject
    doc, [cand] = reported_in(nlp, table("berg-remains-committed-her-aide"))
    assert (doc.text[cand.start:cand.end].rstrip(", "), cand.subject.text) == ("Berg remains committed", "aide")


def test_what_someone_told_a_paper_is_the_clause_the_parser_hung_the_cue_on(nlp):
    # as the parser read "three days after Trump told The Washington Post he was “not quite there yet”"
    doc, [cand] = reported_in(nlp, table("after-berg-told-the-herald"))
    assert (doc.text[cand.start:cand.end], cand.subject.text) == ("she was ready", "Berg")
    # "with Republican Senator John McCain telling reporters on Thursday he viewed Obama as ...": the clause read as
    # a conjunct of the main verb
    doc, [cand] = reported_in(nlp, table("berg-left-with-okafor-telling"))
    assert (doc.text[cand.start:cand.end], cand.subject.text) == ("he was glad", "Okafor")


def test_british_spellings_of_reporting_verbs_are_cues_like_the_american_ones(run):
    # the learned lexicon comes from American news: "criticised" is known through "criticized"
    for verb in ("criticised", "criticized"):
        [s] = run(f"Health Secretary Anna Berg {verb} the plan for its cost.").statements
        assert (s.speaker.name, s.cue, s.content) == ("Anna Berg", verb, "the plan for its cost")
    [s] = run("Health Secretary Anna Berg emphasised that the plan was sound.").statements
    assert s.content == "the plan was sound"


def test_calling_someone_names_reads_a_second_predicate_as_the_object(nlp):
    # as the parser read "One of the docs ... called Oz a quack, fake and charlatan": both nouns predicates of "called"
    # (the construction nominal() reads; a naming is then no statement, candidates/unstated.py)
    from ingest.extraction.candidates.nominal import nominal

    doc = parsed(nlp, table("berg-called-okafor-a-quack"))
    (start, end), rule = nominal(doc[1])
    assert (doc.text[start:end], rule) == ("Okafor a quack and a fake", "dobj")
    assert all(c.unstated for c in reported_in(nlp, table("berg-called-okafor-a-quack"))[1])
    # "what he calls corruption a focus": with the object before the verb, the predicates are no object
    assert not reported_in(nlp, table("what-berg-calls-graft-a"))[1]


def test_the_hearer_a_telling_verb_names_is_not_what_was_told(run, nlp):
    s = one(run("Councillor Anne Holt told ITV News Labour councillors would not get extra funding."), "funding")
    assert (s.speaker.name, s.content) == ("Anne Holt", "Labour councillors would not get extra funding")
    # as the parser read "Frank Field told BBC Two's Newsnight programme there was a danger ...": the clause on the
    # hearer's noun
    doc, [cand] = reported_in(nlp, table("okafor-told-the-programme-there"))
    assert doc.text[cand.start:cand.end] == "there was a risk"
