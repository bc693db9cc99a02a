""""The company said": the organisation the text was talking about, not the last one it named."""
from __future__ import annotations


def test_where_the_firm_is_from_describes_it_but_a_kind_of_group_does_not_name_it(run):
    text = ("Nordwind Airlines said it would open a new route to Oslo. "
            "The Riga-based firm said that fuel costs had doubled. The Latvian company said bookings were strong.")
    ex = run(text)
    assert [s.speaker.name for s in ex.statements] == ["Nordwind Airlines", "Nordwind Airlines"]
    text = ("Nordwind Airlines announced a new route to Oslo. "
            "The rights group said that the airline's pilots were underpaid.")
    s = next(s for s in run(text).statements if "pilots" in s.content)
    assert s.speaker.name == "The rights group"
