"""What the candidate families share: which verbs are cues, the cue's extent, a cue's subject, follow-up cues inside a
content clause, and the trailing asides a content may be cut before."""
from __future__ import annotations

from ..document_names import capitalised_document
from ..lexicon import cuts_aside, is_cue
from ..vocabulary import (ACL, ACOMP, ADDRESSING_VERBS, ADVCL, ADVMOD, AGENT, AMOD, APPOS, AUX, CAUSING, CCOMP, COMPOUND, CONJ, CSUBJ,
                          DOBJ, DOCUMENT_NOUNS, FINDING_VERBS, MARK, NEG, NMOD, NPADVMOD, NSUBJ, NSUBJPASS, PARATAXIS,
                          PCOMP, POBJ, PREP, PRT, PUBLICATIONS, PUNCT, QUOTING_VERBS, RELCL, ROOT, SAYING_ADJECTIVES,
                          XCOMP)

SUBJECTS = (NSUBJ, NSUBJPASS)
MAX_SENTENCE_TOKENS = 250
FOLLOW_DEPS = (CONJ, ADVCL, XCOMP, PCOMP, PARATAXIS)
# What an "as" attribution's cue may carry besides its subject ("as police have said", "as X noted in an interview")
AS_CLAUSE_DEPS = frozenset({NSUBJ, MARK, AUX, NEG, ADVMOD, NPADVMOD, PRT, PUNCT, PREP})


def cue_ok(tok) -> bool:
    """Is this token a speech verb that can introduce a clause?"""
    if tok.pos_ not in ("VERB", "AUX") or tok.tag_ == "MD":
        return False
    lemma = tok.lemma_.lower()
    if lemma == "point":
        return any(c.dep_ == PRT and c.lower_ == "out" for c in tok.children)
    return is_cue(lemma) or document_finding(tok)


def document_finding(tok) -> bool:
    """ "The study found that ...", "Figures show that ...": a verb of finding with a document as its subject reports
    what the document says (a person who "found that" or "showed that" did something else)."""
    return tok.lemma_.lower() in FINDING_VERBS and (
        any(c.dep_ == NSUBJ and _document_phrase(c) for c in tok.children) or finding_read_as_clause(tok))


def finding_read_as_clause(tok) -> bool:
    """ "A Quinnipiac University poll found last week that ...", parsed as a poll "found last week" (a participle on
    the document, which heads the sentence): the document finds what the that-clause says."""
    return tok.dep_ == ACL and tok.tag_ == "VBN" and tok.head.dep_ == "ROOT" and _document_phrase(tok.head) \
        and any(c.dep_ == CCOMP and any(m.lower_ == "that" for m in c.children) for c in tok.children)


def _document_phrase(tok) -> bool:
    """ "the study", "figures", and a document named after its publisher that the parser hung on the name ("The Friends
    of the Earth study", its last word the document noun right after the name)."""
    if (tok.pos_ == "NOUN" and tok.lemma_.lower() in DOCUMENT_NOUNS | PUBLICATIONS) or capitalised_document(tok):
        return True  # "the study", "a Morning Consult Poll"
    if tok.pos_ == "PROPN" or (tok.text[:1].isupper() and not tok.is_sent_start):  # "Friends" read as a noun
        last = tok.right_edge
        return last.i > tok.i and tok.doc[last.i - 1].pos_ == "PROPN" and _document_phrase(last) \
            and _inside_name(last, tok)
    return False


def _inside_name(tok, name) -> bool:
    """Does `tok` hang on `name` through the name's own words ("of the Earth study"), not a clause or an aside?"""
    while tok.i != name.i:
        if tok.dep_ not in (POBJ, PREP, COMPOUND) or tok.head.i == tok.i:
            return False
        tok = tok.head
    return True


