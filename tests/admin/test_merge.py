"""Merging duplicate actors: everything moves, duplicates fold, the old slug redirects, the merge is recorded."""
import pytest
from django.urls import reverse

from actors import services
from actors.models import ActorAlias, MergeRecord, Role
from statements.models import Statement

pytestmark = pytest.mark.django_db


@pytest.fixture
def twins(actor_factory, statement_factory, source_factory):
    """Two records of one man, each with statements, a mention, aliases and a role, overlapping."""
    keep = actor_factory(name="Sergey Lavrov", slug="sergey-lavrov")
    merge = actor_factory(name="Sergei Lavrov", slug="sergei-lavrov")
    other = actor_factory(name="Dmitry Peskov", slug="dmitry-peskov")
    for actor, names in [(keep, ["Sergey Lavrov", "Lavrov"]), (merge, ["Sergei Lavrov", "LAVROV", "Minister Lavrov"])]:
        services.add_aliases(actor=actor, names=names)
    keep_role = Role.objects.create(actor=keep, title="Foreign Minister")
    merge_role = Role.objects.create(actor=merge, title="Foreign Minister", first_seen_on="2024-01-02")
    Role.objects.create(actor=merge, title="Diplomat")
    member = Role.objects.create(actor=other, title="Adviser", organization=merge)
    earlier = actor_factory(name="S. Lavrov", slug="s-lavrov", merged_into=merge)
    said_by_keep = [statement_factory(speaker=keep) for _ in range(2)]
    said_by_merge = [statement_factory(speaker=merge, speaker_role=merge_role) for _ in range(3)]
    both = statement_factory(speaker=other)
    both.mentioned_actors.set([keep, merge])
    only_merge = statement_factory(speaker=other)
    only_merge.mentioned_actors.set([merge])
    return dict(keep=keep, merge=merge, other=other, keep_role=keep_role, member=member, earlier=earlier,
                said_by_keep=said_by_keep, said_by_merge=said_by_merge, both=both, only_merge=only_merge)


def test_merge_moves_everything_and_folds_duplicates(twins, admin_user):
    keep, merge = twins["keep"], twins["merge"]
    record = services.merge_actors(keep=keep, merge=merge, user=admin_user)

    merge.refresh_from_db()
    assert merge.merged_into == keep
    # statements spoken: 2 + 3, all now by keep, with the role folded into keep's identical role
    assert Statement.objects.filter(speaker=keep).count() == 5
    assert not Statement.objects.filter(speaker=merge).exists()
    for statement in twins["said_by_merge"]:
        statement.refresh_from_db()
        assert statement.speaker_role == twins["keep_role"]
    # mentions: the statement mentioning both now mentions keep once; the other one moved
    assert list(twins["both"].mentioned_actors.all()) == [keep]
    assert list(twins["only_merge"].mentioned_actors.all()) == [keep]
    assert not merge.mentioned_in.exists()
    # aliases deduplicated by normalised form, and merge's name is one of keep's aliases
    assert sorted(keep.aliases.values_list("normalized", flat=True)) == [
        "lavrov", "minister lavrov", "sergei lavrov", "sergey lavrov"
    ]
    assert not ActorAlias.objects.filter(actor=merge).exists()
    # roles: "Foreign Minister" folded (keep's gained the first-seen date), "Diplomat" moved; org roles moved
    assert sorted(keep.roles.values_list("title", flat=True)) == ["Diplomat", "Foreign Minister"]
    twins["keep_role"].refresh_from_db()
    assert str(twins["keep_role"].first_seen_on) == "2024-01-02"
    twins["member"].refresh_from_db()
    assert twins["member"].organization == keep
    # an actor merged into `merge` before now points straight at keep
    twins["earlier"].refresh_from_db()
    assert twins["earlier"].merged_into == keep

    assert record == MergeRecord.objects.get()
    assert (record.keep, record.merged, record.user, record.merged_slug) == (keep, merge, admin_user, "sergei-lavrov")
    assert record.moved["statements.Statement.speaker"] == {"moved": 3, "deduplicated": 0}
    assert record.moved["actors.ActorAlias.actor"] == {"moved": 2, "deduplicated": 1}
    assert record.moved["actors.Role.actor"] == {"moved": 1, "deduplicated": 1}
    assert record.moved["statements.Statement_mentioned_actors.actor"] == {"moved": 1, "deduplicated": 1}


