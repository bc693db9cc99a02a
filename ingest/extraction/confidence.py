"""Confidence: the probability that a candidate statement is a real attribution of speech.

A logistic model over a handful of features of the candidate (which rule found it, how reliable its
cue verb is in the learned lexicon, how directly the speaker is named, its length and kind, ...).
The weights in acceptor.json are learned from the PolNeAR train split by
training/train_acceptor.py; without that file a hand-set prior of the same shape is used. The
pipeline drops candidates below ACCEPT and reports the probability as the statement's confidence.
"""
from __future__ import annotations

import math

from .lexicon import rate
from .rules import PRIOR
from .tables import weights
from .vocabulary import SPEECH_VERBS

ACCEPT = 0.15

# Speaker qualities the acceptor was not trained on, scored as the one they were before: a description resolved from
# its context is as much a statement as when it was left unnamed
SCORED_AS = {"described": "unnamed"}
# Prior used only when acceptor.json is missing: rule (rules.PRIOR) and speaker reliability.
_PRIOR_SPEAKER = {"name": 0.5, "surname": 0.4, "inherited": 0.3, "role": 0.0, "pronoun": 0.0, "unnamed": -0.2, "none": -3.0}


def features(rule: str, quality: str, kind: str, cue, subject, content: str, speaker_kind: str, has_parent: bool) -> dict[str, float]:
    """Feature name -> value for one candidate (sparse; absent means 0)."""
    quality = SCORED_AS.get(quality, quality)
    construction = rule if not rule.startswith("prep:") else rule
    lemma = cue.lemma_.lower() if cue is not None else ""
    r, n = rate(lemma, construction) if lemma else (0.0, 0)
    words = len(content.split())
    f = {
        "bias": 1.0,
        "rule=" + rule.split(":")[0]: 1.0,
        "quality=" + quality: 1.0,
        "kind=" + kind: 1.0,
        "speaker=" + speaker_kind: 1.0,
        "lex_rate": r,
        "lex_log_uses": math.log1p(n) / 5.0,
        "core_verb": 1.0 if lemma in SPEECH_VERBS else 0.0,
        "log_words": math.log1p(words) / 3.0,
        "short": 1.0 if words <= 3 else 0.0,
        "upper_start": 1.0 if content[:1].isupper() else 0.0,
        "has_parent": 1.0 if has_parent else 0.0,
    }
    if cue is not None:
        f["tag=" + cue.tag_] = 1.0
        f["lemma_say"] = 1.0 if lemma in ("say", "tell", "add") else 0.0
    if subject is not None:
        f["subj=" + ("pron" if subject.pos_ == "PRON" else "propn" if subject.pos_ == "PROPN" else "other")] = 1.0
        f["subj_ent"] = 1.0 if subject.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") else 0.0
    return f


def probability(feats: dict[str, float]) -> float:
    w = weights("acceptor")
    if w is None:
        z = -1.5 + PRIOR.get(next((k[5:] for k in feats if k.startswith("rule=")), ""), 0.0)
        z += _PRIOR_SPEAKER.get(next((k[8:] for k in feats if k.startswith("quality=")), ""), 0.0)
        z += 1.5 * feats.get("lex_rate", 0.0)
    else:
        z = sum(w.get(k, 0.0) * v for k, v in feats.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