def cue_extent(tok) -> tuple[int, int]:
    """The cue text: the verb plus its particle, and the preposition of "call on/for"."""
    toks = [tok]
    for c in tok.children:
        if c.dep_ == PRT or (c.dep_ == PREP and c.lower_ in ("on", "upon", "for") and tok.lemma_ == "call"
                               and c.i == tok.i + 1):
            toks.append(c)
        elif c.dep_ == ADVCL and tok.lemma_ == "call":  # "called for X to ..." parsed as a clause marked by "for"
            toks += [m for m in c.children if m.dep_ == MARK and m.lower_ == "for" and m.i == tok.i + 1]
    toks.sort(key=lambda t: t.i)
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def find_subject(tok, depth=0):
    """The subject of a verb, inherited through conjunction, participles and relative clauses."""
    for c in tok.children:
        if c.dep_ in SUBJECTS:
            if c.lower_ in ("who", "which", "that") and tok.dep_ == RELCL:
                return relative_noun(c)
            return c
    if depth > 3:
        return None
    if tok.dep_ == RELCL and tok.head.pos_ in ("NOUN", "PROPN"):
        return tok.head
    if tok.dep_ == XCOMP and tok.head.lemma_.lower() in CAUSING:
        # "The protests prompted the mayor to say ...": the one prompted says it
        obj = next((c for c in tok.head.children if c.dep_ == DOBJ and c.i < tok.i), None)
        if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
            return obj
    if tok.dep_ == ACL and tok.tag_ == "VBG" and tok.head.lemma_.lower() in DOCUMENT_NOUNS:
        return tok.head  # "issued a statement saying ...": the statement (which speaks for whoever issued it)
    if tok.dep_ == ACL and tok.tag_ == "VBG" and tok.head.dep_ == DOBJ \
            and tok.head.head.lemma_.lower() in ADDRESSING_VERBS and tok.head.head.pos_ == "VERB":
        return find_subject(tok.head.head, depth + 1)  # "emailed supporters saying ...": the one who emailed them
    if tok.dep_ == ADVCL and tok.tag_ == "VBG" and tok.head.i < tok.i:
        agent = next((p for a in tok.head.children if a.dep_ == AGENT for p in a.children if p.dep_ == POBJ), None)
        if agent is not None:
            return agent  # "The plan was opposed by several unions, saying ...": the unions
    if said_as_adjective(tok):
        return find_subject(tok.head.head, depth + 1)  # "Aides are quick to point out that ...": the aides
    if tok.dep_ in (CONJ, ADVCL, XCOMP, ACL) and tok.head.i != tok.i and tok.head.pos_ in ("VERB", "AUX"):
        return find_subject(tok.head, depth + 1)
    if tok.dep_ == PCOMP and tok.head.dep_ == PREP and tok.head.head.pos_ in ("VERB", "AUX"):
        quoted = quoted_as_saying(tok)
        if quoted is not None:
            return quoted
        return find_subject(tok.head.head, depth + 1)  # "responded by saying that ...": the responder
    return _name_right_before(tok) or _noun_phrase_right_before(tok)


def _noun_phrase_right_before(tok):
    """The subject of a finite reporting verb the parser left without one, having hung the noun phrase before it on
    something earlier ("In an interview with hosts X and Y, the candidate stated that ...", "At Boca West, Jay
    DiPietro, the club's manager, suggested that ...", "..., the club's president and manager, suggested"): that phrase,
    or the name it is set off after; or None."""
    doc = tok.doc
    if tok.tag_ not in ("VBD", "VBZ", "VBP") or tok.dep_ not in (ROOT, CONJ) or tok.i < 2 \
            or not any(c.dep_ == CCOMP and c.i > tok.i for c in tok.children):
        return None
    set_off = doc[tok.i - 1].text == ","
    last = doc[tok.i - 2] if set_off else doc[tok.i - 1]
    head = last
    while head.dep_ in (COMPOUND, AMOD, NMOD) and head.head.i > head.i and head.head.i < tok.i:
        head = head.head
    if head.pos_ not in ("NOUN", "PROPN") or head.right_edge.i != last.i or head.dep_ not in (APPOS, POBJ, CONJ):
        return None
    while set_off and head.dep_ == CONJ and head.pos_ == "NOUN" and head.head.dep_ == APPOS and head.head.i < head.i:
        head = head.head  # ", the club's president and general manager,": the first of the two roles
    while set_off and head.dep_ == APPOS and head.ent_type_ not in ("PERSON", "ORG") \
            and head.head.pos_ in ("NOUN", "PROPN") and head.head.ent_type_ not in ("GPE", "LOC", "FAC", "DATE"):
        head = head.head  # ", the club's manager," after the name it describes
    return head


def said_as_adjective(tok) -> bool:
    """Is the verb said through an adjective that reports it as done ("are quick to point out", "was careful to note")?"""
    return tok.dep_ == XCOMP and tok.head.dep_ == ACOMP and tok.head.lemma_.lower() in SAYING_ADJECTIVES


def _name_right_before(tok):
    """A person or organisation named right before a verb the parser left without a subject (", former president
    Bill Clinton said his wife ..." read as an apposition to the name before it)."""
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    if prev is None or prev.ent_type_ not in ("PERSON", "ORG") or prev.dep_ not in (APPOS, CONJ, COMPOUND):
        return None
    return prev


def quoted_as_saying(tok):
    """ "The paper quoted the minister as saying ...": the one quoted (the object of "quoted"), or None."""
    prep, verb = tok.head, tok.head.head
    if prep.lower_ != "as" or verb.lemma_.lower() not in QUOTING_VERBS or not cue_ok(tok):
        return None
    return next((c for c in verb.children if c.dep_ == DOBJ), None)