def test_merge_is_in_the_history_of_both_actors_and_the_statements(twins, admin_user):
    keep, merge = twins["keep"], twins["merge"]
    services.merge_actors(keep=keep, merge=merge, user=admin_user)
    latest = merge.history.first()
    assert latest.merged_into_id == keep.pk
    assert latest.history_user == admin_user
    assert "Merged Sergei Lavrov" in latest.history_change_reason
    assert "Merged Sergei Lavrov" in keep.history.first().history_change_reason
    moved = twins["said_by_merge"][0]
    assert moved.history.first().speaker_id == keep.pk
    assert moved.history.first().history_change_reason.startswith("Merged")


def test_old_slug_redirects_to_the_kept_actor(client, twins):
    keep, merge = twins["keep"], twins["merge"]
    services.merge_actors(keep=keep, merge=merge)
    response = client.get(f"/actors/{merge.slug}/")
    assert response.status_code == 301
    assert response["Location"] == f"/actors/{keep.slug}/"
    # and an actor merged into the merged one earlier still lands on the survivor
    assert client.get(f"/actors/{twins['earlier'].slug}/")["Location"] == f"/actors/{keep.slug}/"
    page = client.get(f"/actors/{keep.slug}/")
    assert page.status_code == 200
    assert page.content.decode().count("the budget") == 5


def test_names_of_the_merged_actor_now_resolve_to_the_kept_one(twins):
    services.merge_actors(keep=twins["keep"], merge=twins["merge"])
    assert services.find_actor("Sergei Lavrov") == twins["keep"]
    assert services.resolve_actor(name="Minister Lavrov", kind="person") == twins["keep"]


def test_merge_refuses_impossible_merges(actor_factory):
    a, b = actor_factory(), actor_factory()
    with pytest.raises(services.MergeError):
        services.merge_actors(keep=a, merge=a)
    services.merge_actors(keep=a, merge=b)
    with pytest.raises(services.MergeError, match="already merged"):
        services.merge_actors(keep=a, merge=b)
    c = actor_factory()
    with pytest.raises(services.MergeError, match="merge into that actor"):
        services.merge_actors(keep=b, merge=c)


def test_admin_merge_action_intermediate_page_then_merge(editor_client, twins):
    keep, merge = twins["keep"], twins["merge"]
    url = reverse("admin:actors_actor_changelist")
    page = editor_client.post(url, {"action": "merge_selected", "_selected_action": [keep.pk, merge.pk]})
    assert page.status_code == 200
    html = page.content.decode()
    assert 'name="keep"' in html and "Sergei Lavrov" in html
    assert f'value="{merge.pk}" id="keep-{merge.pk}" checked' in html  # most statements suggested as the keeper
    done = editor_client.post(
        url, {"action": "merge_selected", "_selected_action": [keep.pk, merge.pk], "apply": "1", "keep": keep.pk},
        follow=True,
    )
    assert done.status_code == 200
    assert "Merged Sergei Lavrov into" in done.content.decode()
    merge.refresh_from_db()
    assert merge.merged_into == keep
    record = MergeRecord.objects.get()
    assert record.user.username == "eddie"
    # the audit trail is visible to editors
    assert editor_client.get(reverse("admin:actors_mergerecord_changelist")).status_code == 200
    assert "Sergei Lavrov" in editor_client.get(reverse("admin:actors_actor_change", args=[keep.pk])).content.decode()


def test_admin_merge_refuses_already_merged_or_single_selection(editor_client, actor_factory):
    a, b = actor_factory(), actor_factory()
    url = reverse("admin:actors_actor_changelist")
    response = editor_client.post(url, {"action": "merge_selected", "_selected_action": [a.pk]}, follow=True)
    assert "at least two" in response.content.decode()
    services.merge_actors(keep=a, merge=b)
    response = editor_client.post(url, {"action": "merge_selected", "_selected_action": [a.pk, b.pk]}, follow=True)
    assert "Already merged" in response.content.decode()
