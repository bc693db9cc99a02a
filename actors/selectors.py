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


def search_actors(q: str = "", kind: str = "") -> QuerySet[Actor]:
    """Live actors whose name or any alias contains `q` (alias matched on its normalised form), of `kind`."""
    from django.db.models import Q

    from .models import ActorAlias
    from .normalize import normalize_name

    qs = live_actors()
    if kind:
        qs = qs.filter(kind=kind)
    q = " ".join((q or "").split())
    if q:
        alias_match = ActorAlias.objects.filter(
            Q(name__icontains=q) | Q(normalized__contains=normalize_name(q) or q)
        ).values("actor_id")
        qs = qs.filter(Q(name__icontains=q) | Q(pk__in=alias_match))
    return qs


def actor_profile(actor: Actor) -> Actor:
    """The actor with aliases and roles prefetched (two queries), for its page."""
    from django.db.models import prefetch_related_objects

    prefetch_related_objects([actor], "aliases", "roles")
    return actor
