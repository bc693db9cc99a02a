"""Which actor a name seen in an article stands for, given the live actors known under its forms (no writes).

The rules, each general (docs/speaker-audit.md, issue 20 item 6):
- A full name joins the one actor known under it (an alias), as before; among several, the one of that very
  name, else none.
- Other forms of the same entity join it when exactly one actor of a compatible kind is known under them:
  acronyms ("NAO" <-> "National Audit Office", by the initials of the significant words, recorded as aliases
  of organisations), party names ("Tories" / "Conservatives" / "Conservative Party", normalize.party_forms),
  a known short or full form of a first name with the same surname ("Vince Cable" <-> "Vincent Cable",
  normalize.first_name_variants). An actor known only by the short form takes the full name.
- A surname alone ("Howard", "Mr Howard") joins a fuller-named person only when that is unambiguous: people
  with a title of another sex ("Mrs" / "Michael Howard, Mr Howard") or a peerage ("Lord Bach", never "Bach")
  are not candidates; of several candidates, the one with evidence in this article (a role the article gives
  that the actor holds, another of the actor's full names among the article's names, a dated role held at the
  article's date) is taken when it is the only one; otherwise the name stays unresolved (no actor: the
  statement keeps its words for editors), never shared across people who merely share the surname. When the
  article itself names people of that surname in full, the surname is one of them (the one a title's sex does not
  exclude), never a namesake known from elsewhere; else it stays unresolved.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from .models import Actor
from .normalize import (
    COURTESY, PEERAGE, SURNAME_PARTICLES, acronyms, first_and_last, first_name_variants, institution_short_name,
    looks_like_acronym, middles_agree,
    names_agree, normalize_name, organization_name_forms, party_forms, party_stem, person_name_parts, split_rank,
    surname, title_sex, without_middle_initials,
)
from rapidfuzz.distance import OSA

SLIP_MIN = 5  # letters of a first name in which one slip is read as a misspelling (as in the article's registry)

PERSONISH = (Actor.Kind.PERSON, Actor.Kind.UNKNOWN)
ORGISH = (Actor.Kind.ORGANIZATION, Actor.Kind.UNKNOWN)
TITLES = {**COURTESY, **PEERAGE}
AMBIGUOUS = object()  # a name left unresolved: several actors fit it and nothing in the article says which


@dataclass(frozen=True)
class Sighting:
    """A name as one article gives it: its kind, the other forms the article writes it in (an acronym it
    defines), the role it gives ("Tory leader"), and the title written before it ("Mrs" in "Mrs Howard")."""

    name: str
    kind: str = Actor.Kind.UNKNOWN
    aliases: tuple[str, ...] = ()
    title: str = ""
    courtesy: str = ""

    @classmethod
    def of(cls, value) -> "Sighting":
        """A Sighting, or one made of a (name, kind, aliases) triple."""
        if isinstance(value, Sighting):
            return value
        name, kind, aliases = value
        return cls(name=name, kind=kind, aliases=tuple(aliases))


def ranked_person(sighting: Sighting) -> Sighting | None:
    """A name opening with a military or police rank ("Gen. Smith", "Lt. Gen. John Smith") is a person's, the rank the
    title; a rank alone ("Lt.") is no one's name (None). Other sightings as they are."""
    rank, rest = split_rank(sighting.name)
    if not rank:
        return sighting
    if not rest[:1].isupper():
        return None
    return replace(sighting, name=rest, kind=Actor.Kind.PERSON, title=sighting.title or rank)


def _kinds_meet(a: str, b: str) -> bool:
    return Actor.Kind.UNKNOWN in (a, b) or a == b


def person_alias_forms(name: str) -> list[str]:
    """Names a person is also written as: the full name, without its middle initials ("Harry M. Reid" -> "Harry
    Reid") and the surname ("Sergey Lavrov" -> "Lavrov", "Marine Le Pen" -> "Le Pen", "James Comey Jr." ->
    "Comey"). A peer is written with the title ("Lord Bach"), never the bare surname, so a peer gets no surname
    alias."""
    parts = name.split()
    forms = [name, without_middle_initials(name)]
    last = surname(name)
    if last[:1].isupper() and normalize_name(parts[0]) not in PEERAGE:
        forms.append(last)
    return forms


