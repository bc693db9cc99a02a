"""The scoring stage: each attributed candidate's kind (direct, indirect, mixed) and the acceptor's confidence.

Public entry: score(attributed, text, quotes) -> list[Scored], in the same order.
"""
from __future__ import annotations

from .confidence import features, probability
from .quotes import word_count
from .records import PERSON, Attributed, Scored
from .rules import ALWAYS_DIRECT


def score(attributed: list[Attributed], text: str, quotes) -> list[Scored]:
    out = []
    for a in attributed:
        c, speaker = a.candidate, a.speaker
        kind = kind_of(c, text, quotes)
        # a representative ("a spokesman for X") is a person speaking, whoever it speaks for
        voice = PERSON if speaker.role else speaker.actor.kind
        feats = features(c.rule, speaker.quality, kind, c.cue_token, c.subject, text[c.start:c.end], voice,
                         c.parent is not None)
        out.append(Scored(c, speaker, kind, feats, probability(feats)))
    return out


def kind_of(c, text, quotes):
    """Direct when the rule says so or quotation marks hold nearly all of it, mixed when they hold part, else
    indirect."""
    if c.rule in ALWAYS_DIRECT:
        return "direct"
    inside = quoted_words = 0
    for q in quotes:
        a, b = max(q.start, c.start), min(q.end, c.end)
        if b > a:
            inside += b - a
            quoted_words += word_count(text[a:b])
    length = max(1, c.end - c.start)
    if quoted_words < 4:  # scare quotes around a term do not make it a quotation
        return "indirect"
    if inside >= 0.9 * length:
        return "direct"
    return "mixed"
