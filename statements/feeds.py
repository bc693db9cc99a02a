"""The Atom feeds of a topic's newest statements and of any filtered list (the search page's)."""
from django.http import Http404
from django.urls import reverse

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


class SearchListing:
    """The search page as a feed's subject: every filter comes from the query string."""

    def get_absolute_url(self):
        return reverse("statements:search")


class SearchStatementsFeed(StatementFeed):
    """The Atom feed of any filtered list of statements (the search page's filters, `?q=budget&kind=direct`)."""

    def get_object(self, request):
        return SearchListing()

    def title(self, obj):
        q = " ".join(obj.feed_filters.q.split())
        return f"Statements matching “{q}”" if q else "Statements"

    def fixed(self, obj):
        return {}
