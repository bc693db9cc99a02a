"""The day something was said belongs to the cue, not to what was said ("said on Monday he would ...")."""
from __future__ import annotations

import datetime as dt

PUBLISHED = dt.date(2026, 11, 27)  # a Friday


def only(ex):
    [s] = ex.statements
    return s


def test_the_day_between_cue_and_clause_is_when_it_was_said(run):
    s = only(run("Anna Berg said on Monday she would not sign the treaty.", published=PUBLISHED))
    assert s.content == "she would not sign the treaty"
    assert s.said_on == dt.date(2026, 11, 23)


def test_told_reporters_then_the_day_then_the_clause(run):
    s = only(run("Anna Berg told reporters on Monday she would not sign the treaty.", published=PUBLISHED))
    assert (s.speaker.name, s.content, s.cue) == ("Anna Berg", "she would not sign the treaty", "told")
    assert s.said_on == dt.date(2026, 11, 23)


def test_a_period_before_the_subject_is_part_of_what_was_said(run):
    s = only(run("Anna Berg said for decades the treaty had kept the peace.", published=PUBLISHED))
    assert s.content == "for decades the treaty had kept the peace"


def test_a_clause_the_parser_took_for_an_adverbial_one_is_still_what_was_said(run):
    # the parser reads "after the vote she would not accept ..." as an adverbial clause of "said"
    s = only(run("Anna Berg said after the vote she would not accept Okafor's offer if it were repeated.",
                 published=PUBLISHED))
    assert s.speaker.name == "Anna Berg"
    assert s.content.endswith("she would not accept Okafor's offer if it were repeated")


def test_a_real_adverbial_clause_is_not_what_was_said(run):
    ex = run("Anna Berg spoke for an hour when the minister arrived.", published=PUBLISHED)
    assert ex.statements == [] or all("minister arrived" not in s.content for s in ex.statements)
