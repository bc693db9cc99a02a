"""Merge stage: nested attributions, follow-ups and which of two candidates for one statement is kept
on short sentences written for these tests (split from test_constructions.py by stage)."""
from __future__ import annotations

from conftest import reported_in, table


def test_a_second_cue_left_out_of_the_first_ones_content_keeps_its_speaker(nlp):
    # as the parser read "has said his comments may have been offensive but were not racist, and said earlier
    # this week he would not apologise": the second "said" hung on "were", inside the first one's complement
    doc, (first, second) = reported_in(nlp, table("berg-said-it-was-late"))
    assert doc.text[first.start:first.end].startswith("it was late but was safe")  # the pipeline trims ", and"
    assert doc.text[second.start:second.end] == "she would stay" and second.parent is first
