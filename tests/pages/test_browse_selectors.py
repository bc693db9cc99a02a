"""The selectors added for the browse pages."""
import datetime as dt

import pytest

from actors import selectors as actor_selectors
from actors.models import ActorAlias
from statements import selectors
from statements.models import Statement
from tests.factories import ActorFactory, StatementFactory, TopicFactory

pytestmark = pytest.mark.django_db


def test_search_actors_by_name_or_alias_and_kind():
    lavrov = ActorFactory(name="Sergey Lavrov")
    ActorAlias.objects.create(actor=lavrov, name="Sergéi Lavrov")
    ActorFactory(name="Ministry of Things", kind="organization")
    assert list(actor_selectors.search_actors("sergei")) == [lavrov]
    assert list(actor_selectors.search_actors("lavrov", kind="organization")) == []
    assert actor_selectors.search_actors("ministry").get().name == "Ministry of Things"


def test_counts_over_time_and_mentions():
    actor, other = ActorFactory(), ActorFactory()
    topic = TopicFactory()
    for day in (dt.date(2025, 1, 3), dt.date(2025, 1, 20), dt.date(2025, 3, 1)):
        s = StatementFactory(speaker=actor, said_on=day)
        s.topics.add(topic)
        s.mentioned_actors.add(other)
    StatementFactory(speaker=actor, said_on=dt.date(2025, 3, 2), review_status=Statement.ReviewStatus.REJECTED)
    statements = selectors.statements_by_speaker(actor)
    months = selectors.statements_over_time(statements, "month")
    assert [(m["bucket"], m["n"]) for m in months] == [(dt.date(2025, 1, 1), 2), (dt.date(2025, 3, 1), 1)]
    assert len(selectors.statements_over_time(statements, "week")) == 3
    assert [(m["slug"], m["n"]) for m in selectors.top_mentioned(statements)] == [(other.slug, 3)]
    assert selectors.with_statement_counts(actor_selectors.live_actors()).get(pk=actor.pk).n == 3
    assert selectors.topics_with_counts().get(pk=topic.pk).n == 3
    assert selectors.publishers(statements) == ["Test Agency"]


def test_the_topic_list_leaves_out_topics_no_statement_carries_unless_an_editor_shaped_them():
    carried, dropped = TopicFactory(name="Pensions"), TopicFactory(name="Cessation")
    keyworded = TopicFactory(name="Housing", keywords=["rent"])
    described = TopicFactory(name="Trade", description="Tariffs and trade deals")
    parent = TopicFactory(name="Economy")
    TopicFactory(name="Inflation", parent=parent, keywords=["prices"])
    StatementFactory().topics.add(carried)
    listed = set(selectors.topics_with_counts().values_list("name", flat=True))
    assert {carried.name, keyworded.name, described.name, parent.name} <= listed
    assert dropped.name not in listed
    assert selectors.topics_with_counts().get(pk=carried.pk).n == 1
