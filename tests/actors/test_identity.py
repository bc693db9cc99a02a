"""One actor per entity across articles (issue 20, items 6 and 4): acronyms, party names and first-name short
forms join the full actor; a surname joins only when that is unambiguous; a role description goes to the one
actor holding that role at the article's date. Each rule on invented articles, stored as ingest stores them."""
from __future__ import annotations

import datetime as dt
import itertools

import pytest

from actors.models import Actor, Role
from actors.services import Sighting, resolve_actors
from ingest import services as ingest_services
from ingest.extraction.records import ExtractedStatement, Extraction, Speaker

pytestmark = pytest.mark.django_db
PERSON, ORG, UNKNOWN = "person", "organization", "unknown"
_numbers = itertools.count()


def article(source_factory, said: list[tuple], *, published=None):
    """Store an article whose statements are (speaker Speaker, mention, passage) triples; returns the statements."""
    text = f"Headline {next(_numbers)}\n\n" + " ".join(f"{mention} said that {passage}." for _, mention, passage in said)
    source = source_factory(text=text, published=published)
    statements = []
    for speaker, mention, passage in said:
        start = text.index(passage)
        statements.append(ExtractedStatement(
            speaker=speaker, speaker_mention=mention, speaker_start=None, speaker_end=None, cue="said",
            cue_start=None, cue_end=None, kind="indirect", content=passage, content_start=start,
            content_end=start + len(passage), confidence=0.5, said_on=None,
        ))
    extraction = Extraction(statements=tuple(statements), speakers=tuple({s[0] for s in said}))
    stored = ingest_services.store_extraction(source=source, extraction=extraction)
    return sorted(stored, key=lambda s: s.content_start)


def speaker_of(source_factory, speaker: Speaker, mention: str | None = None, *, published=None) -> Actor | None:
    (statement,) = article(source_factory, [(speaker, mention or speaker.name, "all was well")], published=published)
    return statement.speaker


# --- acronyms -------------------------------------------------------------------------------------------------

def test_an_acronym_joins_the_organisation_named_in_full_in_another_article(source_factory):
    nao = speaker_of(source_factory, Speaker("National Audit Office", ORG))
    assert speaker_of(source_factory, Speaker("NAO", ORG), "The NAO") == nao
    boe = speaker_of(source_factory, Speaker("Bank of England", ORG))
    assert speaker_of(source_factory, Speaker("BoE", ORG), "The BoE") == boe
    eu = speaker_of(source_factory, Speaker("European Union", ORG))
    assert speaker_of(source_factory, Speaker("EU", UNKNOWN)) == eu
    assert Actor.objects.count() == 3


def test_a_full_name_joins_the_organisation_known_only_by_its_acronym_and_names_it(source_factory):
    nao = speaker_of(source_factory, Speaker("NAO", ORG), "The NAO")
    assert nao.name == "NAO"
    assert speaker_of(source_factory, Speaker("National Audit Office", ORG)) == nao
    nao.refresh_from_db()
    assert nao.name == "National Audit Office" and nao.slug == "nao"  # the fuller name; the permalink stays
    assert nao.history.first().name == "National Audit Office"


def test_an_acronym_the_article_defines_names_the_new_actor_in_full(source_factory):
    nao = speaker_of(source_factory, Speaker("NAO", ORG, aliases=("NAO", "National Audit Office")))
    assert nao.name == "National Audit Office"
    assert {"nao", "national audit office"} <= set(nao.aliases.values_list("normalized", flat=True))


def test_an_acronym_two_organisations_share_joins_neither_and_a_person_is_never_an_acronym(source_factory):
    speaker_of(source_factory, Speaker("British Airways", ORG))
    speaker_of(source_factory, Speaker("British Academy", ORG))
    ba = speaker_of(source_factory, Speaker("BA", ORG))
    assert ba.name == "BA"
    nao = speaker_of(source_factory, Speaker("National Audit Office", ORG))
    assert speaker_of(source_factory, Speaker("Nao", PERSON)) != nao


