"""Clausal complements: "said (that) ...", "told reporters ...", "..., experts say." (a clause on either side of the
cue), "said in a statement that ...", "asked whether ...", "told X he was ..." (a clause the parser hung elsewhere)."""
from __future__ import annotations

from ..rules import R
from ..spans import subtree_span, token_span
from ..vocabulary import (ACL, ADVCL, ADVMOD, AMOD, APPOS, AUX, CC, CCOMP, COMPOUND, CONJ, DATIVE, DEP, DET, DOBJ, MARK,
                          NEG, NPADVMOD, NSUBJ, NUMMOD, OBJECT_PRONOUNS, POBJ, POSS, PREP, PUNCT, QUESTION_VERBS, RELCL,
                          ROOT, SUBORDINATORS, TELLING, WHEN_WORDS, XCOMP)
from .directive import directive
from .grammar import SUBJECTS, cue_ok, cut_aside, follow_ups_inside, said_as_adjective


def _said_when(comp, cue) -> list:
    """Modifiers of a complement that stand between the cue and the complement's subject and name the day the
    words were said ("said on Monday he would ...", "said Tuesday the party ..."): the parser hangs them on the
    complement, but they belong to the cue. Periods ("over the last five days", "for decades", "through March")
    are the content's own. Empty unless everything there is such a modifier."""
    subj = next((c for c in comp.children if c.dep_ in SUBJECTS), None)
    if subj is None:
        return []
    found = []
    for c in comp.children:
        if not cue.i < c.i < subj.left_edge.i or c.dep_ in (MARK, PUNCT):
            continue
        if (c.dep_ == NPADVMOD or (c.dep_ == PREP and c.lower_ == "on")) and any(
            t.lower_.rstrip(".") in WHEN_WORDS for t in c.subtree
        ):
            found.append(c)
        else:
            return []
    return found


def _subordinate(clause) -> bool:
    """Is this adverbial clause introduced as one ("when ...", "as ...", "which ...")? Then it is not a
    complement the parser mislabelled."""
    subj = next((x for x in clause.children if x.dep_ == NSUBJ), None)
    if subj is None or subj.lower_ in ("which", "who", "that", "what"):
        return True
    return any(x.dep_ == MARK or (x.dep_ == ADVMOD and x.lower_ in SUBORDINATORS and x.i < subj.i)
               for x in clause.children)


def clause_complement(tok, cut=None):
    # a finite clause with its own subject, whether parsed as a complement, as an xcomp (after "told reporters")
    # or, with no conjunction of its own, as an adverbial clause ("said after the convention he would ...")
    comps = [c for c in tok.children if c.i > tok.i and (c.dep_ == CCOMP or (
        c.dep_ in (XCOMP, ADVCL) and any(x.dep_ == NSUBJ for x in c.children)
        and not (c.dep_ == ADVCL and _subordinate(c))
        and (c.tag_ in ("VBD", "VBZ", "VBP") or any(x.dep_ == AUX and x.lower_ != "to" for x in c.children))))]
    if comps:
        start, end = subtree_span(comps[0], exclude=follow_ups_inside(comps[0]) + _said_when(comps[0], tok))
        subject = _object_as_subject(tok, comps[0])
        if subject is not None:
            start = subject.left_edge.idx
        hearer = _hearer_in_subject(tok, comps[0])
        if hearer is not None:
            start = tok.doc[hearer.end].idx
        for extra in comps[1:]:  # "said A and B" split by the parser into two complements
            s2, e2 = subtree_span(extra, exclude=follow_ups_inside(extra))
            if s2 >= end and not cue_ok(extra) and not any(t.text in ".;" for t in tok.doc[comps[0].right_edge.i:extra.left_edge.i]):
                end = e2
        # a quotation that is the whole complement ends what was said at its closing mark ("wrote “It’s time ...,”
        # and shared a link")
        quoted = tok.doc[comps[0].left_edge.i].tag_ == "``"
        close = next((t for t in tok.doc[comps[0].left_edge.i + 1: comps[0].right_edge.i + 1] if t.tag_ == "''"), None)
        if quoted and close is not None and any(c.dep_ == CONJ and c.i > close.i for c in comps[0].children):
            end = min(end, close.idx + len(close.text))
        # "said that A, and B" / "said A, but could not B": a clause conjoined to the verb right after its
        # complement is usually the complement's second half misattached by the parser (not after such a quotation)
        # (on "are" of "are quick to point out that A, and that B")
        hosts = [tok, tok.head.head] if said_as_adjective(tok) else [tok]
        for c in (c for host in hosts for c in host.children):
            closed = quoted and any(t.tag_ == "''" for t in tok.doc[comps[0].right_edge.i: c.left_edge.i])
            if c.dep_ != CONJ or c.i < comps[0].i or cue_ok(c) or closed or _writers_clause(c) or c.left_edge.i < 2:
                continue
            joined = tok.doc[c.left_edge.i - 1].lower_ in ("and", "but")
            # "said the number of Britons dead or missing have reached 440": the verb read as the cue's second verb
            # stands straight after the complement's subject, with no subject of its own
            continued = c.left_edge.i == comps[0].right_edge.i + 1 and not any(x.dep_ in SUBJECTS for x in c.children) \
                and tok.doc[comps[0].right_edge.i].pos_ in ("NOUN", "PROPN", "ADJ", "VERB")
            if joined or continued:
                start2, end2 = subtree_span(c, exclude=follow_ups_inside(c))
                if start2 >= end and start2 - end < 8:
                    end = end2
        return (start, cut_aside(comps[-1], end, cut)), R.CCOMP
    left = [c for c in tok.children if c.dep_ == CCOMP and c.i < tok.i] or _unlabelled_left(tok)
    if left and directive(tok) is None:  # "... prompted censure - he told refugees to go home": what he told them
        comp = left[-1]
        between = tok.doc[comp.right_edge.i + 1: tok.i]
        reports_itself = cue_ok(comp) and any(c.dep_ == CCOMP for c in comp.children)
        # the comma closing the clause may hang inside it ("... to the UK, sources close to the talks tell the FT")
        if not reports_itself and (any(t.is_punct for t in between) or comp.right_edge.text in (",", "—", "–")):
            start, end = subtree_span(comp, exclude=follow_ups_inside(comp))
            for first in reversed(left[:-1]):  # "A, but B, MPs said": both halves, read as two clauses of "said"
                joint = tok.doc[max(first.i, first.right_edge.i - 1): comp.left_edge.i]
                if not all(t.is_punct or t.dep_ == CC or t.i <= first.right_edge.i for t in joint) \
                        or not any(t.dep_ == CC and t.lower_ in ("but", "and") for t in joint):
                    break
                start, comp = subtree_span(first, exclude=follow_ups_inside(first))[0], first
            return (start, cut_aside(left[-1], end, cut)), R.CCOMP_LEFT
    return None


