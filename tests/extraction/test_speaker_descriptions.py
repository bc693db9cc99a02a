"""Descriptions of people and organisations the article names (issue 20, rules 4 and 5): "the Oscar-nominated actor",
"the 28-year-old", "the watchdog", "the committee" resolve to whom the article names so, and only when that is
certain; short forms and groups are no actors of their own. Sentences written for these tests."""
from __future__ import annotations

from conftest import one


# -- people ---------------------------------------------------------------------------------------------------------
def test_an_occupation_is_a_role_the_person_titled_so_holds(run):
    text = ("The actor Jude Mayhew, who was nominated for an Oscar last year, has joined the cast of a new play. "
            "The play opens in March. The Oscar-nominated actor said he was thrilled to be on the stage again.")
    s = one(run(text), "thrilled")
    assert s.speaker.name == "Jude Mayhew" and s.speaker.resolved
    assert s.speaker_mention == "The Oscar-nominated actor"


def test_an_occupation_in_apposition_is_the_persons_title(run):
    text = ("Jude Mayhew, the Oscar-nominated actor, has joined the cast of a new play. The play opens in March. "
            "The actor said he was thrilled to be on the stage again.")
    s = one(run(text), "thrilled")
    assert s.speaker.name == "Jude Mayhew" and s.speaker.title == "Oscar-nominated actor"
    text = "The singer, Amy Lowe, cancelled her tour. Tickets will be refunded. The singer said she needed a rest."
    assert one(run(text), "needed a rest").speaker.name == "Amy Lowe"


def test_a_description_two_people_fit_stays_unresolved(run):
    text = ("Actor Jude Mayhew has joined the cast of a new play. Actor Tom Reed will direct it. "
            "The Oscar-nominated actor said he was thrilled.")
    s = one(run(text), "thrilled")
    assert not s.speaker.resolved and s.speaker.name == "The Oscar-nominated actor"


def test_an_age_is_the_one_person_the_article_gives_it(run):
    text = ("Tennis player Anna Berg, 28, beat Maria Lopez, 31, in the final on Sunday. "
            "The 31-year-old said she was disappointed.")
    assert one(run(text), "disappointed").speaker.name == "Maria Lopez"
    text = ("Tennis player Anna Berg, 31, beat Maria Lopez, 31, in the final on Sunday. "
            "The 31-year-old said she was disappointed.")
    assert not one(run(text), "disappointed").speaker.resolved


def test_a_ledes_role_is_the_one_person_the_article_titles_so_later(run):
    text = ("New laws on terror suspects will be needed, the home secretary has said. Civil liberties groups attacked "
            "the plans on Monday. Home Secretary Charles Clarke told MPs that he would publish a bill in the spring.")
    s = one(run(text), "New laws")
    assert s.speaker.name == "Charles Clarke" and s.speaker_mention == "the home secretary"


def test_an_occupation_opening_a_sentence_is_no_part_of_the_name(run):
    text = "Boxer Ricky Dunn will fight again in May. The former champion said that he was fitter than ever."
    assert one(run(text), "fitter").speaker.name == "Ricky Dunn"


