"""Directives: "urged X to do", "calling on X to do", "called for X (to do)"."""
from __future__ import annotations

from ..rules import R
from ..spans import token_span
from ..vocabulary import ACL, ADVCL, AUX, CCOMP, DATIVE, DIRECTIVE_VERBS, DOBJ, MARK, POBJ, PREP, XCOMP


def directive(tok):
    """ "calling on X to do", "urged X to do", "called for X" """
    lemma = tok.lemma_.lower()
    if lemma not in DIRECTIVE_VERBS:
        return None
    obj = None
    for c in tok.children:
        if lemma == "call" and c.dep_ == ADVCL and c.i > tok.i:
            # "called for X to do Y", parsed as a clause with "for" as its marker
            mark = [m for m in c.children if m.dep_ == MARK and m.lower_ == "for" and m.i == tok.i + 1]
            toks = [t for t in c.subtree if mark and t.i > mark[0].i]
            if toks:
                return token_span(toks), R.CALL_FOR
        if c.dep_ == PREP and c.lower_ in ("on", "upon", "for") and lemma == "call":
            pobj = [x for x in c.children if x.dep_ == POBJ]
            if pobj:
                obj = pobj[0]
                if c.lower_ == "for":
                    # "called for X to resign": the infinitive is hung on the verb, after X
                    then = [v for v in tok.children if v.dep_ in (XCOMP, ADVCL) and v.i > obj.i
                            and v.left_edge.i == obj.right_edge.i + 1 and v.left_edge.lower_ == "to"]
                    return token_span(list(obj.subtree) + [t for v in then[:1] for t in v.subtree]), R.CALL_FOR
        elif c.dep_ in (DOBJ, DATIVE) and obj is None:
            obj = c
    if obj is None:
        return None
    verbs = [c for c in list(tok.children) + list(obj.children) if c.dep_ in (XCOMP, ADVCL, CCOMP, ACL) and c.i > obj.i]
    # the infinitive's own "to" ("urged X to act"), not one deep in a participle after it ("told X of its decision,
    # clearing the way for it to conclude a deal")
    if not verbs or not any(t.lower_ == "to" and t.dep_ in (AUX, MARK) and t.head.i == verbs[0].i
                            for t in verbs[0].subtree):
        return None
    end = max(t.idx + len(t.text) for t in verbs[0].subtree)
    return (obj.left_edge.idx, end), R.DIRECTIVE
