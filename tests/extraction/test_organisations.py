"""Organisations as speakers: initials, and an organisation named inside a role phrase."""
from __future__ import annotations

from conftest import one


def test_initials_and_full_name_are_one_actor_named_as_the_article_mostly_does(run):
    text = ("Oil demand to rise\n\n"
            "The International Energy Agency (IEA) warned that demand would outstrip supply. "
            "The IEA raised its estimate of oil demand growth. "
            "The Paris-based IEA watchdog said the upward revision was due to stronger demand from China.")
    ex = run(text)
    warned, said = one(ex, "outstrip supply"), one(ex, "upward revision")
    assert warned.speaker.name == said.speaker.name == "IEA"
    assert "International Energy Agency" in warned.speaker.aliases


def test_full_name_wins_when_used_as_often_as_the_initials(run):
    text = ("Profits fall\n\nBritish Airways said fuel prices had hit its profits. "
            "Later BA said sales would be better than forecast.")
    ex = run(text)
    assert one(ex, "fuel prices").speaker.name == one(ex, "sales would").speaker.name == "British Airways"
