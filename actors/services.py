"""Writes to actors: resolving names to actors, recording roles, merging duplicates."""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import reduce
from operator import or_

from django.db import IntegrityError, connection, transaction
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.text import slugify

from .models import Actor, ActorAlias, DistinctActors, MentionDecision, MergeRecord, Role
from .normalize import looks_like_name, normalize_name, undotted, without_possessor
from .resolution import Plan, Sighting, choose, lookup_forms, person_alias_forms, ranked_person
from .selectors import held_roles, role_key
from .signals import actors_merged


def _lock_key(text: str) -> int:
    """A signed 64-bit advisory-lock key for a text (the same in every process)."""
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big", signed=True)


def _lock_keys(texts: Iterable[str]) -> set[int]:
    return {_lock_key(text) for text in texts}


def _lock(keys: Iterable[int]) -> None:
    """Take transaction-scoped advisory locks (PostgreSQL only), all in one query, held until commit.

    Keys are taken in ascending order, in every process, so two workers locking overlapping sets of names
    wait for each other instead of deadlocking.
    """
    keys = sorted(set(keys))
    if keys and connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(k) FROM unnest(%s::bigint[]) AS k", [keys])


def _slug_base(name: str) -> str:
    return slugify(name)[:240] or "actor"


def _unique_slugs(names: list[str]) -> list[str]:
    """Free slugs for new actors ("lavrov", else "lavrov-2", ...), one query for the slugs taken under all bases."""
    bases = [_slug_base(name) for name in names]
    if not bases:
        return []
    taken = set(
        Actor.objects.filter(reduce(or_, (Q(slug=b) | Q(slug__startswith=b + "-") for b in set(bases))))
        .values_list("slug", flat=True)
    )
    slugs = []
    for base in bases:
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        taken.add(slug)
        slugs.append(slug)
    return slugs


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
    return choose(candidates, normalized)


@transaction.atomic
def add_aliases(*, actor: Actor, names: Iterable[str]) -> None:
    existing = set(actor.aliases.values_list("normalized", flat=True))
    for name in names:
        normalized = normalize_name(name)
        if normalized and normalized not in existing:
            ActorAlias.objects.create(actor=actor, name=name.strip()[:255])
            existing.add(normalized)


def resolve_actor(*, name: str, kind: str = Actor.Kind.UNKNOWN, aliases: Iterable[str] = ()) -> Actor | None:
    """Find the actor this name stands for, or create it; either way record the names seen. None when the name
    is ambiguous (a surname several known people share)."""
    return resolve_actors(names=[(name, kind, aliases)])[name]


def _known_under(forms: set[str]) -> dict[str, list[Actor]]:
    """Every alias of the live actors known under any of these normalized forms (so that the aliases they
    already have are not written again), in one query, one Actor object per actor."""
    known: dict[str, list[Actor]] = {}
    actors: dict[int, Actor] = {}
    matching = ActorAlias.objects.filter(normalized__in=forms, actor__merged_into__isnull=True).values("actor_id")
    rows = ActorAlias.objects.filter(actor_id__in=matching).select_related("actor").order_by("actor_id", "pk")
    for alias in rows:
        actor = actors.setdefault(alias.actor_id, alias.actor)
        bucket = known.setdefault(alias.normalized, [])
        if actor not in bucket:
            bucket.append(actor)
    return known


def _roles_of(actor_ids: set[int]) -> dict[int, list[dict]]:
    roles: dict[int, list[dict]] = {}
    for role in held_roles().filter(actor_id__in=actor_ids).values(  # a voice is no evidence
            "actor_id", "title", "start_date", "end_date", "first_seen_on"):
        roles.setdefault(role["actor_id"], []).append(role)
    return roles


def _lock_keys_of(plan: Plan) -> set[int]:
    """The names a new actor is about to be created or recorded under, and the slugs it will take."""
    texts = []
    new = {id(actor) for actor in plan.new}
    for actor in plan.new:
        texts.append("actor:" + normalize_name(actor.name))
        texts.append("slug:" + _slug_base(actor.name))
    texts += ["actor:" + normalized for actor_key, normalized in plan.aliases if actor_key in new]
    return _lock_keys(texts)


