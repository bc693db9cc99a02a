"""Rosters in the open Popolo standard (https://www.popoloproject.com/specs/) read into actors, aliases and roles.

`read_roster(data)` checks a whole parsed file and turns it into plain records, or raises PopoloError naming
the place of the first problem ("memberships[3].person_id 'p9' is not a person in the file"); nothing touches
the database. `services.import_popolo(roster)` then writes it in one transaction. What is read:

- the export form with everything in one object: `{"persons": [...], "organizations": [...], "memberships":
  [...], "posts": [...]}` (other keys such as "areas" and "events" are ignored), and memberships embedded in a
  person, an organization or a post, as the specification allows (the enclosing object gives the missing
  `person_id`, `organization_id` or `post_id`);
- a person or organization: `id` and `name` (required), `other_names[].name`, `identifiers[]` with scheme
  "wikidata" (a Q-id, or a Wikidata entity URL); for persons also `sort_name` ("Howard, Michael" read as
  "Michael Howard"), `given_name` + `family_name`, and the short forms `family_name` ("Howard") and
  `honorific_prefix` + `family_name` ("Lord Bach"), kept only when no other name in the file and no other
  actor in the database is known by them (see `short_forms` in services.import_popolo);
- a membership: `person_id` (or `member.id` / `member_id`), `organization_id`, `post_id`, `role`, `label`,
  `on_behalf_of_id`, `start_date`, `end_date` (YYYY, YYYY-MM or YYYY-MM-DD; a partial start date is its
  first day, a partial end date its last). The role's title is the membership's `role`, else the post's
  `label`, else the post's `role`, else the membership's `label`, else "Member"; its organization is the
  membership's, else the post's. `on_behalf_of_id` (a party, in EveryPolitician files) adds the role
  "Member" of that organization over the same dates.
"""
from __future__ import annotations

import calendar
import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from .normalize import normalize_name

_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_WIKIDATA = re.compile(r"^(?:https?://(?:www\.)?wikidata\.org/(?:entity|wiki)/)?(Q[1-9][0-9]*)$")
_COLLECTIONS = ("persons", "organizations", "memberships", "posts")
DEFAULT_TITLE = "Member"


class PopoloError(ValueError):
    """A file that cannot be imported; the message names the place ("memberships[3].person_id ...")."""


@dataclass
class Entity:
    popolo_id: str
    kind: str  # "person" or "organization", as Actor.Kind
    name: str
    path: str
    wikidata_id: str = ""
    names: list[str] = field(default_factory=list)  # full names besides `name`: other_names, reordered sort_name
    short_forms: list[str] = field(default_factory=list)  # "Howard", "Lord Bach": kept only when unambiguous


@dataclass
class Membership:
    person_id: str
    title: str
    organization_id: str | None
    start_date: dt.date | None
    end_date: dt.date | None
    path: str


@dataclass
class Roster:
    entities: dict[str, Entity]  # by Popolo id, persons and organizations
    memberships: list[Membership]

    def of_kind(self, kind: str) -> list[Entity]:
        return [e for e in self.entities.values() if e.kind == kind]


def load_file(path: str | Path) -> Roster:
    """Read and check a Popolo JSON file; PopoloError for a file that is missing, not JSON or malformed."""
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise PopoloError(f"cannot read {path}: {exc.strerror or exc}") from exc
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise PopoloError(f"{path} is not UTF-8 text: {exc.reason} at byte {exc.start}") from exc
    except json.JSONDecodeError as exc:
        raise PopoloError(f"{path} is not JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})") from exc
    return read_roster(data)


def _kind_of(value) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "true/false", type(None): "null"}.get(
        type(value), "a number")


def _text(obj: dict, key: str, path: str, *, required: bool = False) -> str:
    value = obj.get(key)
    if value is None or value == "":
        if required:
            raise PopoloError(f"{path}.{key} is missing")
        return ""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise PopoloError(f"{path}.{key} must be a string, not {_kind_of(value)}")
    text = " ".join(str(value).split())
    if required and not text:
        raise PopoloError(f"{path}.{key} is empty")
    if len(text) > 255:
        raise PopoloError(f"{path}.{key} is longer than 255 characters")
    return text


