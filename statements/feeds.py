"""Atom feeds of an actor's and a topic's newest statements."""
import datetime as dt

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from actors import selectors as actor_selectors

from . import selectors
from .selectors import StatementFilters

FEED_SIZE = 50


class _StatementFeed(Feed):
    feed_type = Atom1Feed

    def link(self, obj):
        return obj.get_absolute_url()

    def items(self, obj):
        return selectors.filter_statements(self.filters(obj), order="newest")[:FEED_SIZE]

    def item_title(self, item):
        speaker = item.speaker.name if item.speaker_id else item.speaker_mention
        content = item.content if len(item.content) <= 100 else item.content[:99] + "…"
        return f"{speaker}: {content}"

    def item_description(self, item):
        return item.content

    def item_author_name(self, item):
        return item.speaker.name if item.speaker_id else item.speaker_mention

    def item_pubdate(self, item):
        day = item.said_on or item.created_at.date()
        return timezone.make_aware(dt.datetime.combine(day, dt.time()), dt.timezone.utc)

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [t.name for t in item.topics.all()]


class ActorStatementsFeed(_StatementFeed):
    def get_object(self, request, slug):
        actor = actor_selectors.actor_by_slug(slug)
        if actor is None:
            raise Http404("No actor with this name.")
        return actor

    def title(self, obj):
        return f"Statements by {obj.name}"

    def filters(self, obj):
        return StatementFilters(speaker=obj)


class TopicStatementsFeed(_StatementFeed):
    def get_object(self, request, slug):
        topic = selectors.topic_by_slug(slug)
        if topic is None:
            raise Http404("No such topic.")
        return topic

    def title(self, obj):
        return f"Statements on {obj.name}"

    def filters(self, obj):
        return StatementFilters(topic=obj)