def follow_ups_inside(comp):
    """Cue verbs inside a content clause that start a statement of their own:
    ", adding that ...", "and stressed that ...", ", with X calling on ..."."""
    out = []
    for t in comp.subtree:
        if t.i == comp.i or t.dep_ not in (ADVCL, CONJ, PCOMP, PARATAXIS) or not cue_ok(t):
            continue
        if _inside_embedded_clause(t, comp) and not any(c.dep_ in SUBJECTS for c in t.children):
            continue  # ("with Lavrov calling on ..." hung inside a relative clause still stands apart: it names its own)
        cut = t.head if t.dep_ == PCOMP else t
        first = cut.left_edge
        prev = first.doc[first.i - 1] if first.i > 0 else None
        if first.lower_ in ("and", "with", "while") or (prev is not None and prev.text in (",", ";", "—", "–", "and")):
            out.append(cut)
    for t in comp.subtree:  # a report deeper in a clause joined on ("..., and more than 4 in 10 said Trump would ...")
        if t.i == comp.i or not cue_ok(t) or not any(c.dep_ == CCOMP for c in t.children) \
                or any(t in o.subtree for o in out):
            continue
        joined = _joined_clause(t, comp)
        if joined is not None and joined.i > comp.i and joined.left_edge.i > comp.left_edge.i + 2:
            out.append(joined)
    return out


def _inside_embedded_clause(tok, comp) -> bool:
    """Does `tok` sit inside a relative or complement clause of the content ("..., which she was doing when police
    stopped her and told her to leave": the police told her, not the speaker)?"""
    up = tok.head
    while up.i != comp.i and up.head.i != up.i:
        if up.dep_ in (RELCL, ACL, CCOMP, XCOMP, CSUBJ):
            return True
        up = up.head
    return False


def _joined_clause(tok, comp):
    """The clause holding `tok` that is joined to the content `comp` by a conjunction, "while"/"though" or a participle
    (not a relative or complement clause, whose reports are part of what is said); or None."""
    joined = tok
    while joined.dep_ not in (CONJ, ADVCL, PARATAXIS):
        if joined.dep_ in (RELCL, ACL, XCOMP, CCOMP) or joined.head.i == joined.i or joined.head.i == comp.i:
            return None
        joined = joined.head
    if joined.i == comp.i or comp not in joined.ancestors:
        return None
    if joined.dep_ == ADVCL and joined.tag_ != "VBG" and not {m.lower_ for m in joined.children if m.dep_ == MARK} \
            & {"while", "though", "although", "whereas"}:
        return None  # "because ...", "if ...": part of what is said
    return joined


def trailing_aside(comp):
    """(token, type) of a comma-set modifier that closes the clause: ", which ..." (relcl), ", the ..."
    (appos), ", citing ..." (participle), ", although ..." (concessive), ", because ..." (causal),
    ", in ..." (prep); or None."""
    doc = comp.doc
    last = comp.right_edge.i
    for t in comp.subtree:
        if t.i == comp.i or t.right_edge.i != last or t.left_edge.i - comp.left_edge.i < 4:
            continue
        if doc[t.left_edge.i - 1].text not in (",", "—", "–", "--"):
            continue
        marks = {m.lower_ for m in t.children if m.dep_ == MARK}
        if t.dep_ == RELCL and t.head.pos_ == "PROPN":
            kind = "relcl-name"  # ", who ..." on a name: more often left out than a relative clause on a thing
        elif t.dep_ in (RELCL, APPOS):
            kind = t.dep_
        elif t.dep_ in (ACL, ADVCL) and t.tag_ in ("VBG", "VBN") and not marks:
            kind = "participle"
        elif t.dep_ == ADVCL and marks & {"although", "though", "while", "whereas"}:
            kind = "concessive"
        elif t.dep_ == ADVCL and marks & {"because", "as", "since"}:
            kind = "causal"
        elif t.dep_ == PREP:
            kind = "prep"
        else:
            continue
        return t, kind
    return None


def cut_aside(comp, end: int, cut=None) -> int:
    """End of the content without a trailing aside the train split's annotators leave out."""
    found = trailing_aside(comp)
    if found is None:
        return end
    tok, kind = found
    if not (cut(kind) if cut is not None else cuts_aside(kind)):
        return end
    comma = tok.doc[tok.left_edge.i - 1]
    return min(end, comma.idx)


def relative_noun(pronoun):
    """The noun a relative clause's "who"/"which" hangs on: the clause's head, or, when the parser hung the clause on
    the verb ("turned to the police department which reported ..."), the noun right before the pronoun; or None."""
    head = pronoun.head.head
    if head.pos_ not in ("VERB", "AUX"):
        return head
    prev = pronoun.doc[pronoun.i - 1] if pronoun.i > 0 else None
    return prev if prev is not None and prev.pos_ in ("NOUN", "PROPN") else None
