"""The Atom feed of a list's newest statements; actors and statements subclass it for an actor and a topic."""
import datetime as dt

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from statements import selectors

FEED_SIZE = 50


class StatementFeed(Feed):
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
