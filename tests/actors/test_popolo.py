"""manage.py import_popolo: a small Popolo roster (tests/actors/data/popolo_small.json) into actors, aliases and
roles; idempotent, updated by a re-import, and all or nothing on a malformed file."""
import datetime as dt
import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from actors.models import Actor, ActorAlias, Role
from actors.services import add_aliases, find_actor

pytestmark = pytest.mark.django_db

ROSTER = Path(__file__).parent / "data" / "popolo_small.json"


def run(path) -> str:
    out = StringIO()
    call_command("import_popolo", str(path), stdout=out)
    return out.getvalue()


def roster() -> dict:
    return json.loads(ROSTER.read_text(encoding="utf-8"))


def write(tmp_path, data, name="roster.json") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def snapshot():
    """Everything the import may write, comparable before and after."""
    return (
        sorted(Actor.objects.values_list("pk", "name", "slug", "kind", "wikidata_id", "popolo_id", "updated_at")),
        sorted(ActorAlias.objects.values_list("pk", "actor_id", "name")),
        sorted(Role.objects.values_list("pk", "actor_id", "title", "organization_id", "organization_name",
                                        "start_date", "end_date", "origin")),
        Actor.history.count(),
    )


def aliases(name):
    return sorted(Actor.objects.get(name=name).aliases.values_list("name", flat=True))


def roles(name):
    return sorted(
        (r.title, r.organization.name if r.organization else None, r.organization_name, r.start_date, r.end_date,
         r.origin)
        for r in Role.objects.filter(actor__name=name).select_related("organization"))


def test_import_creates_actors_aliases_and_dated_roles():
    out = run(ROSTER)
    assert "persons: 4 created, 0 updated, 0 unchanged" in out
    assert "organizations: 3 created, 0 updated, 0 unchanged" in out
    assert "roles: 5 created, 0 updated, 0 unchanged" in out

    howard = Actor.objects.get(name="Michael Howard")
    assert (howard.kind, howard.wikidata_id, howard.popolo_id) == ("person", "Q1000001", "person/michael-howard")
    assert Actor.objects.get(name="Sandra Howard").wikidata_id == "Q1000002"  # read from an entity URL
    tories = Actor.objects.get(name="Conservative Party")
    assert (tories.kind, tories.wikidata_id) == ("organization", "Q1000010")
    assert Actor.objects.get(name="House of Commons").kind == "organization"

    # other_names and the reordered sort name are aliases; the surname "Howard" is shared by two persons in
    # the file, so it is neither's; "Kennedy", "Bach" and "Lord Bach" belong to one person each
    assert aliases("Michael Howard") == ["Michael Howard", "Michael Howard QC", "Mr Howard"]
    assert aliases("Sandra Howard") == ["Sandra Howard"]
    assert aliases("Charles Kennedy") == ["Charles Kennedy", "Kennedy"]
    assert aliases("Willy Bach") == ["Bach", "Baron Bach", "Lord Bach", "Willy Bach"]
    assert aliases("Conservative Party") == ["Conservative Party", "Conservatives", "Tories"]
    assert find_actor("Tories") == tories
    assert find_actor("Howard") is None

    # roles: the post's label, the membership's role, the party it sat for, and an embedded membership;
    # partial dates become the first day (start) and the last day (end) of the period
    assert roles("Michael Howard") == [
        ("Leader of the Conservative Party", "Conservative Party", "Conservative Party", dt.date(2003, 11, 6),
         dt.date(2005, 12, 6), "popolo"),
        ("Member", "Conservative Party", "Conservative Party", dt.date(1983, 1, 1), dt.date(2010, 4, 30), "popolo"),
        ("Member of Parliament", "House of Commons", "House of Commons", dt.date(1983, 1, 1), dt.date(2010, 4, 30),
         "popolo"),
    ]
    assert roles("Charles Kennedy") == [
        ("Leader", "Liberal Democrats", "Liberal Democrats", dt.date(1999, 8, 9), dt.date(2006, 1, 7), "popolo")]
    assert roles("Willy Bach") == [
        ("Minister of State", "House of Commons", "House of Commons", dt.date(2005, 5, 10), None, "popolo")]


