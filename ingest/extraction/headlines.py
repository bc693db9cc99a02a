"""Headline statements of the form "Name: claim" ("Peskov: Convening the ISSG currently difficult")."""
from __future__ import annotations

import re

from .candidates import Candidate

_LINE = re.compile(r"^[\s\"“]*(?P<who>[^\s:\"“][^:\n]{0,60}?)\s*:\s+(?P<claim>\S[^\n]*?)\s*$")
_NOT_SPEAKERS = frozenset("""
watch breaking update updated exclusive video videos opinion analysis live photos photo editorial review
interview report explainer factbox timeline q&a comment commentary listen read note warning correction clarification
editor's update: source sources related more also see poll quiz fact check factcheck latest the
""".split())
MAX_WORDS = 25
_ON = re.compile(r"\s+[Oo]n\s+\S")


def headline_candidates(text: str, end: int, is_foreign) -> list[Candidate]:
    out = []
    pos = 0
    first = True
    for line in text[:end].split("\n"):
        start = pos
        pos += len(line) + 1
        stripped = line.strip()
        if not stripped:
            continue
        if first:  # the title line may end with a full stop
            first = False
            if stripped.endswith(".") and not stripped.endswith(".."):
                line = line.rstrip()[:-1]
                stripped = line.strip()
        m = _LINE.match(line)
        if not m or is_foreign(start):
            continue
        who = m.group("who").strip()
        who_start = start + m.start("who")
        on = _ON.search(who)
        if on:  # "Obama on Climate Change: ...", "CNN President On Trump: ...": the speaker is before "on"
            who = who[:on.start()]
        words = who.split()
        transcript = who.isupper() and len(words) <= 3 and len(who) > 2  # "WALLACE: ..." in an interview transcript
        if not transcript and (len(stripped.split()) > MAX_WORDS or stripped.endswith((".", ":", ";", ","))):
            continue
        if any(ch.isdigit() for ch in who):
            continue
        if not 1 <= len(words) <= 5 or any(w.lower().strip("'’") in _NOT_SPEAKERS for w in re.split(r"[\s-]+", who)):
            continue
        if not all(w[0].isupper() or w.lower() in ("of", "the", "de", "al", "von", "van") for w in words):
            continue
        claim_start, claim_end = start + m.start("claim"), start + m.end("claim")
        if len(m.group("claim").split()) < 3:
            continue
        colon = line.index(":", m.end("who"))
        out.append(Candidate(claim_start, claim_end, "headline", start + colon, start + colon + 1,
                             speaker_text=(who_start, who_start + len(who))))
    return out
