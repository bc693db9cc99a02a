"""Headline statements of the form "Name: claim" ("Peskov: Convening the ISSG currently difficult")."""
from __future__ import annotations

import re
from collections import Counter

from ..rules import R
from ..vocabulary import NOT_HEADLINE_SPEAKERS, PERSON_ROLES, PORTRAIT_WORDS
from .record import Candidate

_LINE = re.compile(r"^[\s\"“]*(?P<who>[^\s:\"“][^:\n]{0,100}?)\s*:\s+(?P<claim>\S[^\n]*?)\s*$")
MAX_WORDS = 25
TRANSCRIPT_LINES = 3  # lines opened by "Name:" that make a text a transcript
_ON = re.compile(r"\s+[Oo]n\s+\S")
# "Clinton to Planned Parenthood: ...", "Former AG Mukasey at RNC: ...": the speaker is before "to"/"at", and only
# taken when the article names that speaker ("Road to Recovery: ..." is no one's claim)
_TO_AT = re.compile(r"\s+(?:[Tt]o|[Aa]t)\s+[A-Z]")
# "EXCLUSIVE – Roger Stone: ...": a section tag before the speaker
_TAG = re.compile(r"^(?P<tag>[A-Za-z&']+)\s*[–—-]\s+")


def headline_candidates(text: str, end: int, is_foreign, doc=None) -> list[Candidate]:
    out = []
    pos = 0
    first = True
    speaker_lines = _line_labels(text[:end])
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
        tag = _TAG.match(who)
        if tag and tag.group("tag").lower() in NOT_HEADLINE_SPEAKERS:
            who, who_start = who[tag.end():], who_start + tag.end()
        on = _ON.search(who)
        if on:  # "Obama on Climate Change: ...", "CNN President On Trump: ...": the speaker is before "on"
            who = who[:on.start()]
        to_at = _TO_AT.search(who)
        if to_at:
            who = who[:to_at.start()]
        words = who.split()
        # "WALLACE: ..." in an interview transcript; "Matthews: ..." heading several paragraphs of one, or one of
        # the several speakers of a panel ("Alex Seitz-Wald: ...", "Luciana Lopez: ...", "Lopez: ...")
        transcript = len(words) <= 3 and len(who) > 2 and (
            who.isupper() or speaker_lines[who] >= 2 or (speaker_lines[words[-1]] >= 1 and who != words[-1])
            or sum(speaker_lines.values()) >= TRANSCRIPT_LINES)
        if not transcript and (len(stripped.split()) > MAX_WORDS or stripped.endswith((".", ":", ";", ","))):
            continue
        if any(ch.isdigit() for ch in who):
            continue
        if not 1 <= len(words) <= 5 or any(w.lower().strip("'’") in NOT_HEADLINE_SPEAKERS for w in re.split(r"[\s-]+", who)):
            continue
        if not all(w[0].isupper() or w.lower() in ("of", "the", "de", "al", "von", "van") for w in words):
            continue
        if not transcript and not _named_again(text, words[-1], pos) and not _names_someone(doc, who_start, who):
            continue  # "Intifada: Palestinians mark ...", "Sideways: the film that ...": a topic or a title, no one
        claim_start, claim_end = start + m.start("claim"), start + m.end("claim")
        if len(m.group("claim").split()) < 3 or (doc is not None and _describes(doc, claim_start, claim_end)):
            continue
        colon = line.index(":", m.end("who"))
        out.append(Candidate(claim_start, claim_end, R.HEADLINE, start + colon, start + colon + 1,
                             speaker_text=(who_start, who_start + len(who)), named_only=bool(to_at)))
    return out


def _named_again(text: str, word: str, after: int) -> bool:
    """Does the article name the headline's speaker again after its line (the surname, "Okafor" of "Paul Okafor")?"""
    return re.search(rf"\b{re.escape(word)}\b", text[after:]) is not None


def _names_someone(doc, start: int, who: str) -> bool:
    """Does the NER read the headline's speaker as a person or an organisation ("Ann Coulter: ...")?"""
    span = doc.char_span(start, start + len(who), alignment_mode="expand") if doc is not None else None
    return span is not None and any(t.ent_type_ in ("PERSON", "ORG") for t in span)


def _describes(doc, start: int, end: int) -> bool:
    """Is the part after the colon a portrait of the person named, not a claim ("Arthur Hailey: King of the
    bestsellers", "Ray Charles: a life in music"; but "Lynch: No outside influence on FBI probe")? A noun phrase
    headed by a person's role or a word of portraits, with no verb and no quotation."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or any(ch in span.text for ch in "\"“”‘’'") or any(t.pos_ in ("VERB", "AUX") for t in span):
        return False
    head = span.root
    return head.pos_ in ("NOUN", "PROPN") and (head.lemma_.lower() in PERSON_ROLES or head.lemma_.lower() in PORTRAIT_WORDS)


def _line_labels(text: str) -> Counter:
    """How many lines each "Name:" label opens (a transcript's speakers open several)."""
    labels = Counter()
    for line in text.split("\n"):
        m = _LINE.match(line)
        if m and len(m.group("who").split()) <= 3:
            labels[m.group("who").strip()] += 1
    return labels