@transaction.atomic(savepoint=False)
def resolve_actors(*, names: Iterable, on: dt.date | None = None,
                   sex_of: Callable[[str], str | None] | None = None) -> dict[str, Actor | None]:
    """Resolve sightings (resolution.Sighting, or (name, kind, aliases) triples) seen in an article of date `on`
    to actors, as one after another (resolution.Plan has the rules), in a few queries however many names there
    are: one alias lookup for all of them (every form: acronyms, party names, first-name variants too), the roles
    of people sharing a surname only when one is given alone, and only when some actor must be created, the
    advisory locks of those names (one query, in a fixed order), the lookup again, the new actors, their history
    records and all new aliases in bulk.

    Two workers creating the same new name are serialised by the lock, held until their transactions
    commit: the second one's lookup after the lock finds the actor the first one made. Names already known
    take no lock. `sex_of(full name)` says what sex a first name says, if any (resolution.Plan). Returns {name as
    given: actor, or None when it stays unresolved}.
    """
    given: dict[str, Sighting] = {}  # name as given -> the sighting, its name's spaces tidied
    for value in names:
        original = Sighting.of(value)
        sighting = ranked_person(original)
        if sighting is None:
            continue  # a rank alone ("Lt.") names no one
        if original.name not in given:
            name = " ".join(sighting.name.split())[:255]
            aliases = tuple(alias for alias in sighting.aliases if looks_like_name(alias))
            if undotted(name) != name:  # "F.B.I." is the FBI: named without the dots, the dotted form an alias
                name, aliases = undotted(name), (*aliases, name)
            if sighting.kind == Actor.Kind.PERSON:  # "Breitbart's Joel Pollak" is Joel Pollak
                name = without_possessor(name)
            given[original.name] = replace(sighting, name=name, aliases=aliases)
    wanted = list(given.values())
    if not wanted:
        return {}
    forms = {normalize_name(form) for sighting in wanted for form in lookup_forms(sighting)} - {""}
    locked: set[int] = set()
    while True:
        plan = Plan(wanted, _known_under(forms), on=on, roles_of=_roles_of, sex_of=sex_of)
        missing = _lock_keys_of(plan) - locked
        if not missing:
            break
        # Then look again: a worker that held one of these locks has committed by now. (Should that lookup
        # call for names not locked yet, the rare second round locks them after the first ones; a deadlock
        # that could make is reported by PostgreSQL and the task retries.)
        _lock(missing)
        locked |= missing
    for actor, fields in plan.changed.values():
        actor.save(update_fields=[*sorted(fields), "updated_at"])
    if plan.new:
        for actor, slug in zip(plan.new, _unique_slugs([actor.name for actor in plan.new])):
            actor.slug = slug
        Actor.objects.bulk_create(plan.new)
        Actor.history.bulk_history_create(plan.new)  # bulk_create records no history itself
    if plan.aliases:
        aliases = [
            ActorAlias(actor=actor, name=name, normalized=normalize_name(name)) for actor, name in plan.aliases.values()
        ]
        # In key order, as every worker inserts them: two inserting the same aliases wait, never deadlock.
        aliases.sort(key=lambda alias: (alias.actor_id, alias.normalized))
        ActorAlias.objects.bulk_create(aliases, ignore_conflicts=True)  # one recorded meanwhile is skipped
    return {raw: plan.by_name[sighting.name] for raw, sighting in given.items()}


