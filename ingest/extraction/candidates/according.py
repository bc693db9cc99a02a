"""\"According to X, ...\" and \"..., according to X\": the clause on the side of the phrase that has one."""
from __future__ import annotations

from dataclasses import replace

from ..lexicon import candidate_lemmas
from ..rules import R
from ..vocabulary import COMPOUND, DOBJ, NEWS_OUTLET_WORDS, NSUBJ, PCOMP, POBJ
from .record import Candidate


def _according_phrase_end(tok, source, end: int) -> int:
    """Where "According to X, ..." ends when the parser hung the whole sentence under it ("According to host
    Rush Limbaugh, the move reeks ..." read as an apposition): at the comma after X and after any aside about X
    set off by commas ("..., a radio host, ...", "..., which ..., ...")."""
    doc = tok.doc
    commas = [t.i for t in doc[source.i + 1:end + 1] if t.text == ","]
    for k, comma in enumerate(commas):
        aside = doc[comma + 1:commas[k + 1]] if k + 1 < len(commas) else None
        if aside is not None and len(aside) and (
            aside[0].lower_ in ("who", "which", "whose")
            or (len(aside) <= 8 and not any(t.pos_ in ("VERB", "AUX") for t in aside))
        ):
            continue
        return comma
    return end


def _outlet_reports_a_person(tok, source) -> bool:
    """ "According to the New York Times, Mark Stevens said ...": a news outlet's phrase hung on a speech verb whose
    subject is a named person, who is the speaker (the outlet only the channel), found by that verb's own rule.
    Another source stays the source of the whole ("according to attorneys for the family, police have said ...")."""
    verb = tok.head
    return verb.pos_ == "VERB" and verb.lemma_.lower() in candidate_lemmas() \
        and (_is_outlet(source) or _interview(source)) \
        and any(c.dep_ == NSUBJ and _names_a_person(c) for c in verb.children)


def _is_outlet(source) -> bool:
    name = [source] + [c for c in source.children if c.dep_ == COMPOUND]
    return source.pos_ == "PROPN" and any(t.text in NEWS_OUTLET_WORDS for t in name)


def _interview(source) -> bool:
    """ "According to an interview with the Washington Post, X said ...": the interview is X's, the outlet the channel."""
    return source.pos_ == "NOUN" and source.lemma_.lower() == "interview"


def _names_a_person(subj) -> bool:
    """A person's name, or the surname of one the article names in full ("Trump" the NER read as an organisation after
    "Donald Trump")."""
    if subj.ent_type_ == "PERSON":
        return True
    return subj.pos_ == "PROPN" and not _is_outlet(subj) and any(
        e.label_ == "PERSON" and len(e) > 1 and e[-1].text == subj.text for e in subj.doc.ents)


def according(tok):
    to = [c for c in tok.children if c.lower_ == "to"]
    pobj = [c for c in to[0].children if c.dep_ == POBJ] if to else []
    if not pobj and to:  # "according to show insiders" with "show" read as a verb: its object is the source
        pobj = [o for c in to[0].children if c.dep_ == PCOMP for o in c.children if o.dep_ == DOBJ]
    if not pobj or _outlet_reports_a_person(tok, pobj[0]):
        return None
    sent = tok.sent
    a, b = tok.left_edge.i, tok.right_edge.i
    if a - sent.start <= 1 and b >= sent.end - 2:
        b = _according_phrase_end(tok, pobj[0], b)
    # the clause is on the side of the phrase that has one: after "According to X," or before ", according to X"
    if a - sent.start <= 1 or (sent.end - b) > 2 * (a - sent.start):
        lo, hi = b + 1, sent.end
    else:
        lo, hi = sent.start, a
    toks = [t for t in tok.doc[lo:hi] if not (a <= t.i <= b)] if hi > lo else []
    if not toks:
        return None
    return Candidate(toks[0].idx, toks[-1].idx + len(toks[-1].text), R.ACCORDING, tok.idx,
                     to[0].idx + len(to[0].text), cue_token=tok, subject=pobj[0])


def extend_over_quotations(cands, text: str, quote_at) -> list:
    """ "According to X, “... . ...”": an "according to" content that opens a closed quotation runs to its end, not to
    the end of the quotation's first sentence. The candidates, those extended as new ones."""
    return [_over_quotation(c, text, quote_at) if c.rule == R.ACCORDING else c for c in cands]


def _over_quotation(c, text: str, quote_at):
    content = text[c.start:c.end]
    opening = c.start + len(content) - len(content.lstrip(" ,;:—–-"))
    q = quote_at(opening + 1)
    if q is not None and q.closed and q.start == opening and c.end < q.inner[1]:
        return replace(c, end=q.inner[1])  # "According to X, “... . ...”": the whole quotation, not its first sentence
    return c
