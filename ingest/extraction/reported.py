"""Reported speech: a speech verb and its clause ("said that ...", "told reporters ...", "..., he said"),
conjoined and participial follow-ups ("and stressed that", ", adding that"), "calling on X to ...",
and "according to X"."""
from __future__ import annotations

from .candidates import Candidate
from .lexicon import DIRECTIVE_VERBS, PHRASAL_CUES, is_cue
from .spans import subtree_span, token_span

SUBJECTS = ("nsubj", "nsubjpass")
FOLLOW_DEPS = ("conj", "advcl", "xcomp", "pcomp", "parataxis")
EXPLETIVES = {"there", "this", "what"}
_PARTICLE_OK = {"out"}


def cue_ok(tok) -> bool:
    """Is this token a speech cue in this use?"""
    if tok.pos_ not in ("VERB", "AUX") or tok.tag_ == "MD":
        return False
    lemma = tok.lemma_.lower()
    if lemma == "point":
        return any(c.dep_ == "prt" and c.lower_ == "out" for c in tok.children)
    if lemma == "go":
        return False
    if not is_cue(lemma):
        return False
    if lemma == "call":
        # "called for", "called on X to": yes; "called him a liar": no clause, handled as directive
        return any(c.dep_ in ("ccomp",) for c in tok.children) or any(
            c.dep_ == "prep" and c.lower_ in PHRASAL_CUES["call"] for c in tok.children)
    return True


def cue_extent(tok) -> tuple[int, int]:
    """The cue text: the verb plus its particle or the preposition that belongs to it."""
    toks = [tok]
    for c in tok.children:
        if c.dep_ == "prt" or (c.dep_ == "prep" and c.lower_ in ("on", "upon", "for") and tok.lemma_ == "call"):
            toks.append(c)
    for c in tok.children:
        if c.dep_ in ("aux", "auxpass", "neg") and c.i == tok.i - 1:
            toks.append(c)
    toks.sort(key=lambda t: t.i)
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def find_subject(tok, depth=0):
    """The subject of a cue verb, inherited through conjunction, participles and relative clauses."""
    for c in tok.children:
        if c.dep_ in SUBJECTS:
            if c.lower_ in ("who", "which", "that") and tok.dep_ == "relcl":
                return tok.head
            return c
    if depth > 3:
        return None
    if tok.dep_ == "relcl" and tok.head.pos_ in ("NOUN", "PROPN"):
        return tok.head
    if tok.dep_ in ("conj", "advcl", "xcomp", "pcomp", "acl") and tok.head is not tok:
        head = tok.head
        if tok.dep_ == "pcomp":  # "with X calling": with -> pcomp; subject is on the verb itself
            return None
        if head.pos_ in ("VERB", "AUX"):
            return find_subject(head, depth + 1)
    return None


def follow_children(tok):
    """Children of a content clause that are themselves speech cues of the same speaker (follow-ups)."""
    out = []
    for c in tok.children:
        if c.dep_ in FOLLOW_DEPS and cue_ok(c) and not any(x.dep_ in SUBJECTS for x in c.children):
            out.append(c)
        elif c.dep_ in ("conj",) and cue_ok(c):
            out.append(c)
    return out


def _content_from_complement(tok):
    """The content span of a cue verb from its complement, or None."""
    comps = [c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i]
    if comps:
        comp = comps[0]
        return subtree_span(comp, exclude=follow_ups_inside(comp)), "ccomp"
    # "X is Y, he said": the clause before the verb is its complement
    left = [c for c in tok.children if c.dep_ == "ccomp" and c.i < tok.i]
    if left:
        comp = left[-1]
        between = tok.doc[comp.right_edge.i + 1: tok.i]
        if cue_ok(comp) or not any(t.is_punct for t in between):
            return None
        return subtree_span(comp, exclude=follow_ups_inside(comp)), "ccomp-left"
    return None


def follow_ups_inside(comp):
    """Cue verbs hanging inside a content clause that start a statement of their own:
    ", adding that ...", "and stressed that ...", ", with X calling on ..."."""
    out = []
    for t in comp.subtree:
        if t is comp or t.dep_ not in ("advcl", "conj", "pcomp", "parataxis") or not cue_ok(t):
            continue
        cut = t.head if t.dep_ == "pcomp" else t
        first = cut.left_edge
        prev = first.doc[first.i - 1] if first.i > 0 else None
        if first.lower_ in ("and", "with", "while") or (prev is not None and prev.text in (",", ";", "—", "–", "and")):
            out.append(cut)
    return out


