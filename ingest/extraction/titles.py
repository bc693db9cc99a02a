"""Titles and role nouns: splitting "Russian Foreign Minister Sergey Lavrov" into title and name."""
from __future__ import annotations

import re

# Honorifics and titles that may stand glued to a name ("Mr. Obama", "Sen. Cruz", "President Obama").
HONORIFICS = frozenset("""
mr mrs ms miss dr prof professor sen rep gov gen lt col sgt capt adm rev sir dame lord lady hon pres supt insp cmdr
president vice premier chancellor minister secretary senator governor mayor ambassador judge justice councillor
general colonel captain sergeant admiral commander constable chairman chairwoman congressman congresswoman
representative speaker king queen prince princess sheikh emir pope cardinal bishop archbishop rabbi imam father
spokesman spokeswoman spokesperson
""".split())

# Honorifics of courtesy, which say nothing of a role: never a title on their own ("Mr Howard" has none)
COURTESY = frozenset("mr mrs ms miss mx messrs dr".split())

# Words of rank that stand before an honorific within a title ("Deputy Chief Constable", "Acting Governor")
RANKS = frozenset("assistant deputy chief acting senior junior vice lieutenant principal interim former".split())

# Nouns that name a person's role; "the minister" can stand for a named person with that title.
PERSON_ROLES = frozenset("""
president minister secretary senator governor mayor ambassador spokesman spokeswoman spokesperson candidate
nominee chairman chairwoman chair chief director leader premier chancellor king queen prince congressman
congresswoman lawmaker representative speaker envoy official commissioner commander general prosecutor judge
attorney lawyer executive ceo founder manager coach professor economist analyst businessman businesswoman councillor
billionaire mogul host anchor author writer reporter correspondent editor columnist diplomat negotiator
advisor adviser aide strategist pollster activist attorney-general sheriff chief superintendent inspector
officer detective constable captain colonel pope cardinal bishop imam rabbi head boss owner president-elect
vice-president deputy delegate mp senator-elect physician doctor researcher scientist expert co-chairman
co-chairwoman co-chair co-founder co-leader vice-chairman vice-chair coordinator co-ordinator champion campaigner academic
""".split())

# Nouns that name an organisation's role; "the ministry" can stand for a named organisation.
ORG_ROLES = frozenset("""
ministry department company firm campaign government administration agency committee commission council group
organization organisation party bank court office army military police embassy union board institute
university network newspaper paper team club foundation corporation authority bureau service parliament
congress senate house cabinet kremlin presidency regime coalition alliance federation association league
network channel station magazine site website outlet fund charity center centre watchdog regulator
""".split())

_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


def strip_possessive(name: str) -> str:
    return _POSSESSIVE.sub("", name.strip())


def split_honorifics(name: str) -> tuple[str, str | None]:
    """("President Barack Obama") -> ("Barack Obama", "President"), ("Deputy Chief Constable Mark Hollis") ->
    ("Mark Hollis", "Deputy Chief Constable"); leaves the name alone otherwise."""
    parts = name.split()
    words = [p.lower().rstrip(".") for p in parts]
    # "Assistant Chief Constable Mark Hollis": words of rank before the last honorific belong to the title
    k = max((i for i, w in enumerate(words[:-1]) if w in HONORIFICS), default=-1)
    if k < 0 or not all(w in HONORIFICS or w in RANKS for w in words[:k]):
        return name, None
    return " ".join(parts[k + 1:]), " ".join(parts[:k + 1])

