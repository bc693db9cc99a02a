"""Likely duplicates (selectors.likely_duplicates) on invented actors: each rule, the people who merely share a
surname, "not the same" remembered, and a fixed number of queries however many actors there are."""
import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from actors import selectors, services
from actors.normalize import acronyms, looks_like_acronym
from actors.models import Actor, DistinctActors, Role

pytestmark = pytest.mark.django_db

PERSON, ORG, UNKNOWN = Actor.Kind.PERSON, Actor.Kind.ORGANIZATION, Actor.Kind.UNKNOWN


@pytest.fixture
def make():
    """make(name, kind, aliases=..., **fields): a live actor known by its name and these aliases."""
    def make(name, kind=PERSON, aliases=(), **fields):
        actor = Actor.objects.create(name=name, slug=f"a-{Actor.objects.count() + 1}", kind=kind, **fields)
        services.add_aliases(actor=actor, names=[name, *aliases])
        return actor
    return make


def pairs():
    """{frozenset of the two names: (score, reasons)}."""
    names = dict(Actor.objects.values_list("pk", "name"))
    return {frozenset((names[p.a_id], names[p.b_id])): (p.score, p.reasons) for p in selectors.likely_duplicates()}


def reasons(a, b):
    return pairs().get(frozenset((a, b)), (0, []))[1]


def test_acronyms_of_significant_words_and_of_every_word(make):
    assert acronyms("National Audit Office") == {"NAO"}
    assert acronyms("Bank of England") == {"BE", "BoE"}
    assert acronyms("Department for International Development") == {"DID", "DfID"}
    assert [looks_like_acronym(n) for n in ["NAO", "BoE", "DfID", "Nao", "McCain", "UN", "Bank"]] == [
        True, True, True, False, False, True, False]
    make("National Audit Office", ORG)
    make("NAO", ORG)
    make("Bank of England", ORG)
    make("BoE", UNKNOWN)
    make("Department for International Development", ORG)
    make("DfID", ORG)
    make("Nao", PERSON)  # a person's name is not an acronym
    make("BE", ORG)  # an acronym that fits: ("BE" is Bank of England's significant initials)
    found = pairs()
    assert found[frozenset(("NAO", "National Audit Office"))][1] == ["“NAO” is the acronym of National Audit Office"]
    assert found[frozenset(("BoE", "Bank of England"))][1] == ["“BoE” is the acronym of Bank of England"]
    assert "“DfID” is the acronym of Department for International Development" in reasons(
        "DfID", "Department for International Development")
    assert not reasons("Nao", "National Audit Office")
    assert not reasons("NAO", "Nao")


def test_party_short_forms_through_aliases_and_first_words(make):
    make("Conservative Party", ORG, aliases=["Tories"])
    make("Tories", ORG)
    make("Conservatives", UNKNOWN)
    make("Labour Party", ORG)
    make("Labour", PERSON)  # stored with the wrong kind: still a likely duplicate, said so
    make("Labour", ORG)
    assert "“Tories” is an alias of Conservative Party" in reasons("Tories", "Conservative Party")
    assert "“Conservatives” is the start of Conservative Party" in reasons("Conservatives", "Conservative Party")
    # party names (normalize.party_forms): the nickname too, with no alias to say so
    assert _forms(reasons("Tories", "Conservatives"))
    assert reasons("Labour", "Labour") == ["same name, kinds differ (person / organization)"]
    assert "“Labour” is the start of Labour Party" in reasons("Labour", "Labour Party")


def test_a_first_word_many_names_share_suggests_nothing(make):
    make("Bank of England", ORG)
    make("Bank", ORG)
    assert reasons("Bank", "Bank of England") == ["“Bank” is the start of Bank of England"]
    make("Bank of Japan", ORG)
    assert not reasons("Bank", "Bank of England") and not reasons("Bank", "Bank of Japan")


