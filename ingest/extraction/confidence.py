"""A confidence in 0..1 that rises with the chance that a statement and its speaker are right.

Three factors: how reliable the rule that found the statement is, how directly the speaker is named,
and how reliable the cue verb is (its learned rate as a cue in the train split). The rule and
speaker factors were set from the precision of each rule and speaker kind on the PolNeAR dev split.
"""
from __future__ import annotations

from .lexicon import cue_rate

RULE = {"quote": 0.92, "ccomp": 0.88, "ccomp-left": 0.88, "inverted": 0.8, "parenthetical": 0.8, "noun": 0.7, "dobj": 0.6, "xcomp": 0.65, "directive": 0.72, "call-for": 0.68,
        "according": 0.82, "follow": 0.72, "headline": 0.6}
SPEAKER = {"name": 1.0, "surname": 0.97, "inherited": 0.95, "role": 0.85, "pronoun": 0.82, "unnamed": 0.8, "none": 0.3}


def confidence(rule: str, speaker_quality: str, cue_lemma: str | None) -> float:
    base = RULE.get(rule, 0.5) * SPEAKER.get(speaker_quality, 0.5)
    if cue_lemma:
        base *= 0.75 + 0.25 * min(1.0, cue_rate(cue_lemma) / 0.3)
    return round(max(0.01, min(0.99, base)), 3)