# --- party names ----------------------------------------------------------------------------------------------

def test_tories_conservatives_and_the_conservative_party_are_one_actor(source_factory):
    tories = speaker_of(source_factory, Speaker("Tories", ORG), "The Tories")
    assert speaker_of(source_factory, Speaker("Conservatives", ORG), "The Conservatives") == tories
    assert speaker_of(source_factory, Speaker("Conservative Party", ORG)) == tories
    tories.refresh_from_db()
    assert tories.name == "Conservative Party"
    lib_dems = speaker_of(source_factory, Speaker("Liberal Democrats", ORG))
    assert speaker_of(source_factory, Speaker("Lib Dems", ORG)) == lib_dems
    assert Actor.objects.count() == 2


def test_the_conservative_party_is_found_under_tories_first_named_in_full(source_factory):
    party = speaker_of(source_factory, Speaker("Conservative Party", ORG))
    assert speaker_of(source_factory, Speaker("Tories", UNKNOWN), "The Tories") == party
    assert speaker_of(source_factory, Speaker("Tory", ORG)) == party
    assert speaker_of(source_factory, Speaker("Conservative", PERSON)) != party  # a person is no party


# --- first names and surnames ---------------------------------------------------------------------------------

def test_a_known_short_form_of_the_first_name_joins_the_same_surname(source_factory):
    cable = speaker_of(source_factory, Speaker("Vincent Cable", PERSON))
    assert speaker_of(source_factory, Speaker("Vince Cable", PERSON)) == cable
    assert speaker_of(source_factory, Speaker("Vince Carter", PERSON)) != cable
    assert speaker_of(source_factory, Speaker("Victoria Cable", PERSON)) != cable  # not a form of Vincent


def test_bach_does_not_join_across_lord_bach_and_robbie_bach(source_factory):
    lord = speaker_of(source_factory, Speaker("Lord Bach", PERSON))
    robbie = speaker_of(source_factory, Speaker("Robbie Bach", PERSON))
    assert lord != robbie
    assert speaker_of(source_factory, Speaker("Bach", PERSON), "Lord Bach") == lord
    assert speaker_of(source_factory, Speaker("Bach", PERSON), "Mr Bach") == robbie  # a peer is never "Mr Bach"
    assert speaker_of(source_factory, Speaker("Bach", PERSON)) == robbie  # nor bare "Bach"
    assert "bach" not in set(lord.aliases.values_list("normalized", flat=True))
    assert Actor.objects.count() == 2


def test_howard_does_not_merge_michael_and_sandra_howard(source_factory):
    michael = speaker_of(source_factory, Speaker("Michael Howard", PERSON))
    assert speaker_of(source_factory, Speaker("Howard", PERSON), "Mr Howard") == michael
    sandra = speaker_of(source_factory, Speaker("Howard", PERSON), "Mrs Howard")
    assert sandra != michael and sandra.name == "Mrs Howard"  # his "Mr Howard" says he is a man
    assert speaker_of(source_factory, Speaker("Sandra Howard", PERSON)) != michael
    assert speaker_of(source_factory, Speaker("Howard", PERSON), "Mrs Howard") == sandra
    assert speaker_of(source_factory, Speaker("Howard", PERSON), "Mr Howard") == michael
    # "Howard" alone, two Howards known and nothing in the article to say which: unresolved, words kept
    (alone,) = article(source_factory, [(Speaker("Howard", PERSON), "Howard", "it was fine")])
    assert alone.speaker is None and alone.speaker_mention == "Howard"
    assert not Actor.objects.filter(name="Howard").exists()


