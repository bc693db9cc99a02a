"""Parentheticals and asides: "The economy is strong, he said.", "The museum, he said, is ...", "As the Post
reported, ...", "Hawaii, as one adviser pointed out, does not ..." (the cue hangs off the clause it reports)."""
from __future__ import annotations

from ..rules import R
from ..spans import subtree_span, subtree_tokens, token_span
from ..vocabulary import (ADVCL, ADVMOD, AGENT, AUX, AUXPASS, CC, CCOMP, CONJ, EXPLETIVES, MARK, NEG, NPADVMOD, NSUBJ,
                          NSUBJPASS, PARATAXIS, POBJ, PREP, PRT, PUNCT, ROOT)
from .grammar import AS_CLAUSE_DEPS, SUBJECTS, cue_ok


def inverted(tok):
    """ "The economy is strong, he said." or "The museum, he said, is ..." with "said" hanging off
    the clause it reports. A parenthetical cue yields the whole sentence around it (the cue inside)."""
    head = tok.head
    if (tok.dep_ not in (PARATAXIS, CCOMP, ADVCL) and not comma_spliced(tok)) or head.i == tok.i \
            or head.pos_ not in ("VERB", "AUX", "NOUN", "ADJ"):
        return None
    subj = [c for c in tok.children if c.dep_ in SUBJECTS]
    if not subj or subj[0].lower_ in EXPLETIVES:
        return None
    if any((c.dep_ == MARK and c.lower_ != "as") or c.tag_ == "WRB" for c in tok.children if c.i < tok.i):
        return None  # "..., when he insisted on paying, Francis has ...": a subordinate clause, not an attribution
    doc = tok.doc
    # the cue phrase itself: a clause the parser hung on the cue ("If this fails, Mr. Berg argues, ...") is not in it
    # and neither is a sentence adverbial before it ("Instead, Trump told CNN, his policy would ...")
    clauses = [c for c in tok.children if c.i < subj[0].i and (c.dep_ in (ADVCL, CCOMP, CONJ, PARATAXIS) or (
        c.dep_ in (ADVMOD, NPADVMOD, PREP) and c.right_edge.i + 1 < subj[0].left_edge.i
        and doc[c.right_edge.i + 1].text == ","))]
    words = [t.i for t in subtree_tokens(tok, exclude=clauses) if not t.is_punct]
    lo, hi = min(words), max(words)
    if head.i < tok.i:
        # "..., he said." closes the sentence; a clause complement of a cue verb is not this
        rest = [t for t in doc[hi + 1: tok.sent.end] if not (t.is_punct or t.is_space)]
        if rest:
            # "Lenox was a juggernaut, Mr. Clarke said, until it went bankrupt": set off by commas mid-sentence
            if _set_off(doc, lo, hi) and not cue_ok(head):
                # hung on a noun ("The difference now, he told me, is that ..."): the whole clause around it
                clause = head
                while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
                    clause = clause.head
                return token_span([clause.left_edge, clause.right_edge]), R.PARENTHETICAL
            return None
        if cue_ok(head) or lo == 0 or doc[lo - 1].text not in (",", "—", "–", "”", '"', "''"):
            return None
        return subtree_span(head, exclude=[tok]), R.INVERTED
    if lo > head.left_edge.i and _set_off(doc, lo, hi) and not _reports_speech(head):
        if hi + 2 <= head.right_edge.i and all(t.dep_ in (CC, PUNCT) or (t.dep_ == ADVMOD and t.head.i == head.i)
                                               for t in doc[head.left_edge.i: lo]):
            # "But, he added, those keen to use ... will not": nothing of the clause stands before the cue
            return token_span([doc[hi + 2], head.right_edge]), R.PARENTHETICAL
        return token_span([head.left_edge, head.right_edge]), R.PARENTHETICAL
    return None


def _reports_speech(verb) -> bool:
    """Is this a cue verb naming someone who speaks? Not an agentless passive ("In several cases, executives say,
    they have been asked to ...": the asking is part of what they say, by no one named)."""
    if not cue_ok(verb):
        return False
    passive = any(c.dep_ in (NSUBJPASS, AUXPASS) for c in verb.children)
    return not passive or any(c.dep_ == AGENT for c in verb.children)


