"""Reports that carry nothing said: a speech verb whose object or infinitive names a ruling, a deed, a business figure,
a topic no one answered on, or speech only tried, meant or due, rather than what someone said (issue 20, item 9: a
stored statement is a statement).

Not here: refusals ("declined to comment") and sayings denied are in unstated.py (PolNeAR's annotators count them
as speech; the issue's rubric does not, docs/extraction.md, fourteenth session); decisions ("agreed to introduce a
ban") stay statements.

Public entry: says_nothing(tok, rule), asked of every non-clausal candidate (rules dobj, xcomp, prep:*) in
verbs.py. A clause ("agreed that ...", "declined, saying ...") is never judged here: it says something.
"""
from __future__ import annotations

from ..rules import R
from ..vocabulary import (ADVCL, AUX, CITED_SOURCES, COURTS, DET, DOBJ, DOCUMENT_NOUNS, FIGURES, INFINITIVE_NOUNS,
                          INTENDING, NEG, NEWS_OUTLET_WORDS, NOUN_CUES, NSUBJ, NSUBJPASS, OPRD, PREP, PROCEEDINGS,
                          QUOTING_VERBS, RESPONDING_VERBS, RESULT_VERBS,
                          RULING_VERBS, RULING_WHEN_COURTS, SPEECH_OBJECT_VERBS, SPEECH_WORDS, XCOMP)
from .grammar import find_subject

NOMINAL = (R.DOBJ, R.XCOMP)


def says_nothing(tok, rule: str) -> bool:
    """Does this verb's non-clausal content name something other than what was said?"""
    nominal = rule in NOMINAL or rule.startswith(R.PREP + ":")
    if not nominal:
        return False
    return unanswered(tok) or ruled(tok, rule) or only_intended(tok, rule) or repeated_deed(tok, rule) \
        or figure_object(tok, rule) or cited_source(tok, rule)


def _object(tok):
    return next((c for c in tok.children if c.dep_ == DOBJ), None)


def _predicated(tok, obj) -> bool:
    """Does something after the object say what it is ("called X a liar", "described X as Y")?"""
    return any(c.i > obj.i and (c.dep_ in (OPRD, XCOMP) or (c.dep_ == PREP and c.lower_ == "as")) for c in tok.children)


def unanswered(tok) -> bool:
    """ "did not comment on the report", "would not respond to questions about ...": no answer, only its topic; and
    "announced no plans to ...", "expressed no regret": an object that says nothing was."""
    if tok.lemma_.lower() in RESPONDING_VERBS and any(c.dep_ == NEG for c in tok.children):
        return True
    obj = _object(tok)
    return obj is not None and any(c.dep_ == DET and c.lower_ == "no" for c in obj.children)


def ruled(tok, rule: str) -> bool:
    """ "The Court of Appeal dismissed both appeals", "a judge dismissed the attempt to ...": a ruling, not a statement.
    Known by who rules (a court, a judge) or by what is ruled on (an appeal, a case); for a verb anyone says ("Court
    rejects tobacco case", not "rejected the claim"), by both."""
    obj = _object(tok) if rule == R.DOBJ else None
    lemma = tok.lemma_.lower()
    if obj is None or lemma not in RULING_VERBS | RULING_WHEN_COURTS or _predicated(tok, obj):
        return False
    subj = find_subject(tok)
    proceeding, court = obj.lemma_.lower() in PROCEEDINGS, subj is not None and subj.lemma_.lower() in COURTS
    return (proceeding or court) if lemma in RULING_VERBS else (proceeding and court)


def only_intended(tok, rule: str) -> bool:
    """ "tried to explain the gap", "a term used to describe this trend", "is expected to announce her plans": a speech
    verb in an infinitive that is only tried, meant, due or used, with a topic as its object: nothing said yet. Not "seemed
    to blame X" nor "went on to discuss X" (the saying happened), nor an object with what it is ("used a slur to
    describe X as Y")."""
    if tok.dep_ not in (XCOMP, ADVCL) or not any(c.dep_ == AUX and c.lower_ == "to" for c in tok.children) \
            or any(c.dep_ in (NSUBJ, NSUBJPASS) for c in tok.children):
        return False
    if rule == R.DOBJ:
        obj = _object(tok)
        if obj is None or _predicated(tok, obj):
            return False
    elif not rule.startswith(R.PREP + ":"):
        return False
    head = tok.head
    if head.lemma_.lower() == "use":  # "used a slur to describe", "a term used to describe"; not "he used to criticise"
        return head.tag_ == "VBN" or any(c.dep_ == DOBJ for c in head.children)
    # the lemmatiser reads "hopes" as "hop"
    return head.lemma_.lower() in INTENDING or head.lower_ in INTENDING or head.lower_[:-1] in INTENDING


def repeated_deed(tok, rule: str) -> bool:
    """ "repeated the times he ran last season", "repeated the trick": what was repeated is no speech unless the object
    is a word for it ("repeated his claim that ...", "repeating a common line")."""
    obj = _object(tok) if rule == R.DOBJ else None
    if obj is None or tok.lemma_.lower() not in SPEECH_OBJECT_VERBS or _predicated(tok, obj):
        return False
    return obj.lemma_.lower() not in SPEECH_WORDS | NOUN_CUES | INFINITIVE_NOUNS | DOCUMENT_NOUNS


def figure_object(tok, rule: str) -> bool:
    """Is the object a business figure ("posted a 222% rise in annual profit", "reported a loss of $2bn")? A company's
    results, not something it said."""
    if rule != R.DOBJ or tok.lemma_.lower() not in RESULT_VERBS:
        return False
    obj = _object(tok)
    return obj is not None and obj.lemma_.lower() in FIGURES


def cited_source(tok, rule: str) -> bool:
    """ "citing two officials", "citing sources familiar with the talks", "Citing an interview with Politico", "citing
    the New York Times": who or what the news came from, not anything said ("citing low growth" is; "cited an official
    as saying ..." is the official's, found elsewhere)."""
    if rule != R.DOBJ or tok.lemma_.lower() not in QUOTING_VERBS:
        return False
    obj = _object(tok)
    if obj is None or _predicated(tok, obj):
        return False
    if obj.pos_ == "NOUN":
        return obj.lemma_.lower() in CITED_SOURCES
    return obj.pos_ == "PROPN" and obj.ent_type_ in ("PERSON", "ORG") and (
        obj.ent_type_ == "PERSON" or any(t.text in NEWS_OUTLET_WORDS for t in obj.subtree if t.i <= obj.i))
