"""The cue lexicon: which verbs introduce what someone said, and how reliably.

A hand-written core of speech verbs is merged with `cue_lexicon.json`, learned from the PolNeAR train
split by `training/learn.py`: for each verb lemma and construction (clause, object, infinitive, ...),
how often it was the cue of an annotated speech attribution among all its uses. The learned rates
decide which verbs and constructions the rules accept and feed the confidence model.
"""
from __future__ import annotations

from functools import lru_cache

from .rules import CLAUSE_USES
from .tables import table
from .vocabulary import DIRECTIVE_VERBS, LIGHT_VERBS, SPEECH_VERBS

MIN_CLAUSE_RATE = 0.3  # learned verbs join the core list above this share of clause uses
MIN_NOMINAL_RATE = 0.3  # "criticized X" style constructions count above this share
MIN_USES = 4


def _file() -> dict:
    return table("cue_lexicon") or {}


def _learned() -> dict:
    return _file().get("lemmas", {})


def american(lemma: str) -> str:
    """The American spelling the learned lexicon knows a British lemma by ("criticise" -> "criticize",
    "analyse" -> "analyze"); the lemma itself otherwise."""
    for british, us in (("ise", "ize"), ("yse", "yze")):
        if lemma.endswith(british):
            other = lemma[: -len(british)] + us
            if other in _learned() or other in SPEECH_VERBS:
                return other
    return lemma


def rate(lemma: str, construction: str) -> tuple[float, int]:
    """(share of uses that were an annotated speech attribution, number of uses) in the train split."""
    hits, total = _learned().get(american(lemma), {}).get(construction, (0, 0))
    return (hits / total if total else 0.0), total


@lru_cache(maxsize=1)
def cue_lemmas() -> frozenset[str]:
    """SPEECH_VERBS plus the learned lemmas that reliably introduce a clause of reported speech."""
    learned = set()
    for lemma, by in _learned().items():
        hits = sum(by.get(c, (0, 0))[0] for c in CLAUSE_USES)
        total = sum(by.get(c, (0, 0))[1] for c in CLAUSE_USES)
        if hits >= 3 and hits / total >= MIN_CLAUSE_RATE and lemma not in LIGHT_VERBS:
            learned.add(lemma)
    return SPEECH_VERBS | learned


def is_cue(lemma: str) -> bool:
    return american(lemma) in cue_lemmas()


def accepts(lemma: str, construction: str) -> bool:
    """Whether a verb reports speech through this (non-clausal) construction often enough."""
    r, n = rate(lemma, construction)
    return n >= MIN_USES and r >= MIN_NOMINAL_RATE


@lru_cache(maxsize=1)
def candidate_lemmas() -> frozenset[str]:
    """Every verb lemma some rule can accept: the rules look at no other verb."""
    nominal = {lemma for lemma, by in _learned().items() if any(accepts(lemma, c) for c in by)}
    lemmas = cue_lemmas() | DIRECTIVE_VERBS | nominal | {"point"}
    british = {lemma[:-3] + ("ise" if lemma.endswith("ize") else "yse") for lemma in lemmas if lemma[-3:] in ("ize", "yze")}
    return lemmas | british


def cuts_aside(kind: str) -> bool:
    """Whether content ends before a trailing aside of this kind (", which ...", ", citing ..."):
    learned, true when the train split's annotators left such asides out more often than not."""
    cut, keep = _file().get("asides", {}).get(kind, (0, 0))
    return cut > keep