def test_a_shared_surname_goes_to_the_person_the_article_also_names_or_whose_role_it_gives(source_factory):
    michael = speaker_of(source_factory, Speaker("Michael Howard", PERSON))
    john = speaker_of(source_factory, Speaker("John Howard", PERSON, title="Prime Minister of Australia"))
    first, second = article(source_factory, [
        (Speaker("Howard", PERSON), "Howard", "the campaign began"),
        (Speaker("Tony Blair", PERSON), "Tony Blair", "Michael Howard was wrong"),
    ])
    assert first.speaker is None  # the article names no Howard in full
    stored = article(source_factory, [(Speaker("Howard", PERSON), "Howard", "taxes would fall"),
                                      (Speaker("Michael Howard", PERSON), "Michael Howard", "taxes matter")])
    assert stored[0].speaker == michael == stored[1].speaker
    (by_role,) = article(source_factory, [
        (Speaker("Howard", PERSON, title="Prime Minister of Australia"), "Howard", "troops would stay")])
    assert by_role.speaker == john


def test_a_lone_surname_joins_the_only_person_of_that_name_and_a_new_surname_is_a_new_actor(source_factory):
    blair = speaker_of(source_factory, Speaker("Tony Blair", PERSON))
    assert speaker_of(source_factory, Speaker("Blair", PERSON), "Mr Blair") == blair
    zog = speaker_of(source_factory, Speaker("Zoggleby", PERSON))
    assert zog.name == "Zoggleby"


def test_resolution_takes_a_few_queries_with_every_form(django_assert_max_num_queries):
    names = [Sighting("Vincent Cable", PERSON), Sighting("Conservative Party", ORG),
             Sighting("National Audit Office", ORG), Sighting("Howard", PERSON, courtesy="Mr")]
    resolve_actors(names=names)
    with django_assert_max_num_queries(1):  # all known: one lookup
        again = resolve_actors(names=names)
    assert len({a.pk for a in again.values()}) == 4


# --- role descriptions at the article's date ------------------------------------------------------------------

def _holder(name, title, **dates):
    actor = Actor.objects.create(name=name, slug=name.lower().replace(" ", "-"), kind=PERSON)
    Role.objects.create(actor=actor, title=title, **dates)
    return actor


def test_a_role_description_goes_to_the_one_actor_holding_the_role_at_the_articles_date(source_factory):
    jowell = _holder("Tessa Jowell", "Culture Secretary", origin=Role.Origin.EDITOR,
                     start_date=dt.date(2001, 6, 8), end_date=dt.date(2007, 6, 28))
    purnell = _holder("James Purnell", "Culture Secretary", origin=Role.Origin.POPOLO,
                      start_date=dt.date(2007, 6, 28), end_date=dt.date(2008, 1, 24))
    said = Speaker("The culture secretary", PERSON)
    (in_2005,) = article(source_factory, [(said, "The culture secretary", "museums were safe")],
                         published=dt.date(2005, 3, 1))
    assert in_2005.speaker == jowell and in_2005.speaker_mention == "The culture secretary"
    assert in_2005.speaker_role.title == "Culture Secretary"
    (in_2007,) = article(source_factory, [(said, "The culture secretary", "films were good")],
                         published=dt.date(2007, 9, 1))
    assert in_2007.speaker == purnell
    # On the day both held it (one left, one came): two holders, left unresolved with the mention kept.
    (both,) = article(source_factory, [(said, "The culture secretary", "it was a day")], published=dt.date(2007, 6, 28))
    assert both.speaker is None and both.speaker_mention == "The culture secretary"