def test_a_second_import_changes_nothing():
    run(ROSTER)
    before = snapshot()
    out = run(ROSTER)
    assert snapshot() == before
    assert "persons: 0 created, 0 updated, 4 unchanged" in out
    assert "organizations: 0 created, 0 updated, 3 unchanged" in out
    assert "aliases: 0 created, 0 updated, 16 unchanged" in out
    assert "roles: 0 created, 0 updated, 5 unchanged" in out


def test_a_reimport_with_changed_dates_updates_them(tmp_path):
    run(ROSTER)
    data = roster()
    data["memberships"][0]["end_date"] = "2005-12-31"  # Howard's leadership
    data["persons"][2]["memberships"][0]["start_date"] = "1999-08"  # Kennedy's, embedded in the person
    out = run(write(tmp_path, data))
    assert "roles: 0 created, 2 updated, 3 unchanged" in out
    leader = Role.objects.get(actor__name="Michael Howard", title="Leader of the Conservative Party")
    assert (leader.start_date, leader.end_date) == (dt.date(2003, 11, 6), dt.date(2005, 12, 31))
    assert Role.objects.get(actor__name="Charles Kennedy").start_date == dt.date(1999, 8, 1)
    assert Role.objects.count() == 5


def test_existing_actors_are_found_not_duplicated(actor_factory, tmp_path):
    """By Wikidata id (an editor's record under another name), then by exact name and kind; a person of the
    same name as an organization in the roster is not taken for it; a wrong kind "unknown" is corrected."""
    howard = actor_factory(name="Michael Howard MP", slug="michael-howard-mp", wikidata_id="Q1000001")
    kennedy = actor_factory(name="Charles Kennedy", slug="charles-kennedy", kind=Actor.Kind.UNKNOWN)
    add_aliases(actor=kennedy, names=["Charles Kennedy"])
    house_person = actor_factory(name="House of Commons", slug="house-of-commons", kind=Actor.Kind.PERSON)
    out = run(ROSTER)
    assert "persons: 2 created, 2 updated, 0 unchanged" in out
    assert "organizations: 3 created" in out
    howard.refresh_from_db()
    kennedy.refresh_from_db()
    assert (howard.name, howard.popolo_id) == ("Michael Howard MP", "person/michael-howard")
    assert "Michael Howard" in aliases("Michael Howard MP")
    assert (kennedy.kind, kennedy.wikidata_id, kennedy.popolo_id) == ("person", "Q1000003", "person/charles-kennedy")
    assert Actor.objects.filter(name="House of Commons").count() == 2
    house_person.refresh_from_db()
    assert house_person.popolo_id == ""
    assert Actor.history.filter(id=kennedy.pk, history_change_reason="Popolo import").exists()
    # and the second run finds them all by the ids recorded
    before = snapshot()
    run(ROSTER)
    assert snapshot() == before


BAD = [
    # (how the file is spoiled, the message expected)
    (lambda d: "{not json", "is not JSON: Expecting property name enclosed in double quotes (line 1, column 2)"),
    (lambda d: [d], 'the file must hold one JSON object with lists "persons", "organizations" and "memberships", '
                    "not a list"),
    (lambda d: {"people": []}, 'the file has none of "persons", "organizations", "memberships"'),
    (lambda d: {**d, "persons": {"p1": {}}}, "persons must be a list, not an object"),
    (lambda d: d["memberships"].append({"person_id": "p9", "role": "Chair"}),
     "memberships[3].person_id 'p9' is not a person in the file"),
    (lambda d: d["memberships"].append({"person_id": "org/commons", "role": "Chair"}),
     "memberships[3].person_id 'org/commons' is an organization, not a person"),
    (lambda d: d["memberships"][1].update(organization_id="org/nowhere"),
     "memberships[1].organization_id 'org/nowhere' is not an organization in the file"),
    (lambda d: d["memberships"][0].update(post_id="post/none"), "memberships[0].post_id 'post/none' is not a post"),
    (lambda d: d["memberships"][2].update(start_date="2005-13-01"),
     "memberships[2].start_date '2005-13-01' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"),
    (lambda d: d["persons"][2]["memberships"][0].update(end_date="yesterday"),
     "persons[2].memberships[0].end_date 'yesterday' is not a date"),
    (lambda d: d["memberships"][0].update(end_date="2001-01-01"),
     "memberships[0].end_date 2001-01-01 is before its start_date 2003-11-06"),
    (lambda d: d["persons"][1]["identifiers"][0].update(identifier="Sandra"),
     "persons[1].identifiers[0].identifier 'Sandra' is not a Wikidata id"),
    (lambda d: d["persons"][3].pop("name") and None, "persons[3].name is missing"),
    (lambda d: d["organizations"][2].update(id="person/willy-bach"),
     "organizations[2].id 'person/willy-bach' is used twice (also persons[3])"),
    (lambda d: d["persons"][0]["other_names"].append("Mike"), "persons[0].other_names[1] must be an object"),
    (lambda d: d["memberships"].append({"person_id": "person/willy-bach"}),
     "memberships[3] names no role, post or organization"),
]