@transaction.atomic(savepoint=False)
def record_roles(*, seen: Iterable[tuple]) -> dict[tuple[int, str], Role]:
    """Record (actor, title, source id, date seen[, kind]) roles in a few queries; the first sighting of a role keeps
    its source and the earliest date, and the latest date is kept as last_seen_on. `kind` (Role.Kind, held when not
    given) is what a new role is: a title held, or a voice the actor spoke through ("spokesman" of the Home Office);
    a role already stored keeps its kind (an editor may have set it). Returns {(actor id, title as given): role}; an
    empty title has none."""
    first: dict[tuple[int, str], tuple[Actor, int | None, dt.date | None]] = {}
    last: dict[tuple[int, str], dt.date] = {}
    wanted: dict[tuple[int, str], str] = {}
    kinds: dict[tuple[int, str], str] = {}
    for actor, title, source_id, seen_on, *kind in seen:
        clean = " ".join((title or "").split())[:255]
        if not clean:
            continue
        wanted[(actor.pk, title)] = clean
        key = (actor.pk, clean)
        kinds.setdefault(key, kind[0] if kind else Role.Kind.HELD)
        if key not in first:
            first[key] = (actor, source_id, seen_on)
        elif seen_on and (first[key][2] is None or seen_on < first[key][2]):
            first[key] = (actor, source_id, seen_on)
        if seen_on and (key not in last or seen_on > last[key]):
            last[key] = seen_on
    if not first:
        return {}

    def existing(keys) -> dict[tuple[int, str], Role]:
        actor_ids, titles = {k[0] for k in keys}, {k[1] for k in keys}
        rows = Role.objects.filter(actor_id__in=actor_ids, title__in=titles, organization_name="")
        return {(r.actor_id, r.title): r for r in rows if (r.actor_id, r.title) in keys}

    roles = existing(first.keys())
    missing = sorted(key for key in first if key not in roles)  # in key order: see resolve_actors' aliases
    if missing:
        Role.objects.bulk_create(
            [Role(actor=first[key][0], title=key[1], kind=kinds[key], organization_name="",
                  first_seen_source_id=first[key][1], first_seen_on=first[key][2], last_seen_on=last.get(key))
             for key in missing],
            ignore_conflicts=True,  # a concurrent worker recorded the same role
        )
        roles.update(existing(set(missing)))
    for key, (_, source_id, seen_on) in first.items():
        role, changed = roles[key], []
        if seen_on and (role.first_seen_on is None or seen_on < role.first_seen_on):
            role.first_seen_on, role.first_seen_source_id = seen_on, source_id
            changed += ["first_seen_on", "first_seen_source_id"]
        if key in last and (role.last_seen_on is None or last[key] > role.last_seen_on):
            role.last_seen_on = last[key]
            changed.append("last_seen_on")
        if changed:
            role.save(update_fields=changed)
    return {given: roles[(given[0], clean)] for given, clean in wanted.items()}


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
    what was, not what is), merge records and "not the same" decisions are left as they are.
    """
    for rel in model._meta.get_fields(include_hidden=True):
        if not rel.auto_created or rel.concrete or not (rel.one_to_many or rel.one_to_one):
            continue
        if _is_history_model(rel.related_model) or rel.related_model in (MergeRecord, DistinctActors):
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
    actors_merged.send(sender=Actor, keep=keep, merged=merge)
    return MergeRecord.objects.create(
        keep=keep, merged=merge, keep_name=keep.name, merged_name=merge.name, merged_slug=merge.slug,
        user=user, moved=moved,
    )


# --- Rosters in the Popolo standard (manage.py import_popolo) ---------------------------------------------

POPOLO_REASON = "Popolo import"


def _match_roster(entities) -> dict[str, Actor]:
    """The live actor each roster entity already is, by Wikidata id, then by the Popolo id recorded at an earlier
    import, then by exact (normalised) name and kind; each actor stands for one entity at most. Three queries."""
    live = Actor.objects.filter(merged_into__isnull=True).order_by("pk")
    wikidata = {e.wikidata_id for e in entities if e.wikidata_id}
    by_q: dict[str, list[Actor]] = {}
    for actor in live.filter(wikidata_id__in=wikidata) if wikidata else ():
        by_q.setdefault(actor.wikidata_id, []).append(actor)
    by_id: dict[str, list[Actor]] = {}
    for actor in live.filter(popolo_id__in={e.popolo_id for e in entities}):
        by_id.setdefault(actor.popolo_id, []).append(actor)
    names = {e.name for e in entities}
    by_name: dict[str, list[Actor]] = {}
    named = live.filter(Q(name__in=names) | Q(aliases__normalized__in={normalize_name(n) for n in names})).distinct()
    for actor in named:
        by_name.setdefault(normalize_name(actor.name), []).append(actor)

    matched: dict[str, Actor] = {}
    claimed: set[int] = set()

    def claim(entity, candidates, fits) -> None:
        if entity.popolo_id in matched:
            return
        actor = next((a for a in candidates if a.pk not in claimed and fits(a, entity)), None)
        if actor is not None:
            matched[entity.popolo_id] = actor
            claimed.add(actor.pk)

    for entity in entities:
        claim(entity, by_q.get(entity.wikidata_id, ()) if entity.wikidata_id else (), lambda a, e: True)
    for entity in entities:
        claim(entity, by_id.get(entity.popolo_id, ()),
              lambda a, e: a.kind in (e.kind, Actor.Kind.UNKNOWN) and a.wikidata_id in ("", e.wikidata_id or a.wikidata_id))
    for entity in entities:
        claim(entity, by_name.get(normalize_name(entity.name), ()),
              lambda a, e: a.kind in (e.kind, Actor.Kind.UNKNOWN) and a.popolo_id in ("", e.popolo_id)
              and (not e.wikidata_id or a.wikidata_id in ("", e.wikidata_id)))
    return matched


def _roster_aliases(entities, actors: dict[str, Actor]) -> dict[int, list[str]]:
    """The names to record per actor: every full name, and the short forms ("Howard", "Lord Bach") that no other
    entity in the file and no other live actor is known by."""
    holders: dict[str, set[str]] = {}
    for entity in entities:
        for name in [entity.name, *entity.names, *entity.short_forms]:
            holders.setdefault(normalize_name(name), set()).add(entity.popolo_id)
    short = {normalize_name(s) for e in entities for s in e.short_forms}
    taken: dict[str, set[int]] = {}
    for normalized, actor_id in ActorAlias.objects.filter(
            normalized__in=short, actor__merged_into__isnull=True).values_list("normalized", "actor_id"):
        taken.setdefault(normalized, set()).add(actor_id)
    wanted: dict[int, list[str]] = {}
    for entity in entities:
        actor = actors[entity.popolo_id]
        names = [entity.name, *entity.names]
        for form in entity.short_forms:
            normalized = normalize_name(form)
            if holders[normalized] == {entity.popolo_id} and taken.get(normalized, set()) <= {actor.pk}:
                names.append(form)
        wanted[actor.pk] = names
    return wanted


@transaction.atomic
def import_popolo(roster) -> dict[str, dict[str, int]]:
    """Write a checked Popolo roster (popolo.read_roster) as actors, aliases and roles, in one transaction.

    Idempotent: an entity already imported, or known by its Wikidata id or its exact name and kind, is updated
    (kind, Wikidata id, Popolo id; only what differs, with history) rather than created again, and a second
    import of the same file changes nothing. Roles are keyed by (actor, title, organization name), as the Role
    table is; a changed date is updated. Names are locked as resolve_actors locks them, so a worker resolving
    the same new name meanwhile waits. Returns {"persons"|"organizations"|"aliases"|"roles": {"created",
    "updated", "unchanged": n}}.
    """
    summary = {key: {"created": 0, "updated": 0, "unchanged": 0}
               for key in ("persons", "organizations", "aliases", "roles")}
    entities = list(roster.entities.values())
    _lock(_lock_keys("actor:" + normalize_name(n) for e in entities for n in [e.name, *e.names, *e.short_forms]))
    actors = _match_roster(entities)

    new = []
    for entity in entities:
        counts = summary["persons" if entity.kind == Actor.Kind.PERSON else "organizations"]
        actor = actors.get(entity.popolo_id)
        if actor is None:
            actor = Actor(name=entity.name, kind=entity.kind, wikidata_id=entity.wikidata_id,
                          popolo_id=entity.popolo_id)
            actors[entity.popolo_id] = actor
            new.append(actor)
            counts["created"] += 1
            continue
        wanted = {"kind": entity.kind, "popolo_id": entity.popolo_id, "wikidata_id": entity.wikidata_id or actor.wikidata_id}
        changed = [name for name, value in wanted.items() if getattr(actor, name) != value]
        if changed:
            for name in changed:
                setattr(actor, name, wanted[name])
            actor._change_reason = POPOLO_REASON
            actor.save(update_fields=[*changed, "updated_at"])
            counts["updated"] += 1
        else:
            counts["unchanged"] += 1
    if new:
        for actor, slug in zip(new, _unique_slugs([actor.name for actor in new])):
            actor.slug = slug
        Actor.objects.bulk_create(new)
        Actor.history.bulk_history_create(new, default_change_reason=POPOLO_REASON)

    wanted_aliases = _roster_aliases(entities, actors)
    have = set(ActorAlias.objects.filter(actor_id__in=wanted_aliases).values_list("actor_id", "normalized"))
    fresh = {}
    for actor_id, names in wanted_aliases.items():
        for name in names:
            key = (actor_id, normalize_name(name))
            if key in have or key in fresh:
                continue
            fresh[key] = ActorAlias(actor_id=actor_id, name=name, normalized=key[1])
    summary["aliases"]["created"] = len(fresh)
    summary["aliases"]["unchanged"] = len({(a, normalize_name(n)) for a, ns in wanted_aliases.items() for n in ns}) - len(fresh)
    ActorAlias.objects.bulk_create([fresh[key] for key in sorted(fresh)], ignore_conflicts=True)

    names = {e.popolo_id: e.name for e in entities}
    rows = [(actors[m.person_id], m.title, actors[m.organization_id] if m.organization_id else None,
             names.get(m.organization_id, ""), m) for m in roster.memberships]
    existing = {(r.actor_id, r.title, r.organization_name): r for r in Role.objects.filter(
        actor_id__in={row[0].pk for row in rows}, title__in={row[1] for row in rows})}
    create = []
    for actor, title, organization, organization_name, membership in rows:
        values = {"organization_id": organization.pk if organization else None, "start_date": membership.start_date,
                  "end_date": membership.end_date, "origin": Role.Origin.POPOLO,
                  "kind": Role.Kind.HELD}  # a membership is a title held, whatever an article made of the same words
        role = existing.get((actor.pk, title, organization_name))
        if role is None:
            create.append(Role(actor=actor, title=title, organization_name=organization_name, **values))
            continue
        changed = [name for name, value in values.items() if getattr(role, name) != value]
        for name in changed:
            setattr(role, name, values[name])
        if changed:
            role.save(update_fields=changed)
        summary["roles"]["updated" if changed else "unchanged"] += 1
    Role.objects.bulk_create(create)
    summary["roles"]["created"] = len(create)
    return summary


# --- "Not the same" (the likely-duplicates page) -------------------------------------------------------------

def mark_distinct(*, a: Actor, b: Actor, user=None) -> DistinctActors:
    """Record an editor's decision that `a` and `b` are different entities, so the pair is not suggested again."""
    if a.pk == b.pk:
        raise ValueError("An actor is always the same as itself.")
    low, high = sorted([a.pk, b.pk])
    user = user if user is not None and getattr(user, "is_authenticated", False) else None
    record, _ = DistinctActors.objects.get_or_create(actor_low_id=low, actor_high_id=high, defaults={"user": user})
    return record


