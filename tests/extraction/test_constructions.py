"""Each construction the extractor must handle, on short sentences written for these tests."""
from __future__ import annotations

import datetime

from conftest import one, parsed


def test_split_quote_yields_both_halves_for_the_speaker(run):
    text = ("Mayor Anna Berg opened the new library on Saturday.\n\n"
            "“We have waited twenty years for this building,” Berg said. “Now every child in town has a place to read.”")
    ex = run(text)
    first = one(ex, "waited twenty years")
    second = one(ex, "every child in town")
    assert first.speaker.name == second.speaker.name == "Anna Berg"
    assert first.kind == second.kind == "direct"
    assert first.cue == "said"
    assert first.content == "We have waited twenty years for this building"


def test_colon_quote(run):
    ex = run("Finance Minister Paul Okafor told the assembly: “The budget is balanced and the new bridge is fully funded.”")
    s = one(ex, "budget is balanced")
    assert s.speaker.name == "Paul Okafor"
    assert s.kind == "direct"
    assert s.cue == "told"


def test_follow_up_quote_belongs_to_the_previous_speaker(run):
    text = ("Mayor Anna Berg defended the plan. “We have waited long enough for this,” she said.\n\n"
            "“The city cannot wait another decade for a bridge.”")
    s = one(run(text), "another decade")
    assert s.speaker.name == "Anna Berg"
    assert s.kind == "direct"


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


def test_a_follow_up_keeps_its_speaker_when_the_statement_it_follows_is_too_short_to_keep(run):
    # "criticized Smith" reports one word, which is no statement; ", saying ..." is still the mayor's
    [s] = run("Mayor Ann Ortiz criticized Smith, saying the budget was a disgrace.").statements
    assert (s.speaker.name, s.cue, s.content) == ("Ann Ortiz", "saying", "the budget was a disgrace")


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


def test_a_to_deep_in_a_participle_after_the_hearer_makes_no_directive(run):
    # "told X ..., clearing the way for it to conclude a deal" is no "told X to do"
    text = "Acme bosses told counterparts at Brightmart of its decision on Friday, clearing the way for it to conclude a deal."
    assert not [s for s in run(text).statements if s.cue == "told"]


def test_according_to(run):
    s = one(run("The factory will close in March, according to union leader Maria Lopez."), "factory will close")
    assert s.speaker.name == "Maria Lopez"
    assert s.cue == "according to"
    assert s.content == "The factory will close in March"


def test_speaker_after_the_clause(run):
    s = one(run("Paul Okafor spoke on Monday. The economy is stronger than it looks, Okafor said."), "economy is stronger")
    assert s.speaker.name == "Paul Okafor"


def test_headline_name_colon_claim(run):
    text = ("Okafor: Inflation will fall next year\n\n"
            "Finance Minister Paul Okafor said on Monday that prices would stabilise by the summer.")
    s = one(run(text), "Inflation will fall")
    assert s.speaker.name == "Paul Okafor"
    assert s.cue == ":"


def test_headline_title_line_ending_with_a_full_stop(run):
    text = ("Okafor: Inflation will fall next year, bridge will be finished.\n\n"
            "Finance Minister Paul Okafor said on Monday that prices would stabilise by the summer.")
    s = one(run(text), "Inflation will fall")
    assert s.speaker.name == "Paul Okafor"
    assert s.content == "Inflation will fall next year, bridge will be finished"


def test_headline_speaker_on_a_subject(run):
    text = ("Okafor on the Budget: Inflation will fall next year\n\n"
            "Finance Minister Paul Okafor said on Monday that prices would stabilise by the summer.")
    s = one(run(text), "Inflation will fall")
    assert (s.speaker.name, s.content) == ("Paul Okafor", "Inflation will fall next year")


def test_headline_speaker_to_an_audience_and_at_a_place(run):
    body = ("\n\nFinance Minister Paul Okafor and Governor Anna Berg spoke on Monday at the opening of the bridge "
            "in front of the assembled farmers.")
    to = one(run("Okafor to Farmers: Inflation will fall next year" + body), "Inflation will fall")
    assert (to.speaker.name, to.content) == ("Paul Okafor", "Inflation will fall next year")
    at = one(run("Governor Berg at Bridge Opening: The river crossing will cut journeys by an hour" + body), "river crossing")
    assert at.speaker.name == "Anna Berg"
    # the part before "to" names no one in the article: no statement
    assert not any("Inflation" in s.content for s in run("Road to Recovery: Inflation will fall next year" + body).statements)


def test_headline_after_a_section_tag(run):
    text = ("EXCLUSIVE – Okafor: Inflation will fall next year\n\n"
            "Finance Minister Paul Okafor said on Monday that prices would stabilise by the summer.")
    s = one(run(text), "Inflation will fall")
    assert (s.speaker.name, s.content) == ("Paul Okafor", "Inflation will fall next year")


def test_transcript_lines_in_mixed_case(run):
    text = ("A panel on the budget\n\n"
            "Paul Okafor, the finance minister, and Anna Berg, the governor, talked on the radio on Monday.\n\n"
            "Okafor: Well, the budget is balanced and the deficit is falling.\n\n"
            "Berg: The bridge has not been paid for. Farmers are still waiting.\n\n"
            "Okafor: The bridge will be paid for next year, as the law requires.\n\n"
            "Berg: We have heard that every year since the election.")
    ex = run(text)
    assert one(ex, "budget is balanced").speaker.name == "Paul Okafor"
    assert one(ex, "paid for next year").speaker.name == "Paul Okafor"
    assert one(ex, "not been paid").speaker.name == "Anna Berg"
    assert one(ex, "heard that every year").speaker.name == "Anna Berg"