def organization_alias_forms(name: str) -> list[str]:
    """Acronyms an organisation may be written as ("National Audit Office" -> "NAO"); none for an acronym."""
    return [] if looks_like_acronym(name) else sorted(acronyms(name))


def lookup_forms(sighting: Sighting) -> list[str]:
    """Every form to look the sighting up under: its names, and the other forms of the same entity."""
    name, kind = sighting.name, sighting.kind
    forms = [name, *sighting.aliases]
    if sighting.courtesy:
        forms.append(f"{sighting.courtesy} {name}")
    if kind == Actor.Kind.PERSON:
        forms += person_alias_forms(name)
    if kind in PERSONISH:
        forms += [*first_name_variants(name), without_middle_initials(name), surname(name), first_and_last(name),
                  *first_name_variants(without_middle_initials(name))]
    if kind in ORGISH:
        forms += [*party_forms(name), *organization_name_forms(name), institution_short_name(name)]
        for form in (name, *sighting.aliases):
            forms += organization_alias_forms(form) if " " in form else []
    return forms


def _sex(actor: Actor, alias_forms: Iterable[str]) -> str:
    return title_sex(normalize_name(actor.name)) or next(filter(None, map(title_sex, alias_forms)), "")


def surname_only(normalized: str) -> bool:
    """ "howard", "le pen": a surname given alone, its particles included."""
    words = normalized.split()
    return bool(words) and all(w in SURNAME_PARTICLES for w in words[:-1])


def _seniors(people: list) -> list:
    """Without a "Jr." whose namesake without the suffix is among them: "Mr. Trump" is not Donald Trump Jr.
    (actors or sightings: anything named)."""
    parts = [person_name_parts(a.name) for a in people]  # (first, middle, last, suffix)
    plain = {p[:3] for p in parts if not p[3]}
    return [a for a, p in zip(people, parts) if not p[3] or p[:3] not in plain]


def _bare_surname(actor: Actor, alias_forms: set[str]) -> str:
    """The surname an actor is named by alone ("obama" for "Obama", "Mr. Obama"), or "". A person (or an actor of
    unknown kind a courtesy title shows to be one) only; a peer is a name of its own."""
    words = normalize_name(actor.name).split()
    titled = len(words) > 1 and words[0] in COURTESY
    if titled:
        words = words[1:]
    person = actor.kind == Actor.Kind.PERSON or titled or any(f.split()[0] in COURTESY for f in alias_forms if f)
    return " ".join(words) if person and surname_only(" ".join(words)) else ""


def _family_name_first(words: list[str], family_name: str) -> bool:
    """Is a one-word family name written before another name in a person's full name: the first of two words
    ("lou jiwei"), or a middle word that is no initial ("melba acosta febo")?"""
    return (len(words) == 2 and words[0] == family_name) or (len(family_name) > 1 and family_name in words[1:-1])


def choose(candidates: list[Actor], normalized: str) -> Actor | None:
    """The one candidate, or among several the one whose own name is this name; else None."""
    if len(candidates) == 1:
        return candidates[0]
    exact = [a for a in candidates if normalize_name(a.name) == normalized]
    return exact[0] if len(exact) == 1 else None


def _held_at(role: dict, on: dt.date | None) -> bool:
    if on is None:
        return True
    start = role["start_date"] or role["first_seen_on"]
    return (start is None or start <= on) and (role["end_date"] is None or on <= role["end_date"])


