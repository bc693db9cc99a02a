"""Reads of actors shared by pages, API and admin."""
import datetime as dt

from django.core.validators import slug_re
from django.db.models import QuerySet
from django.db.models.functions import Lower

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
    """The roles of these actors (ids; None is skipped), in Role's order: the titles they hold and the voices they
    spoke through, both of which a statement may give as its speaker's role."""
    return Role.objects.filter(actor_id__in=[pk for pk in actor_ids if pk])


def held_roles() -> QuerySet[Role]:
    """Roles that are titles held, not voices an actor spoke through ("spokesman" of the Home Office, "through an
    aide" of a person): what finds an actor by its role, suggests duplicates or lists an actor's roles."""
    return Role.objects.filter(kind=Role.Kind.HELD)


def holding(actors: QuerySet[Actor], title: str) -> QuerySet[Actor]:
    """Those of `actors` holding a title that contains `title` (any case): titles held only, not voices."""
    title = " ".join((title or "").split())
    return actors.filter(pk__in=held_roles().filter(title__icontains=title).values("actor_id")) if title else actors


def roles_by_kind(actor: Actor) -> tuple[list[Role], list[Role]]:
    """An actor's (titles held, voices spoke through), from its prefetched roles (actor_profile)."""
    roles = list(actor.roles.all())
    return [r for r in roles if r.kind != Role.Kind.VOICE], [r for r in roles if r.kind == Role.Kind.VOICE]


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
        same_title = [r for r in roles if " ".join(r.title.split()).casefold() == title and r.kind == role.kind]
        same_title.sort(key=lambda r: r.organization_name.casefold() != role.organization_name.casefold())
        if same_title:
            return same_title[0]
    if on is not None:
        held = [r for r in roles if r.kind == Role.Kind.HELD and r.start_date and r.start_date <= on
                and (r.end_date is None or on <= r.end_date)]
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


def actors_known_as(normalized_names, condition=None) -> dict[str, tuple[Actor, ...]]:
    """{normalised name: live actors with that name or alias}, for the names that have any, in one query;
    `condition` (an expression on Actor, e.g. "has statements") narrows the actors."""
    from .models import ActorAlias

    names = list(dict.fromkeys(n for n in normalized_names if n))
    if not names:
        return {}
    actors = live_actors().filter(condition) if condition is not None else live_actors()
    rows = (
        ActorAlias.objects.filter(normalized__in=names, actor__in=actors)
        .select_related("actor").order_by("normalized", "actor__name", "actor_id")
    )
    found: dict[str, dict[int, Actor]] = {}
    for alias in rows:
        found.setdefault(alias.normalized, {})[alias.actor_id] = alias.actor
    return {name: tuple(by_id.values()) for name, by_id in found.items()}


ROLE_MEMORY_DAYS = 365  # a role read in articles (no end date) counts as held this long after it was last read
_DETERMINERS = ("the ", "a ", "an ")


def role_key(title: str) -> str:
    """A role title or description as looked up: "The  Culture Secretary" -> "culture secretary"."""
    key = " ".join((title or "").split()).lower()
    for determiner in _DETERMINERS:
        if key.startswith(determiner):
            return key[len(determiner):]
    return key


def specific_role(description: str) -> str:
    """The role a description names when it can stand for one office-holder, else "": a definite description of
    at least two words ("the culture secretary", "the Tory leader"). "A spokesman" is anyone's; "the spokesman",
    "the minister", "the chairman" say too little to pick one holder across articles."""
    words = " ".join((description or "").split()).lower().split(" ")
    if words[0] != "the" or len(words) < 3:
        return ""
    return role_key(description)


def role_holders(*, titles, on: dt.date | None = None) -> dict[str, Role]:
    """{title as given: the Role} for each title exactly one live actor holds at the date `on` (one query). Only
    titles held count: the Home Office spoke through "a spokesman" but holds no such title.

    Held at a date: between a dated role's start and end (an editor's or a Popolo roster's; an open end is
    open); for a role read in articles, from the first article it was read in until ROLE_MEMORY_DAYS after the
    last. With no date (an undated article) every role counts. Two holders, or none: the title is left out.
    """
    keys = {title: role_key(title) for title in titles if role_key(title)}
    if not keys:
        return {}
    holders: dict[str, dict[int, Role]] = {}
    rows = (held_roles().alias(key=Lower("title")).filter(key__in=set(keys.values()), actor__merged_into__isnull=True)
            .select_related("actor").order_by("pk"))
    memory = dt.timedelta(days=ROLE_MEMORY_DAYS)
    for role in rows:
        if on is not None:
            start = role.start_date or role.first_seen_on
            end = role.end_date
            if end is None and role.origin == Role.Origin.ARTICLE and (role.last_seen_on or role.first_seen_on):
                end = (role.last_seen_on or role.first_seen_on) + memory
            if (start is not None and on < start) or (end is not None and on > end):
                continue
        holders.setdefault(role_key(role.title), {}).setdefault(role.actor_id, role)
    found = {}
    for title, key in keys.items():
        held = holders.get(key, {})
        if len(held) == 1:
            found[title] = next(iter(held.values()))
    return found