def _list(obj: dict, key: str, path: str) -> list:
    value = obj.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise PopoloError(f"{path}.{key} must be a list, not {_kind_of(value)}")
    return value


def _objects(items: list, path: str) -> list[tuple[dict, str]]:
    out = []
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            raise PopoloError(f"{path}[{i}] must be an object, not {_kind_of(item)}")
        out.append((item, f"{path}[{i}]"))
    return out


def parse_date(value, path: str, *, end: bool) -> dt.date | None:
    """A Popolo date: YYYY, YYYY-MM or YYYY-MM-DD (a time after "T" is ignored). A partial start date stands
    for its first day, a partial end date for its last."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise PopoloError(f"{path} must be a date string, not {_kind_of(value)}")
    match = _PARTIAL_DATE.match(value.strip().split("T", 1)[0])
    try:
        if not match:
            raise ValueError
        year, month, day = int(match[1]), int(match[2] or (12 if end else 1)), match[3]
        if day is None:
            if not 1 <= month <= 12:
                raise ValueError
            day = calendar.monthrange(year, month)[1] if end else 1
        return dt.date(year, month, int(day))
    except ValueError:
        raise PopoloError(f"{path} {value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)") from None


def _wikidata(obj: dict, path: str) -> str:
    for identifier, where in _objects(_list(obj, "identifiers", path), f"{path}.identifiers"):
        if str(identifier.get("scheme", "")).strip().casefold() != "wikidata":
            continue
        value = str(identifier.get("identifier", "")).strip()
        match = _WIKIDATA.match(value)
        if not match:
            raise PopoloError(f"{where}.identifier {value!r} is not a Wikidata id (Q followed by digits)")
        return match[1]
    return ""


def _entity(obj: dict, path: str, kind: str) -> Entity:
    entity = Entity(
        popolo_id=_text(obj, "id", path, required=True), kind=kind, name=_text(obj, "name", path, required=True),
        path=path, wikidata_id=_wikidata(obj, path),
    )
    for other, where in _objects(_list(obj, "other_names", path), f"{path}.other_names"):
        entity.names.append(_text(other, "name", where, required=True))
    if kind == "person":
        sort_name = _text(obj, "sort_name", path)
        if sort_name.count(",") == 1:  # "Howard, Michael" is "Michael Howard"
            family, given = (part.strip() for part in sort_name.split(","))
            if family and given:
                entity.names.append(f"{given} {family}")
        given, family = _text(obj, "given_name", path), _text(obj, "family_name", path)
        if given and family:
            entity.names.append(f"{given} {family}")
        if family:
            entity.short_forms.append(family)
            honorific = _text(obj, "honorific_prefix", path)
            if honorific:
                entity.short_forms.append(f"{honorific} {family}")
    return entity


def read_roster(data) -> Roster:
    """Check a parsed Popolo document and return its persons, organizations and memberships as records."""
    if not isinstance(data, dict):
        raise PopoloError(
            f"the file must hold one JSON object with lists \"persons\", \"organizations\" and \"memberships\", "
            f"not {_kind_of(data)}")
    if not any(key in data for key in _COLLECTIONS):
        raise PopoloError('the file has none of "persons", "organizations", "memberships": is it Popolo JSON?')
    collections = {}
    for key in _COLLECTIONS:
        items = data.get(key) or []
        if not isinstance(items, list):
            raise PopoloError(f"{key} must be a list, not {_kind_of(items)}")
        collections[key] = _objects(items, key)

    entities: dict[str, Entity] = {}
    # memberships as (object, path, defaults from the enclosing object)
    raw_memberships: list[tuple[dict, str, dict]] = [(m, path, {}) for m, path in collections["memberships"]]
    for key, kind in (("persons", "person"), ("organizations", "organization")):
        for obj, path in collections[key]:
            entity = _entity(obj, path, kind)
            if entity.popolo_id in entities:
                raise PopoloError(
                    f"{path}.id {entity.popolo_id!r} is used twice (also {entities[entity.popolo_id].path})")
            entities[entity.popolo_id] = entity
            enclosing = "person_id" if kind == "person" else "organization_id"
            raw_memberships += [(m, where, {enclosing: entity.popolo_id})
                                for m, where in _objects(_list(obj, "memberships", path), f"{path}.memberships")]
    posts: dict[str, dict] = {}
    for obj, path in collections["posts"]:
        post_id = _text(obj, "id", path, required=True)
        if post_id in posts or post_id in entities:
            raise PopoloError(f"{path}.id {post_id!r} is used twice")
        posts[post_id] = {"label": _text(obj, "label", path), "role": _text(obj, "role", path),
                          "organization_id": _text(obj, "organization_id", path), "path": path}
        raw_memberships += [(m, where, {"post_id": post_id})
                            for m, where in _objects(_list(obj, "memberships", path), f"{path}.memberships")]

    def must_be(kind: str, ref: str, where: str) -> None:
        entity = entities.get(ref)
        if entity is None:
            raise PopoloError(f"{where} {ref!r} is not a{'n' if kind[0] in 'ao' else ''} {kind} in the file")
        if entity.kind != kind:
            raise PopoloError(f"{where} {ref!r} is {'an' if entity.kind[0] in 'ao' else 'a'} {entity.kind}, not a {kind}")

    for path_post in posts.values():
        if path_post["organization_id"]:
            must_be("organization", path_post["organization_id"], f"{path_post['path']}.organization_id")

    memberships: list[Membership] = []
    for obj, path, defaults in raw_memberships:
        merged = {**defaults, **{k: v for k, v in obj.items() if v not in (None, "")}}
        member = merged.get("member")
        if "person_id" not in merged and isinstance(member, dict) and member.get("id"):
            merged["person_id"], person_key = member["id"], "member.id"
        elif "person_id" not in merged and merged.get("member_id"):
            merged["person_id"], person_key = merged["member_id"], "member_id"
        else:
            person_key = "person_id"
        person_id = _text(merged, "person_id", path, required=True)
        must_be("person", person_id, f"{path}.{person_key}")
        post_id = _text(merged, "post_id", path)
        post = posts.get(post_id) if post_id else None
        if post_id and post is None:
            raise PopoloError(f"{path}.post_id {post_id!r} is not a post in the file")
        organization_id = _text(merged, "organization_id", path) or (post or {}).get("organization_id") or None
        if organization_id:
            must_be("organization", organization_id, f"{path}.organization_id")
        title = (_text(merged, "role", path) or (post or {}).get("label") or (post or {}).get("role")
                 or _text(merged, "label", path) or DEFAULT_TITLE)
        if title == DEFAULT_TITLE and not organization_id:
            raise PopoloError(f"{path} names no role, post or organization")
        start = parse_date(merged.get("start_date"), f"{path}.start_date", end=False)
        end = parse_date(merged.get("end_date"), f"{path}.end_date", end=True)
        if start and end and end < start:
            raise PopoloError(f"{path}.end_date {end.isoformat()} is before its start_date {start.isoformat()}")
        memberships.append(Membership(person_id, title, organization_id, start, end, path))
        party = _text(merged, "on_behalf_of_id", path)
        if party:
            must_be("organization", party, f"{path}.on_behalf_of_id")
            memberships.append(Membership(person_id, DEFAULT_TITLE, party, start, end, path))
    return Roster(entities=entities, memberships=_combined(memberships, entities))


def _combined(memberships: list[Membership], entities: dict[str, Entity]) -> list[Membership]:
    """One record per (person, title, organization), as the Role table holds them: several terms of the same
    role become one spanning the earliest start to the latest end (an open end stays open)."""
    out: dict[tuple, Membership] = {}
    for m in memberships:
        org_name = entities[m.organization_id].name if m.organization_id else ""
        key = (m.person_id, normalize_name(m.title), normalize_name(org_name))
        first = out.get(key)
        if first is None:
            out[key] = Membership(**vars(m))
            continue
        first.start_date = None if None in (first.start_date, m.start_date) else min(first.start_date, m.start_date)
        first.end_date = None if None in (first.end_date, m.end_date) else max(first.end_date, m.end_date)
    return list(out.values())