def test_people_who_merely_share_a_surname_are_not_suggested(make):
    make("Lord Bach", PERSON)
    make("Robbie Bach", PERSON)
    make("Bach", PERSON)
    assert pairs() == {}  # "Lord Bach" is a name of its own; "Bach" could be either


def test_a_bare_surname_joins_the_only_person_who_fits(make):
    make("Michael Howard", PERSON, aliases=["Mr Howard"])  # the alias says he is a man
    make("Mr Howard", PERSON)
    make("Mrs Howard", PERSON)
    assert reasons("Mr Howard", "Michael Howard") == [
        "“Mr Howard” may be short for Michael Howard, the only Howard known"]
    assert not reasons("Mrs Howard", "Michael Howard")
    # a second Howard: nothing tells which one "Mr Howard" is (sex is read from titles only)
    make("Sandra Howard", PERSON)
    assert not reasons("Mr Howard", "Michael Howard") and not reasons("Mr Howard", "Sandra Howard")


def test_similar_spelling_above_the_threshold_only(make):
    make("Sergey Lavrov", PERSON)
    make("Sergei Lavrov", PERSON)
    make("John Smith", PERSON)
    make("Joan Smith", PERSON)
    assert reasons("Sergey Lavrov", "Sergei Lavrov") == ["similar spelling (92%)"]
    assert not reasons("John Smith", "Joan Smith")


def test_same_role_in_the_same_organization_at_the_same_time(make):
    libdems = make("Liberal Democrats", ORG)
    kennedy = make("Charles Kennedy", PERSON)
    chas = make("Chas Kennedy", PERSON)  # not similar enough to spell-match, not a short form
    ashdown = make("Paddy Ashdown", PERSON)
    for actor, start, end in [(kennedy, "1999-08-09", "2006-01-07"), (chas, "2005-01-01", None),
                              (ashdown, "1988-07-16", "1999-08-08")]:
        Role.objects.create(actor=actor, title="Leader", organization=libdems, organization_name="Liberal Democrats",
                            start_date=start, end_date=end, origin=Role.Origin.POPOLO)
    assert reasons("Charles Kennedy", "Chas Kennedy") == ["both Leader, Liberal Democrats at the same time"]
    assert not reasons("Charles Kennedy", "Paddy Ashdown")  # one after the other
    # a role many have held says nothing
    for n in range(5):
        Role.objects.create(actor=make(f"Member Number{n}", PERSON), title="Member", organization=libdems,
                            organization_name="Liberal Democrats", start_date=dt.date(2000, 1, 1))
    Role.objects.create(actor=kennedy, title="Member", organization=libdems, organization_name="Liberal Democrats")
    assert reasons("Charles Kennedy", "Chas Kennedy") == ["both Leader, Liberal Democrats at the same time"]


def test_known_different_entities_are_never_suggested(make):
    make("John Major", PERSON, wikidata_id="Q9545")
    make("John Major", PERSON, wikidata_id="Q6246137")  # the footballer
    make("Paul Smith", PERSON, popolo_id="person/1")
    make("Paul Smith", PERSON, popolo_id="person/2")
    make("Paul Smith", PERSON)
    found = pairs()
    assert frozenset(("John Major",)) not in found
    assert len([p for p in selectors.likely_duplicates()]) == 2  # the unlabelled Paul Smith with each roster one


def test_not_the_same_is_remembered_and_merged_actors_drop_out(make, admin_user):
    nao = make("NAO", ORG)
    office = make("National Audit Office", ORG)
    tories = make("Tories", ORG)
    party = make("Conservative Party", ORG, aliases=["Tories"])
    assert {frozenset(k) for k in pairs()} == {frozenset(("NAO", "National Audit Office")),
                                                frozenset(("Tories", "Conservative Party"))}
    services.mark_distinct(a=office, b=nao, user=admin_user)
    services.mark_distinct(a=nao, b=office, user=admin_user)  # twice is once
    assert DistinctActors.objects.get().actor_low_id == min(nao.pk, office.pk)
    assert list(pairs()) == [frozenset(("Tories", "Conservative Party"))]
    services.merge_actors(keep=party, merge=tories, user=admin_user)
    assert pairs() == {}
    # a merge keeps the "not the same" decision where it was
    services.merge_actors(keep=nao, merge=office, user=admin_user)
    assert DistinctActors.objects.count() == 1


