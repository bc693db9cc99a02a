"""Other forms of one entity's name across articles (issue 20, item 6; fourteenth session): dotted acronyms, a
first name's short form with a middle initial, a first name misspelt by one letter, a middle (maiden) name, a
family name of two words, a place abbreviation or a department's name in the other order. And the people who
merely share a name are never joined. Invented articles, stored as ingest stores them."""
from __future__ import annotations

import pytest

from actors.models import Actor
from ingest import services as ingest_services
from ingest.extraction.records import ExtractedStatement, Extraction, Speaker

from .test_identity import ORG, PERSON, UNKNOWN, article, speaker_of

pytestmark = pytest.mark.django_db


# --- organisations --------------------------------------------------------------------------------------------

def test_an_acronym_written_with_dots_is_the_acronym(source_factory):
    fbi = speaker_of(source_factory, Speaker("FBI", ORG), "The FBI")
    assert speaker_of(source_factory, Speaker("F.B.I.", ORG), "The F.B.I.") == fbi
    sec = speaker_of(source_factory, Speaker("Securities and Exchange Commission", ORG))
    assert speaker_of(source_factory, Speaker("S.E.C.", ORG), "The S.E.C.") == sec
    un = speaker_of(source_factory, Speaker("U.N.", UNKNOWN), "The U.N.")
    assert un.name == "UN" and "u n" in set(un.aliases.values_list("normalized", flat=True))
    assert speaker_of(source_factory, Speaker("UN", ORG)) == un
    assert Actor.objects.count() == 3


@pytest.mark.parametrize("first, then, other", [
    ("NY Post", "New York Post", "NY Times"),  # a place abbreviation opening the name
    ("New York Daily News", "NY Daily News", "NY Times"),
    ("State Department", "Department of State", "Department of Justice"),  # a department in either order
    ("Ministry of Defence", "Defence Ministry", "Ministry of the Interior"),
    ("Department of Homeland Security", "Homeland Security Department", "Homeland Security"),
    ("Brennan Center for Justice", "Brennan Center", "Brennan Institute"),  # an institution's short name
    ("Royal Society", "Royal Society", "Royal Society for the Protection of Birds"),  # not the Royal Society
])
def test_an_organisation_named_another_usual_way_is_one_actor(source_factory, first, then, other):
    known = speaker_of(source_factory, Speaker(first, ORG))
    assert speaker_of(source_factory, Speaker(then, ORG)) == known
    assert speaker_of(source_factory, Speaker(other, ORG)) != known


def test_an_institution_known_by_its_short_name_takes_the_full_one(source_factory):
    brennan = speaker_of(source_factory, Speaker("Brennan Center", ORG))
    assert speaker_of(source_factory, Speaker("Brennan Center for Justice", ORG)) == brennan
    brennan.refresh_from_db()
    assert brennan.name == "Brennan Center for Justice"
    # two institutions of one short name: the short name joins neither
    engineering = speaker_of(source_factory, Speaker("National Academy of Engineering", ORG))
    sciences = speaker_of(source_factory, Speaker("National Academy of Sciences", ORG))
    assert engineering != sciences
    assert speaker_of(source_factory, Speaker("National Academy", ORG)) not in (engineering, sciences)


# --- people ---------------------------------------------------------------------------------------------------

def test_a_short_first_name_joins_the_full_one_written_with_a_middle_initial(source_factory):
    rendell = speaker_of(source_factory, Speaker("Ed Rendell", PERSON))
    assert speaker_of(source_factory, Speaker("Edward G. Rendell", PERSON)) == rendell
    king = speaker_of(source_factory, Speaker("Peter T. King", PERSON))
    assert speaker_of(source_factory, Speaker("Pete King", PERSON)) == king
    assert speaker_of(source_factory, Speaker("Peter X. King", PERSON)) != king  # another middle initial
    assert speaker_of(source_factory, Speaker("Edwina Rendell", PERSON)) != rendell  # another first name