# --- Editors teach the database (the admin's "Unresolved speakers" queue) -----------------------------------

UNRESOLVED_REASON = "Unresolved speakers queue"


_LEADING_ARTICLE = re.compile(r"^(?:the|an?)\s+", re.IGNORECASE)


def mention_key(mention: str) -> str:
    """What finds an editor's decision about a mention again: the key roles are looked up by (selectors.role_key:
    spaces collapsed, small letters, no leading article), so "A spokeswoman for the RAD" and "the spokeswoman for
    the RAD" are one mention."""
    return role_key(mention)


def description_title(mention: str) -> str:
    """The role title a description teaches: "A spokeswoman for the RAD" -> "spokeswoman for the RAD"."""
    return _LEADING_ARTICLE.sub("", " ".join(mention.split()))[:255]


def description_kind(title: str, *, person: bool) -> str:
    """What a description an editor links to an actor is for it: a voice when it is a representative the actor
    spoke through ("spokeswoman for the RAD" linked to the RAD), else a title held. The words are read by the
    extraction's own test (settings.VOICE_TITLE_TEST: its representative nouns; `actors` imports nothing of
    `ingest`)."""
    from django.conf import settings
    from django.utils.module_loading import import_string

    is_voice = import_string(settings.VOICE_TITLE_TEST)
    return Role.Kind.VOICE if is_voice(title, person=person) else Role.Kind.HELD


