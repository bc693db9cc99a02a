"""The Atom feed of a topic's newest statements."""
from django.http import Http404

from browse.feeds import StatementFeed

from . import selectors


class TopicStatementsFeed(StatementFeed):
    def get_object(self, request, slug):
        topic = selectors.topic_by_slug(slug)
        if topic is None:
            raise Http404("No such topic.")
        return topic

    def title(self, obj):
        return f"Statements on {obj.name}"

    def fixed(self, obj):
        return {"topic": obj}