def test_editors_notes_are_not_headline_speakers(run):
    text = ("Okafor calls for a budget review\n\n"
            "Finance Minister Paul Okafor said on Monday that prices would stabilise by the summer.\n\n"
            "CLARIFICATION: The first sentence has been changed to reflect that Okafor wants a review.\n\n"
            "Correction: An earlier version of this story misspelled the minister's name.")
    statements = run(text).statements
    assert {s.speaker.name for s in statements} == {"Paul Okafor"}
    assert not any("sentence" in s.content or "version" in s.content for s in statements)


def test_organisation_speaker(run):
    s = one(run("A statement by the Norwegian Health Ministry said that the outbreak was under control."), "outbreak")
    assert s.speaker.name == "Norwegian Health Ministry"
    assert s.speaker.kind == "organization"
    assert s.speaker_mention == "A statement by the Norwegian Health Ministry"


def test_pronoun_resolves_to_the_person_named_before(run):
    s = one(run("Paul Okafor arrived in parliament early. He said that the vote would pass easily."), "vote would pass")
    assert s.speaker.name == "Paul Okafor"
    assert s.speaker_mention == "He"


def test_role_noun_resolves_to_the_titled_person(run):
    text = ("Health Minister Sara Lind opened a clinic in the north of the country. "
            "The minister said that ten more clinics would open this year.")
    s = one(run(text), "ten more clinics")
    assert s.speaker.name == "Sara Lind"
    assert s.speaker_mention == "The minister"
    assert "The minister" in s.speaker.aliases


def test_role_noun_for_an_organisation(run):
    text = ("The Norwegian Health Ministry published new figures. "
            "The ministry said that vaccination rates had risen sharply.")
    s = one(run(text), "vaccination rates")
    assert s.speaker.name == "Norwegian Health Ministry"


def test_surname_resolves_to_full_name(run):
    text = ("Health Minister Sara Lind visited the hospital. Lind said that waiting times had fallen.")
    s = one(run(text), "waiting times")
    assert s.speaker.name == "Sara Lind"
    assert {"Sara Lind", "Lind"} <= set(s.speaker.aliases)


def test_title_is_split_from_the_name(run):
    s = one(run("Norwegian Health Minister Sara Lind said that the hospital would reopen."), "hospital")
    assert s.speaker.name == "Sara Lind"
    assert s.speaker.title == "Norwegian Health Minister"
    assert s.speaker_mention == "Norwegian Health Minister Sara Lind"


def test_an_occupation_before_the_name_is_the_title(run):
    assert one(run("TV presenter Anna Berg said that the show would return in May."), "show").speaker.title \
        == "TV presenter"
    s = one(run("Anna Berg and her brother Paul Okafor opened the school. Okafor said that it would grow."), "grow")
    assert s.speaker.name == "Paul Okafor" and s.speaker.title is None  # kin is no occupation


def test_a_title_stops_at_an_of_that_joins_no_role(run):
    ex = run("Paul Okafor's sharp critique of President Sara Lind surprised the party. "
             "Lind said that the critique was unfair.")
    assert one(ex, "unfair").speaker.title == "President"
    assert one(run("Secretary of State Anna Berg said that the talks would resume."), "talks").speaker.title \
        == "Secretary of State"


def test_a_surname_two_people_share_gives_neither_a_title(run):
    ex = run("Anna Berg and her brother Paul Berg opened the school on Monday. "
             "Later, President Berg said that the school would grow.")
    assert one(ex, "grow").speaker.title is None


def test_a_courtesy_honorific_is_no_title(run):
    ex = run("Paul Okafor opened the hospital. Mr Okafor said that it would take patients from Monday.")
    s = one(ex, "take patients")
    assert s.speaker.name == "Paul Okafor" and s.speaker.title is None
    assert one(run("Sir Paul Okafor said that exports were rising."), "exports").speaker.title == "Sir"


def test_said_on_weekday_against_publication_date(run):
    published = datetime.date(2024, 3, 6)  # a Wednesday
    s = one(run("Paul Okafor said on Monday that exports were rising.", published=published), "exports")
    assert s.said_on == datetime.date(2024, 3, 4)
    s = one(run("Paul Okafor said on Monday that exports were rising."), "exports")
    assert s.said_on is None  # no publication date, no guess


def test_kinds(run):
    ex = run("Paul Okafor said the plan was “a bold step toward a fairer tax system for everyone” and would pass. "
             "“We will win this vote,” Okafor said. Okafor said that the vote would be close.")
    assert one(ex, "bold step").kind == "mixed"
    assert one(ex, "We will win").kind == "direct"
    assert one(ex, "vote would be close").kind == "indirect"


def test_topics_and_mentioned_actors(run):
    ex = run("Finance Minister Paul Okafor said that the European Central Bank should cut interest rates "
             "before the summer, and that Maria Lopez was wrong about inflation.")
    s = one(ex, "European Central Bank")
    assert "European Central Bank" in s.topics
    assert "European Central Bank" in s.mentioned
    assert "Maria Lopez" in s.mentioned
    assert "European Central Bank" in ex.topics


def test_confidence_is_a_probability_and_lower_for_pronouns(run):
    ex = run("Paul Okafor said that taxes would fall. Later he said that the vote had been delayed.")
    named = one(ex, "taxes would fall")
    pronoun = one(ex, "vote had been delayed")
    assert 0.0 < pronoun.confidence < named.confidence <= 1.0


def test_the_company_resolves_to_the_organisation_just_named(run):
    s = one(run("Nordwind Airlines cut its forecast on Tuesday. The company said that fuel costs had doubled."), "fuel costs")
    assert s.speaker.name == "Nordwind Airlines"
    assert s.speaker.kind == "organization"


def test_straight_quote_running_on_without_its_closing_mark(run):
    text = ('Mayor Anna Berg said: "We have already doubled the budget. "We are going to double it again next year." '
            "She said the council would vote in May.")
    ex = run(text)
    assert one(ex, "doubled the budget").kind == "direct"
    assert one(ex, "double it again").speaker.name == "Anna Berg"
    reported = one(ex, "council would vote")
    assert reported.kind == "indirect" and reported.content == "the council would vote in May"