def test_a_role_read_in_earlier_articles_counts_from_then_until_a_year_after_it_was_last_read(source_factory):
    howard = speaker_of(source_factory, Speaker("Michael Howard", PERSON, title="Tory leader"),
                        published=dt.date(2004, 3, 1))
    speaker_of(source_factory, Speaker("Michael Howard", PERSON, title="Tory leader"), published=dt.date(2005, 4, 1))
    role = Role.objects.get(actor=howard)
    assert (role.first_seen_on, role.last_seen_on) == (dt.date(2004, 3, 1), dt.date(2005, 4, 1))
    said = Speaker("the Tory leader", PERSON)
    for published, expected in [(dt.date(2005, 1, 1), howard), (dt.date(2003, 1, 1), None),
                                (dt.date(2007, 1, 1), None)]:
        (statement,) = article(source_factory, [(said, "the Tory leader", f"it was {published}")],
                               published=published)
        assert statement.speaker == expected, published
    # a second holder read in the same months: no longer certain
    speaker_of(source_factory, Speaker("Iain Duncan Smith", PERSON, title="Tory leader"), published=dt.date(2004, 6, 1))
    (statement,) = article(source_factory, [(said, "the Tory leader", "two leaders")], published=dt.date(2005, 1, 1))
    assert statement.speaker is None


def test_an_unnamed_source_is_not_resolved_through_roles(source_factory):
    _holder("Some Analyst", "analysts", origin=Role.Origin.EDITOR)
    text_speaker = Speaker("Analysts", UNKNOWN)
    source = source_factory(text="Headline\n\nAnalysts said that prices rose.")
    start = source.text.index("prices rose")
    item = ExtractedStatement(
        speaker=Speaker("analysts", UNKNOWN), speaker_mention="analysts", speaker_start=None, speaker_end=None,
        cue="said", cue_start=None, cue_end=None, kind="indirect", content="prices rose", content_start=start,
        content_end=start + 11, confidence=0.5, said_on=None, source_type="unnamed")
    (statement,) = ingest_services.store_extraction(
        source=source, extraction=Extraction(statements=(item,), speakers=(text_speaker,)))
    assert statement.speaker is None


def test_only_a_definite_description_of_a_specific_role_is_resolved(source_factory):
    _holder("Mark Oaten", "spokesman", origin=Role.Origin.EDITOR)
    _holder("Gordon Brown", "chancellor", origin=Role.Origin.EDITOR)
    _holder("Jack Straw", "foreign secretary", origin=Role.Origin.EDITOR)
    said = [(Speaker(mention, PERSON), mention, f"point {i} stood")
            for i, mention in enumerate(["a spokesman", "The spokesman", "the chancellor", "The Foreign Secretary"])]
    stored = article(source_factory, said)
    assert [s.speaker.name if s.speaker else None for s in stored] == [None, None, None, "Jack Straw"]


def test_an_ambiguous_surname_costs_one_query_more_and_writes_nothing(django_assert_max_num_queries):
    resolve_actors(names=[Sighting(f"{first} Howard", PERSON) for first in ("Michael", "John", "Alan")])
    with django_assert_max_num_queries(2):  # the lookup, the three Howards' roles at once
        found = resolve_actors(names=[Sighting("Howard", PERSON, title="Opposition leader")])
    assert found == {"Howard": None}


def test_records_made_before_these_rules_are_brought_together(source_factory):
    """Duplicates an older resolution made: a new article's party name or spelt-out acronym goes to the fuller
    record, so that reprocessing leaves the short one without statements (then tidied away)."""
    tories = Actor.objects.create(name="Tories", slug="tories", kind=ORG)
    party = Actor.objects.create(name="Conservative Party", slug="conservative-party", kind=ORG)
    nao = Actor.objects.create(name="NAO", slug="nao", kind=ORG)
    office = Actor.objects.create(name="National Audit Office", slug="national-audit-office", kind=ORG)
    for actor in (tories, party, nao, office):
        actor.aliases.create(name=actor.name)
    assert speaker_of(source_factory, Speaker("Tories", ORG)) == party
    assert speaker_of(source_factory, Speaker("NAO", ORG, aliases=("NAO", "National Audit Office"))) == office
    # the office now holds the alias "NAO" too: the acronym alone goes to the one name it abbreviates
    assert speaker_of(source_factory, Speaker("NAO", ORG)) == office
    assert Actor.objects.get(pk=nao.pk).merged_into is None  # left for tidy_actors (test_reprocess_tidy)
    gm = speaker_of(source_factory, Speaker("GM", ORG))
    assert speaker_of(source_factory, Speaker("GM", ORG, aliases=("General Motors",))) == gm
    gm.refresh_from_db()
    assert (gm.name, gm.slug) == ("General Motors", "gm")  # spelt out now: named in full, its permalink kept


