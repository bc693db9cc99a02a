"""Block quotations: a paragraph the page set off as a quotation, its marks lost with the layout."""
from __future__ import annotations

TEXT = """Mayor Ann Ortiz spoke to the council on Monday.

Ortiz added:

The budget leaves the river district behind. We will not vote for it as it stands.

The vote is due next week."""


def test_only_the_next_paragraph_and_only_when_unquoted(run):
    assert not [s for s in run(TEXT).statements if "vote is due" in s.content]
    quoted = run(TEXT.replace("The budget leaves", "“The budget leaves").replace("as it stands.", "as it stands.”"))
    [s] = [s for s in quoted.statements if "river district" in s.content]  # found once
    assert (s.speaker.name, s.kind) == ("Ann Ortiz", "direct")