def _writers_clause(conj) -> bool:
    """Is this ", and <subject> <verb>" with a noun subject of its own and no "that", most often the writer's next
    point rather than the second half of what was said?"""
    doc, first = conj.doc, conj.left_edge.i
    return first > 1 and doc[first - 1].lower_ == "and" and doc[first - 2].text == "," \
        and any(x.dep_ in SUBJECTS and x.pos_ != "PRON" for x in conj.children) \
        and not any(x.dep_ == MARK for x in conj.children)


def _unlabelled_left(tok) -> list:
    """A sentence before ", experts say." that the parser could not label, a verbless headline line most often
    ("Language unclear on whether single mothers are covered, experts say."), or read as a second subject ("People
    like Scott, he said."): [it], or []."""
    if tok.dep_ != ROOT or any(c.i > tok.i and not c.is_punct for c in tok.children):
        return []
    subj = next((c for c in reversed(list(tok.lefts)) if c.dep_ == NSUBJ), None)
    dep = next((c for c in tok.lefts if c.dep_ in (DEP, NSUBJ) and subj is not None and c.i < subj.i), None)
    if subj is None or dep is None or dep.left_edge.i != tok.sent.start or dep.right_edge.i + 2 != subj.left_edge.i \
            or tok.doc[dep.right_edge.i + 1].text != ",":
        return []
    return [dep]


def _object_as_subject(tok, comp):
    """The complement's subject when the parser read it as the verb's object ("promised the powers would only be
    used ..." with "the powers" the object of "promised" and "would be used" a clause without subject), or None."""
    if any(c.dep_ in (*SUBJECTS, "csubj", "csubjpass", "expl", "mark") for c in comp.children):
        return None  # "asked Trump if ...", "convince itself that ...": the object is the one addressed
    obj = next((c for c in tok.children if c.dep_ == DOBJ and c.i < comp.i), None)
    if obj is None or obj.lower_ in OBJECT_PRONOUNS:
        return None
    # only modifiers of the verb may stand between ("stressed rise in rates ahead of the election would not ...")
    between = {t.i for c in tok.children if c.dep_ in (ADVMOD, PREP, NPADVMOD) for t in c.subtree}
    doc = tok.doc
    # or the comma closing an aside on the object ("announced its deal with Tesco, which gave it 500 stores, would end")
    aside = any(t.dep_ in (RELCL, APPOS) and doc[t.left_edge.i - 1].text == "," for t in obj.subtree)
    if aside and doc[obj.right_edge.i + 1].text == ",":
        between.add(obj.right_edge.i + 1)
    if any(t.i not in between or (t.is_punct and t.text != ",") for t in doc[obj.right_edge.i + 1: comp.left_edge.i]):
        return None
    return obj