def test_a_first_name_misspelt_by_one_letter_joins_the_one_person_of_that_name(source_factory):
    priebus = speaker_of(source_factory, Speaker("Reince Priebus", PERSON))
    assert speaker_of(source_factory, Speaker("Rence Priebus", PERSON)) == priebus
    assert speaker_of(source_factory, Speaker("Reinse Priebus", PERSON)) == priebus
    # two first names the census knows are two people; a surname one letter apart is another family
    kelly = speaker_of(source_factory, Speaker("Jason Kelly", PERSON))
    assert speaker_of(source_factory, Speaker("Mason Kelly", PERSON)) != kelly
    mccaul = speaker_of(source_factory, Speaker("Michael McCaul", PERSON))
    assert speaker_of(source_factory, Speaker("Michael McFaul", PERSON)) != mccaul
    # too short a first name to call it a slip
    assert speaker_of(source_factory, Speaker("Ubek Zorbel", PERSON)) != speaker_of(
        source_factory, Speaker("Ubak Zorbel", PERSON))


def test_a_slip_that_fits_two_people_joins_neither(source_factory):
    one = speaker_of(source_factory, Speaker("Jason Zorbel", PERSON))
    two = speaker_of(source_factory, Speaker("Mason Zorbel", PERSON))  # both first names: two people
    assert one != two
    assert speaker_of(source_factory, Speaker("Wason Zorbel", PERSON)) not in (one, two)


def test_a_middle_name_that_is_no_first_name_is_the_same_person_either_way(source_factory):
    hillary = speaker_of(source_factory, Speaker("Hillary Clinton", PERSON))
    assert speaker_of(source_factory, Speaker("Hillary Rodham Clinton", PERSON)) == hillary
    sarah = speaker_of(source_factory, Speaker("Sarah Huckabee Sanders", PERSON))
    assert speaker_of(source_factory, Speaker("Sarah Sanders", PERSON)) == sarah
    # Bill is not Hillary; a middle name that is a first name says nothing (John Quincy Adams is not John Adams)
    assert speaker_of(source_factory, Speaker("Bill Clinton", PERSON)) != hillary
    adams = speaker_of(source_factory, Speaker("John Adams", PERSON))
    assert speaker_of(source_factory, Speaker("John Quincy Adams", PERSON)) != adams


def test_a_family_name_of_two_words_joins_the_one_person_named_in_full(source_factory):
    ildefonso = speaker_of(source_factory, Speaker("Ildefonso Guajardo Villarreal", PERSON))
    assert speaker_of(source_factory, Speaker("Guajardo Villarreal", PERSON)) == ildefonso
    laban = speaker_of(source_factory, Speaker("Abu Laban", PERSON))
    assert speaker_of(source_factory, Speaker("Osman Abu Laban", PERSON)) == laban
    laban.refresh_from_db()
    assert laban.name == "Osman Abu Laban"  # the fuller name, the permalink kept
    # a name that opens with a first name is somebody else's: "Ann Smith" is not "Mary Ann Smith"
    mary = speaker_of(source_factory, Speaker("Mary Ann Smith", PERSON))
    assert speaker_of(source_factory, Speaker("Ann Smith", PERSON)) != mary


def test_two_people_of_one_family_name_are_never_joined_by_it(source_factory):
    # two people whose fuller names end in the family name: a "Guajardo Villarreal" alone is neither
    first = speaker_of(source_factory, Speaker("Ildefonso Guajardo Villarreal", PERSON))
    second = speaker_of(source_factory, Speaker("Marta Guajardo Villarreal", PERSON))
    assert first != second
    assert speaker_of(source_factory, Speaker("Guajardo Villarreal", PERSON)) not in (first, second)