# --- one person under the forms publishers write the name in (issue 20, item 6) --------------------------------

def test_a_middle_initial_written_or_not_is_one_person(source_factory):
    reid = speaker_of(source_factory, Speaker("Harry M. Reid", PERSON))
    assert speaker_of(source_factory, Speaker("Harry Reid", PERSON)) == reid
    trump = speaker_of(source_factory, Speaker("Donald Trump", PERSON))
    assert speaker_of(source_factory, Speaker("Donald J. Trump", PERSON)) == trump
    assert speaker_of(source_factory, Speaker("Donald Trump", PERSON)) == trump
    assert speaker_of(source_factory, Speaker("Donald Trump Jr.", PERSON)) != trump  # his son
    w = speaker_of(source_factory, Speaker("George W. Bush", PERSON))
    assert speaker_of(source_factory, Speaker("George H. W. Bush", PERSON)) != w  # other initials: his father
    assert speaker_of(source_factory, Speaker("George W. Bush", PERSON)) == w


def test_a_fuller_form_the_article_gives_joins_the_person_known_under_it(source_factory):
    clinton = speaker_of(source_factory, Speaker("Hillary Clinton", PERSON))
    rodham = Speaker("Hillary Rodham Clinton", PERSON, aliases=("Hillary Rodham Clinton", "Hillary Clinton"))
    assert speaker_of(source_factory, rodham) == clinton
    # without the article saying so, a middle name is no middle initial: John Quincy Adams is not John Adams
    adams = speaker_of(source_factory, Speaker("John Adams", PERSON))
    assert speaker_of(source_factory, Speaker("John Quincy Adams", PERSON)) != adams


def test_a_surname_with_particles_is_the_persons(source_factory):
    marine = speaker_of(source_factory, Speaker("Marine Le Pen", PERSON))
    assert speaker_of(source_factory, Speaker("Le Pen", PERSON), "Ms. Le Pen") == marine
    comey = speaker_of(source_factory, Speaker("James B. Comey Jr.", PERSON))
    assert speaker_of(source_factory, Speaker("Comey", PERSON), "Mr. Comey") == comey
    assert "jr" not in set(comey.aliases.values_list("normalized", flat=True))


def test_a_full_name_takes_the_record_its_surname_alone_made_earlier(source_factory):
    reid = speaker_of(source_factory, Speaker("Reid", PERSON), "Mr. Reid")
    assert reid.name == "Mr Reid"
    assert speaker_of(source_factory, Speaker("Harry Reid", PERSON)) == reid
    reid.refresh_from_db()
    assert reid.name == "Harry Reid" and reid.slug == "mr-reid"  # the permalink stays
    assert speaker_of(source_factory, Speaker("Reid", PERSON), "Sen. Reid") == reid
    assert Actor.objects.count() == 1


def test_a_full_name_leaves_a_surname_record_it_cannot_be_sure_of(source_factory):
    howard = speaker_of(source_factory, Speaker("Howard", PERSON), "Mrs Howard")
    assert speaker_of(source_factory, Speaker("Michael Howard", PERSON)) != howard  # a woman's record
    ivins = speaker_of(source_factory, Speaker("Ivins", PERSON), "Mr. Ivins")
    assert speaker_of(source_factory, Speaker("Molly Ivins", PERSON)) != ivins  # a woman's first name
    apple = speaker_of(source_factory, Speaker("Apple", UNKNOWN))
    assert speaker_of(source_factory, Speaker("Fiona Apple", PERSON)) != apple  # nothing says "Apple" is a person
    lee = speaker_of(source_factory, Speaker("Lee", PERSON), "Mr. Lee")
    speaker_of(source_factory, Speaker("Spike Lee", PERSON))  # takes it: the one Lee known
    assert speaker_of(source_factory, Speaker("Robert E. Lee", PERSON)) != lee  # another Lee is known by then