def _directive_content(tok):
    """ "calling on X to do", "urged X to do", "called for X" """
    lemma = tok.lemma_.lower()
    if lemma not in DIRECTIVE_VERBS:
        return None
    obj = None
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("on", "upon", "for") and lemma == "call":
            pobj = [x for x in c.children if x.dep_ == "pobj"]
            if pobj:
                obj = pobj[0]
                if c.lower_ == "for":
                    return token_span(list(obj.subtree)), "call-for"
        elif c.dep_ in ("dobj", "dative") and obj is None:
            obj = c
    if obj is None:
        return None
    verbs = [c for c in list(tok.children) + list(obj.children) if c.dep_ in ("xcomp", "advcl", "ccomp", "acl") and c.i > obj.i]
    if not verbs:
        return None
    verb = verbs[0]
    if not any(t.lower_ == "to" for t in verb.subtree):
        return None
    start = obj.left_edge.idx
    end = max(t.idx + len(t.text) for t in verb.subtree)
    return (start, end), "directive"


def reported_candidates(doc, in_quote) -> list[Candidate]:
    """Candidates from speech verbs and "according to"."""
    out: list[Candidate] = []
    by_token: dict[int, Candidate] = {}
    for tok in doc:
        if tok.lower_ == "according":
            cand = _according(tok)
            if cand:
                out.append(cand)
            continue
        if not cue_ok(tok) or in_quote(tok.idx):
            continue
        found = _content_from_complement(tok) or _directive_content(tok)
        if found is None and tok.dep_ in ("parataxis", "ccomp", "advcl") and tok.head.i < tok.i and tok.head.pos_ in ("VERB", "AUX", "NOUN", "ADJ"):
            # "The economy is strong, he said." parsed with "said" hanging off the clause
            subj = [c for c in tok.children if c.dep_ in SUBJECTS]
            if subj and subj[0].lower_ not in EXPLETIVES:
                head = tok.head
                found = subtree_span(head, exclude=[tok]), "inverted"
        if found is None:
            continue
        (start, end), rule = found
        if end - start < 3:
            continue
        cs, ce = cue_extent(tok)
        cand = Candidate(start, end, rule, cs, ce, cue_token=tok)
        own = [c for c in tok.children if c.dep_ == "nsubj"]
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children):
            # passive: "was told that" names the hearer; only "... by X" names the speaker
            agents = [p for c in tok.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
            if not agents:
                continue
            own = agents
        parent = None if own else (by_token.get(tok.head.i) or by_token.get(tok.head.head.i))
        if parent is not None and tok.dep_ in FOLLOW_DEPS:
            cand.parent = parent  # "..., adding that" / "and stressed that": the same speaker
        else:
            subj = own[0] if own else find_subject(tok)
            if subj is None or subj.lower_ in EXPLETIVES:
                continue
            if subj.lower_ in ("who", "which", "that"):
                subj = subj.head.head if subj.head.dep_ == "relcl" else None
                if subj is None:
                    continue
            cand.subject = subj
        out.append(cand)
        by_token[tok.i] = cand
    return out


def _according(tok):
    to = [c for c in tok.children if c.lower_ == "to"]
    if not to:
        return None
    pobj = [c for c in to[0].children if c.dep_ == "pobj"]
    if not pobj:
        return None
    sent = tok.sent
    a, b = tok.left_edge.i, tok.right_edge.i
    before = (sent.start, a)
    after = (b + 1, sent.end)
    doc = tok.doc
    if a - sent.start <= 1:
        lo, hi = after
    elif sent.end - b <= 2:
        lo, hi = before
    else:
        lo, hi = sent.start, sent.end
    if hi <= lo:
        return None
    toks = [t for t in doc[lo:hi] if not (a <= t.i <= b)]
    if not toks:
        return None
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    cs = tok.idx
    ce = to[0].idx + len(to[0].text)
    return Candidate(start, end, "according", cs, ce, cue_token=tok, subject=pobj[0])