def test_a_full_name_the_ner_took_for_an_organisation_is_the_persons(nlp):
    from spacy.tokens import Span

    from ingest.extraction.speakers import Registry, relabel_people

    doc = nlp("Ireland's Alistair Cragg won the race in Boston. Later Cragg said he had felt strong.")
    cragg = [t.i for t in doc if t.text in ("Alistair", "Cragg")]
    doc.ents = [Span(doc, cragg[0], cragg[1] + 1, label="ORG"), Span(doc, cragg[2], cragg[2] + 1, label="PERSON")]
    relabel_people(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Alistair Cragg", "PERSON"), ("Cragg", "PERSON")]
    assert Registry(doc).lookup("Cragg").name == "Alistair Cragg"


# -- organisations --------------------------------------------------------------------------------------------------
def test_an_organisation_is_what_the_article_describes_it_as(run):
    text = ("The Electoral Commission, the UK elections watchdog, has published new guidance on postal votes. "
            "The watchdog said that fraud was rare.")
    s = one(run(text), "fraud was rare")
    assert s.speaker.name == "Electoral Commission" and s.speaker.kind == "organization"


def test_a_description_before_the_name_describes_the_organisation(run):
    text = ("The carmaker General Motors is recalling 200,000 vehicles. Shares rose on Monday. "
            "The carmaker said that no one had been hurt.")
    assert one(run(text), "no one had been hurt").speaker.name == "General Motors"


def test_a_ledes_description_of_an_organisation_is_the_one_named_after_it(run):
    text = ("A cap on donations should not be introduced yet, the elections watchdog has said. Big donors have been "
            "criticised for years. In a new report, the Electoral Commission says it is worth debating a cap. "
            "The watchdog said that the rules were working.")
    ex = run(text)
    assert one(ex, "A cap on donations").speaker.name == "Electoral Commission"
    assert one(ex, "rules were working").speaker.name == "Electoral Commission"


def test_a_places_description_of_an_organisation_is_definite(run):
    text = ("Shares in Northgate Mining fell sharply on Monday. "
            "The UK's biggest coal producer said that geological problems had hit output.")
    assert one(run(text), "geological").speaker.name == "Northgate Mining"


def test_a_legislatures_committee_is_named_and_the_committee_is_it(run):
    text = ("The environment select committee published its report on Monday. "
            "The committee said that the wording of the bill was sloppy.")
    s = one(run(text), "sloppy")
    assert s.speaker.resolved and s.speaker.name == "environment select committee"
    s = one(run("Ministers were wrong, the Commons public accounts committee said."), "Ministers were wrong")
    assert s.speaker.resolved and s.speaker.name == "Commons public accounts committee"


def test_the_panel_is_the_panel_the_article_names_and_none_without_a_name(run):
    text = "The Independent Panel on Drug Safety reviewed the evidence. The panel said that the drug was safe."
    assert one(run(text), "drug was safe").speaker.name == "Independent Panel on Drug Safety"
    text = "An independent panel of experts reviewed the drug. The panel said that it was safe to use."
    assert not one(run(text), "safe to use").speaker.resolved


# -- short forms and groups ------------------------------------------------------------------------------------------
def test_a_name_the_ner_cut_at_its_and_is_whole(run):
    s = one(run("A Department for Education and Skills spokesman said the figures were encouraging."), "figures")
    assert s.speaker.name == "Department for Education and Skills" and s.speaker.kind == "organization"
    ex = run("Shell and BP said that oil prices would rise.")
    assert "Shell and BP" not in {s.speaker.name for s in ex.statements}


def test_members_of_an_assembly_are_a_group(run):
    ex = run("MPs said that the plans were unworkable. The MPs said they would vote against them.")
    for fragment in ("unworkable", "vote against"):
        s = one(ex, fragment)
        assert not s.speaker.resolved and s.source_type == "unnamed"


def test_a_name_the_ner_read_in_part_after_an_honorific_is_the_persons(nlp):
    from spacy.tokens import Span

    from ingest.extraction.speakers import relabel_people

    doc = nlp("Billions were wasted, Cardinal Cormac Murphy-O'Connor has said. On Friday the Cardinal will preach.")
    start = next(t.i for t in doc if t.text == "Murphy")
    second = next(t.i for t in doc if t.text == "Cardinal" and t.i > start)
    doc.ents = [Span(doc, start, start + 3, label="ORG"), Span(doc, second, second + 1, label="ORG")]
    relabel_people(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Cormac Murphy-O'Connor", "PERSON")]


def test_a_title_alone_is_the_person_who_holds_it(run):
    text = ("The Bishop of Leeds, Tom Wright, praised the novel. "  # "the Bishop" read as an organisation
            "But the Bishop said that there was no evidence for its claims.")
    assert one(run(text), "no evidence").speaker.name == "Tom Wright"