def names_something(mention: str) -> bool:
    """Whether a description points at the same entity wherever it is written: a word after the first is
    capitalised ("a spokeswoman for the RAD", "the Tory leader"). "The report", "the minister" or "a spokesman"
    stand for someone else in each article, so a link made for them resolves their statements but teaches
    nothing for later articles."""
    return any(word[:1].isupper() for word in mention.split()[1:])


def is_taught(mention: str) -> bool:
    """Whether linking this mention teaches later articles: a name (as an alias) or a description that names
    something (as a role); a generic description is resolved where it stands only."""
    return looks_like_name(mention) or names_something(mention)


@dataclass(frozen=True)
class Taught:
    """What editors taught about a mention: its actor (and the role it was taught as), or that it is unnamed."""

    actor: Actor | None = None
    role: Role | None = None
    unnamed: bool = False


class TeachError(ValueError):
    """An editor's decision that cannot be recorded; the message says why and what to do."""


@transaction.atomic
def create_actor(*, name: str, kind: str, user=None) -> Actor:
    """A new actor an editor names (with its name, and a person's surname, as aliases), with history.

    Refused when a live actor already has this name: link to that one instead (or merge later)."""
    name = " ".join((name or "").split())[:255]
    if not normalize_name(name):
        raise TeachError("Give the new actor a name.")
    if kind not in Actor.Kind.values:
        raise TeachError(f"Choose the new actor's kind: {', '.join(Actor.Kind.values)}.")
    _lock(_lock_keys(["actor:" + normalize_name(name), "slug:" + _slug_base(name)]))
    existing = Actor.objects.filter(name__iexact=name, merged_into__isnull=True).first()
    if existing is not None:
        raise TeachError(f"An actor named “{existing.name}” already exists (/{existing.slug}/): link to it instead.")
    actor = Actor(name=name, kind=kind, slug=_unique_slugs([name])[0])
    actor._history_user, actor._change_reason = _user(user), UNRESOLVED_REASON
    actor.save()
    add_aliases(actor=actor, names=person_alias_forms(name) if kind == Actor.Kind.PERSON else [name])
    return actor


