"""Actors of an article: a person or organisation with its name, kind, title and aliases, and each place it is
mentioned; how a name is cleaned and what gender a first name or honorific says."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .. import tables
from ..records import ORG, PERSON, Speaker
from ..vocabulary import AMOD, COMPOUND, FEMALE_HONORIFICS, MALE_HONORIFICS, POSTNOMINALS
from .titles import span_text, strip_possessive

ENT_KINDS = {"PERSON": PERSON, "ORG": ORG, "GPE": ORG, "NORP": ORG}
# What a person's gender may rest on, strongest first: the article's own "Mr."/"Mrs."/"Lord"; the pronouns it uses
# for them; a first name; a first name both genders carry ("Robin", "Lee"), which ranks "he" and "she" but blocks neither
HONORIFIC, PRONOUNS, FIRST_NAME, UNISEX_NAME = "honorific", "pronouns", "first name", "unisex first name"
GENDER_EVIDENCE = (HONORIFIC, PRONOUNS, FIRST_NAME, UNISEX_NAME)
REGISTERED = ("PERSON", "ORG", "GPE")


def pronoun_weights() -> dict[str, float] | None:
    """Weights of the learned pronoun antecedent ranker (training/train_pronouns.py), or None."""
    return tables.weights("pronoun")


@lru_cache(maxsize=1)
def first_names() -> dict[str, str]:
    """First name -> "m"/"f": the 1990 US Census's (training/census_names.py) over those learned from the
    train split (training/learn.py), which knows the names in the news the census lacks."""
    return {**tables.names("first_names"), **tables.names("census_first_names")}


def honorific_gender(honorific: str | None) -> str | None:
    h = (honorific or "").lower().rstrip(".")
    return "f" if h in FEMALE_HONORIFICS else "m" if h in MALE_HONORIFICS else None


def name_gender(name: str) -> str | None:
    """The gender the first name of a full name is likelier to be, if the tables know it ("Kim Collins": "f")."""
    words = name.split()
    return first_names().get(words[0]) if len(words) > 1 else None


def confident_name_gender(name: str) -> str | None:
    """The gender a first name says with confidence: none for one both genders carry ("Kim", "Robin", "Lee")."""
    return name_gender(name) if not _unisex(name) else None


def first_name_evidence(name: str) -> tuple[str | None, str]:
    """(gender, evidence) a full name's first name gives: FIRST_NAME, or UNISEX_NAME for one both genders carry."""
    return name_gender(name), UNISEX_NAME if _unisex(name) else FIRST_NAME


def _unisex(name: str) -> bool:
    words = name.split()
    return bool(words) and words[0] in tables.unisex_names()


def compatible(actor, gender) -> bool:
    return not actor.excludes(gender)


def abbreviates(short: str, name: str) -> bool:
    """Is `short` the initials of `name` ("IEA" of "International Energy Agency", "U.S." of "United States"), the
    initials of small words in small letters included or not ("DfES" of "Department for Education and Skills",
    "BoE" of "Bank of England")?"""
    letters = short.replace(".", "")
    if not (2 <= len(letters) <= 6 and letters.isalpha() and letters[0].isupper() and letters[-1].isupper()
            and sum(c.isupper() for c in letters) >= 2):
        return False
    words = name.replace("-", " ").split()
    significant = "".join(w[0] for w in words if w.lower() not in ("of", "the", "and", "for", "&")).upper()
    if letters.isupper():
        return len(significant) >= 2 and significant == letters
    # a small letter stands for a small word: "f" for "for", "o" for "of"
    every = "".join(w[0].lower() if w.lower() in ("of", "for", "on", "in") else w[0].upper()
                    for w in words if w.lower() not in ("the", "and", "&"))
    return len(significant) >= 2 and every == letters


def squashed(name: str) -> str:
    """A name without case, spaces, hyphens or full stops: "TimeWarner" and "Time Warner" are one company."""
    return re.sub(r"[\s.\-]", "", name.lower())


