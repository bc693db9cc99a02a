"""The learned tables behind one loader: each JSON file beside this module is read once, on first use.

| table | made by | read by |
|---|---|---|
| cue_lexicon | training/learn.py | lexicon.py (which verbs report speech, how reliably; which asides are cut) |
| acceptor | training/train_acceptor.py | confidence.py (the logistic acceptor's weights) |
| pronoun | training/train_pronouns.py | speakers (the pronoun antecedent ranker's weights) |
| first_names | training/learn.py | speakers (first name -> gender, names in the news) |
| census_first_names | training/census_names.py | speakers (first name -> gender, 1990 US Census) |
| noun_df | training/noun_frequency.py | topics.py (document frequency of common nouns) |
| noun_senses | training/noun_senses.py | topics.py (what kind of thing a noun names first, from WordNet) |

A missing or unreadable table reads as None; each reader falls back to a hand-set default.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).parent
NAMES = ("cue_lexicon", "acceptor", "pronoun", "first_names", "census_first_names", "noun_df", "noun_senses")


def path(name: str) -> Path:
    """Where table `name` lives (the training scripts write it there)."""
    if name not in NAMES:
        raise KeyError(name)
    return HERE / f"{name}.json"


@lru_cache(maxsize=None)
def table(name: str) -> dict | None:
    """The parsed JSON of table `name`, or None when it is missing or not JSON."""
    try:
        return json.loads(path(name).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def reload() -> None:
    """Forget what was read (after a training script rewrote a table)."""
    table.cache_clear()


def weights(name: str) -> dict[str, float] | None:
    """The "weights" of a learned model's table (acceptor, pronoun), or None."""
    data = table(name)
    return data.get("weights") if isinstance(data, dict) else None


def names(name: str) -> dict[str, str]:
    """The "names" of a first-name table (first_names, census_first_names): first name -> "m"/"f"; {} without it."""
    data = table(name)
    return data.get("names", {}) if isinstance(data, dict) else {}


def unisex_names() -> frozenset[str]:
    """First names both genders carry too often for a guess from them to count (census_first_names' "unisex")."""
    data = table("census_first_names")
    return frozenset(data.get("unisex", ())) if isinstance(data, dict) else frozenset()


@lru_cache(maxsize=1)
def noun_senses() -> dict[str, str]:
    """{noun lemma: WordNet lexicographer file of its first sense ("person", "act", ...)} from noun_senses.json;
    {} without it."""
    data = table("noun_senses")
    try:
        return {word: lexfile for lexfile, words in data["first_sense"].items() for word in words.split()}
    except (TypeError, KeyError, AttributeError):
        return {}


def same_as_head() -> frozenset[str]:
    """Phrases "adjective noun" that WordNet gives as another name for the noun's first sense ("political party"),
    from noun_senses.json; empty without it."""
    data = table("noun_senses")
    return frozenset(data.get("same_as_head", ())) if isinstance(data, dict) else frozenset()