def test_curly_quote_inside_a_straight_quote(run):
    text = '"Critics call it a “vanity project” but the bridge will pay for itself," Anna Berg said.'
    s = one(run(text), "vanity project")
    assert s.content == "Critics call it a “vanity project” but the bridge will pay for itself"
    assert s.speaker.name == "Anna Berg"


def test_topics_are_entities_and_recurring_phrases_not_people_or_passing_words(run):
    ex = run("Finance Minister Paul Okafor said that the pension reform would protect pensions, and that the "
             "pension age would not rise. He said that there was no need to panic about the European Central Bank.")
    topics = {t for s in ex.statements for t in s.topics}
    assert "European Central Bank" in topics
    assert "pension" in topics  # the article keeps coming back to it
    assert "need" not in topics  # a passing word
    assert "Paul Okafor" not in topics  # people are mentions and speakers, not topics


def test_title_in_quotes_with_the_comma_inside_is_not_a_quotation(run):
    text = ("On Tuesday’s episode of “The Morning Money Show,” Finance Minister Paul Okafor said "
            "that inflation would fall.")
    ex = run(text)
    assert [s.content for s in ex.statements] == ["inflation would fall"]


def test_cue_set_off_by_commas_in_the_middle_of_the_sentence(run):
    text = ("Paul Okafor ran the mill for twenty years. "
            "The mill was the town's biggest employer, Okafor said, until it closed in 1999.")
    s = one(run(text), "biggest employer")
    assert s.speaker.name == "Paul Okafor"
    assert s.content.startswith("The mill was the town's biggest employer")
    assert s.content.endswith("until it closed in 1999")


def test_show_titles_in_quotes_are_not_quotations(run):
    text = ("“The budget is balanced,” Finance Minister Paul Okafor said on Channel 4’s “State of the Union.” "
            "He repeated it on “Face the Nation,” the Sunday programme.")
    ex = run(text)
    assert [s.content for s in ex.statements] == ["The budget is balanced"]


def test_participle_after_a_preposition_takes_the_verbs_subject(run):
    text = "Finance Minister Paul Okafor answered the critics by saying that the budget was balanced."
    s = one(run(text), "budget was balanced")
    assert s.speaker.name == "Paul Okafor"
    assert s.cue == "saying"


def test_gerund_complement_of_a_proposal_verb(run):
    text = "Finance Minister Paul Okafor proposed raising the tax on tobacco to pay for the new hospitals."
    s = one(run(text), "raising the tax")
    assert s.speaker.name == "Paul Okafor"


def test_colon_on_the_line_before_a_quoted_paragraph(run):
    text = ("Finance Minister Paul Okafor spoke to the assembly on Monday. He said:\n\n"
            "“The budget is balanced and the new bridge is fully funded. Nobody will pay more tax.”")
    s = one(run(text), "budget is balanced")
    assert s.speaker.name == "Paul Okafor"
    assert s.cue == "said"


def test_quote_attributed_after_it_past_an_abbreviated_title(run):
    # the full stop of "Ms." does not end the sentence before "said"
    text = ("Paul Okafor said the bridge would open in May.\n\n"
            "“Did we wait too long for this bridge? Probably,” Ms. Berg said on Monday.\n\n"
            "“We waited twenty years for it. Now it is done,” Mr. Lee said.")
    first = one(run(text), "wait too long")
    assert first.speaker.name == "Berg" and first.cue == "said"
    second = one(run(text), "twenty years")
    assert second.speaker.name == "Lee"
    assert second.content == "We waited twenty years for it. Now it is done"


def test_plural_role_noun_is_not_the_one_actor_named_before(run):
    ex = run("Okafor Holdings announced new flats in the city on Monday. Tenants in two districts formed committees, "
             "and the groups said the rents were far too high.\n\n"
             "The ministers of Kenya and Ghana met in Accra. Foreign Minister Paul Okafor opened the talks. "
             "The ministers said trade would double by 2030.")
    assert one(ex, "rents were far too high").speaker.name == "the groups"
    assert one(ex, "trade would double").speaker.name == "The ministers"


def test_quote_after_a_colon_takes_the_subject_of_any_verb_before_it(run):
    for line, cue in (("Paul Okafor released a statement:", "released"), ("Her rival, Paul Okafor, echoed the point:", "echoed")):
        text = ("Mayor Anna Berg said the bridge would open in May.\n\n" + line + "\n\n"
                "“We have waited twenty years for this bridge and we will wait no longer.”")
        s = one(run(text), "twenty years")
        assert s.speaker.name == "Paul Okafor" and s.cue == cue


def test_pronoun_does_not_resolve_to_a_name_inside_the_quotation(run):
    text = ("Reporters asked Tom Baker about the race on Monday. "
            "“Peter Smith will lose badly in November,” he said.")
    assert one(run(text), "lose badly").speaker.name == "Tom Baker"


def test_pronoun_ranker_learns_from_groups():
    from ingest.extraction.training.train_pronouns import accuracy, fit

    # each pronoun: two candidate actors; the right one is the first in its sentence, whatever its distance
    groups = [([{"d0": 1.0}, {"d1": 1.0, "first_in_sent": 1.0}], [0, 1]),
              ([{"d1": 1.0}, {"d0": 1.0, "first_in_sent": 1.0}], [0, 1])] * 5
    weights = fit(groups)
    assert weights["first_in_sent"] > 0
    assert accuracy(groups, weights) == 1.0


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


def test_quantifier_subject_is_the_group_it_names_not_a_pronoun_for_an_organisation(run):
    ex = run("The singer Ana Luz grew up in Texas and the United States Army trained her father. "
             "Some of her fans questioned the singer's new accent.\n\n"
             "The city of Springfield approved the new stadium on Monday. "
             "Some argue that the stadium will never pay for itself.")
    assert one(ex, "new accent").speaker.name == "Some of her fans"
    assert one(ex, "pay for itself").speaker.name == "Some"