class Plan:
    """Which actor each sighting stands for (None: left unresolved), given the live actors known under the
    sightings' forms ({normalised form: actors}). Sightings are taken in order, as one after another: an actor
    created for an earlier one, and the aliases recorded for it, count for the later ones.

    `roles_of(actor ids)` gives the roles of candidates ({id: [role dicts]}); it is called only when several
    people share a surname that an article gives alone. `sex_of(full name)` says "m" or "f" when a first name
    does ("Bill Clinton"), for people no title says it of ("Mrs Clinton" is not Bill Clinton).
    """

    def __init__(self, wanted: list[Sighting], known: dict[str, list[Actor]], *, on: dt.date | None = None,
                 roles_of: Callable[[set[int]], dict[int, list[dict]]] | None = None,
                 sex_of: Callable[[str], str | None] | None = None):
        self.by_name: dict[str, Actor | None] = {}
        self.new: list[Actor] = []
        self.changed: dict[int, tuple[Actor, set[str]]] = {}  # existing actors whose kind or name is learnt
        self.aliases: dict[tuple[int, str], tuple[Actor, str]] = {}  # (id(actor), normalized) -> (actor, name)
        self._on, self._roles_of = on, roles_of
        self._sex_of = sex_of or (lambda name: "")
        self._roles: dict[int, list[dict]] = {}  # actor id -> roles, as loaded
        self._order: dict[int, tuple] = {}
        for actors in known.values():
            for actor in actors:
                self._order.setdefault(id(actor), (0, actor.pk))
        self._index = {normalized: list(actors) for normalized, actors in known.items()}
        self._has = {(id(actor), normalized) for normalized, actors in known.items() for actor in actors}
        self._forms: dict[int, set[str]] = {}  # id(actor) -> its normalised aliases
        for key, normalized in self._has:
            self._forms.setdefault(key, set()).add(normalized)
        self._article = {normalize_name(f) for s in wanted for f in (s.name, *s.aliases)} - {""}
        self._people_here = [s for s in wanted if self._full_person_name(s)]
        # a surname alone after the article's full names, so that it can be one of them (they are resolved first)
        for sighting in sorted(wanted, key=lambda s: bool(self._namesakes_here(s))):
            self._take(sighting)

    # -- one sighting ------------------------------------------------------------------------------------------

    def _take(self, sighting: Sighting) -> None:
        name, kind = sighting.name, sighting.kind
        normalized = normalize_name(name)
        actor, rename = (self._find(sighting, normalized) if normalized else (None, False))
        if actor is AMBIGUOUS:
            self.by_name[sighting.name] = None
            return
        if actor is None:
            actor = Actor(name=self._new_name(sighting), kind=kind)
            self._order[id(actor)] = (1, len(self.new))
            self.new.append(actor)
        else:
            if actor.kind == Actor.Kind.UNKNOWN and kind != Actor.Kind.UNKNOWN:
                actor.kind = kind
                self._changed(actor, "kind")
            if not rename and looks_like_acronym(actor.name) and normalize_name(actor.name) == normalized:
                name, rename = self._new_name(sighting), True  # "NAO", spelt out in this article
            if rename and actor.name != name:
                actor.name = name
                self._changed(actor, "name")
        self.by_name[sighting.name] = actor
        self._record(actor, sighting)

    def _find(self, sighting: Sighting, normalized: str) -> tuple:
        """(actor, whether it takes the sighting's name); (None, False) for a new actor; (AMBIGUOUS, False) when
        the name must stay unresolved."""
        kind = sighting.kind
        direct = self._candidates(normalized)
        single = surname_only(normalized)
        if single and kind in PERSONISH and not party_stem(sighting.name):
            found = self._surname(sighting, normalized, direct)
            if found is not None:
                return found, False
            # no fuller-named person: decide as for any name, among those named by the surname alone
            direct = [a for a in direct if not self._fuller(a, normalized)]
        if kind in ORGISH and party_stem(sighting.name):  # every record of one party, its name's own too
            party = self._party([sighting.name, *party_forms(sighting.name)])
            if party is not None:
                full = normalized.endswith(" party")
                return party, full and not normalize_name(party.name).endswith(" party")
        if kind in ORGISH and looks_like_acronym(sighting.name):
            spelt = [alias for alias in sighting.aliases if " " in alias and sighting.name in acronyms(alias)]
            full = self._unique(spelt, ORGISH, lambda a: not looks_like_acronym(a.name))  # spelt out here
            in_full = [a for a in direct if a.kind in ORGISH and sighting.name in acronyms(a.name)]
            if full is None and len(in_full) == 1:  # the one organisation whose name it abbreviates
                full = in_full[0]
            if full is not None:
                return full, False
        if not looks_like_acronym(sighting.name):  # "Nao" is not the "NAO" recorded for the National Audit Office
            direct = [a for a in direct if normalized == normalize_name(a.name)
                      or normalized not in map(normalize_name, organization_alias_forms(a.name))]
        if direct:
            compatible = [a for a in direct if _kinds_meet(a.kind, kind)]
            # another kind only under its very name ("Labour" read as a person is still the party)
            found = choose(compatible, normalized) if compatible else choose(
                [a for a in direct if normalize_name(a.name) == normalized], normalized)
            return found, False
        if kind in PERSONISH and not single:
            found = self._same_person(sighting)
            if found is not None:
                return found
        if kind in PERSONISH:
            variants = [*first_name_variants(sighting.name), *first_name_variants(without_middle_initials(sighting.name))]
            others = self._unique(variants, PERSONISH,
                                  lambda a: normalize_name(a.name).split()[-1:] == normalized.split()[-1:]
                                  and middles_agree(a.name, sighting.name))
            if others is not None:
                return others, False
        if kind in PERSONISH and not single:
            found = self._other_spelling(sighting) or self._tail(sighting)
            if found is not None:
                return found
        if kind in ORGISH:
            party = self._party(party_forms(sighting.name))
            if party is not None:
                full = normalize_name(sighting.name).endswith(" party")
                return party, full and not normalize_name(party.name).endswith(" party")
            same = self._unique(organization_name_forms(sighting.name), ORGISH)  # "NY Post", "Department of State"
            if same is not None:
                return same, False
            short = normalize_name(institution_short_name(sighting.name))
            same = self._unique([short], ORGISH, lambda a: normalize_name(a.name) == short) if short else None
            if same is not None:  # a record named "Brennan Center" (not another full name's alias) takes the full name
                return same, True
            expansions = [f for form in (sighting.name, *sighting.aliases) if " " in form
                          for f in organization_alias_forms(form)]
            short = self._unique(expansions, ORGISH, lambda a: looks_like_acronym(a.name))
            if short is not None:
                return short, True  # "NAO" takes the name "National Audit Office"
        return None, False

    def _surname(self, sighting: Sighting, normalized: str, direct: list[Actor]):
        """The person a surname alone stands for; None when no fuller-named person fits (then decide as for any
        name, among actors named by the surname alone); AMBIGUOUS when several do and nothing here says which."""
        courtesy = normalize_name(sighting.courtesy)
        sex = TITLES.get(courtesy, "")
        here = self._namesakes_here(sighting)
        if here and courtesy not in PEERAGE:  # the article names people of this surname in full: one of them, or none
            return self._one_of(_seniors(here), sex, normalized)
        if courtesy:  # "Mrs Howard" known as such
            titled = [a for a in self._candidates(f"{courtesy} {normalized}") if a.kind in PERSONISH]
            if len(titled) == 1:
                return titled[0]
        fuller = [a for a in direct if self._fuller(a, normalized)]
        if not fuller:
            return None
        fitting = []
        for actor in _seniors(fuller):
            title = normalize_name(actor.name).split()[0]
            if (title in PEERAGE) != (courtesy in PEERAGE):
                continue  # "Lord Bach" is never "Bach" nor "Mr Bach"; "Lord Bach" is no "Robbie Bach"
            if sex and self._sex_of_actor(actor) not in ("", sex):
                continue  # "Mrs Howard" is not "Michael Howard, Mr Howard"; "Mrs Clinton" is not Bill Clinton
            fitting.append(actor)
        if not fitting:
            return None
        if len(fitting) == 1:
            return fitting[0]
        missing = {a.pk for a in fitting if a.pk is not None and a.pk not in self._roles}
        if missing and self._roles_of is not None:  # one query for all of them
            self._roles.update({pk: [] for pk in missing} | self._roles_of(missing))
        evidenced = [a for a in fitting if self._evidence(a, sighting)]
        return evidenced[0] if len(evidenced) == 1 else AMBIGUOUS

    def _full_person_name(self, sighting: Sighting) -> bool:
        """Is the sighting a person's full name ("Jacob Lew"; of unknown kind, one that opens with a first name)?"""
        first, _, last, _ = person_name_parts(sighting.name)
        if not first or first in TITLES or surname_only(normalize_name(sighting.name)):  # not "Mr Lew", "Le Pen"
            return False
        return sighting.kind == Actor.Kind.PERSON or (sighting.kind == Actor.Kind.UNKNOWN
                                                      and bool(self._sex_of(sighting.name)))

    def _namesakes_here(self, sighting: Sighting) -> list[Sighting]:
        """The article's full names of people whose surname a person's surname given alone is; with a courtesy
        title, failing those, the full names in which it is a family name written before another name ("Mr. Lou"
        of "Lou Jiwei", "Ms. Acosta" of "Melba Acosta Febo")."""
        normalized = normalize_name(sighting.name)
        if sighting.kind not in PERSONISH or not surname_only(normalized):
            return []
        here = [s for s in self._people_here if person_name_parts(s.name)[2] == normalized]
        if here or normalize_name(sighting.courtesy) not in COURTESY:
            return here
        return [s for s in self._people_here if _family_name_first(normalize_name(s.name).split(), normalized)]

    def _one_of(self, here: list[Sighting], sex: str, family_name: str):
        """The one person of the article's full names (already resolved) that a title's sex does not exclude, the
        names of one actor counted once ("Hillary Clinton", "Hillary Rodham Clinton"); else AMBIGUOUS. A name that
        opens with the family name ("Lou Jiwei") says no sex by its first word."""
        people = {}
        for sighting in here:
            actor = self.by_name.get(sighting.name)
            if normalize_name(sighting.name).split()[0] == family_name:
                of_sex = ""
            else:
                of_sex = self._sex_of(sighting.name) or (self._sex_of_actor(actor) if isinstance(actor, Actor) else "")
            if not sex or of_sex in ("", sex):
                people[id(actor) if isinstance(actor, Actor) else sighting.name] = actor
        found = list(people.values())
        return found[0] if len(found) == 1 and isinstance(found[0], Actor) else AMBIGUOUS

    def _fuller(self, actor: Actor, normalized: str) -> bool:
        """Is the actor a person with a fuller name of this surname ("Michael Howard", "Mrs Howard" for "howard";
        "Marine Le Pen" for "le pen"; "James Comey Jr." for "comey")?"""
        name = normalize_name(actor.name)
        return actor.kind in PERSONISH and name != normalized and person_name_parts(name)[2] == normalized

    def _sex_of_actor(self, actor: Actor) -> str:
        """ "m" or "f" as a title in the actor's name or aliases says, else as the first name does, else ""."""
        return _sex(actor, self._forms_of(actor)) or (self._sex_of(actor.name) or "")

    def _same_person(self, sighting: Sighting) -> tuple | None:
        """The person a full name stands for under another form of it: without or with middle initials, or a
        fuller form the article gives ("Donald J. Trump" / "Donald Trump", "Harry M. Reid" / "Harry Reid"), when
        one person fits; else the one record of the surname alone ("Mr. Reid", made before any Reid was named in
        full), which takes the full name, when no other person of that surname is known and no title of the other
        sex says it is someone else. None when neither."""
        forms = [without_middle_initials(sighting.name), self._plain(sighting.name),
                 *(a for a in sighting.aliases if " " in a.strip())]
        same = self._unique(filter(None, forms), PERSONISH, lambda a: names_agree(a.name, sighting.name))
        if same is not None:
            return same, False
        last = normalize_name(surname(sighting.name))
        sex = self._sex_of(sighting.name) or ""
        if not last or (sighting.kind != Actor.Kind.PERSON and not sex):
            return None  # of a name of unknown kind, only one that opens with a first name is a person's
        holders = [a for a in self._candidates(last) if a.kind in PERSONISH]
        bare = [a for a in holders if _bare_surname(a, self._forms_of(a)) == last]
        holders = [a for a in holders if a.kind == Actor.Kind.PERSON or a in bare]  # not a name only mentioned
        if len(bare) != 1 or len(holders) != 1:
            return None  # another person of that surname is known: which one the bare surname was is not certain
        return (bare[0], True) if not sex or self._sex_of_actor(bare[0]) in ("", sex) else None

    def _first_named(self, name: str) -> bool:
        """Does a name of two or three words open with a first name and end in a word that is none ("Barack Obama";
        not "Crooked Hillary", a nickname whose first word the learned table takes for a name, nor "Morgan
        Stanley"), with no title nor acronym?"""
        words = name.split()
        return 2 <= len(words) <= 3 and not looks_like_acronym(words[0]) and bool(self._sex_of(name)) \
            and normalize_name(words[0]) not in TITLES and not self._sex_of(f"{words[-1]} {words[0]}")

    def _plain(self, name: str) -> str:
        """A person's name without middle names ("Hillary Rodham Clinton" -> "Hillary Clinton"), when none of them is
        a first name (a maiden or second family name, so the same person: not "John Quincy Adams", whom "John Adams"
        is not); "" otherwise. Middle initials are `without_middle_initials`'s."""
        plain = first_and_last(name)
        middle = [w for w in person_name_parts(name)[1] if len(w) > 1]
        if not plain or not middle or any(self._sex_of(f"{w.capitalize()} {w}") for w in middle):
            return ""
        return plain

    def _people_of_surname(self, name: str) -> list[Actor]:
        """The people known under the surname of this full name (every person's surname is one of its aliases)."""
        last = normalize_name(surname(name))
        return [a for a in self._candidates(last) if a.kind in PERSONISH] if last else []

    def _other_spelling(self, sighting: Sighting) -> tuple | None:
        """The one person whose name is this one with the first name misspelt by one slip of a letter (inserted, left
        out, changed or two swapped: rapidfuzz's OSA distance 1) in a first name of at least SLIP_MIN letters, the
        rest the same ("Rence Priebus" / "Reince Priebus"); not two first names the census knows ("Jason Kelly" /
        "Mason Kelly": two people), nor a surname (two people: "Michael McCaul" / "Michael McFaul")."""
        words = normalize_name(sighting.name).split()
        found = {}
        for actor in self._people_of_surname(sighting.name):
            other = normalize_name(actor.name).split()
            if len(other) != len(words) or other[1:] != words[1:] or other[0] == words[0]:
                continue
            a, b = words[0], other[0]
            if min(len(a), len(b)) < SLIP_MIN or not a.isalpha() or not b.isalpha() or OSA.distance(a, b) != 1:
                continue
            if self._sex_of(f"{a.capitalize()} x") and self._sex_of(f"{b.capitalize()} x"):
                continue
            found[id(actor)] = actor
        return (next(iter(found.values())), False) if len(found) == 1 else None

    def _tail(self, sighting: Sighting) -> tuple | None:
        """A person's name of two or more words whose first is no first name ("Guajardo Villarreal", "Abu Laban":
        family names) and the one person whose fuller name ends in it ("Ildefonso Guajardo Villarreal"); or the
        other way round, the one record of such a name that this fuller name ends in, which takes the fuller name.
        Never a name opening with a first name ("Ann Smith" is not "Mary Ann Smith")."""
        if sighting.kind != Actor.Kind.PERSON:
            return None
        words = normalize_name(sighting.name).split()
        family = not self._sex_of(sighting.name) and words[0] not in TITLES
        found = {}
        for actor in self._people_of_surname(sighting.name):
            other = normalize_name(actor.name).split()
            if family and len(other) > len(words) and other[-len(words):] == words:
                found[id(actor)] = (actor, False)
            elif (len(words) > len(other) >= 2 and words[-len(other):] == other and other[0] not in TITLES
                  and not self._sex_of(actor.name)):
                found[id(actor)] = (actor, True)
        return next(iter(found.values())) if len(found) == 1 else None

    def _evidence(self, actor: Actor, sighting: Sighting) -> bool:
        """Something in this article, besides the surname, that points at this actor."""
        full_names = {f for f in self._forms_of(actor) if " " in f and title_sex(f) == ""}
        if full_names & self._article:
            return True
        roles = self._roles.get(actor.pk, []) if actor.pk is not None else []
        wanted = normalize_name(sighting.title)
        return any((wanted and normalize_name(role["title"]) == wanted and _held_at(role, self._on))
                   or (self._on and role["start_date"] and _held_at(role, self._on)) for role in roles)

    # -- helpers -----------------------------------------------------------------------------------------------

    def _candidates(self, normalized: str) -> list[Actor]:
        return sorted(self._index.get(normalized, ()), key=lambda a: self._order[id(a)])[:10]

    def _forms_of(self, actor: Actor) -> set[str]:
        return self._forms.get(id(actor), set())

    def _unique(self, forms: Iterable[str], kinds, fits=lambda actor: True) -> Actor | None:
        found = {id(a): a for f in forms for a in self._candidates(normalize_name(f)) if a.kind in kinds and fits(a)}
        return next(iter(found.values())) if len(found) == 1 else None

    def _party(self, forms: Iterable[str]) -> Actor | None:
        """Of the actors known under a party's names (all that one party), the one a roster or editor identified,
        else one named "... Party", else the oldest."""
        found = [a for f in forms for a in self._candidates(normalize_name(f)) if a.kind in ORGISH]
        return min(found, key=lambda a: (not (a.wikidata_id or a.popolo_id),
                                         not normalize_name(a.name).endswith(" party"), self._order[id(a)]),
                   default=None)

    @staticmethod
    def _new_name(sighting: Sighting) -> str:
        """The fullest name the article gives: the expansion of an acronym it defines, a surname with its title."""
        if looks_like_acronym(sighting.name):
            for alias in sighting.aliases:
                if " " in alias and sighting.name in acronyms(alias):
                    return alias[:255]
        if sighting.courtesy and " " not in sighting.name.strip():
            return f"{sighting.courtesy} {sighting.name}"[:255]
        return sighting.name

    def _changed(self, actor: Actor, field: str) -> None:
        if actor.pk is not None:
            self.changed.setdefault(id(actor), (actor, set()))[1].add(field)

    def _record(self, actor: Actor, sighting: Sighting) -> None:
        forms = [actor.name, *sighting.aliases]
        titled = bool(sighting.courtesy) and " " not in sighting.name.strip()
        if titled:
            forms.append(f"{sighting.courtesy} {sighting.name}")  # says the person's sex next time
        if not (titled and normalize_name(sighting.courtesy) in PEERAGE):
            forms.append(sighting.name)  # a peer is "Lord Bach", never "Bach"
        if actor.kind == Actor.Kind.PERSON or (actor.kind == Actor.Kind.UNKNOWN and self._first_named(actor.name)):
            # a person's, or a name of unknown kind that opens with a first name ("Barack Obama" mentioned, not
            # speaking): a later "Mr. Obama" finds it under the surname
            forms += [*person_alias_forms(actor.name), self._plain(actor.name)]
        if actor.kind == Actor.Kind.ORGANIZATION:
            forms += [f for form in {actor.name, *sighting.aliases} for f in organization_alias_forms(form)
                      if " " in form]
            forms += [*organization_name_forms(actor.name), institution_short_name(actor.name)]
        for form in forms:
            form_normalized = normalize_name(form)
            if form_normalized and (id(actor), form_normalized) not in self._has:
                self._has.add((id(actor), form_normalized))
                self._forms.setdefault(id(actor), set()).add(form_normalized)
                self.aliases[(id(actor), form_normalized)] = (actor, form.strip()[:255])
                self._index.setdefault(form_normalized, []).append(actor)
