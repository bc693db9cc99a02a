"""Reads of actors shared by pages, API and admin."""
from django.core.validators import slug_re
from django.db.models import QuerySet

from .models import Actor, Role


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


def roles_of(*actor_ids) -> QuerySet[Role]:
    """The roles held by these actors (ids; None is skipped), in Role's order."""
    return Role.objects.filter(actor_id__in=[pk for pk in actor_ids if pk])


def equivalent_role(role: Role | None, *, actor_id: int | None, on=None) -> Role | None:
    """The role `actor_id` holds that stands for `role` (another actor's, say the speaker's before an editor
    corrected it): `role` itself when it is that actor's; else that actor's role of the same title (any case;
    the same organisation first); else, given the date `on`, the one role of theirs whose known dates cover it.
    None when nothing fits: a role is never guessed from a name alone.
    """
    if not actor_id:
        return None
    if role is not None and role.actor_id == actor_id:
        return role
    roles = list(roles_of(actor_id))
    if role is not None:
        title = " ".join(role.title.split()).casefold()
        same_title = [r for r in roles if " ".join(r.title.split()).casefold() == title]
        same_title.sort(key=lambda r: r.organization_name.casefold() != role.organization_name.casefold())
        if same_title:
            return same_title[0]
    if on is not None:
        held = [r for r in roles if r.start_date and r.start_date <= on and (r.end_date is None or on <= r.end_date)]
        if len(held) == 1:
            return held[0]
    return None


def actor_profile(actor: Actor) -> Actor:
    """The actor with aliases and roles prefetched (two queries), for its page."""
    from django.db.models import prefetch_related_objects

    prefetch_related_objects([actor], "aliases", "roles")
    return actor


# --- Reads for the REST API (issue 6) ----------------------------------------------------------------------

def actor_by_id_or_slug(ref: str, *, follow_merges: bool = False) -> Actor | None:
    """The actor with this id (all digits) or slug; with `follow_merges`, the live actor it was merged into."""
    text = str(ref).strip()
    if text.isascii() and text.isdigit():
        number = int(text) if len(text.lstrip("0")) < 20 else 0  # int() refuses 4,300+ digits
        actor = Actor.objects.filter(pk=number).first() if 0 < number < 2**63 else None
    else:
        actor = Actor.objects.filter(slug=text).first() if slug_re.fullmatch(text) else None
    if follow_merges and actor is not None and actor.merged_into_id:
        return actor_by_slug(actor.slug)
    return actor


def actors_for_api(actors: QuerySet[Actor] | None = None) -> QuerySet[Actor]:
    """Actors with aliases and roles prefetched, so a page of any size costs a fixed number of queries."""
    from django.db.models import Prefetch

    from .models import ActorAlias

    qs = Actor.objects.all() if actors is None else actors
    return qs.prefetch_related(Prefetch("aliases", queryset=ActorAlias.objects.only("id", "actor_id", "name")), "roles")


# --- Likely duplicates for editors (issue 20) ----------------------------------------------------------------

def likely_duplicates():
    """Pairs of live actors that are probably one entity, the most likely first: a list of
    actors.duplicates.Pair (a_id < b_id, score 0-1, reasons). The rules are documented in actors/duplicates.py."""
    from .duplicates import find_pairs

    return find_pairs()
