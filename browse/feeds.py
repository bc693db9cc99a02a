"""The Atom feed of a list's newest statements; actors and statements subclass it for an actor and a topic.

A feed takes its page's filters from its query string (`?q=budget&kind=direct`, as the page's feed link
carries them: browse.templatetags `feed_query`); the page's own subject (the actor, the topic) is fixed."""
import datetime as dt

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from browse.forms import parse_statement_filters
from statements import selectors

FEED_SIZE = 50
FEED_IGNORED = ("page", "per_page", "by", "order", "bom")  # what a list's URL holds that a feed does not use


class StatementFeed(Feed):
    feed_type = Atom1Feed

    def fixed(self, obj) -> dict:
        """The filters the feed's subject sets (e.g. {"speaker": actor}); they win over the query string."""
        raise NotImplementedError

    def get_feed(self, obj, request):
        # The Feed instance serves every request: what this request asks for travels with its own object.
        _, obj.feed_filters = parse_statement_filters(request.GET, **self.fixed(obj))
        query = request.GET.copy()
        for key in FEED_IGNORED:
            query.pop(key, None)
        obj.feed_query = query.urlencode()
        return super().get_feed(obj, request)

    def link(self, obj):
        query = getattr(obj, "feed_query", "")
        return obj.get_absolute_url() + (f"?{query}" if query else "")

    def items(self, obj):
        return selectors.filter_statements(obj.feed_filters, order="newest")[:FEED_SIZE]

    def item_title(self, item):
        speaker = item.speaker_label
        content = item.content if len(item.content) <= 100 else item.content[:99] + "…"
        return f"{speaker}: {content}"

    def item_description(self, item):
        return item.content

    def item_author_name(self, item):
        return item.speaker_label

    def item_pubdate(self, item):
        """The best date known (said on, else the source's publication date); none for an undated statement:
        when it was ingested is not when it was published (its `updated` still says when it changed)."""
        day = item.said_on or item.source.published
        if day is None:
            return None
        return timezone.make_aware(dt.datetime.combine(day, dt.time()), dt.timezone.utc)

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [t.name for t in item.topics.all()]