def test_a_titled_surname_goes_to_the_person_of_that_sex_and_never_to_a_junior(source_factory):
    bill = speaker_of(source_factory, Speaker("Bill Clinton", PERSON))
    hillary = speaker_of(source_factory, Speaker("Hillary Clinton", PERSON))
    assert speaker_of(source_factory, Speaker("Clinton", PERSON), "Mrs. Clinton") == hillary  # as her first name says
    assert speaker_of(source_factory, Speaker("Clinton", PERSON), "Mr. Clinton") == bill
    trump = speaker_of(source_factory, Speaker("Donald Trump", PERSON))
    junior = speaker_of(source_factory, Speaker("Donald Trump Jr.", PERSON))
    assert speaker_of(source_factory, Speaker("Trump", PERSON), "Mr. Trump") == trump != junior
    ivanka = speaker_of(source_factory, Speaker("Ivanka Trump", PERSON))
    assert speaker_of(source_factory, Speaker("Trump", PERSON), "Ms. Trump") == ivanka


@pytest.mark.django_db(transaction=True)
def test_two_articles_naming_one_person_two_ways_make_one_actor():
    from ingest import services

    services.submit_text(text="Senate vote\n\nHarry M. Reid said the vote would be close. Mr. Reid added that "
                              "the bill would pass.")
    services.submit_text(text="Budget talks\n\nSenator Harry Reid said on Tuesday that talks had stalled.")
    services.submit_text(text="Campaign\n\nDonald J. Trump said the wall would be built. Mr. Trump said Mexico "
                              "would pay.")
    services.submit_text(text="Rally\n\nDonald Trump told supporters that he would win Iowa.")
    speakers = Actor.objects.filter(statements__isnull=False).distinct()
    names = sorted(a.name for a in speakers if a.kind == PERSON)
    assert names == ["Donald J. Trump", "Harry M. Reid"], names


def test_a_name_of_unknown_kind_takes_the_surname_record_only_when_it_opens_with_a_first_name():
    def sex_of(name: str) -> str:
        return {"Barack": "m", "Michelle": "f"}.get(name.split()[0], "")

    obama = resolve_actors(names=[Sighting("Obama", PERSON, courtesy="Mr.")])["Obama"]
    assert resolve_actors(names=[Sighting("Michelle Obama", UNKNOWN)], sex_of=sex_of)["Michelle Obama"] != obama
    assert resolve_actors(names=[Sighting("Barack Obama", UNKNOWN)], sex_of=sex_of)["Barack Obama"] == obama
    obama.refresh_from_db()
    assert (obama.name, obama.kind) == ("Barack Obama", PERSON)
    sachs = resolve_actors(names=[Sighting("Sachs", PERSON)])["Sachs"]
    assert resolve_actors(names=[Sighting("Goldman Sachs", UNKNOWN)], sex_of=sex_of)["Goldman Sachs"] != sachs


# --- a surname alone beside the article's own full names (issue 20 rule 6) ------------------------------------

def test_a_surname_alone_is_the_person_the_article_names_in_full_not_a_namesake_known_elsewhere(source_factory):
    bernie = speaker_of(source_factory, Speaker("Bernie Sanders", PERSON))
    alone, sarah = article(source_factory, [(Speaker("Sanders", PERSON), "Sanders", "the briefing was over"),
                                            (Speaker("Sarah Sanders", PERSON), "Sarah Sanders", "questions were done")])
    assert alone.speaker == sarah.speaker != bernie
    assert speaker_of(source_factory, Speaker("Sanders", PERSON), "Sen. Sanders") is None  # two known now