def test_people_who_share_a_surname_stay_apart(source_factory):
    bill = speaker_of(source_factory, Speaker("Bill Clinton", PERSON))
    hillary = speaker_of(source_factory, Speaker("Hillary Rodham Clinton", PERSON))
    chelsea = speaker_of(source_factory, Speaker("Chelsea Clinton", PERSON))
    assert len({bill, hillary, chelsea}) == 3
    assert speaker_of(source_factory, Speaker("Hillary Clinton", PERSON)) == hillary
    assert speaker_of(source_factory, Speaker("Clinton", PERSON), "Mrs. Clinton") not in (bill,)
    michael = speaker_of(source_factory, Speaker("Michael Howard", PERSON))
    sandra = speaker_of(source_factory, Speaker("Sandra Howard", PERSON))
    assert michael != sandra
    lord = speaker_of(source_factory, Speaker("Lord Bach", PERSON))
    robbie = speaker_of(source_factory, Speaker("Robbie Bach", PERSON))
    assert lord != robbie
    assert speaker_of(source_factory, Speaker("Robbbie Bach", PERSON)) == robbie  # one slip, one Bach of that name
    assert speaker_of(source_factory, Speaker("Donald Trump Jr.", PERSON)) != speaker_of(
        source_factory, Speaker("Donald Trump", PERSON))


def test_a_titled_surname_joins_the_only_person_of_that_surname(source_factory):
    kasich = speaker_of(source_factory, Speaker("John Kasich", PERSON))
    assert speaker_of(source_factory, Speaker("Kasich", PERSON, title="Gov."), "Gov. Kasich") == kasich


def test_an_outlet_run_into_a_persons_name_is_left_out(source_factory):
    pollak = speaker_of(source_factory, Speaker("Joel Pollak", PERSON))
    assert speaker_of(source_factory, Speaker("Breitbart’s Joel Pollak", PERSON)) == pollak
    assert speaker_of(source_factory, Speaker("Breitbart's Joel Pollak", PERSON)) == pollak
    # an organisation keeps its name; a possessive before one word is no person's full name
    macys = speaker_of(source_factory, Speaker("Macy's Herald Square", ORG))
    assert macys.name == "Macy's Herald Square"
    assert speaker_of(source_factory, Speaker("Yudhoyono's government", UNKNOWN)).name == "Yudhoyono's government"


def test_a_name_in_capitals_is_read_as_written_normally(source_factory):
    # a transcript's labels: "TAPPER" beside "JAKE TAPPER" in one article is that person (his first name says so)
    jake = speaker_of(source_factory, Speaker("Jake Tapper", PERSON))
    other = speaker_of(source_factory, Speaker("Nora Tapper", PERSON))
    first, second = article(source_factory, [(Speaker("JAKE TAPPER", UNKNOWN), "JAKE TAPPER", "the debate began"),
                                             (Speaker("TAPPER", UNKNOWN), "TAPPER", "the polls were close")])
    assert first.speaker == jake == second.speaker != other


def test_a_surname_joins_the_person_so_far_only_mentioned_by_full_name(source_factory):
    source = source_factory(text="Tony Blair said John Kasich was right.")
    ingest_services.store_extraction(source=source, extraction=Extraction(statements=(ExtractedStatement(
        speaker=Speaker("Tony Blair", PERSON), speaker_mention="Tony Blair", speaker_start=0, speaker_end=10,
        cue="said", cue_start=11, cue_end=15, kind="indirect", content="John Kasich was right", content_start=16,
        content_end=37, confidence=0.5, said_on=None, mentioned=("John Kasich",)),), speakers=()))
    kasich = Actor.objects.get(name="John Kasich")  # mentioned, not speaking: of unknown kind
    assert kasich.kind == UNKNOWN
    assert speaker_of(source_factory, Speaker("Kasich", PERSON, title="Gov."), "Gov. Kasich") == kasich
    kasich.refresh_from_db()
    assert kasich.kind == PERSON
    # an organisation's name is never a surname's: "Stanley" is not Morgan Stanley
    speaker_of(source_factory, Speaker("Morgan Stanley", ORG))
    assert speaker_of(source_factory, Speaker("Stanley", PERSON), "Mr Stanley").name == "Mr Stanley"
    # nor a mentioned name ending in a first name (a nickname, "Crooked Hillary"): "Hillary" is not it
    hillary = speaker_of(source_factory, Speaker("Hillary Clinton", PERSON, aliases=("Hillary",)))
    assert speaker_of(source_factory, Speaker("Crooked Hillary", UNKNOWN)).kind == UNKNOWN
    assert speaker_of(source_factory, Speaker("Hillary", PERSON)) == hillary
