"""The cue lexicon: which verbs introduce what someone said, and how reliably.

A hand-written core of speech verbs is merged with `cue_lexicon.json`, learned from the PolNeAR train
split by `training/learn.py`: for each verb lemma and construction (clause, object, infinitive, ...),
how often it was the cue of an annotated speech attribution among all its uses. The learned rates
decide which verbs and constructions the rules accept and feed the confidence model.
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
brag proclaim assure concur object protest threaten forecast speculate theorize hint imply tout clarify elaborate
conclude interject instruct order advise notify preach plead beg request implore
""".split())

# Verbs that take "<someone> to <do>" as what was said ("urged X to ...", "called on X to ...").
DIRECTIVE_VERBS = frozenset("urge ask call tell implore beg advise instruct order encourage invite warn challenge press".split())

# Light verbs that reach the learned list only through phrases ("went on to say"); never cues alone.
LIGHT_VERBS = frozenset("be have do go get make take come see know think want feel put give keep let".split())
CLAUSAL_KEYS = ("ccomp", "ccomp-left", "inverted", "parenthetical")
MIN_CLAUSE_RATE = 0.3  # learned verbs join the core list above this share of clause uses
MIN_NOMINAL_RATE = 0.3  # "criticized X" style constructions count above this share
MIN_USES = 4

# Nouns of documents and messages, which speak for whoever made them ("a report by Politico", "issued a statement saying")
DOCUMENT_NOUNS = frozenset("""statement report release letter memo message tweet post announcement filing communique
communiqué email document study survey note transcript lawsuit complaint ruling order decision figure data statistic
research analysis estimate poll website site blog column speech interview book""".split())

# Verbs whose subject is rarely the speaker of an adjacent quote (they describe content instead).
NOT_FOR_QUOTES = frozenset("agree disagree question order ask request".split())


@lru_cache(maxsize=1)
def _file() -> dict:
    try:
        return json.loads(LEXICON_PATH.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


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
        hits = sum(by.get(c, (0, 0))[0] for c in CLAUSAL_KEYS)
        total = sum(by.get(c, (0, 0))[1] for c in CLAUSAL_KEYS)
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