def test_a_surname_alone_unknown_so_far_joins_the_full_name_the_article_gives_later(source_factory):
    titled, full = article(source_factory, [(Speaker("Zoggleby", PERSON), "Mr. Zoggleby", "the tax was fair"),
                                            (Speaker("Alan Zoggleby", PERSON), "Alan Zoggleby", "rates would rise")])
    assert titled.speaker == full.speaker and full.speaker.name == "Alan Zoggleby"
    assert Actor.objects.count() == 1


def test_a_surname_the_articles_full_names_contradict_or_share_stays_unresolved(source_factory):
    known = speaker_of(source_factory, Speaker("Jacob Lew", PERSON))
    ms, _ = article(source_factory, [(Speaker("Lew", PERSON), "Ms. Lew", "the deal was done"),
                                     (Speaker("Jacob Lew", PERSON), "Jacob Lew", "the deal was good")])
    assert ms.speaker is None and not Actor.objects.filter(name__icontains="Ms").exists()  # not him, not a new one
    alone, bill, hillary = article(source_factory, [
        (Speaker("Clinton", PERSON), "Clinton", "the race was close"),
        (Speaker("Bill Clinton", PERSON), "Bill Clinton", "she would win"),
        (Speaker("Hillary Clinton", PERSON), "Hillary Clinton", "she had won")])
    assert alone.speaker is None and bill.speaker != hillary.speaker
    mrs, _, _ = article(source_factory, [
        (Speaker("Clinton", PERSON), "Mrs. Clinton", "the vote was hers"),
        (Speaker("Bill Clinton", PERSON), "Bill Clinton", "she had earned it"),
        (Speaker("Hillary Clinton", PERSON), "Hillary Clinton", "she was glad")])
    assert mrs.speaker == hillary.speaker and known.name == "Jacob Lew"
    mr, trump, _ = article(source_factory, [
        (Speaker("Trump", PERSON), "Mr. Trump", "the wall would rise"),
        (Speaker("Donald Trump", PERSON), "Donald Trump", "Mexico would pay"),
        (Speaker("Donald Trump Jr.", PERSON), "Donald Trump Jr.", "his father was right")])
    assert mr.speaker == trump.speaker  # never the junior


def test_a_titled_family_name_written_before_another_name_is_that_person_in_the_article(source_factory):
    full, titled = article(source_factory, [
        (Speaker("Melba Acosta Febo", PERSON), "Melba Acosta Febo", "the bank was sound"),
        (Speaker("Acosta", PERSON), "Ms. Acosta", "the debt would be paid")])
    assert titled.speaker == full.speaker and Actor.objects.count() == 1
    lou, mr = article(source_factory, [(Speaker("Lou Jiwei", PERSON), "Lou Jiwei", "growth would slow"),
                                       (Speaker("Lou", PERSON), "Mr. Lou", "reform would go on")])
    assert mr.speaker == lou.speaker
    alone, jones = article(source_factory, [(Speaker("Paul", PERSON), "Paul", "the rules were clear"),
                                            (Speaker("John Paul Jones", PERSON), "John Paul Jones", "the ship sailed")])
    assert alone.speaker != jones.speaker  # untitled, a word inside a name is no family name


def test_a_rank_before_a_name_makes_a_person_never_an_organisation(source_factory):
    """ "Gen. Smith" or "Lt. Gen. John Smith" given as an organisation's name (the NER's misreading) is a person, the
    rank the role; "General Motors" stays the organisation; a rank alone ("Lt.") is no one."""
    general = speaker_of(source_factory, Speaker(name="Lt. Gen. John Smith", kind=ORG, title=None, aliases=()))
    assert (general.name, general.kind) == ("John Smith", PERSON)
    gm = speaker_of(source_factory, Speaker(name="General Motors", kind=ORG, title=None, aliases=()))
    assert (gm.name, gm.kind) == ("General Motors", ORG)
    assert speaker_of(source_factory, Speaker(name="Lt.", kind=ORG, title=None, aliases=())) is None
    assert not Actor.objects.filter(name__in=["Lt.", "Lt", "Gen. Smith"]).exists()
