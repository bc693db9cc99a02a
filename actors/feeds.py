"""The Atom feed of an actor's newest statements."""
from django.http import Http404

from browse.feeds import StatementFeed

from . import selectors


class ActorStatementsFeed(StatementFeed):
    def get_object(self, request, slug):
        actor = selectors.actor_by_slug(slug)
        if actor is None:
            raise Http404("No actor with this name.")
        return actor

    def title(self, obj):
        return f"Statements by {obj.name}"

    def fixed(self, obj):
        return {"speaker": obj}
