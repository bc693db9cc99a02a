"""The cue lexicon: which verbs introduce what someone said, and how reliably.

A hand-written core of speech verbs is merged with `cue_lexicon.json`, learned from the PolNeAR train
split by `training/build_lexicon.py` (for each verb lemma: how often it was the cue of an annotated
attribution among all its verb uses). The learned rate feeds the confidence score.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

LEXICON_PATH = Path(__file__).with_name("cue_lexicon.json")

# Verbs whose clausal complement or adjacent quotation is what the subject said.
SPEECH_VERBS = frozenset("""
say tell add state assert claim argue insist note explain announce declare warn stress emphasize emphasise
reiterate confirm deny acknowledge admit concede suggest predict reply respond answer write tweet post report
reveal disclose mention comment remark observe contend maintain affirm underline underscore highlight recall
complain charge allege accuse promise vow pledge urge ask demand question testify counter retort quip joke
call boast caution inform indicate signal estimate propose recommend lament repeat exclaim shout cry scream whisper
brag proclaim assure concur object protest threaten forecast speculate theorize
hint imply tout clarify elaborate conclude interject
announce instruct order advise tell notify preach plead beg ask request urge implore
""".split())

# Cues that need a particle or preposition: lemma -> required child word (prt/prep).
PHRASAL_CUES = {"point": ("out",), "call": ("for", "on", "upon"), "go": ()}

# Verbs that take "<someone> to <do>" as what was said ("urged X to ...", "called on X to ...").
DIRECTIVE_VERBS = frozenset("urge ask call tell implore beg advise instruct order encourage invite warn challenge press".split())

# Verbs that only count with a complement clause (never with a bare quotation nearby).
WEAK_WITHOUT_CLAUSE = frozenset("agree continue begin order question answer".split())

# Verbs whose subject is rarely the speaker of an adjacent quote (they describe content instead).
NOT_FOR_QUOTES = frozenset("agree disagree question order ask request".split())


@lru_cache(maxsize=1)
def learned_rates() -> dict[str, float]:
    """lemma -> share of its verb uses that were the cue of an attribution in the train split."""
    try:
        data = json.loads(LEXICON_PATH.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: float(v["rate"]) for k, v in data.get("lemmas", {}).items()}


@lru_cache(maxsize=1)
def cue_lemmas() -> frozenset[str]:
    """SPEECH_VERBS plus the learned lemmas that are frequent and reliable cues of speech."""
    try:
        data = json.loads(LEXICON_PATH.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return SPEECH_VERBS
    learned = {k for k, v in data.get("lemmas", {}).items() if v.get("speech", 0) >= 3 and v["rate"] >= 0.25}
    return SPEECH_VERBS | learned


def is_cue(lemma: str) -> bool:
    return lemma in cue_lemmas()


def cue_rate(lemma: str) -> float:
    """Learned reliability of the lemma as a cue (0..1); a modest prior for unseen core verbs."""
    rates = learned_rates()
    if lemma in rates:
        return rates[lemma]
    return 0.5 if lemma in SPEECH_VERBS else 0.2