def test_dateline_is_not_the_subject_of_the_first_sentence(run):
    text = ("CLEVELAND, July 19 (UPI) — Former Attorney General Michael Mukasey told delegates at the convention "
            "that the senator should step down.")
    s = one(run(text), "step down")
    assert s.speaker.name == "Michael Mukasey"
    text = ("Court rules on the strike\n\nNew York (AFP) – Mayor Anna Berg on Monday criticised the unions, "
            "accusing them of endangering the city's finances.")
    s = one(run(text), "endangering")
    assert s.speaker.name == "Anna Berg"
    text = ("CAMBRIDGE, Mass., Dec. 11 (UPI) — Young voters are turning to Mayor Anna Berg, a new poll indicates.")
    s = one(run(text), "Young voters")
    assert s.content == "Young voters are turning to Mayor Anna Berg"


def test_clause_before_the_cue_whose_comma_the_parser_kept_inside_it(run):
    text = ("Headline\n\nThe carmaker plans to shift production of the model to China and export it to the UK, "
            "sources close to the negotiations tell the FT.")
    s = one(run(text), "shift production")
    assert s.cue == "tell" and s.speaker.name.startswith("sources")
    assert s.content == "The carmaker plans to shift production of the model to China and export it to the UK"


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


def test_that_clause_hung_on_the_phrase_after_the_verb(run):
    # the parser reads "that the talks would resume" as a clause of "statement"
    found = one(run("The ministry said in a statement that the talks would resume next week."), "talks")
    assert (found.speaker.name, found.cue, found.content) == ("The ministry", "said", "the talks would resume next week")
    # a relative clause with no subject of its own reports nothing
    assert run("The ministry said in a statement that was released on Friday.").statements == ()


def test_they_after_a_group_of_speakers_is_that_group_not_the_organisation_before(run):
    text = ("The Court of Appeals ruled against the plan on Monday. The fishing companies deny that they broke the law. "
            "They also say they have already paid most of the fines.")
    found = one(run(text), "already paid")
    assert (found.speaker.name, found.speaker_mention) == ("The fishing companies", "They")


def test_our_correspondent_is_the_correspondent_named_before(run):
    text = ("The strike may spread, said BBC transport correspondent Anna Berg. "
            "Ministers would rather settle before the election, our correspondent added.")
    found = one(run(text), "settle")
    assert (found.speaker.name, found.speaker_mention) == ("Anna Berg", "our correspondent")


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


def test_one_of_a_group_named_in_apposition_is_that_person(run):
    found = one(run('"The verdict will come in March," said one of their lawyers, Michalis Papadakis.'), "verdict")
    assert found.speaker.name == "Michalis Papadakis"


def test_a_speech_verb_inside_what_was_said_is_not_a_second_statement(run):
    statements = run("The Labour party said the Green Party needed to explain how it would pay for the plan.").statements
    assert [(s.speaker.name, s.cue) for s in statements] == [("Labour", "said")]
    # a follow-up after the clause still is one
    follow = run("Anna Berg said the plan would fail, adding that the council had ignored her warnings.").statements
    assert [s.cue for s in follow] == ["said", "adding"]


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


def test_relative_pronoun_after_a_predicate_noun_is_the_subject_it_describes(run):
    text = ("Headline\n\nRepresentative Anna Berg spoke on Monday. Paul Okafor is a serial liar, rampant gambler, "
            "braggart and cheat who has repeatedly pledged to close every school in the county.")
    s = one(run(text), "close every school")
    assert s.speaker.name == "Paul Okafor"


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


def test_a_unit_full_stop_ends_the_sentence(run):
    text = ("Headline\n\nAnalyst Paul Okafor says the surcharge will fall short of a predicted extra £250m. "
            "Turnover for the quarter was up 4% to £1.97bn.")
    s = one(run(text), "surcharge")
    assert s.content == "the surcharge will fall short of a predicted extra £250m"


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


def test_the_outer_attribution_wins_over_one_nested_in_what_it_reports(run):
    # "answer whether ..." is itself a cue; what police said is the whole clause around it
    s = one(run("Headline\n\nIt also does not answer whether the driver had a gun, as police have said."), "had a gun")
    assert (s.speaker.name, s.cue, s.content) == ("police", "said", "It also does not answer whether the driver had a gun")


def test_what_someone_refused_to_do_in_a_conjoined_infinitive_is_no_statement(run):
    text = ("Headline\n\nMayor Anna Berg demands transparency from the council, yet refuses to release her own "
            "accounts or explain how the bridge was paid for.")
    assert not [s for s in run(text).statements if "bridge was paid" in s.content]


def test_the_one_asked_is_not_the_one_asking(run):
    text = ("Headline\n\nMayor Anna Berg spoke to the radio host Paul Okafor on Monday. Asked about the new tax on "
            "fuel, Berg said the council had no choice.")
    assert [(s.speaker.name, s.cue) for s in run(text).statements] == [("Anna Berg", "said")]
    asked_by = run("Headline\n\nMayor Anna Berg spoke to the radio host Paul Okafor on Monday. Asked by Okafor to "
                   "respond to the criticism, Berg said the council had no choice.").statements
    assert ("Paul Okafor", "Asked") in [(s.speaker.name, s.cue) for s in asked_by]


def test_reported_noun_phrase_keeps_what_it_is_about_but_not_when_or_where_it_was_said(run):
    s = one(run("Anna Berg blamed the closure of the bridge on the new toll operator."), "bridge")
    assert s.content == "the closure of the bridge on the new toll operator"
    s = one(run("Anna Berg announced a concert in support of the flood victims."), "concert")
    assert s.content == "a concert in support of the flood victims"
    s = one(run("Anna Berg praised the volunteers from the river club in a radio interview."), "volunteers")
    assert s.content == "the volunteers from the river club"
    s = one(run("Anna Berg criticized the parking plan on Sunday."), "parking plan")
    assert s.content == "the parking plan"


