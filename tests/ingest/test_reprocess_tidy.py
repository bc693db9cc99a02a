"""Existing data brought up to the new speaker resolution (issue 20, item 12): `manage.py reprocess --tidy-actors`
re-extracts stored articles (editors' statements kept), then merges each actor left without statements into the
actor its name now resolves to, or removes it; whatever an editor or a roster entered keeps an actor."""
from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from actors.models import Actor, ActorAlias, Role
from actors.selectors import actor_by_slug
from actors.services import tidy_actors
from statements.models import Statement


TAX = "Tax plans\n\nThe Conservative Party said that taxes would fall next year. The Tories said the plan was desperate."
AUDIT = "Audit\n\nMichael Howard said that it was a scandal. The minister said that costs had risen."


def actor(name, kind="organization", **fields):
    made = Actor.objects.create(name=name, slug=name.lower().replace(" ", "-"), kind=kind, **fields)
    ActorAlias.objects.create(actor=made, name=name)
    return made


def stale(source, speaker, passage, **fields):
    """A statement as an older resolution stored it."""
    start = source.text.index(passage)
    return Statement.objects.create(source=source, speaker=speaker, speaker_mention=speaker.name, cue="said",
                                    kind="indirect", content=passage, content_start=start,
                                    content_end=start + len(passage), confidence=0.5, **fields)


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db(transaction=True)  # real commits: the queued sources are processed (tasks eager) on commit
def test_reprocess_keeps_editors_corrections_and_tidies_the_actors_left_without_statements(source_factory):
    editor = get_user_model().objects.create_user("ed", password="x")
    tax, audit = source_factory(text=TAX), source_factory(text=AUDIT)
    # what an older resolution left: the party twice, a bare surname, a junk actor
    party, tory_party = actor("Conservative Party"), actor("Tory Party")
    howard, junk = actor("Howard", "person"), actor("Obituary", "unknown")
    stale(tax, party, "taxes would fall next year")
    stale(tax, tory_party, "the plan was desperate")
    stale(audit, howard, "it was a scandal")
    # an editor decided this one: "the minister" is Sam Decided, and it must stay so
    decided_actor = actor("Sam Decided", "person")
    decided = stale(audit, decided_actor, "costs had risen", review_status="corrected", reviewed_by=editor)
    # actors nothing speaks for but that editors or rosters entered
    minister = actor("Jane Minister", "person")
    Role.objects.create(actor=minister, title="Audit Minister", origin=Role.Origin.EDITOR)
    body = actor("Audit Body")  # only the organisation of a role read in an article, of someone unused
    unused_holder = actor("Pat Member", "person")
    Role.objects.create(actor=unused_holder, title="Member", organization=body, first_seen_on=dt.date(2004, 1, 1))
    rostered_body = actor("Roster Body")  # the organisation of a roster's role
    Role.objects.create(actor=minister, title="Member", organization=rostered_body, origin=Role.Origin.POPOLO)
    wikidata = actor("Known Body", wikidata_id="Q42")
    edited = actor("Edited Person", "person")
    edited._history_user = editor  # an editor saved it in the admin: its history says who
    edited.save()
    unused_article_role = actor("Former Holder", "person")
    Role.objects.create(actor=unused_article_role, title="Former Post", first_seen_on=dt.date(2004, 1, 1))

    output = run("reprocess", "--all", "--tidy-actors", "--wait", "60")

    assert "Queued 2 sources" in output
    decided.refresh_from_db()
    assert (decided.review_status, decided.speaker, decided.reviewed_by) == ("corrected", decided_actor, editor)
    tax_statements = Statement.objects.filter(source=tax).order_by("content_start")
    assert [s.speaker.name for s in tax_statements] == ["Conservative Party", "Conservative Party"]
    michael = Statement.objects.get(source=audit, content="it was a scandal").speaker
    assert michael.name == "Michael Howard"

    # The editor's statement keeps its actor; the Tory Party, with nothing left, folds into the Conservative
    # Party, so their old permalinks still lead somewhere; the junk actor and the
    # one with only a role read in an article are removed.
    assert Actor.objects.get(pk=decided_actor.pk).merged_into is None
    tory_party.refresh_from_db()
    assert tory_party.merged_into == party and actor_by_slug("tory-party") == party
    assert "tories" in set(party.aliases.values_list("normalized", flat=True))
    # the bare surname's record, the only Howard known, took his full name (its permalink the same)
    assert michael == howard and actor_by_slug("howard") == michael and michael.merged_into is None
    assert not Actor.objects.filter(pk__in=[junk.pk, unused_article_role.pk]).exists()
    assert "removed 'Obituary'" in output and "removed 'Former Holder'" in output
    # a role read in an article keeps no one; its organisation goes with its holder (in the same run)
    assert not Actor.objects.filter(pk__in=[unused_holder.pk, body.pk]).exists()
    assert junk.history.model.objects.filter(id=junk.pk, history_type="-").exists()  # its history says so
    for kept in (minister, wikidata, edited, party, rostered_body):
        assert Actor.objects.filter(pk=kept.pk, merged_into__isnull=True).exists(), kept.name
    # a second run finds nothing more to do
    assert tidy_actors() == {"merged": [], "removed": []}


@pytest.mark.django_db
def test_a_dry_run_changes_nothing(source_factory):
    junk = actor("Sideways", "unknown")
    tories = actor("Tories")
    stale(source_factory(text=TAX), actor("Conservative Party"), "taxes would fall next year")
    output = run("tidy_actors", "--dry-run")
    assert "removed 'Sideways'" in output and "merged 'Tories' into 'Conservative Party'" in output
    assert "1 actors would be merged, 1 would be removed." in output
    assert Actor.objects.filter(pk__in=[junk.pk, tories.pk], merged_into__isnull=True).count() == 2
