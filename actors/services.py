"""Writes to actors: resolving names to actors, recording roles, merging duplicates."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db import IntegrityError, connection, transaction
from django.utils.text import slugify

from .models import Actor, ActorAlias, MergeRecord, Role
from .normalize import looks_like_name, normalize_name


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
    forms = [actor.name, name, *(alias for alias in aliases if looks_like_name(alias))]
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


# --- Merging duplicates ----------------------------------------------------------------------------------

class MergeError(ValueError):
    """A merge that cannot be done; the message says why."""


_GAP_SKIP = {"id", "name", "slug", "merged_into", "created_at", "updated_at"}


def _is_history_model(model) -> bool:
    from simple_history.models import HistoricalChanges

    return issubclass(model, HistoricalChanges)


def _reverse_foreign_keys(model):
    """Every foreign key, from any app, pointing at `model`: reverse FKs and one-to-ones, hidden ones too.

    A many-to-many is moved through its own through model, whose foreign key is one of these, so
    `Statement.mentioned_actors` is handled like `Statement.speaker`. History tables (simple_history keeps
    what was, not what is) and merge records are left as they are.
    """
    for rel in model._meta.get_fields(include_hidden=True):
        if not rel.auto_created or rel.concrete or not (rel.one_to_many or rel.one_to_one):
            continue
        if _is_history_model(rel.related_model) or rel.related_model is MergeRecord:
            continue
        yield rel.field


def _unique_sets(model) -> list[tuple[str, ...]]:
    opts = model._meta
    sets = [tuple(fields) for fields in opts.unique_together]
    sets += [tuple(c.fields) for c in opts.total_unique_constraints]
    sets += [(f.name,) for f in opts.concrete_fields if f.unique and not f.primary_key]
    return sets


def _twin(obj, field, new):
    """An existing row that `obj` would collide with once `field` points at `new` (by a unique set), or None."""
    model = type(obj)
    for fields in _unique_sets(model):
        if field.name not in fields:
            continue
        lookup = {}
        for name in fields:
            f = model._meta.get_field(name)
            value = new.pk if name == field.name else getattr(obj, f.attname)
            if value is None:  # NULLs never collide
                break
            lookup[f.attname] = value
        else:
            twin = model._base_manager.filter(**lookup).exclude(pk=obj.pk).first()
            if twin is not None:
                return twin
    return None


def _fill_gaps(*, target, donor, skip=()) -> list[str]:
    """Copy into `target` the values it lacks (None or "") that `donor` has. Returns the fields filled."""
    filled = []
    for f in type(target)._meta.concrete_fields:
        if f.primary_key or f.name in skip or not f.editable and not f.is_relation:
            continue
        mine, theirs = getattr(target, f.attname), getattr(donor, f.attname)
        if mine in (None, "") and theirs not in (None, ""):
            setattr(target, f.attname, theirs)
            filled.append(f.name)
    return filled


def _move_references(*, old, new, reason: str, user, moved: dict, depth: int = 0) -> None:
    """Point everything that points at `old` at `new`. A row that would then duplicate one `new` already has
    (an alias, a role, a many-to-many row) is folded into that row and deleted instead."""
    if depth > 3:
        raise MergeError("References nest too deeply to merge safely.")
    for field in _reverse_foreign_keys(type(old)):
        model = field.model
        key = f"{model._meta.label}.{field.name}"
        counts = {"moved": 0, "deduplicated": 0}
        unique_sets = [s for s in _unique_sets(model) if field.name in s]
        for obj in model._base_manager.filter(**{field.attname: old.pk}).order_by("pk"):
            twin = _twin(obj, field, new) if unique_sets else None
            if twin is not None:
                filled = _fill_gaps(target=twin, donor=obj, skip={field.name})
                if filled:
                    twin._change_reason, twin._history_user = reason, user
                    twin.save(update_fields=filled)
                _move_references(old=obj, new=twin, reason=reason, user=user, moved=moved, depth=depth + 1)
                obj.delete()
                counts["deduplicated"] += 1
                continue
            setattr(obj, field.attname, new.pk)
            obj._change_reason, obj._history_user = reason, user
            try:
                with transaction.atomic():
                    obj.save(update_fields=[field.name])
            except IntegrityError as exc:
                raise MergeError(f"Cannot move {model._meta.verbose_name} {obj.pk} to {new}: {exc}") from exc
            counts["moved"] += 1
        if counts["moved"] or counts["deduplicated"]:
            total = moved.setdefault(key, {"moved": 0, "deduplicated": 0})
            total["moved"] += counts["moved"]
            total["deduplicated"] += counts["deduplicated"]


@transaction.atomic
def merge_actors(*, keep: Actor, merge: Actor, user=None) -> "MergeRecord":
    """Fold `merge` into `keep`: everything that points at `merge`, from any app (statements spoken and
    mentioned, aliases, roles held and roles in it as organization, actors merged into it earlier), moves
    to `keep`; duplicates (same alias, same role, a statement mentioning both) are folded together.

    `merge` stays as a row with `merged_into = keep`, so its slug keeps resolving (selectors.actor_by_slug)
    and old permalinks redirect. The merge is recorded as a MergeRecord and in both actors' history.
    """
    if keep.pk == merge.pk:
        raise MergeError("An actor cannot be merged into itself.")
    locked = {a.pk: a for a in Actor.objects.select_for_update().filter(pk__in=[keep.pk, merge.pk]).order_by("pk")}
    if len(locked) != 2:
        raise MergeError("One of the actors no longer exists.")
    keep, merge = locked[keep.pk], locked[merge.pk]
    if merge.merged_into_id:
        raise MergeError(f"{merge} was already merged into {merge.merged_into}.")
    if keep.merged_into_id:
        raise MergeError(f"{keep} was itself merged into {keep.merged_into}; merge into that actor instead.")
    user = user if user is not None and getattr(user, "is_authenticated", False) else None
    reason = f"Merged {merge.name} (#{merge.pk}) into {keep.name} (#{keep.pk})"
    moved: dict = {}
    _move_references(old=merge, new=keep, reason=reason, user=user, moved=moved)

    merge.merged_into = keep
    merge._change_reason, merge._history_user = reason, user
    merge.save(update_fields=["merged_into", "updated_at"])

    if keep.kind == Actor.Kind.UNKNOWN:
        keep.kind = merge.kind
    _fill_gaps(target=keep, donor=merge, skip=_GAP_SKIP | {"kind"})
    keep._change_reason, keep._history_user = reason, user
    keep.save()
    add_aliases(actor=keep, names=[merge.name])
    return MergeRecord.objects.create(
        keep=keep, merged=merge, keep_name=keep.name, merged_name=merge.name, merged_slug=merge.slug,
        user=user, moved=moved,
    )
