"""Writes to actors: resolving names to actors, recording roles, merging duplicates."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db import connection, transaction
from django.utils.text import slugify

from .models import Actor, ActorAlias, Role
from .normalize import normalize_name


def _lock_name(normalized: str) -> None:
    """Serialise concurrent creation of the same name across workers (PostgreSQL only)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", ["actor:" + normalized])


def unique_slug(name: str, *, model=Actor, exclude_pk=None) -> str:
    base = slugify(name)[:240] or "actor"
    slug, n = base, 1
    qs = model.objects.all() if exclude_pk is None else model.objects.exclude(pk=exclude_pk)
    while qs.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def find_actor(name: str) -> Actor | None:
    """The one live actor known under this name, or None when unknown or ambiguous.

    Ambiguity ("Lavrov" when two Lavrovs are known) is settled only by an actor whose own name is
    exactly that name; otherwise nothing is joined.
    """
    normalized = normalize_name(name)
    if not normalized:
        return None
    candidates = list(
        Actor.objects.filter(aliases__normalized=normalized, merged_into__isnull=True).distinct().order_by("pk")[:10]
    )
    if len(candidates) == 1:
        return candidates[0]
    exact = [a for a in candidates if normalize_name(a.name) == normalized]
    return exact[0] if len(exact) == 1 else None


def person_alias_forms(name: str) -> list[str]:
    """Names a person is also written as: the full name and the surname ("Sergey Lavrov" -> "Lavrov")."""
    parts = name.split()
    forms = [name]
    if len(parts) >= 2 and parts[-1][:1].isupper():
        forms.append(parts[-1])
    return forms


@transaction.atomic
def add_aliases(*, actor: Actor, names: Iterable[str]) -> None:
    existing = set(actor.aliases.values_list("normalized", flat=True))
    for name in names:
        normalized = normalize_name(name)
        if normalized and normalized not in existing:
            ActorAlias.objects.create(actor=actor, name=name.strip()[:255])
            existing.add(normalized)


@transaction.atomic
def resolve_actor(*, name: str, kind: str = Actor.Kind.UNKNOWN, aliases: Iterable[str] = ()) -> Actor:
    """Find the actor this name stands for, or create it; either way record the names seen."""
    name = " ".join(name.split())[:255]
    _lock_name(normalize_name(name))
    actor = find_actor(name)
    if actor is None:
        actor = Actor.objects.create(name=name, slug=unique_slug(name), kind=kind)
    elif actor.kind == Actor.Kind.UNKNOWN and kind != Actor.Kind.UNKNOWN:
        actor.kind = kind
        actor.save(update_fields=["kind", "updated_at"])
    forms = [actor.name, name, *aliases]
    if actor.kind == Actor.Kind.PERSON:
        forms += person_alias_forms(actor.name)
    add_aliases(actor=actor, names=forms)
    return actor


@transaction.atomic
def record_role(
    *, actor: Actor, title: str, source_id: int | None = None, seen_on: dt.date | None = None
) -> Role | None:
    title = " ".join((title or "").split())[:255]
    if not title:
        return None
    role, created = Role.objects.get_or_create(
        actor=actor, title=title, organization_name="",
        defaults={"first_seen_source_id": source_id, "first_seen_on": seen_on},
    )
    if not created and seen_on and (role.first_seen_on is None or seen_on < role.first_seen_on):
        role.first_seen_on, role.first_seen_source_id = seen_on, source_id
        role.save(update_fields=["first_seen_on", "first_seen_source_id"])
    return role
