"""Resolving an article's actors at once: the same answers as one name after another, a few queries, and
concurrent workers that meet the same new name end with one actor (advisory locks, taken in one order)."""
from __future__ import annotations

import threading

import pytest
from django.db import connection, connections, transaction

from actors.models import Actor, ActorAlias, Role
from actors.services import record_roles, resolve_actor, resolve_actors


@pytest.mark.django_db
def test_names_resolve_as_they_would_one_after_another():
    lavrov = resolve_actor(name="Sergey Lavrov", kind="person")
    boris = resolve_actor(name="Boris Lavrov", kind="person")
    found = resolve_actors(names=[
        ("Sergey Lavrov", "person", ()),
        ("Lavrov", "person", ()),  # two Lavrovs known: the one this article names in full
        ("LAVROV", "unknown", ()),  # the same name, written otherwise
        ("Maria Zakharova", "person", ("Zakharova", "the spokeswoman")),
        ("Zakharova", "unknown", ()),  # the surname recorded a moment ago
        ("Foreign Ministry", "organization", ()),
    ])
    assert found["Sergey Lavrov"] == lavrov
    assert found["Lavrov"] == lavrov and found["LAVROV"] == lavrov
    assert found["Zakharova"] == found["Maria Zakharova"]
    zakharova = found["Maria Zakharova"]
    assert set(zakharova.aliases.values_list("normalized", flat=True)) == {"maria zakharova", "zakharova"}
    assert Actor.objects.filter(name="Maria Zakharova").count() == 1
    # New actors get their first history record and a slug of their own, as when created one by one.
    assert zakharova.history.count() == 1 and zakharova.history.get().history_type == "+"
    assert lavrov.slug == "sergey-lavrov" and boris.slug == "boris-lavrov"
    # Alone, with nothing in the article saying which Lavrov: unresolved, and no third Lavrov is made.
    assert resolve_actors(names=[("Lavrov", "person", ())]) == {"Lavrov": None}
    assert Actor.objects.filter(aliases__normalized="lavrov").count() == 2


@pytest.mark.django_db
def test_an_unknown_kind_is_learnt_once_with_history():
    actor = resolve_actor(name="Dmitry Peskov")
    assert actor.kind == "unknown"
    again = resolve_actors(names=[("Dmitry Peskov", "person", ())])["Dmitry Peskov"]
    assert again == actor
    actor.refresh_from_db()
    assert actor.kind == "person" and actor.history.count() == 2
    assert "peskov" in set(actor.aliases.values_list("normalized", flat=True))


@pytest.mark.django_db
def test_known_names_take_a_handful_of_queries(django_assert_max_num_queries):
    names = [(f"Person Number{i}", "person", ()) for i in range(12)]
    resolve_actors(names=names)
    with django_assert_max_num_queries(1):  # all known, all aliases recorded: one lookup, no lock, no write
        again = resolve_actors(names=names)
    assert len({actor.pk for actor in again.values()}) == 12
    assert ActorAlias.objects.count() == 24


@pytest.mark.django_db
def test_roles_are_recorded_once_with_the_earliest_date():
    import datetime as dt

    actor = resolve_actor(name="Sergey Lavrov", kind="person")
    roles = record_roles(seen=[
        (actor, "Foreign  Minister", 7, dt.date(2024, 5, 2)),
        (actor, "Foreign Minister", 7, dt.date(2024, 5, 1)),
        (actor, " ", 7, None),
    ])
    role = Role.objects.get()
    assert roles[(actor.pk, "Foreign  Minister")] == role == roles[(actor.pk, "Foreign Minister")]
    assert (actor.pk, " ") not in roles
    assert role.title == "Foreign Minister" and role.first_seen_on == dt.date(2024, 5, 1)
    record_roles(seen=[(actor, "Foreign Minister", 3, dt.date(2023, 1, 1))])
    role.refresh_from_db()
    assert (role.first_seen_on, role.first_seen_source_id) == (dt.date(2023, 1, 1), 3)
    assert Role.objects.count() == 1


# --- Two workers at once --------------------------------------------------------------------------------

def _worker(names, *, resolved: threading.Event | None, go: threading.Event | None, release: threading.Event,
            results: dict, key: str) -> None:
    """Resolve in a transaction of this thread's own connection; commit only once `release` is set."""
    try:
        if go is not None:
            go.wait(10)
        with transaction.atomic():
            results[key] = {name: actor.pk for name, actor in resolve_actors(names=names).items()}
            if resolved is not None:
                resolved.set()
            release.wait(10)
    except Exception as exc:  # noqa: BLE001 - reported by the test
        results[key] = exc
    finally:
        connections.close_all()


concurrent = pytest.mark.django_db(transaction=True)


def _run_two(first_names, second_names, *, second_waits_for_first: bool) -> dict:
    if connection.vendor != "postgresql":
        pytest.skip("advisory locks are PostgreSQL's")
    resolved, release, results = threading.Event(), threading.Event(), {}
    go = resolved if second_waits_for_first else None
    threads = [
        threading.Thread(target=_worker, args=(first_names,), kwargs=dict(
            resolved=resolved, go=None, release=release, results=results, key="first")),
        threading.Thread(target=_worker, args=(second_names,), kwargs=dict(
            resolved=None, go=go, release=release, results=results, key="second")),
    ]
    for thread in threads:
        thread.start()
    if second_waits_for_first:
        resolved.wait(10)  # the first worker holds its transaction open while the second one looks the names up
    threading.Timer(0.5, release.set).start()
    for thread in threads:
        thread.join(30)
    assert not any(thread.is_alive() for thread in threads), "a worker is stuck (deadlock?)"
    for value in results.values():
        if isinstance(value, Exception):
            raise value
    return results


@concurrent
def test_two_workers_creating_the_same_new_actor_end_with_one():
    results = _run_two([("Zanele Okonkwo", "person", ())], [("Zanele Okonkwo", "person", ())],
                       second_waits_for_first=True)
    assert results["first"]["Zanele Okonkwo"] == results["second"]["Zanele Okonkwo"]
    assert Actor.objects.filter(name="Zanele Okonkwo").count() == 1


@concurrent
def test_a_surname_met_while_another_worker_creates_the_full_name_joins_it():
    results = _run_two([("Sergey Zemlyanikin", "person", ())], [("Zemlyanikin", "person", ())],
                       second_waits_for_first=True)
    assert results["second"]["Zemlyanikin"] == results["first"]["Sergey Zemlyanikin"]
    assert Actor.objects.count() == 1


@concurrent
def test_two_workers_locking_the_same_new_names_in_opposite_order_do_not_deadlock():
    names = [(f"Newname Number{i}", "person", ()) for i in range(8)]
    results = _run_two(names, list(reversed(names)), second_waits_for_first=False)
    assert results["first"] == results["second"]
    assert Actor.objects.count() == 8