def _user(user):
    return user if user is not None and getattr(user, "is_authenticated", False) else None


@transaction.atomic
def teach_mention(*, mention: str, actor: Actor, decision: str, statements: int = 0, seen_on: dt.date | None = None,
                  source_id: int | None = None, user=None) -> tuple[MentionDecision, Role | None]:
    """Record that `mention` stands for `actor`, so later articles resolve it the same way (taught_speakers).

    A name ("Ebbers' lawyers" is not one; "RAD" is) becomes an alias of the actor. A description becomes a role
    of the actor, entered by an editor (title: the description without its article; of kind voice when it is a
    representative the actor spoke through, "spokeswoman for the RAD", else a title held), which is also the
    statements' speaker role; it is taught for later articles only when it names something (names_something),
    and while the role is held (its start and end dates, which editors may set in the actor's page).
    Returns the decision record and the role (None for a name)."""
    if actor.merged_into_id:
        raise TeachError(f"{actor.name} was merged into another actor; link to that actor instead.")
    role, taught_as = None, ""
    if looks_like_name(mention):
        add_aliases(actor=actor, names=[mention])
        taught_as = "alias"
    else:
        title = description_title(mention)
        role = Role.objects.alias(title_key=Lower("title")).filter(  # the role_title_lower index
            actor=actor, title_key=title.lower(), organization_name="").first()
        if role is None:
            role = Role.objects.create(actor=actor, title=title, origin=Role.Origin.EDITOR, kind=description_kind(
                title, person=actor.kind == Actor.Kind.PERSON), first_seen_source_id=source_id, first_seen_on=seen_on)
        elif role.origin != Role.Origin.EDITOR:  # an editor confirmed a role read in an article
            role.origin = Role.Origin.EDITOR
            role.save(update_fields=["origin"])
        taught_as = "role" if names_something(mention) else ""
    record = MentionDecision.objects.create(
        mention=mention[:500], key=mention_key(mention)[:500], decision=decision, actor=actor, taught_as=taught_as,
        statements=statements, user=_user(user),
    )
    return record, role


