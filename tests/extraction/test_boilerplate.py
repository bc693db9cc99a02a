"""Text that is not the article's own yields nothing: teasers, bylines, photo credits, standing editor's notes."""
from __future__ import annotations

from conftest import one

ARTICLE = ("Lagos – Finance Minister Paul Okafor said on Monday that the new budget would cut the deficit "
           "by a third over the next two years.\n\n"
           "Okafor added that spending on hospitals would rise.\n\n")


def test_check_also_teaser_is_ignored(run):
    text = ARTICLE + ("Check Also\n\nOkafor: Taxes will rise in the autumn\n\n"
                      "Abuja – Trade Minister Grace Adeyemi said that exports would double …")
    ex = run(text)
    assert len(ex.statements) == 2
    assert all(s.content_start < len(ARTICLE) for s in ex.statements)
    assert "Grace Adeyemi" not in {s.name for s in ex.speakers}


def test_a_standing_editors_note_is_not_the_story_but_a_correction_is(run):
    note = "Editor’s note: Ruth Alder is a serial liar and has said that she will ban all imports.\n"
    ex = run(ARTICLE + note)
    assert len(ex.statements) == 2 and all(s.content_start < len(ARTICLE) for s in ex.statements)
    correction = ("Editor's Note: An article on Monday misstated the budget figures. Okafor said that the deficit "
                  "would fall by a quarter.\n")
    ex = run(ARTICLE + correction)
    assert one(ex, "fall by a quarter").speaker.name == "Paul Okafor"
