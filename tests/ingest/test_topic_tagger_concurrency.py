"""Two workers creating the same new topics at once, named in opposite orders, both finish with the same rows."""
from __future__ import annotations

import threading

import pytest
from django.db import connection, connections, transaction

from statements.models import Topic
from statements.services import TopicTagger


def _tag(names, started: threading.Barrier, release: threading.Event, results: dict, key: str) -> None:
    try:
        started.wait(10)
        with transaction.atomic():
            tagger = TopicTagger(names)
            results[key] = {t.slug for t in tagger.tag(names=names, content="")}
            release.wait(10)
    except Exception as exc:  # noqa: BLE001 - reported by the test
        results[key] = exc
    finally:
        connections.close_all()


@pytest.mark.django_db(transaction=True)
def test_two_workers_adding_the_same_new_topics_in_opposite_order_do_not_deadlock():
    if connection.vendor != "postgresql":
        pytest.skip("concurrent inserts need PostgreSQL")
    names = [f"Harbour levy {i:03d}" for i in range(300)]
    started, release, results = threading.Barrier(2), threading.Event(), {}
    threads = [threading.Thread(target=_tag, args=(order, started, release, results, key))
               for key, order in (("first", names), ("second", list(reversed(names))))]
    for thread in threads:
        thread.start()
    threading.Timer(1.0, release.set).start()
    for thread in threads:
        thread.join(30)
    assert not any(thread.is_alive() for thread in threads), "a worker is stuck"
    for value in results.values():
        if isinstance(value, Exception):
            raise value
    assert results["first"] == results["second"]
    assert Topic.objects.filter(name__startswith="Harbour levy").count() == 300