def teach_unnamed(*, mention: str, statements: int = 0, user=None) -> MentionDecision:
    """Record that `mention` is an unnamed source or a group: later articles store it as unnamed, with no actor."""
    return MentionDecision.objects.create(
        mention=mention[:500], key=mention_key(mention)[:500], decision=MentionDecision.Decision.UNNAMED,
        taught_as="unnamed", statements=statements, user=_user(user),
    )


def taught_speakers(*, mentions: Iterable[str], on: dt.date | None = None) -> dict[str, Taught]:
    """What editors taught about these speaker mentions (ingest.services asks for the statements it could not
    resolve): {mention: Taught} for those with a decision; one query when none has any.

    The latest decision about a mention's key counts. "Unnamed" is taken as is. A link is followed through what
    it taught, so that editors' later changes count: a name through its alias (the one live actor known by it),
    a description through the editor's role with that title held at `on` by exactly one live actor."""
    keys = {mention: mention_key(mention) for mention in mentions if mention_key(mention)}
    if not keys:
        return {}
    latest: dict[str, MentionDecision] = {}
    for record in MentionDecision.objects.filter(key__in=set(keys.values())).order_by("key", "-created_at", "-id"):
        latest.setdefault(record.key, record)
    found: dict[str, Taught] = {}
    titles: dict[str, str] = {}
    for mention, key in keys.items():
        record = latest.get(key)
        if record is None:
            continue
        if record.taught_as == "unnamed":
            found[mention] = Taught(unnamed=True)
        elif record.taught_as == "alias":
            actor = find_actor(mention)
            if actor is not None:
                found[mention] = Taught(actor=actor)
        elif record.taught_as == "role":
            titles[mention] = description_title(mention).lower()
    if titles:
        held = Role.objects.filter(origin=Role.Origin.EDITOR, actor__merged_into__isnull=True).annotate(
            title_key=Lower("title")).filter(title_key__in=set(titles.values())).select_related("actor")
        if on is not None:
            held = held.filter(Q(start_date__isnull=True) | Q(start_date__lte=on),
                               Q(end_date__isnull=True) | Q(end_date__gte=on))
        holders: dict[str, list[Role]] = {}
        for role in held:
            holders.setdefault(role.title_key, []).append(role)
        for mention, title in titles.items():
            roles = holders.get(title, [])
            if len({role.actor_id for role in roles}) == 1:
                found[mention] = Taught(actor=roles[0].actor, role=roles[0])
    return found


# --- Actors left with nothing (after reprocessing) ------------------------------------------------------------

TIDY_REASON = "Left without statements after reprocessing"
TIDY_ROUNDS = 5


def _outside_references(model):
    """The foreign keys to `model` from other apps' models (statements spoken, mentioned, roles spoken in)."""
    return [field for field in _reverse_foreign_keys(model) if field.model._meta.app_label != model._meta.app_label]


