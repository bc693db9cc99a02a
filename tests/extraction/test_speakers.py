"""Speakers stage: names, titles, roles, organisations, pronouns
on short sentences written for these tests (split from test_constructions.py by stage)."""
from __future__ import annotations

from conftest import one, parsed, reported_in, table


def test_organisation_speaker(run):
    s = one(run("A statement by the Norwegian Health Ministry said that the outbreak was under control."), "outbreak")
    assert s.speaker.kind == "organization"
    assert s.speaker_mention == "A statement by the Norwegian Health Ministry"


def test_pronoun_resolves_to_the_person_named_before(run):
    s = one(run("Paul Okafor arrived in parliament early. He said that the vote would pass easily."), "vote would pass")
    assert s.speaker_mention == "He"


def test_role_noun_resolves_to_the_titled_person(run):
    text = ("Health Minister Sara Lind opened a clinic in the north of the country. "
            "The minister said that ten more clinics would open this year.")
    s = one(run(text), "ten more clinics")
    assert s.speaker_mention == "The minister"
    assert "The minister" in s.speaker.aliases


def test_surname_resolves_to_full_name(run):
    text = ("Health Minister Sara Lind visited the hospital. Lind said that waiting times had fallen.")
    s = one(run(text), "waiting times")
    assert {"Sara Lind", "Lind"} <= set(s.speaker.aliases)


def test_title_is_split_from_the_name(run):
    s = one(run("Norwegian Health Minister Sara Lind said that the hospital would reopen."), "hospital")
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


def test_the_company_resolves_to_the_organisation_just_named(run):
    s = one(run("Nordwind Airlines cut its forecast on Tuesday. The company said that fuel costs had doubled."), "fuel costs")
    assert s.speaker.name == "Nordwind Airlines"
    assert s.speaker.kind == "organization"


def test_pronoun_ranker_learns_from_groups():
    from ingest.extraction.training.train_pronouns import accuracy, fit

    # each pronoun: two candidate actors; the right one is the first in its sentence, whatever its distance
    groups = [([{"d0": 1.0}, {"d1": 1.0, "first_in_sent": 1.0}], [0, 1]),
              ([{"d1": 1.0}, {"d0": 1.0, "first_in_sent": 1.0}], [0, 1])] * 5
    weights = fit(groups)
    assert weights["first_in_sent"] > 0
    assert accuracy(groups, weights) == 1.0


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
    assert title("\"The meeting is not anti-party,\" MAB spokesman Dr Azzam Tamimi said.", "anti-party") == "spokesman, MAB"
    assert title("Archbishop of Canterbury Dr Rowan Williams said the debate was welcome.", "debate") == \
        "Archbishop of Canterbury"


def test_a_name_in_apposition_to_an_organisation_noun_is_an_organisation(run):
    ex = run("Parmalat, the Italian food group at the centre of one of Europe's most painful corporate scandals, has "
             "said that its profit doubled last year.")
    s = one(ex, "profit doubled")
    assert (s.speaker.name, s.speaker.kind) == ("Parmalat", "organization")


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

    doc = parsed(nlp, table("mr-boots-said-so"), ents=["O", "B-ORG", "O", "O", "O"])
    relabel_people(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Boots", "PERSON")]
    doc = parsed(nlp, table("software-company-brightmart-warned"), ents=["O", "O", "B-PERSON", "O", "O"])
    relabel_people(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Brightmart", "ORG")]


def test_a_role_the_lede_names_before_the_person_is_the_person_named_next(run):
    ex = run("Ross backs new hospitals\n\nTaxes must rise to pay for the new hospitals, the Health Secretary has said.\n\n"
             "Jane Ross told MPs that the money would come from savings. Later the minister said that the plan was fair.")
    lede = one(ex, "Taxes must rise")
    assert (lede.speaker.name, lede.speaker.title) == ("Jane Ross", "Health Secretary")
    assert one(ex, "plan was fair").speaker.name == "Jane Ross"  # "the minister": a Secretary of State is one


def test_whoever_is_made_to_say_something_says_it(run):
    s = one(run("The protests forced the mayor to say that the budget would be reviewed."), "budget")
    assert s.speaker_mention == "the mayor"


def test_of_two_subjects_the_name_speaks(nlp):
    # as the parser read "Cory Doctorow, European outreach coordinator for ..., said that ...": both subjects of "said"
    _, [cand] = reported_in(nlp, table("berg-outreach-coordinator-said-banks"), ["B-PERSON"] + ["O"] * 7)
    assert cand.subject.text == "Berg"


def test_two_roles_joined_by_and_before_a_name_are_one_title(run):
    assert one(run("Tesco's chairman and chief executive Laura Kemp said that profits would rise."), "profits") \
        .speaker.title == "Tesco's chairman and chief executive"


def test_a_title_stops_at_an_and_after_anothers_title(nlp):
    from ingest.extraction.speakers import title_before

    doc = nlp("Both the Cardinal and Archbishop of Canterbury Dr Rowan Williams spoke.")
    [ent] = [e for e in doc.ents if e.label_ == "PERSON"]
    assert title_before(ent) == "Archbishop of Canterbury"  # the Cardinal is someone else


def test_department_titles_with_and_and_role_phrases_in_apposition(run):
    ex = run("New proposals were announced by the Trade and Industry Secretary Anna Berg. Ms Berg said the plans "
             "would cost £2bn.")
    assert one(ex, "£2bn").speaker.title == "Trade and Industry Secretary"
    ex = run('The Shadow Secretary of State for Transport, Paul Okafor, said: "These plans were announced last year."')
    assert one(ex, "last year").speaker.title == "Shadow Secretary of State for Transport"


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


def test_a_capitalised_spokesman_before_the_name_is_the_title(run):
    [s] = run("Spokesman Ana Ruiz said the plan was dead.").statements
    assert (s.speaker.name, s.speaker.title) == ("Ana Ruiz", "Spokesman")


def test_he_after_a_long_run_of_he_sentences_is_their_subject_not_a_name_met_in_passing(run):
    text = ("Viktor Lanko joined the navy in 1975. One of his classmates at the academy was John Smith. "
            "At the base in Murmansk, he was posted to a signals unit. By 1985 he had risen to the rank of captain. "
            "But he grew disillusioned with the regime. He began passing codes to the Norwegians. "
            "He was arrested in 1990 and sent to a camp. He says he was promised a pension that never came.")
    [s] = run(text).statements
    assert (s.speaker.name, s.speaker_mention) == ("Viktor Lanko", "He")