def _hearer_in_subject(tok, comp):
    """ "Mr Lammy told BBC News Labour MPs would not get a free vote": the organisation told, which the parser read into
    the clause's subject ("BBC News Labour MPs"); its entity span, or None."""
    if tok.lemma_.lower() not in TELLING or any(c.dep_ in (DOBJ, DATIVE) for c in tok.children):
        return None
    subj = next((c for c in comp.children if c.dep_ in SUBJECTS), None)
    first = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if subj is None or first is None or subj.left_edge.i != first.i or first.ent_iob_ != "B" or first.ent_type_ != "ORG":
        return None
    ent = next(e for e in tok.doc.ents if e.start == first.i)
    return ent if ent.end <= subj.i and subj.i - ent.end >= 1 else None


def clause_on_hearer(tok):
    """ "Frank Field told BBC Two's Newsnight programme there was a danger ...": what was told, read as a clause on
    the hearer's noun straight after it (no "that", "which" or "who" opening it)."""
    if tok.lemma_.lower() not in TELLING:
        return None
    for hearer in (c for c in tok.children if c.dep_ in (DOBJ, DATIVE)):
        for c in hearer.rights:
            subj = next((x for x in c.children if x.dep_ in (*SUBJECTS, "expl")), None)
            if c.dep_ in (ACL, RELCL) and c.left_edge.i == hearer.i + 1 and subj is not None \
                    and subj.lower_ not in ("who", "which", "that", "whom"):
                return subtree_span(c, exclude=follow_ups_inside(c)), R.CCOMP
    return None


def clause_it_hangs_on(tok):
    """ "after Trump told The Washington Post he was “not quite there yet”", "with McCain telling reporters on Thursday
    he viewed Obama as ...": the clause that follows a telling verb and its hearer straight on, no comma between,
    which the parser hung elsewhere (the cue on it, or it on the main clause); that clause is what was told."""
    doc = tok.doc
    nxt = tok.right_edge.i + 1
    if tok.lemma_.lower() not in TELLING or not any(c.dep_ in (DOBJ, DATIVE) for c in tok.children) \
            or nxt >= len(doc) or doc[nxt].is_punct or doc[nxt - 1].is_punct or doc[nxt].sent != tok.sent:
        return None
    subj = doc[nxt]
    while subj.dep_ in (DET, AMOD, COMPOUND, POSS, NUMMOD) and subj.head.i > subj.i:
        subj = subj.head  # "the party would ...": the subject's head noun
    verb = subj.head
    if subj.dep_ not in SUBJECTS or verb.i < subj.i or verb.pos_ not in ("VERB", "AUX") or subj.left_edge.i != nxt:
        return None
    toks = [t for t in verb.subtree if t.i >= nxt]
    while toks and toks[-1].is_punct:
        toks.pop()
    return (token_span(toks), R.CCOMP) if toks else None


def clause_under_phrase(tok):
    """ "said in a statement that the talks would resume", "reported at the time that X had ...": a that-clause
    with its own subject which the parser hung on the noun of the phrase between the verb and the clause."""
    for prep in tok.children:
        if prep.dep_ != PREP or prep.i < tok.i:
            continue
        for noun in prep.children:
            if noun.dep_ != POBJ:
                continue
            for c in noun.rights:
                first = c.left_edge
                subj = next((x for x in c.children if x.dep_ in SUBJECTS), None)
                if c.dep_ in (ACL, RELCL, CCOMP) and first.lower_ == "that" and first.dep_ in (MARK, ADVMOD) \
                        and subj is not None and subj.lower_ not in ("who", "which", "that"):
                    start, end = subtree_span(c, exclude=follow_ups_inside(c))
                    return (start, cut_aside(c, end)), R.CCOMP
    return None


def question(tok):
    """ "asked whether X ...", "asked if X ...": the question, which the parser hangs on the verb as an adverbial clause;
    and what someone has not said ("Lawmakers have not said when they would take up the bill": after a negated verb,
    "when", "why" or "how" open an indirect question, where after "said" alone they mostly say when it was said)."""
    if tok.lemma_.lower() in QUESTION_VERBS:
        for c in tok.children:
            if c.dep_ == ADVCL and c.i > tok.i and any(m.dep_ == MARK and m.lower_ in ("if", "whether") for m in c.children):
                return subtree_span(c, exclude=follow_ups_inside(c)), R.CCOMP
    if cue_ok(tok) and any(c.dep_ == NEG for c in tok.children):
        for c in tok.children:
            if c.dep_ == ADVCL and c.left_edge.i == tok.i + 1 and c.left_edge.lower_ in ("when", "why", "how", "whether"):
                return subtree_span(c, exclude=follow_ups_inside(c)), R.CCOMP
    return None
