"""Candidates, headlines family: headline and transcript lines
on short sentences written for these tests (split from test_constructions.py by stage)."""
from __future__ import annotations


def test_a_headline_portrait_is_no_claim_and_no_title(run):
    ex = run("Anna Berg: Queen of the crime novel\n\nNovelist Anna Berg, who has died at 84, wrote 30 books. "
             "\"I write slowly,\" Ms Berg once said.")
    assert [s.content for s in ex.statements] == ["I write slowly"]
    assert "Queen" not in (ex.statements[0].speaker.title or "")
    ex = run("Okafor: No outside influence on the bridge inquiry\n\nMayor Paul Okafor spoke on Monday.")
    assert [(s.speaker.name, s.content) for s in ex.statements] == [
        ("Paul Okafor", "No outside influence on the bridge inquiry")]