def role_modifiers(tok) -> list[str]:
    """The words narrowing a role noun down ("Tory" in "the Tory leader"), not those of time ("former", "new")."""
    return [c.text for c in tok.lefts if c.dep_ in (AMOD, COMPOUND) and c.lower_ not in ("former", "then", "new")]


@dataclass
class Actor:
    name: str
    kind: str
    title: str | None = None
    aliases: list[str] = field(default_factory=list)
    gender: str | None = None
    gender_from: str | None = None  # the evidence for `gender`, one of GENDER_EVIDENCE
    label: str = ""  # the NER label it was registered under (PERSON, ORG, GPE)
    resolved: bool = True  # False: the words of a group, unnamed source or description, no one named (records.Speaker)
    # what the article describes an organisation as: (head noun, its words) of "the UK elections watchdog"
    descriptions: list[tuple[str, frozenset[str]]] = field(default_factory=list)
    age: int | None = None  # a person's age as the article gives it ("Anna Berg, 28,")

    @property
    def gender_by_name(self) -> bool:
        """Guessed from the first name alone, which an honorific or the text's pronouns overrule."""
        return self.gender_from in (FIRST_NAME, UNISEX_NAME)

    def excludes(self, gender: str | None) -> bool:
        """Can this person not be a "he" (gender "m") or "she" ("f")? Not on a unisex first name's guess alone."""
        return bool(gender and self.gender and self.gender != gender and self.gender_from != UNISEX_NAME)

    def take_gender(self, gender: str | None, evidence: str) -> None:
        """Take `gender` unless what the actor's gender rests on is stronger evidence (GENDER_EVIDENCE's order)."""
        if gender and (self.gender is None or GENDER_EVIDENCE.index(evidence) < GENDER_EVIDENCE.index(self.gender_from)):
            self.gender, self.gender_from = gender, evidence

    def forget_gender(self) -> None:
        self.gender = self.gender_from = None

    def add_alias(self, alias: str) -> None:
        alias = " ".join(alias.split())
        if alias and alias.lower() not in {a.lower() for a in self.aliases}:
            self.aliases.append(alias)

    def describe(self, head: str, words) -> None:
        self.descriptions.append((head, frozenset(w.lower() for w in words) | {head}))

    def described_as(self, head: str, modifiers: list[str]) -> bool:
        """Does the article describe this organisation with `head` and all of `modifiers` ("the elections watchdog")?"""
        return any(h == head and all(m.lower() in words for m in modifiers) for h, words in self.descriptions)

    def speaker(self) -> Speaker:
        # a name is stored without its "The" ("The West Yorkshire police"): the store takes "The ..." for a description
        name = clean_name(self.name) if self.resolved and self.name.lower().startswith("the ") else self.name
        aliases = tuple(dict.fromkeys([name, *self.aliases]))
        return Speaker(name=name, kind=self.kind, title=self.title, aliases=aliases, resolved=self.resolved)


@dataclass
class Mention:
    pos: int
    sent: int
    actor: Actor
    subject: bool
    main_subject: bool
    speaker: bool = False
    token_i: int = -1  # the token heading the mention


def clean_name(text: str) -> str:
    text = strip_possessive(" ".join(text.split()))
    if text.lower().startswith("the "):
        text = text[4:]
    if text.startswith(("'s ", "’s ")):  # "Here’s Clinton" read as the name "’s Clinton"
        text = text[3:]
    text = text.strip(" ,.;:-–—\"“”'‘’()[]<>=/")
    if "." in text and _DOTTED_INITIALS.fullmatch(text + "."):
        text += "."  # "U.S.", "F.B.I." keep their last full stop
    return text
_DOTTED_INITIALS = re.compile(r"(?:[A-Z]\.){2,}")


def ent_name(ent) -> str:
    """An entity's name without a trailing verb a title-case headline lets slip in ("Obama Says")."""
    toks = list(ent)
    while len(toks) > 1 and (toks[-1].tag_.startswith("VB") or toks[-1].pos_ in ("VERB", "AUX")
                             or toks[-1].text.rstrip(".") in POSTNOMINALS):
        toks.pop()
    return clean_name(span_text(toks[0], toks[-1]))
