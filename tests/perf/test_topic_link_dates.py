"""Statement.topics' link rows carry their statement's said_on (migration 0005's triggers), whatever writes
them, so a topic's list can be ordered from the link table's index (TopicLink, migration 0006)."""
import datetime as dt

import pytest
from django.contrib.auth import get_user_model

from statements import selectors, services
from statements.models import Statement, TopicLink
from tests.pages.builders import source_with_statements

pytestmark = pytest.mark.django_db

DAY = dt.date(2024, 3, 1)


def link_dates(statement):
    return set(TopicLink.objects.filter(statement=statement).values_list("said_on", flat=True))


def test_links_added_through_the_m2m_take_the_statement_date(topic_factory):
    topics = [topic_factory(), topic_factory()]
    _, (statement,) = source_with_statements(1, said_on=DAY)
    statement.topics.add(*topics)
    assert link_dates(statement) == {DAY}
    statement.topics.set(topics[:1])  # as the admin and the API write them
    assert link_dates(statement) == {DAY}


def test_links_inserted_in_bulk_take_the_statement_date(topic_factory):
    """ingest.services stores an article's topic links with one bulk_create, without said_on."""
    topic = topic_factory()
    _, statements = source_with_statements(3, said_on=DAY)
    Statement.topics.through.objects.bulk_create([Statement.topics.through(statement=s, topic=topic) for s in statements])
    assert TopicLink.objects.filter(topic=topic).count() == 3
    assert set(TopicLink.objects.filter(topic=topic).values_list("said_on", flat=True)) == {DAY}


def test_a_statement_date_change_moves_its_links(topic_factory):
    topic = topic_factory()
    _, (statement,) = source_with_statements(1, topic=topic, said_on=DAY)
    statement.said_on = DAY + dt.timedelta(days=30)
    statement.save()
    assert link_dates(statement) == {DAY + dt.timedelta(days=30)}
    Statement.objects.filter(pk=statement.pk).update(said_on=None)  # queryset updates too (no signals)
    assert link_dates(statement) == {None}


def test_an_editor_date_correction_reorders_the_topic_list(topic_factory):
    topic = topic_factory()
    _, made = source_with_statements(3, topic=topic)  # newest first: made[0], made[1], made[2]
    by_topic = selectors.filter_statements(selectors.StatementFilters(topic=topic))
    assert list(by_topic.values_list("pk", flat=True)) == [s.pk for s in made]
    oldest = made[2]
    oldest.said_on = made[0].said_on + dt.timedelta(days=1)
    editor = get_user_model().objects.create_user("ed", password="x")
    services.save_editor_edit(statement=oldest, user=editor, changed_fields=["said_on"])
    assert list(by_topic.all().values_list("pk", flat=True)) == [made[2].pk, made[0].pk, made[1].pk]
    oldest_first = selectors.filter_statements(selectors.StatementFilters(topic=topic), order="oldest")
    assert list(oldest_first.values_list("pk", flat=True)) == [made[1].pk, made[0].pk, made[2].pk]


def test_topic_lists_match_a_plain_topic_filter(topic_factory):
    """The link-ordered list holds the same statements, in the same order, as filtering by Statement.topics."""
    topic, other = topic_factory(), topic_factory()
    _, made = source_with_statements(6, topic=topic)
    made[1].topics.add(other)
    made[2].review_status = Statement.ReviewStatus.REJECTED
    made[2].save()
    expected = list(
        Statement.objects.filter(topics=topic).exclude(review_status="rejected").order_by("-said_on", "-id")
        .values_list("pk", flat=True)
    )
    listed = selectors.filter_statements(selectors.StatementFilters(topic=topic))
    assert list(listed.values_list("pk", flat=True)) == expected
    assert len(expected) == 5