def test_scored_and_ordered(make):
    make("Bank of England", ORG)
    make("BoE", ORG)
    make("Bank", ORG)
    make("Bank Of England", ORG)  # same name
    ranked = [p.score for p in selectors.likely_duplicates()]
    assert ranked == sorted(ranked, reverse=True) and ranked[0] >= 0.95
    assert all(0 < s <= 1 for s in ranked)


def test_queries_do_not_grow_with_the_number_of_actors(make):
    def count():
        with CaptureQueriesContext(connection) as queries:
            selectors.likely_duplicates()
        return len(queries)

    make("National Audit Office", ORG)
    make("NAO", ORG)
    few = count()
    for n in range(150):
        make(f"Person Number{n} Surname{n % 7}", PERSON, aliases=[f"Surname{n % 7}"])
        make(f"Agency {n} of Things", ORG)
    assert count() == few == 4


def test_a_known_short_form_of_a_first_name(make):
    make("Vincent Cable", PERSON)
    make("Vince Cable", PERSON)
    make("Vince Carter", PERSON)
    make("Lib Dems", ORG)
    make("Liberal Democrats", ORG)
    assert _forms(reasons("Vince Cable", "Vincent Cable"))
    assert not reasons("Vince Carter", "Vincent Cable")
    assert _forms(reasons("Lib Dems", "Liberal Democrats"))


def _forms(found: list[str]) -> bool:
    return any(reason.endswith("are forms of one name") for reason in found)


def test_a_name_with_and_without_its_middle_initials(make):
    make("Harry M. Reid", PERSON)
    make("Harry Reid", PERSON)
    make("George W. Bush", PERSON)
    make("George H. W. Bush", PERSON)
    make("George Bushe", PERSON)
    assert _forms(reasons("Harry M. Reid", "Harry Reid"))
    assert not reasons("George W. Bush", "George H. W. Bush")  # other initials: father and son


def test_the_same_first_name_and_surnames_one_letter_apart(make):
    make("Debbie Wasserman Schultz", PERSON)
    make("Debbie Wasserman Shultz", PERSON)
    make("Sergey Lavrov", PERSON)
    make("Sergey Lavrow", PERSON)
    make("John Smith", PERSON)
    make("John Smyth", PERSON)
    make("Maria Sanchez", PERSON)
    make("Mario Sanchez", PERSON)
    assert "same first name, surnames one letter apart (lavrov / lavrow)" in reasons("Sergey Lavrov", "Sergey Lavrow")
    assert any(r.startswith("same first name") for r in reasons("Debbie Wasserman Schultz", "Debbie Wasserman Shultz"))
    assert not reasons("John Smith", "John Smyth")  # too short a surname to say
    assert not any(r.startswith("same first name") for r in reasons("Maria Sanchez", "Mario Sanchez"))


def test_other_forms_of_one_name_across_articles(make):
    make("Edward G. Rendell", PERSON)
    make("Ed Rendell", PERSON)
    make("Peter X. King", PERSON)
    make("Pete T. King", PERSON)
    make("F.B.I.", ORG)
    make("FBI", ORG)
    make("NY Post", ORG)
    make("New York Post", ORG)
    make("State Department", ORG)
    make("Department of State", ORG)
    make("Department of Justice", ORG)
    assert _forms(reasons("Edward G. Rendell", "Ed Rendell"))
    assert not _forms(reasons("Peter X. King", "Pete T. King"))  # other middle initials
    assert _forms(reasons("F.B.I.", "FBI"))
    assert _forms(reasons("NY Post", "New York Post"))
    assert _forms(reasons("State Department", "Department of State"))
    assert not reasons("Department of Justice", "Department of State")