def comma_spliced(tok) -> bool:
    """A cue the parser conjoined to the clause before it with no "and" or "but", only a comma before its subject
    ("..., remains committed to the race, his top aide, Tad Devine, told The Huffington Post.")."""
    if tok.dep_ != CONJ or tok.head.i > tok.i:
        return False
    subj = next((c for c in tok.children if c.dep_ in SUBJECTS), None)
    if subj is None or subj.left_edge.i == 0 or tok.doc[subj.left_edge.i - 1].text != ",":
        return False
    return not any(c.dep_ == CC and c.i < tok.i for c in (*tok.head.children, *tok.children))


def as_clause(tok):
    """ "As the Post reported, the fund ...", "Hawaii, as one adviser pointed out, does not ...": the clause an "as"
    attribution hangs on, when the cue has no complement of its own ("as he tries to put to rest questions about")."""
    if tok.dep_ != ADVCL or not any(c.dep_ == MARK and c.lower_ == "as" and c.i < tok.i for c in tok.children) \
            or not any(c.dep_ == NSUBJ for c in tok.children):  # "failed as predicted" names no one
        return None
    # "as X noted (in an interview)", not "As Clinton talked about ...", "as Freddy joked with his friend"
    if any(c.dep_ not in AS_CLAUSE_DEPS or (c.dep_ == PREP and c.lower_ not in ("in", "on", "at", "during"))
           for c in tok.children):
        return None
    head = tok.head
    if head.pos_ not in ("VERB", "AUX") or not any(c.dep_ in SUBJECTS for c in head.children):
        return None
    if tok.left_edge.i == head.left_edge.i:  # "As X said, <clause>"
        rest = list(tok.doc[tok.right_edge.i + 1: head.right_edge.i + 1])
        return (token_span(rest), R.PARENTHETICAL) if rest else None
    if tok.i > head.i and all(t.is_punct for t in tok.doc[tok.right_edge.i + 1: head.right_edge.i + 1]):
        return token_span(subtree_tokens(head, exclude=[tok])), R.PARENTHETICAL  # "<clause>, as police have said."
    return token_span([head.left_edge, head.right_edge]), R.PARENTHETICAL


def as_parenthetical(tok):
    """ "Hawaii, as one adviser pointed out, normally does not get ...", parsed with the cue as the sentence's root (or
    hung on it) and the clause's subject as the cue's: the whole sentence, the cue inside."""
    doc = tok.doc
    found = as_attribution(tok) if tok.dep_ in (ROOT, PARATAXIS) else None
    if found is None or not any(c.dep_ == NSUBJ and c.i < found[0].i for c in tok.children):
        return None
    after = max([tok] + [c for c in tok.rights if c.dep_ == PRT], key=lambda t: t.i)
    rest = [t for t in doc[after.i + 2: tok.sent.end] if not t.is_punct]
    if after.i + 1 >= tok.sent.end or doc[after.i + 1].text != "," or len(rest) < 2:
        return None
    return token_span([doc[tok.sent.start], rest[-1]]), R.PARENTHETICAL


def as_attribution(tok):
    """(the "as", the one it names) of ", as <someone> pointed out," set into a clause, whether the parser hung the
    "as" on the cue or on the clause's subject and read the one named as the cue's subject or as the object of "as";
    or None."""
    doc = tok.doc
    places = [tok, *(c for c in tok.lefts if c.dep_ == NSUBJ)]
    as_ = next((c for p in places for c in p.children if c.dep_ in (PREP, MARK) and c.lower_ == "as"
                and 0 < c.i < tok.i and doc[c.i - 1].text == ","), None)
    if as_ is None:
        return None
    named = next((c for c in [*tok.children, *as_.children] if c.dep_ in (NSUBJ, POBJ) and c.left_edge.i == as_.i + 1),
                 None)
    if named is None or any(t.dep_ not in (AUX, NEG, ADVMOD) for t in doc[named.right_edge.i + 1: tok.i]):
        return None
    return as_, named


def _set_off(doc, lo: int, hi: int) -> bool:
    """Are tokens lo..hi set off by commas or dashes on both sides?"""
    return lo > 0 and doc[lo - 1].text in (",", "—", "–") and hi + 1 < len(doc) and doc[hi + 1].text in (",", "—", "–")
