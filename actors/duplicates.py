"""Likely duplicates among live actors: pairs that are probably one entity, each with its reasons and a score.

Read through `selectors.likely_duplicates()`. Nothing here compares every actor with every other: each rule
looks pairs up through a blocking key held in a dict (a normalised name, an acronym, a name's first words, a
surname) or, for shared roles, through one SQL self-join restricted to rare (title, organization) pairs, so
the cost grows with the number of actors and aliases, not its square (see bench/duplicates.py).

The rules, and their scores (several reasons for one pair combine as 1 - (1 - s1)(1 - s2)...):

- **same name** (0.95; 0.8 when the kinds differ, e.g. "Labour" stored once as a person and once as an
  organization): the two names are equal once case, accents and punctuation are folded; but not an acronym
  and a name of another kind that only folds to it ("NAO" the office, "Nao" a person).
- **known by the other's name** (0.9; 0.6 when up to three actors share that alias): A's name is one of B's
  aliases ("Tories" and the Conservative Party, which has the alias "Tories" from a Popolo roster or an
  editor). A one-word person name such as "Howard" is not taken from aliases (every person gets their surname
  as an alias): the surname rule below decides it.
- **acronym** (0.9; 0.6 for two or three candidates): A's name, case-sensitive, is the initials of B's name,
  either of its significant words in capitals ("NAO" = National Audit Office) or of every word with the small
  words in small letters ("BoE" = Bank of England, "DfID" = Department for International Development).
  Neither may be a person. An acronym that fits more than three names says nothing.
- **short form** (0.65 for organizations, 0.6 for people), and only when unambiguous:
  - an organization (or an actor of unknown kind) whose name is the first words of exactly one other
    organization's name ("Texas" / "Texas Instruments", "Conservatives" / "Conservative Party": a final "s"
    is ignored). "Bank", the start of many names, suggests nothing.
  - a person named by one word, with or without a courtesy title ("Howard", "Mr Howard"), and exactly one
    person whose full name ends in that word and whom nothing else tells apart: no peerage title on either
    side that the other lacks ("Lord Bach" is a name of its own and is never the short form of "Robbie Bach";
    two full names are never short forms of each other), and no title of the other sex ("Mrs Howard" is not
    "Mr Michael Howard", where an alias or the name says "Mr"). With two Howards known, "Mr Howard" suggests
    neither. Sex is read from titles only, never guessed from first names.
- **other forms of one name** (0.85; 0.6 when up to three candidates): party names of one party ("Tories",
  "Conservatives", "Conservative Party", normalize.party_forms, not persons) and a known short or full form of a
  first name with the same rest of the name ("Vince Cable" / "Vincent Cable", normalize.first_name_variants,
  not organizations; also of the name without its middle initials, "Edward G. Rendell" / "Ed Rendell", the middle
  initials not contradicting), an organisation's name with its dots left out ("F.B.I." / "FBI") or written
  another usual way (normalize.organization_name_forms: "NY Post" / "New York Post", "State Department" /
  "Department of State"), and a person's name without its middle initials ("Harry M. Reid" / "Harry Reid", not
  "George W. Bush" / "George H. W. Bush": normalize.names_agree).
- **same first name, surnames one letter apart** (0.7): people with the same first names whose surnames of at
  least NEAR_SURNAME_MIN letters are one edit apart (rapidfuzz's Levenshtein distance), compared within a block
  of one first name ("Debbie Wasserman Schultz" / "Debbie Wasserman Shultz", "Sergey Lavrov" / "Sergey Lavrow";
  not "John Smith" / "John Smyth": too short a surname to say).
- **similar spelling** (ratio × 0.85): rapidfuzz's `fuzz.ratio` of the normalised names at least
  FUZZY_THRESHOLD (91: "Sergey Lavrov" / "Sergei Lavrov" at 92 pass; "John Smith" / "Joan Smith" at 90 do
  not), compared only within a block of actors sharing a first or last word and of compatible kinds; blocks
  larger than FUZZY_BLOCK_LIMIT are skipped (a very common word says too little to be worth its square). Not
  two people of one first name and surname whose middle initials or suffixes differ ("George W. Bush" /
  "George H. W. Bush", "Donald Trump" / "Donald Trump Jr."): those say they are two.
- **shared role** (0.5: co-chairs and boards exist, so alone it is a weak hint that mostly adds to another
  reason): both hold the same title in the same organization at overlapping dates (a missing date counts as
  open), and at most ROLE_HOLDERS_LIMIT actors ever held it ("Leader" of the Liberal Democrats by "Charles
  Kennedy" and "Chas Kennedy"; not "Member" of a party). Roles without an organization (those read in articles
  have none) are not compared, nor voices (a spokesman two organisations spoke through is no title they share).

A pair is never suggested when an editor said "not the same" (models.DistinctActors), when both actors
carry different Wikidata ids, or when both came from different entries of Popolo rosters (different
popolo_id): those are known to be different entities.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from django.db import connection
import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from .models import Actor, ActorAlias, DistinctActors, Role
from .normalize import (
    COURTESY, PEERAGE, acronyms, first_name_variants, looks_like_acronym, middles_agree, names_agree, normalize_name,
    organization_name_forms, party_forms, party_stem, person_name_parts, undotted, without_middle_initials,
)

FUZZY_THRESHOLD = 91
FUZZY_BLOCK_LIMIT = 200
NEAR_SURNAME_MIN = 6
ROLE_HOLDERS_LIMIT = 4
ACRONYM_CANDIDATES_LIMIT = 3

PERSONISH = (Actor.Kind.PERSON, Actor.Kind.UNKNOWN)
ORGISH = (Actor.Kind.ORGANIZATION, Actor.Kind.UNKNOWN)


@dataclass
class Pair:
    """Two live actors (a_id < b_id) that are probably one, why, and how sure (0-1)."""

    a_id: int
    b_id: int
    score: float = 0.0
    reasons: list[str] = field(default_factory=list)

    def add(self, score: float, reason: str) -> None:
        self.score = 1 - (1 - self.score) * (1 - score)
        self.reasons.append(reason)


@dataclass
class _Actor:
    id: int
    name: str
    kind: str
    wikidata_id: str
    popolo_id: str
    normalized: str
    title: str = ""  # a leading courtesy or peerage title, normalised ("mr", "lord")
    words: tuple[str, ...] = ()  # the normalised words after that title
    sex: str = ""  # "m" or "f" when a title in the name or an alias says so


def _split_title(normalized: str) -> tuple[str, tuple[str, ...]]:
    words = tuple(normalized.split())
    if len(words) > 1 and (words[0] in COURTESY or words[0] in PEERAGE):
        return words[0], words[1:]
    return "", words


def _stem(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _told_apart(a: _Actor, b: _Actor) -> bool:
    """Two people whose names differ only where they say they are two: other middle initials ("George W. Bush",
    "George H. W. Bush") or a suffix ("Donald Trump", "Donald Trump Jr.")."""
    parts_a, parts_b = person_name_parts(a.normalized), person_name_parts(b.normalized)
    return parts_a[0] == parts_b[0] and parts_a[2] == parts_b[2] and not names_agree(a.normalized, b.normalized)


class _Finder:
    def __init__(self):
        self.pairs: dict[tuple[int, int], Pair] = {}
        actors, aliases = Actor._meta.db_table, ActorAlias._meta.db_table
        with connection.cursor() as cursor:  # plain rows: at 50,000 actors the ORM's per-row cost shows
            cursor.execute(f"SELECT id, name, kind, wikidata_id, popolo_id FROM {actors} WHERE merged_into_id IS NULL")
            rows = cursor.fetchall()
            # an alias that is its actor's own name adds nothing to what the name says
            cursor.execute(f"SELECT al.actor_id, al.name, al.normalized FROM {aliases} al JOIN {actors} a "
                           f"ON a.id = al.actor_id AND a.merged_into_id IS NULL WHERE al.name <> a.name")
            self.aliases: list[tuple[int, str, str]] = cursor.fetchall()
        self.actors: dict[int, _Actor] = {}
        for pk, name, kind, wikidata_id, popolo_id in rows:
            normalized = normalize_name(name)
            title, words = _split_title(normalized)
            sex = COURTESY.get(title) or PEERAGE.get(title) or ""
            self.actors[pk] = _Actor(pk, name, kind, wikidata_id, popolo_id, normalized, title, words, sex)
        for actor_id, _, normalized in self.aliases:  # "Mr Howard" as an alias says Michael Howard is a man
            title, _words = _split_title(normalized)
            actor = self.actors.get(actor_id)
            if actor is not None and title and not actor.sex:
                actor.sex = COURTESY.get(title) or PEERAGE.get(title) or ""
        self.distinct = set(DistinctActors.objects.values_list("actor_low_id", "actor_high_id"))
        self.by_name: dict[str, list[_Actor]] = {}
        for actor in self.actors.values():
            if actor.normalized:
                self.by_name.setdefault(actor.normalized, []).append(actor)

    def suggest(self, x: int, y: int, score: float, reason: str) -> None:
        if x == y:
            return
        a, b = (x, y) if x < y else (y, x)
        if (a, b) in self.distinct:
            return
        actor_a, actor_b = self.actors[a], self.actors[b]
        if actor_a.wikidata_id and actor_b.wikidata_id and actor_a.wikidata_id != actor_b.wikidata_id:
            return
        if actor_a.popolo_id and actor_b.popolo_id and actor_a.popolo_id != actor_b.popolo_id:
            return
        pair = self.pairs.get((a, b))
        if pair is None:
            pair = self.pairs[(a, b)] = Pair(a, b)
        if reason not in pair.reasons:
            pair.add(score, reason)

    # -- the rules ------------------------------------------------------------------------------------------

    def same_name(self) -> None:
        for group in self.by_name.values():
            for i, a in enumerate(group[:20]):
                for b in group[i + 1:20]:
                    compatible = Actor.Kind.UNKNOWN in (a.kind, b.kind) or a.kind == b.kind
                    if not compatible and looks_like_acronym(a.name) != looks_like_acronym(b.name):
                        continue  # "NAO" the office and "Nao" the person
                    self.suggest(a.id, b.id, 0.95 if compatible else 0.8,
                                 "same name" if compatible else f"same name, kinds differ ({a.kind} / {b.kind})")

    def alias_of_other(self) -> None:
        by_name = self.by_name
        holders: dict[str, list[tuple[int, str]]] = {}
        for actor_id, alias_name, normalized in self.aliases:
            if normalized in by_name:
                holders.setdefault(normalized, []).append((actor_id, alias_name))
        for normalized, held in holders.items():
            held_by = {actor_id for actor_id, _ in held}
            for actor in by_name[normalized]:
                others = held_by - {actor.id}
                if not others or len(others) > 3:
                    continue
                for other_id in others:
                    other = self.actors[other_id]
                    if other.normalized == actor.normalized:
                        continue  # the same-name rule has it
                    if other.kind == Actor.Kind.PERSON and len(actor.words) == 1 and actor.kind in PERSONISH:
                        continue  # a surname: the short-form rule decides
                    if not (Actor.Kind.UNKNOWN in (actor.kind, other.kind) or actor.kind == other.kind):
                        continue
                    self.suggest(actor.id, other_id, 0.9 if len(others) == 1 else 0.6,
                                 f"“{actor.name}” is an alias of {other.name}")

    def acronym(self) -> None:
        index: dict[str, set[int]] = {}
        for actor in self.actors.values():
            if actor.kind != Actor.Kind.PERSON:
                for form in acronyms(actor.name):
                    index.setdefault(form, set()).add(actor.id)
        for actor_id, alias_name, _ in self.aliases:
            actor = self.actors.get(actor_id)
            if actor is not None and actor.kind != Actor.Kind.PERSON and " " in alias_name:
                for form in acronyms(alias_name):
                    index.setdefault(form, set()).add(actor_id)
        for actor in self.actors.values():
            if actor.kind == Actor.Kind.PERSON or not looks_like_acronym(actor.name):
                continue
            candidates = index.get(actor.name, set()) - {actor.id}
            if 0 < len(candidates) <= ACRONYM_CANDIDATES_LIMIT:
                for other_id in candidates:
                    self.suggest(actor.id, other_id, 0.9 if len(candidates) == 1 else 0.6,
                                 f"“{actor.name}” is the acronym of {self.actors[other_id].name}")

    def other_forms(self) -> None:
        for actor in self.actors.values():
            forms = first_name_variants(actor.name) if actor.kind in PERSONISH else []
            if actor.kind in PERSONISH:  # "Edward G. Rendell" / "Ed Rendell"
                forms += first_name_variants(without_middle_initials(actor.name))
            if actor.kind in ORGISH and party_stem(actor.name):
                forms += party_forms(actor.name)
            if actor.kind in ORGISH:  # "F.B.I." / "FBI", "NY Post" / "New York Post", "State Department" / ...
                forms += [undotted(actor.name), *organization_name_forms(actor.name)]
            candidates = {other.id for form in forms for other in self.by_name.get(normalize_name(form), ())
                          if other.id != actor.id and middles_agree(actor.name, other.name)
                          and (Actor.Kind.UNKNOWN in (actor.kind, other.kind) or actor.kind == other.kind)}
            if actor.kind in PERSONISH:  # "Harry M. Reid" and "Harry Reid"
                candidates |= {other.id for other in self.by_name.get(normalize_name(without_middle_initials(
                    actor.name)), ()) if other.id != actor.id and other.kind in PERSONISH
                    and names_agree(actor.name, other.name)}
            if 0 < len(candidates) <= 3:
                for other_id in candidates:
                    self.suggest(actor.id, other_id, 0.85 if len(candidates) == 1 else 0.6,
                                 f"“{actor.name}” and {self.actors[other_id].name} are forms of one name")

    def short_form(self) -> None:
        org_prefixes: dict[tuple[str, ...], set[int]] = {}
        surnames: dict[str, list[_Actor]] = {}
        for actor in self.actors.values():
            if actor.kind in ORGISH and len(actor.words) >= 2:
                words = actor.words[1:] if actor.words[0] == "the" else actor.words
                stems = tuple(_stem(w) for w in words)
                for n in range(1, min(3, len(stems) - 1) + 1):
                    org_prefixes.setdefault(stems[:n], set()).add(actor.id)
            if actor.kind in PERSONISH and (len(actor.words) >= 2 or actor.title in PEERAGE):
                surnames.setdefault(actor.words[-1], []).append(actor)
        for actor in self.actors.values():
            if not actor.words or len(actor.words) > 3:
                continue
            if actor.kind in ORGISH and not actor.title:
                words = actor.words[1:] if actor.words[0] == "the" and len(actor.words) > 1 else actor.words
                candidates = org_prefixes.get(tuple(_stem(w) for w in words), set()) - {actor.id}
                candidates = {c for c in candidates if len(self.actors[c].words) > len(words)}
                if len(candidates) == 1:
                    other = self.actors[next(iter(candidates))]
                    if Actor.Kind.UNKNOWN in (actor.kind, other.kind) or actor.kind == other.kind:
                        self.suggest(actor.id, other.id, 0.65, f"“{actor.name}” is the start of {other.name}")
            if actor.kind in PERSONISH and len(actor.words) == 1 and actor.title not in PEERAGE:
                candidates = [c for c in surnames.get(actor.words[0], ()) if c.id != actor.id]
                if len(candidates) != 1:
                    continue  # nobody, or several people of that name: nothing says which
                other = candidates[0]
                if actor.sex and other.sex and actor.sex != other.sex:
                    continue
                if actor.kind == Actor.Kind.UNKNOWN and other.kind == Actor.Kind.UNKNOWN:
                    continue
                self.suggest(actor.id, other.id, 0.6,
                             f"“{actor.name}” may be short for {other.name}, the only {actor.words[0].title()} known")

    def similar_spelling(self) -> None:
        blocks: dict[tuple[str, str], list[_Actor]] = {}
        for actor in self.actors.values():
            if len(actor.normalized) < 6 or not actor.words:
                continue
            group = "p" if actor.kind == Actor.Kind.PERSON else "o" if actor.kind == Actor.Kind.ORGANIZATION else "u"
            for word in {actor.words[0], actor.words[-1]}:
                blocks.setdefault((group, word), []).append(actor)
                if group == "u":  # unknown kind: compared with both
                    blocks.setdefault(("p", word), []).append(actor)
                    blocks.setdefault(("o", word), []).append(actor)
        for block in blocks.values():
            if len(block) < 2 or len(block) > FUZZY_BLOCK_LIMIT:
                continue
            names = [actor.normalized for actor in block]
            # every pair of the block at once, in rapidfuzz's C loop; only the upper triangle is read
            scores = process.cdist(names, names, scorer=fuzz.ratio, score_cutoff=FUZZY_THRESHOLD, dtype=np.float32)
            for i, j in zip(*np.nonzero(np.triu(scores, 1))):
                a, b = block[i], block[j]
                if a.normalized != b.normalized and not _told_apart(a, b):
                    ratio = float(scores[i, j])
                    self.suggest(a.id, b.id, round(ratio / 100 * 0.85, 3), f"similar spelling ({ratio:.0f}%)")

    def near_surname(self) -> None:
        """People of the same first name whose surnames are one letter apart ("Debbie Wasserman Schultz" /
        "Debbie Wasserman Shultz"), a misspelling or another transliteration, when their whole names fall short
        of FUZZY_THRESHOLD; a surname of at least NEAR_SURNAME_MIN letters (Levenshtein distance, rapidfuzz)."""
        blocks: dict[str, list[_Actor]] = {}
        for actor in self.actors.values():
            if actor.kind in PERSONISH and len(actor.words) >= 2 and not actor.title \
                    and len(actor.words[-1]) >= NEAR_SURNAME_MIN:
                blocks.setdefault(" ".join(actor.words[:-1]), []).append(actor)
        for block in blocks.values():
            if len(block) < 2 or len(block) > FUZZY_BLOCK_LIMIT:
                continue
            surnames = [actor.words[-1] for actor in block]
            distances = process.cdist(surnames, surnames, scorer=Levenshtein.distance, score_cutoff=1,
                                      dtype=np.int32)
            for i, j in zip(*np.nonzero(np.triu(distances == 1, 1))):
                a, b = block[i], block[j]
                if Actor.Kind.UNKNOWN in (a.kind, b.kind) and a.kind == b.kind:
                    continue  # two names of unknown kind: nothing says they are people
                pair = " / ".join(sorted((a.words[-1], b.words[-1])))  # the same words whatever the rows' order
                self.suggest(a.id, b.id, 0.7, f"same first name, surnames one letter apart ({pair})")

    def shared_role(self) -> None:
        roles, actors = Role._meta.db_table, Actor._meta.db_table
        sql = f"""
            WITH r AS (
                SELECT r.actor_id, r.title, lower(r.title) AS t,
                       CASE WHEN r.organization_name <> '' THEN lower(r.organization_name)
                            ELSE 'id:' || r.organization_id::text END AS o,
                       r.organization_name, r.start_date, r.end_date
                FROM {roles} r JOIN {actors} a ON a.id = r.actor_id AND a.merged_into_id IS NULL
                WHERE (r.organization_name <> '' OR r.organization_id IS NOT NULL) AND r.kind = %s
            ), rare AS (
                SELECT t, o FROM r GROUP BY t, o HAVING count(DISTINCT actor_id) BETWEEN 2 AND %s
            )
            SELECT x.actor_id, y.actor_id, x.title, x.organization_name
            FROM r x JOIN rare USING (t, o)
            JOIN r y ON y.t = x.t AND y.o = x.o AND y.actor_id > x.actor_id
            WHERE (x.start_date IS NULL OR y.end_date IS NULL OR x.start_date <= y.end_date)
              AND (y.start_date IS NULL OR x.end_date IS NULL OR y.start_date <= x.end_date)
        """
        with connection.cursor() as cursor:
            cursor.execute(sql, [Role.Kind.HELD, ROLE_HOLDERS_LIMIT])  # titles held, not voices
            for a, b, title, organization in cursor.fetchall():
                if a in self.actors and b in self.actors:
                    where = f", {organization}" if organization else ""
                    self.suggest(a, b, 0.5, f"both {title}{where} at the same time")


def find_pairs() -> list[Pair]:
    """Every likely pair among live actors, the most likely first (then by the first actor's id)."""
    finder = _Finder()
    finder.same_name()
    finder.alias_of_other()
    finder.acronym()
    finder.other_forms()
    finder.short_form()
    finder.similar_spelling()
    finder.near_surname()
    finder.shared_role()
    return sorted(finder.pairs.values(), key=lambda p: (-p.score, p.a_id, p.b_id))