def test_names_the_ner_cuts_short_are_made_whole(run):
    ex = run("An artist critical of Welsh arts funding has denied comparing the idea with dictatorships in Russia and "
             "Germany.\n\nShani Rhys James is worried that the Arts Council of Wales may be taken over. Ms James said "
             "artists needed freedom.")
    assert one(ex, "freedom").speaker.name == "Shani Rhys James"


def test_a_peer_is_one_person_not_his_title(nlp):
    from ingest.extraction.speakers import relabel_people

    doc = nlp("Dr Fox refused to discuss reports that the party had repaid the loan to former Tory Treasurer Lord "
              "Ashcroft.")
    relabel_people(doc)
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == ["Fox", "Lord Ashcroft"]


def test_hyphenated_and_academic_titles_resolve_to_the_person(run):
    ex = run("Tory co-chairman Liam Fox was speaking in Leeds. The Tory co-chairman said the pledges were vacuous.")
    assert one(ex, "vacuous").speaker.name == "Liam Fox"
    ex = run("Professor John Curtice, of the University of Strathclyde, is sceptical. Professor Curtice said the seats "
             "were relatively safe.")
    s = one(ex, "relatively safe")
    assert s.speaker.name == "John Curtice" and s.speaker.kind == "person"


def test_a_headline_portrait_is_no_claim_and_no_title(run):
    ex = run("Anna Berg: Queen of the crime novel\n\nNovelist Anna Berg, who has died at 84, wrote 30 books. "
             "\"I write slowly,\" Ms Berg once said.")
    assert [s.content for s in ex.statements] == ["I write slowly"]
    assert "Queen" not in (ex.statements[0].speaker.title or "")
    ex = run("Okafor: No outside influence on the bridge inquiry\n\nMayor Paul Okafor spoke on Monday.")
    assert [(s.speaker.name, s.content) for s in ex.statements] == [
        ("Paul Okafor", "No outside influence on the bridge inquiry")]


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


def test_a_phrase_of_time_on_the_subject_is_no_part_of_the_speakers_name(nlp):
    from spacy.tokens import Doc

    from ingest.extraction.speakers.resolution import np_tokens

    words = ["Okafor", "at", "the", "time", "said", "it", "was", "safe", "."]
    heads = [4, 0, 3, 1, 4, 6, 4, 6, 4]
    deps = ["nsubj", "prep", "det", "pobj", "ROOT", "nsubj", "ccomp", "acomp", "punct"]
    pos = ["PROPN", "ADP", "DET", "NOUN", "VERB", "PRON", "AUX", "ADJ", "PUNCT"]
    lemmas = ["Okafor", "at", "the", "time", "say", "it", "be", "safe", "."]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    assert [t.text for t in np_tokens(doc[0])] == ["Okafor"]
    doc = Doc(nlp.vocab, words=["Head", "of", "the", "union", "said", "it", "was", "safe", "."],
              heads=[4, 0, 3, 1, 4, 6, 4, 6, 4], deps=deps, pos=["NOUN", *pos[1:]],
              lemmas=["head", "of", "the", "union", *lemmas[4:]])
    assert [t.text for t in np_tokens(doc[0])] == ["Head", "of", "the", "union"]