@pytest.mark.parametrize("spoil, message", BAD, ids=[m.split(" ")[0] for _, m in BAD])
def test_a_malformed_file_imports_nothing_and_says_where(spoil, message, tmp_path, actor_factory):
    actor_factory(name="Someone Already Here", slug="someone")
    data = roster()
    spoiled = spoil(data)
    path = write(tmp_path, data if spoiled is None else spoiled)
    before = snapshot()
    with pytest.raises(CommandError) as error:
        run(path)
    assert message in str(error.value)
    assert str(error.value).startswith("Nothing imported: ")
    assert snapshot() == before


def test_a_file_that_is_not_there_or_not_utf8(tmp_path):
    with pytest.raises(CommandError, match="cannot read .*missing.json"):
        run(tmp_path / "missing.json")
    path = tmp_path / "latin1.json"
    path.write_bytes('{"persons": [{"id": "p1", "name": "José"}]}'.encode("latin-1"))
    with pytest.raises(CommandError, match="is not UTF-8 text"):
        run(path)
    assert not Actor.objects.exists()


def test_dry_run_writes_nothing():
    out = StringIO()
    call_command("import_popolo", str(ROSTER), "--dry-run", stdout=out)
    assert "persons: 4 created" in out.getvalue() and "Dry run: nothing was written." in out.getvalue()
    assert not Actor.objects.exists() and not Role.objects.exists()


def test_a_failure_while_writing_leaves_nothing_behind(monkeypatch):
    """The write itself is one transaction: a database error on the roles (after actors and aliases were
    written) takes the actors and aliases back too."""
    from django.db import IntegrityError

    def broken(*args, **kwargs):
        raise IntegrityError("simulated failure while writing roles")

    monkeypatch.setattr(Role.objects, "bulk_create", broken)
    before = snapshot()
    with pytest.raises(IntegrityError):
        run(ROSTER)
    assert snapshot() == before


def test_popolo_roles_keep_their_origin_beside_article_roles():
    from actors.services import record_roles

    run(ROSTER)
    howard = Actor.objects.get(name="Michael Howard")
    record_roles(seen=[(howard, "Tory leader", 7, dt.date(2004, 2, 1))])
    assert dict(howard.roles.values_list("title", "origin")) == {
        "Leader of the Conservative Party": "popolo", "Member": "popolo", "Member of Parliament": "popolo",
        "Tory leader": "article"}


def test_a_reimport_after_an_editor_merged_an_imported_actor_finds_the_kept_one(actor_factory, admin_user):
    from actors.services import merge_actors

    run(ROSTER)
    kennedy = Actor.objects.get(name="Charles Kennedy")
    kept = actor_factory(name="Kennedy", slug="kennedy")  # read in an article, then merged by an editor
    merge_actors(keep=kept, merge=kennedy, user=admin_user)
    kept.refresh_from_db()
    assert (kept.wikidata_id, kept.popolo_id) == ("Q1000003", "person/charles-kennedy")
    out = run(ROSTER)
    assert "persons: 0 created, 0 updated, 4 unchanged" in out
    assert not Actor.objects.filter(name="Charles Kennedy", merged_into__isnull=True).exists()
    assert Role.objects.get(title="Leader").actor == kept
