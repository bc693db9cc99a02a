"""Titles and role nouns: splitting "Russian Foreign Minister Sergey Lavrov" into title and name."""
from __future__ import annotations

import re
from .vocabulary import HONORIFICS, RANKS


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