def test_a_name_right_before_a_verb_left_without_subject_is_its_subject(nlp):
    # as the parser read "..., his wife Hillary Clinton, former president Bill Clinton said his wife was ...":
    # the second name an apposition to the first, "said" with no subject
    from spacy.tokens import Doc

    from ingest.extraction.candidates.grammar import find_subject

    words = ["Anna", "Berg", ",", "former", "mayor", "Paul", "Berg", "said", "it", "was", "safe", "."]
    heads = [1, 7, 1, 4, 6, 6, 1, 7, 9, 7, 9, 7]
    deps = ["compound", "npadvmod", "punct", "amod", "compound", "compound", "appos", "ROOT", "nsubj", "ccomp",
            "acomp", "punct"]
    ents = ["B-PERSON", "I-PERSON", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O", "O"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, ents=ents)
    assert find_subject(doc[7]).text == "Berg" and find_subject(doc[7]).i == 6


def test_a_role_after_an_inverted_speakers_name_is_the_title(run):
    ex = run("The pile of old phones has now reached 90 million handsets, estimates James Goodman, report author "
             "and a senior adviser at the Forum for the Future.")
    s = one(ex, "90 million")
    assert (s.speaker.name, s.speaker.title) == (
        "James Goodman", "report author and a senior adviser at the Forum for the Future")


def test_titles_are_whole_phrases_without_asides_or_the_honorific_of_the_name(run):
    def title(text, fragment):
        return one(run(text), fragment).speaker.title

    assert title("Andrew Hogg, spokesman for the Medical Foundation for the Care of Victims of Torture, said the "
                 "rules were cruel.", "cruel") == "spokesman for the Medical Foundation for the Care of Victims of Torture"
    assert title("Paul Okafor, chief executive of CloudFlare, a San Francisco company, said the attack was over.",
                 "attack") == "chief executive of CloudFlare"
    assert title("\"The meeting is not anti-party,\" MAB spokesman Dr Azzam Tamimi said.", "anti-party") == "MAB spokesman"
    assert title("Archbishop of Canterbury Dr Rowan Williams said the debate was welcome.", "debate") == \
        "Archbishop of Canterbury"


def test_a_name_in_apposition_to_an_organisation_noun_is_an_organisation(run):
    ex = run("Parmalat, the Italian food group at the centre of one of Europe's most painful corporate scandals, has "
             "said that its profit doubled last year.")
    s = one(ex, "profit doubled")
    assert (s.speaker.name, s.speaker.kind) == ("Parmalat", "organization")


def test_one_organisation_spelt_with_and_without_a_space_is_one_actor(run):
    ex = run("Quarterly profits at media giant Time Warner jumped 76% in the three months to December. "
             "TimeWarner said fourth quarter sales rose 2% to $11.1bn. Time Warner said it would buy back shares.")
    assert {s.speaker.name for s in ex.statements} == {"Time Warner"}


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


def test_a_party_name_the_tagger_read_as_adjective_and_noun_stays_whole(run):
    s = one(run("The Liberal Democrats say they will vote against the budget."), "vote against")
    assert s.speaker.name == "Liberal Democrats"


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


def test_a_second_cue_left_out_of_the_first_ones_content_keeps_its_speaker(nlp):
    # as the parser read "has said his comments may have been offensive but were not racist, and said earlier
    # this week he would not apologise": the second "said" hung on "were", inside the first one's complement
    from ingest.extraction.candidates.verbs import reported_candidates

    doc = parsed(nlp, [("Berg", 1, "nsubj", "PROPN", "NNP", "Berg"), ("said", 1, "ROOT", "VERB", "VBD", "say"),
                        ("it", 3, "nsubj", "PRON", "PRP", "it"), ("was", 1, "ccomp", "AUX", "VBD", "be"),
                        ("late", 3, "acomp", "ADJ", "JJ", "late"), ("but", 3, "cc", "CCONJ", "CC", "but"),
                        ("was", 3, "conj", "AUX", "VBD", "be"), ("safe", 6, "acomp", "ADJ", "JJ", "safe"),
                        (",", 6, "punct", "PUNCT", ",", ","), ("and", 6, "cc", "CCONJ", "CC", "and"),
                        ("said", 6, "conj", "VERB", "VBD", "say"), ("she", 13, "nsubj", "PRON", "PRP", "she"),
                        ("would", 13, "aux", "AUX", "MD", "would"), ("stay", 10, "ccomp", "VERB", "VB", "stay"),
                        (".", 1, "punct", "PUNCT", ".", ".")])
    first, second = reported_candidates(doc, lambda pos: False)
    assert doc.text[first.start:first.end].startswith("it was late but was safe")  # the pipeline trims ", and"
    assert doc.text[second.start:second.end] == "she would stay" and second.parent is first


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


def test_a_role_in_apposition_or_with_the_rank_the_ner_read_into_the_name_is_the_title(run):
    cases = {
        "Deputy Chief Constable Mark Hollis said that the roads were safe.": ("Mark Hollis", "Deputy Chief Constable"),
        "Sir Peter Gould, BMA chairman, said that the plan was flawed.": ("Peter Gould", "BMA chairman"),
        "The head of the city's planning committee, Ravi Patel, said that the road would close.":
            ("Ravi Patel", "head of the city's planning committee"),
        "Tom Harding, Labour's shadow housing minister, said that rents would rise.":
            ("Tom Harding", "Labour's shadow housing minister"),
    }
    for text, expected in cases.items():
        [s] = run(text).statements
        assert (s.speaker.name, s.speaker.title) == expected, text


def test_a_name_after_mr_is_a_person_and_one_after_an_organisations_noun_an_organisation(nlp):
    from ingest.extraction.speakers import relabel_people

    doc = parsed(nlp, [("Mr", 1, "compound", "PROPN", "NNP", "Mr"), ("Boots", 2, "nsubj", "PROPN", "NNP", "Boots"),
                       ("said", 2, "ROOT", "VERB", "VBD", "say"), ("so", 2, "advmod", "ADV", "RB", "so"),
                       (".", 2, "punct", "PUNCT", ".", ".")], ents=["O", "B-ORG", "O", "O", "O"])
    relabel_people(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Boots", "PERSON")]
    doc = parsed(nlp, [("software", 1, "compound", "NOUN", "NN", "software"),
                       ("company", 2, "compound", "NOUN", "NN", "company"),
                       ("Brightmart", 3, "nsubj", "PROPN", "NNP", "Brightmart"), ("warned", 3, "ROOT", "VERB", "VBD", "warn"),
                       (".", 3, "punct", "PUNCT", ".", ".")], ents=["O", "O", "B-PERSON", "O", "O"])
    relabel_people(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Brightmart", "ORG")]


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


def test_a_quotation_opening_the_clause_keeps_its_opening_mark(run):
    s = one(run('The mayor said "serious mistakes" were made by the police.'), "mistakes")
    assert s.content == '"serious mistakes" were made by the police'


def test_a_name_after_the_cue_read_as_its_object_is_the_speaker(run):
    ex = run('The board met on Monday. "Pending a review, we have chosen to keep Dawson," added Otieno.')
    assert one(ex, "Pending a review").speaker.name == "Otieno"
    ex = run('"We will appeal," Anna Berg said on Monday. "The ruling is wrong," told AFP.')
    assert not [s for s in ex.statements if s.speaker.name == "AFP"]  # the one told is no speaker


def test_a_role_the_lede_names_before_the_person_is_the_person_named_next(run):
    ex = run("Ross backs new hospitals\n\nTaxes must rise to pay for the new hospitals, the Health Secretary has said.\n\n"
             "Jane Ross told MPs that the money would come from savings. Later the minister said that the plan was fair.")
    lede = one(ex, "Taxes must rise")
    assert (lede.speaker.name, lede.speaker.title) == ("Jane Ross", "Health Secretary")
    assert one(ex, "plan was fair").speaker.name == "Jane Ross"  # "the minister": a Secretary of State is one


def test_further_on_a_role_is_not_read_forward_to_the_next_name(run):
    ex = run("Ross backs new hospitals\n\nThe government will spend more on hospitals.\n\nNurses welcomed the plan. "
             "Doctors were more cautious.\n\nTaxes must rise to pay for it, the Health Secretary said on Monday.\n\n"
             "Paul Okafor, a nurse, told MPs that the money would come from savings.")
    assert one(ex, "Taxes must rise").speaker.name != "Paul Okafor"


def test_a_quote_closed_with_a_misturned_opening_mark(run):
    ex = run("The council met on Monday.\n\n“The truth is, if the town loses the bridge, that could create real "
             "problems for us here,“ said Paul Okafor, a councillor from Leeds.")
    s = one(ex, "The truth is")
    assert s.speaker.name == "Paul Okafor" and s.content.endswith("for us here")


def test_the_name_right_after_a_quote_speaks_when_the_parser_loses_the_subject(run):
    ex = run("The bridge was closed in 1986.\n\n''If the council had listened to us, we would have saved millions of "
             "pounds,'' Mr. Okafor, now 81 and retired in Cambridge, Mass., said by telephone this week.")
    assert one(ex, "saved millions").speaker.name == "Okafor"


def test_a_short_first_half_of_a_split_quote_and_its_second_half(run):
    ex = run('Mr. Okafor was angry. "That, sadly," he said, "is part of the price of living in a city that never '
             'plans ahead."')
    assert [(s.speaker.name, s.content) for s in ex.statements] == [
        ("Okafor", "That, sadly"), ("Okafor", "is part of the price of living in a city that never plans ahead")]


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


def test_a_relative_clause_on_a_name_closing_the_complement_is_left_out(run):
    s = one(run("Anna Berg said she would vote for Paul Okafor, who had served two terms as mayor of Leeds."), "vote")
    assert s.content == "she would vote for Paul Okafor"


def test_each_speaker_of_a_panel_transcript(run):
    ex = run("The panel discussed the budget.\n\n"
             "Anna Berg: The council is right on all these things, but it is the vegetables.\n\n"
             "Paul Okafor: Saying to people that the roads will be fixed is easy — doing it is hard.\n\n"
             "Berg: Well, no one believes the roads will be fixed this year.")
    assert [(s.speaker.name, s.content[:20]) for s in ex.statements] == [
        ("Anna Berg", "The council is right"), ("Paul Okafor", "Saying to people tha"), ("Anna Berg", "Well, no one believe")]


def test_a_document_speaks_for_the_agent_that_made_it(run):
    s = one(run("Research conducted by the Equal Opportunities Commission revealed that women earn 19% less than men."),
            "women earn")
    assert s.speaker.name == "Equal Opportunities Commission"


def test_a_clause_subject_read_as_the_object_keeps_its_relative_clause(run):
    s = one(run("Brannock announced its retail partnership with Tesco, which gave the firm access to 500 stores, "
                "would end in 2009."), "would end")
    assert s.content == "its retail partnership with Tesco, which gave the firm access to 500 stores, would end in 2009"


def test_a_role_opening_the_lede_is_not_read_forward(run):
    ex = run("The mayor said the bridge would reopen in May. Peter Holt, a local shopkeeper, said trade had suffered.")
    assert one(ex, "bridge would reopen").speaker.name != "Peter Holt"


def test_whoever_is_made_to_say_something_says_it(run):
    s = one(run("The protests forced the mayor to say that the budget would be reviewed."), "budget")
    assert s.speaker_mention == "the mayor"


def test_a_pronoun_subject_of_the_clause_is_no_speaker_of_a_quote_in_it(run):
    s = one(run('Peter Hall resigned on Monday. Critics said he was "a disgrace to the office he held for six years".'),
            "disgrace")
    assert s.speaker.name == "Critics" and s.kind == "mixed" and s.content.startswith("he was")


def test_of_two_subjects_the_name_speaks(nlp):
    # as the parser read "Cory Doctorow, European outreach coordinator for ..., said that ...": both subjects of "said"
    from ingest.extraction.candidates.verbs import reported_candidates

    doc = parsed(nlp, [("Berg", 4, "nsubj", "PROPN", "NNP", "Berg"), (",", 0, "punct", "PUNCT", ",", ","),
                        ("outreach", 3, "compound", "NOUN", "NN", "outreach"),
                        ("coordinator", 4, "nsubj", "NOUN", "NN", "coordinator"), ("said", 4, "ROOT", "VERB", "VBD", "say"),
                        ("banks", 6, "nsubj", "NOUN", "NNS", "bank"), ("pay", 4, "ccomp", "VERB", "VBP", "pay"),
                        (".", 4, "punct", "PUNCT", ".", ".")])
    doc.ents = [doc.char_span(0, 4, label="PERSON")]
    [cand] = reported_candidates(doc, lambda pos: False)
    assert cand.subject.text == "Berg"


def test_that_as_the_clauses_subject_or_determiner_stays(run):
    assert one(run("Critics say that will never work in practice."), "never work").content \
        == "that will never work in practice"
    assert one(run("Critics say that the plan will never work in practice."), "never work").content \
        == "the plan will never work in practice"


def test_a_name_in_apposition_to_the_place_of_a_role_is_the_speaker(run):
    s = one(run("The paper's reporter in Lagos, John Okafor, told listeners that the vote had been delayed."), "vote")
    assert s.speaker.name == "John Okafor"


def test_two_roles_joined_by_and_before_a_name_are_one_title(run):
    assert one(run("Tesco's chairman and chief executive Laura Kemp said that profits would rise."), "profits") \
        .speaker.title == "Tesco's chairman and chief executive"


def test_a_title_stops_at_an_and_after_anothers_title(nlp):
    from ingest.extraction.speakers import title_before

    doc = nlp("Both the Cardinal and Archbishop of Canterbury Dr Rowan Williams spoke.")
    [ent] = [e for e in doc.ents if e.label_ == "PERSON"]
    assert title_before(ent) == "Archbishop of Canterbury"  # the Cardinal is someone else


def test_both_halves_of_a_clause_before_the_cue_joined_by_but(run):
    s = one(run("Schools should be closed only as a last resort, but where they are, their pupils should be taught "
                "online, teachers said."), "pupils")
    assert s.content.startswith("Schools should be closed")


def test_department_titles_with_and_and_role_phrases_in_apposition(run):
    ex = run("New proposals were announced by the Trade and Industry Secretary Anna Berg. Ms Berg said the plans "
             "would cost £2bn.")
    assert one(ex, "£2bn").speaker.title == "Trade and Industry Secretary"
    ex = run('The Shadow Secretary of State for Transport, Paul Okafor, said: "These plans were announced last year."')
    assert one(ex, "last year").speaker.title == "Shadow Secretary of State for Transport"


def test_a_lede_attributed_to_a_top_academic_is_the_person_named_next(run):
    ex = run("Terror risk warning\n\nBritain cannot prevent every attack and must guard its ports, says a top academic.\n\n"
             "Anna Berg, a key influence on party thinking, says the threat is misjudged.")
    assert one(ex, "guard its ports").speaker.name == "Anna Berg"


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


def test_a_short_reply_opening_its_sentence_with_a_cue_after_it(run):
    ex = run('Anna Berg took questions. "But why?" reporter Paul Okafor asked her. The tax was a "job killer," she said.')
    assert one(ex, "But why").speaker.name == "Paul Okafor"
    assert not [s for s in ex.statements if s.content == "job killer"]  # a quoted phrase inside a sentence is not one


def test_a_person_named_right_before_a_colon_introduces_the_quote(run):
    ex = run("The debate began in the nineties. Here’s Clinton in December 1992: “Our new direction must rest on an "
             "understanding of the new realities of global competition.”")
    assert one(ex, "new direction").speaker.name == "Clinton"
    ex = run("This is what the report said about Clinton: “She was careless with classified information.”")
    assert one(ex, "careless").speaker.name != "Clinton"  # named as the topic, after the one who speaks


def test_a_quotation_that_is_the_whole_complement_ends_at_its_closing_mark(run):
    ex = run("Paul Okafor attacked her on Monday. Okafor wrote on Twitter “It’s time to end her political career for "
             "good,” and shared a link to his campaign fundraising page.")
    assert one(ex, "time to end").content == "It’s time to end her political career for good"


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


def test_a_role_with_a_modifier_is_the_person_whose_title_has_it_before_the_role_word(run):
    # "the world champion" is not the "200m champion and world indoor record holder"; the lede's title starting
    # "World and Commonwealth" is kept whole
    text = ("World and Commonwealth sprint champion Ana Ruiz will race in Leeds on Friday. Olympic 200m champion and "
            "world indoor record holder Beth Kerr will also run. The world champion says she is in good shape.")
    s = one(run(text), "good shape")
    assert (s.speaker.name, s.speaker.title) == ("Ana Ruiz", "World and Commonwealth sprint champion")


def test_a_title_word_the_tagger_read_as_a_verb_stays_in_the_title(run):
    # "shadow" tagged as a verb in "shadow home secretary"
    text = "Speaking after the Commons debate, shadow home secretary Peter Hain said the bill had been badly drawn up."
    [s] = run(text).statements
    assert (s.speaker.name, s.speaker.title) == ("Peter Hain", "shadow home secretary")


def test_a_cue_inside_a_relative_clause_of_the_content_is_no_follow_up_of_the_speaker(run):
    # "told" belongs to the police inside "which she was doing when police stopped her and told her to leave"
    text = ("Spokeswoman Ana Ruiz said the candidate was walking to the venue, which she was doing when police "
            "stopped her and told her to leave.")
    [s] = run(text).statements
    assert s.cue == "said" and s.content.endswith("stopped her and told her to leave")


def test_a_capitalised_spokesman_before_the_name_is_the_title(run):
    [s] = run("Spokesman Ana Ruiz said the plan was dead.").statements
    assert (s.speaker.name, s.speaker.title) == ("Ana Ruiz", "Spokesman")


def test_what_someone_was_called_in_the_passive_is_said_by_the_agent(run):
    [s] = run("Mehmet Oz has been called a charlatan by fellow physicians for promoting quack medical cures.").statements
    assert (s.speaker.name, s.cue, s.content) == ("fellow physicians", "called", "a charlatan")


def test_a_share_of_respondents_keeps_its_percent_sign(run):
    [s] = run("Among the over-65s, 70% said they would be certain to vote.").statements
    assert s.speaker.name == "70%"


def test_an_unnamed_speaker_keeps_no_half_of_a_clause_on_its_noun(run):
    [s] = run("The legal team for two Algerian suspects being held in Belmarsh said the ruling was unlawful.").statements
    assert s.speaker.name == "The legal team for two Algerian suspects"


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


def test_he_after_a_long_run_of_he_sentences_is_their_subject_not_a_name_met_in_passing(run):
    text = ("Viktor Lanko joined the navy in 1975. One of his classmates at the academy was John Smith. "
            "At the base in Murmansk, he was posted to a signals unit. By 1985 he had risen to the rank of captain. "
            "But he grew disillusioned with the regime. He began passing codes to the Norwegians. "
            "He was arrested in 1990 and sent to a camp. He says he was promised a pension that never came.")
    [s] = run(text).statements
    assert (s.speaker.name, s.speaker_mention) == ("Viktor Lanko", "He")


def test_saying_after_the_object_of_an_attack_is_said_by_the_attacker(run):
    s = one(run("Airlines have attacked the new rules saying they could be forced to raise fares."), "raise fares")
    assert s.speaker.name == "Airlines"
    # calls someone received speak for themselves
    s = one(run("The police received dozens of calls saying shots had been fired."), "shots had been fired")
    assert s.speaker.name == "calls"


def test_a_reported_nouns_own_infinitive_and_a_person_named_hall_stay_in_the_object(run):
    [s] = run("Ruth Alder repeated her call to raise the minimum wage to 15 dollars an hour.").statements
    assert s.content == "her call to raise the minimum wage to 15 dollars an hour"
    [s] = run("Tom Okafor announced his engagement to the singer Jerry Hall.").statements
    assert s.content == "his engagement to the singer Jerry Hall"


def test_what_someone_has_not_said_is_an_indirect_question_but_said_when_says_when(run):
    [s] = run("Lawmakers have not said when they would take up the transit bill.").statements
    assert (s.speaker.name, s.content) == ("Lawmakers", "when they would take up the transit bill")
    assert not run("Ruth Alder smiled when she said goodbye.").statements
