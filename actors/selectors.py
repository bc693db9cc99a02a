"""Reads of actors shared by pages, API and admin."""
from django.db.models import QuerySet

from .models import Actor


def live_actors() -> QuerySet[Actor]:
    """Actors that have not been merged away."""
    return Actor.objects.filter(merged_into__isnull=True)


def actor_by_slug(slug: str) -> Actor | None:
    """The actor for a slug, following merges so that old permalinks keep working."""
    actor = Actor.objects.filter(slug=slug).first()
    seen = set()
    while actor is not None and actor.merged_into_id and actor.pk not in seen:
        seen.add(actor.pk)
        actor = actor.merged_into
    return actor