def _unused_actors():
    """Live actors nothing holds on to: no row of any model refers to them (statements, roles in them, merges into
    them, editors' decisions) but their own aliases and the roles read in articles that no statement uses, and
    nothing an editor or a roster entered (a role of theirs, an edit in their history, a Wikidata or Popolo id,
    a description, a merge record, a "not the same" decision)."""
    from django.db.models import Exists, OuterRef

    unused = Actor.objects.filter(merged_into__isnull=True, wikidata_id="", popolo_id="", description="")
    # every row of any model that points at the actor holds it (statements, roles in it as organisation, actors
    # merged into it, an editor's decision in a queue, ...), but for what resolution itself derives from
    # articles: aliases, and roles read in articles (unless a statement uses one)
    derived = {(ActorAlias, "actor"), (Role, "actor")}
    held = [Exists(field.model._base_manager.filter(**{field.attname: OuterRef("pk")}))
            for field in _reverse_foreign_keys(Actor) if (field.model, field.name) not in derived]
    held += [Exists(field.model._base_manager.filter(**{f"{field.name}__actor": OuterRef("pk")}))
             for field in _outside_references(Role)]
    held += [
        Exists(Role.objects.filter(actor=OuterRef("pk")).exclude(origin=Role.Origin.ARTICLE)),
        Exists(Actor.history.filter(id=OuterRef("pk"), history_user__isnull=False)),
        Exists(MergeRecord.objects.filter(keep=OuterRef("pk"))),
        Exists(DistinctActors.objects.filter(Q(actor_low=OuterRef("pk")) | Q(actor_high=OuterRef("pk")))),
    ]
    for condition in held:
        unused = unused.exclude(condition)
    return unused


@transaction.atomic
def tidy_actors(*, dry_run: bool = False) -> dict[str, list[tuple[str, str]]]:
    """Fold away the actors that reprocessing left without statements (see _unused_actors for what keeps one).

    Each is merged into the live actor its name now resolves to (resolution.Plan, the unused ones left out), so
    its permalink keeps working through `merged_into` and the merge is recorded (MergeRecord, history); one
    whose name resolves to nobody is deleted (its history keeps a deletion record). Editors' work is never
    touched: statements they verified or corrected still point at their actors, which are therefore in use.
    The candidates are locked, then looked up again, so a statement committed meanwhile keeps its actor.
    Returns {"merged": [(name, into)], "removed": [(name, "")]}.
    """
    summary: dict[str, list[tuple[str, str]]] = {"merged": [], "removed": []}
    for _ in range(TIDY_ROUNDS):  # removing one can leave another unused (the organisation of its role)
        done = _tidy_round(dry_run=dry_run)
        summary["merged"] += done["merged"]
        summary["removed"] += done["removed"]
        if dry_run or not (done["merged"] or done["removed"]):
            break
    return summary


def _tidy_round(*, dry_run: bool) -> dict[str, list[tuple[str, str]]]:
    ids = list(_unused_actors().values_list("pk", flat=True))
    if ids and not dry_run:
        list(Actor.objects.select_for_update().filter(pk__in=ids).order_by("pk").values_list("pk", flat=True))
        ids = list(_unused_actors().filter(pk__in=ids).values_list("pk", flat=True))
    unused = list(Actor.objects.filter(pk__in=ids).prefetch_related("aliases").order_by("pk"))
    sightings = [Sighting(name=a.name, kind=a.kind, aliases=tuple(al.name for al in a.aliases.all())) for a in unused]
    forms = {normalize_name(form) for sighting in sightings for form in lookup_forms(sighting)} - {""}
    gone = {a.pk for a in unused}
    known = {normalized: [a for a in actors if a.pk not in gone] for normalized, actors in _known_under(forms).items()}
    summary: dict[str, list[tuple[str, str]]] = {"merged": [], "removed": []}
    for actor, sighting in zip(unused, sightings):
        into = Plan([sighting], known, roles_of=_roles_of).by_name[sighting.name]
        if into is not None and into.pk is not None:
            summary["merged"].append((actor.name, into.name))
            if not dry_run:
                merge_actors(keep=into, merge=actor)
        else:
            summary["removed"].append((actor.name, ""))
            if not dry_run:
                actor._change_reason = TIDY_REASON
                actor.delete()
    return summary


def describe_tidy(summary: dict, *, dry_run: bool = False) -> str:
    """What tidy_actors did (or would do), one line per actor, then the totals."""
    lines = [f"merged {name!r} into {into!r}" for name, into in summary["merged"]]
    lines += [f"removed {name!r}" for name, _ in summary["removed"]]
    would = "would be " if dry_run else ""
    lines.append(f"{len(summary['merged'])} actors {would}merged, {len(summary['removed'])} {would}removed.")
    return "\n".join(lines)
