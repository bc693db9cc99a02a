"""Nominal reports: a noun phrase, infinitive or prepositional object as what was said ("criticized X", "called X
Y", "vowed to ...", "talked about X"), a pro-form standing for it ("said so"), and speech nouns ("Trump's claim that
...")."""
from __future__ import annotations

from ..lexicon import is_cue
from ..rules import R
from ..spans import subtree_span, token_span
from ..vocabulary import (ACL, ADVCL, ADVMOD, ATTR, CCOMP, DET, DOBJ, DOCUMENT_NOUNS, INFINITIVE_NOUNS, INTJ, MARK,
                          NOMINAL_PREPS, NOUN_CUES, NPADVMOD, NSUBJ, NSUBJPASS, OPRD, PCOMP, POBJ, POSS, PREP,
                          SUPPORT_VERBS, VENUES, WHEN_WORDS, XCOMP)
from .grammar import cue_ok, cut_aside, follow_ups_inside, quoted_as_saying
from .record import Candidate

# Comma-set asides that close a reported noun phrase or infinitive and describe it rather than report it
# ("praised X, which ...", "criticized X, citing ..."): in train[300:] annotators left relative clauses out
# 9 times to 8 and participles 10 to 2, but kept appositions 22 to 9.
NOMINAL_ASIDE_CUTS = frozenset({"relcl", "relcl-name", "participle"})


def nominal(tok):
    """What the verb reports as a noun phrase or infinitive: ("dobj"|"xcomp"|"prep:about"...) span."""
    kids = list(tok.children)
    # not an apposition to a prepositional object the parser hung on the verb ("pointed to Britain's exit as ..., a key
    # factor in ...")
    dobj = [c for c in kids if c.dep_ == DOBJ and c.i > tok.i
            and not (tok.doc[c.left_edge.i - 1].text == "," and any(p.dep_ == PREP and tok.i < p.i < c.i for p in kids))]
    if not dobj:  # "calling Trump a fascist" with the object parsed as a clause whose own object is the predicate
        dobj = [c for c in kids if c.dep_ == XCOMP and c.i == tok.i + 1 and (c.pos_ in ("PROPN", "NOUN", "PRON")
                                                                             or c.text[:1].isupper())
                and any(x.dep_ in (DOBJ, ATTR, OPRD) for x in c.children)]
    predicates = [c for c in kids if c.dep_ == OPRD and c.i > tok.i]
    if not dobj and len(predicates) > 1 and not any(c.dep_ == DOBJ for c in kids):
        dobj = predicates[:1]  # "called Oz a quack": the parser may read the object as a predicate too
    if not dobj and len(predicates) == 1 and any(c.dep_ == NSUBJPASS for c in kids):
        return subtree_span(predicates[0]), R.DOBJ  # "Oz has been called a charlatan by ...": what he was called
    if dobj:
        d = dobj[0]
        if any(c.dep_ == PREP and c.lower_ == "as" and any(quoted_as_saying(p) == d for p in c.children if p.dep_ == PCOMP)
               for c in kids):
            return None  # "quoted the minister as saying ...": what the minister said is the statement
        end_tok = d.right_edge
        for c in kids:  # "called X a liar", "described X as Y", "accused X of Y"
            if c.i > d.i and (c.dep_ in (OPRD, XCOMP, CCOMP) or (c.dep_ == PREP and _reports_about(c, d))
                              or _noun_infinitive(c, d)):
                end_tok = max(end_tok, c.right_edge, key=lambda t: t.i)
        toks = tok.doc[d.left_edge.i: end_tok.i + 1]
        as_ = [c for c in kids if c.dep_ == PREP and c.lower_ == "as" and c.i > d.i]
        when = next((t for a in as_ for t in a.subtree if _when_or_where(t)), None)
        if when is not None:  # "blasted Clinton as a “disgrace” Wednesday on The Laura Ingraham Show"
            toks = tok.doc[d.left_edge.i: when.left_edge.i]
        end = toks[-1].idx + len(toks[-1].text)
        if end_tok.i == d.right_edge.i:
            end = cut_aside(d, end, NOMINAL_ASIDE_CUTS.__contains__)
        saying = saying_on_object(d)
        if saying is not None:  # "rejected that idea saying ...": what was said comes next, as a statement of its own
            before = tok.doc[saying.left_edge.i - 1]
            end = min(end, before.idx + len(before.text))
        return (toks[0].idx, end), R.DOBJ
    xcomp = [c for c in kids if c.dep_ == XCOMP and c.i > tok.i
             and (c.tag_ == "VBG" or any(x.lower_ == "to" and x.i < c.i for x in c.children))]  # "vowed to ...", "proposed dropping ..." 
    if xcomp:
        start, end = subtree_span(xcomp[0], exclude=follow_ups_inside(xcomp[0]))
        return (start, cut_aside(xcomp[0], end, NOMINAL_ASIDE_CUTS.__contains__)), R.XCOMP
    # "pointed to X" only when no other preposition says what about ("talked to reporters about the plan")
    preps = [c for c in kids if c.dep_ == PREP and c.i > tok.i and c.lower_ in NOMINAL_PREPS]
    for c in sorted(preps, key=lambda c: c.lower_ == "to"):
        pobj = [x for x in c.children if x.dep_ in (POBJ, PCOMP)]
        if c.lower_ == "as" and any(p.i < c.i and p.lower_ != "as" and any(x.dep_ == POBJ for x in p.children)
                                    for p in preps):
            continue  # "pointed to the strike as a sign of ...": what it was pointed to, and as what
        if pobj:
            toks = list(pobj[0].subtree)
            after = toks[-1].i + 1 + (tok.doc[toks[-1].i + 1].text == "," if toks[-1].i + 1 < len(tok.doc) else 0)
            as_ = next((p for p in preps if p.lower_ == "as" and p.i == after), None)
            return token_span(toks + ([as_.right_edge] if as_ is not None else [])), R.PREP + ":" + c.lower_
    return None


def pro_form(tok):
    """A word standing for what was said, right after the verb: "half said so", "75 percent said yes", "said no to
    the war", "said as much", "suggest otherwise", "said the same (thing) of Trump", "said that of Cruz", "say the
    opposite about Clinton". Polls report answers this way; the span is the pro-form and whom it is about."""
    doc = tok.doc
    if tok.i + 1 >= len(doc):
        return None
    first = doc[tok.i + 1]
    word = first.lower_
    if first.head.i != tok.i and not (word in ("as", "the") and first.head.head.i == tok.i):
        return None
    if word in ("so", "otherwise") and first.dep_ == ADVMOD and not list(first.children):
        last = first
    elif word == "as" and first.head.lower_ == "much":
        last = first.head
    elif word in ("yes", "no") and first.dep_ in (INTJ, DOBJ, ADVMOD) and not list(first.children):
        last = first  # and the answers repeated after it ("said yes, yes, yes")
        while last.i + 2 < len(doc) and doc[last.i + 1].text == "," and doc[last.i + 2].lower_ == word:
            last = doc[last.i + 2]
    elif first.dep_ == DET and first.lower_ == "the" and first.head.dep_ == DOBJ and first.head.head.i == tok.i and (
            first.head.lemma_ in ("same", "opposite") or any(c.lower_ == "same" for c in first.head.children)):
        last = first.head.right_edge  # "the same thing", "the same of Trump"
    elif word == "that" and first.dep_ == DOBJ and any(c.dep_ == PREP and c.lower_ in ("of", "about", "for")
                                                         for c in first.children):
        last = first.right_edge
    else:
        return None
    if word not in ("yes", "no"):  # the same thing, not ", including ..." after it
        last = next((t for t in doc[first.i: last.i + 1] if t.nbor(1).text in (",", ";", "—", "–")), last)
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if after is not None and after.dep_ == PREP and after.head.i == tok.i and after.lower_ in ("of", "about", "for", "to"):
        last = after.right_edge  # "said the same of Trump", "said no to the Iraq war"
    return token_span([first, last]), R.PRO_FORM


def saying_on_object(obj):
    """A reporting participle with a clause the parser hung on a reported object ("rejected that idea saying intercept
    evidence is ..."): the one who rejected says it; or None. Not on a document or someone who can say it themselves
    ("noted published reports alleging that ...": the reports allege it)."""
    if obj.lemma_.lower() in DOCUMENT_NOUNS or obj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return None
    return next((c for c in obj.children if c.dep_ == ACL and c.tag_ == "VBG" and c.i > obj.i and cue_ok(c)
                 and any(x.dep_ == CCOMP for x in c.children)), None)


def _when_or_where(tok) -> bool:
    """Does this modifier, hung inside "as Y" after a reported object, say when or where the words were said
    ("Wednesday", "during a campaign stop", "on his radio show") rather than add to them?"""
    if tok.dep_ == NPADVMOD:
        return tok.ent_type_ in ("DATE", "TIME") or tok.lower_.rstrip(".") in WHEN_WORDS
    if tok.dep_ != PREP or tok.head.dep_ not in (POBJ, PCOMP):
        return False
    if tok.lower_ == "during":
        return True
    pobj = next((x for x in tok.children if x.dep_ == POBJ), None)
    return pobj is not None and tok.lower_ in ("on", "in", "at") and (
        pobj.ent_type_ in ("DATE", "TIME") or pobj.lower_.rstrip(".") in WHEN_WORDS or pobj.lemma_.lower() in VENUES)


def _reports_about(prep, obj) -> bool:
    """Does this prepositional phrase after a reported object belong to what is reported ("blamed the law on X",
    "praised the efforts of a donor to ...") rather than say when or where it was said ("on Sunday", "in a tweet")?"""
    if prep.lower_ in ("as", "of", "for"):  # "described X as Y", "accused X of Y", "praised X for Y"
        return True
    if prep.lower_ == "during":
        return False
    if obj.pos_ == "PRON":  # "repeated it on Face the Nation": what follows a pronoun says where, not what
        return False
    pobj = next((x for x in prep.children if x.dep_ in (POBJ, PCOMP)), None)
    if pobj is None or (pobj.tag_ == "VBG" and prep.lower_ != "about"):  # "in answering", not "about raising"
        return False
    if pobj.ent_type_ in ("DATE", "TIME") or pobj.lower_.rstrip(".") in WHEN_WORDS:
        return False
    return pobj.lemma_.lower() not in VENUES or pobj.ent_type_ == "PERSON"  # "his engagement to Jerry Hall"


def _noun_infinitive(c, obj) -> bool:
    """Is this infinitive, hung on the verb straight after its object, the object's own ("repeated his call to raise
    the minimum wage", "welcomed the decision to ...")?"""
    return c.dep_ in (ADVCL, XCOMP) and c.left_edge.i == obj.right_edge.i + 1 and c.left_edge.lower_ == "to" \
        and obj.lemma_.lower() in INFINITIVE_NOUNS


def noun_cue(tok):
    """ "Trump's claim that ...", "the ministry's warning that ...": a speech noun, its owner and its clause."""
    lemma = tok.lemma_.lower()
    # "made the point that ...", "repeated his claim that ...": the noun's verb is what its subject did with it
    support = tok.head if tok.dep_ == DOBJ and tok.head.lemma_.lower() in SUPPORT_VERBS else None
    if tok.pos_ != "NOUN" or not (lemma in NOUN_CUES or (support is not None and lemma in ("point", "case"))):
        return None
    owner = [c for c in tok.children if c.dep_ == POSS and c.pos_ in ("PROPN", "NOUN")]
    if not owner:
        owner = [p for c in tok.children if c.dep_ == PREP and c.lower_ == "by" for p in c.children if p.dep_ == POBJ]
    if not owner and support is not None:
        owner = [c for c in support.children if c.dep_ == NSUBJ]
    clause = [c for c in tok.children if c.dep_ in (ACL, CCOMP) and c.i > tok.i
              and any(m.dep_ == MARK and m.lower_ == "that" for m in c.children)]
    if not owner or not clause:
        return None
    start, end = subtree_span(clause[0])
    return Candidate(start, end, R.NOUN, tok.idx, tok.idx + len(tok.text), cue_token=tok, subject=owner[0])


def verb_read_as_noun(tok):
    """ "Trump claims that he ...", "Trump charges that ...": a name the tagger took for a noun makes the speech verb
    after it a plural noun; with "that" and a clause right after, it is the verb, and the name its subject."""
    doc = tok.doc
    if not tok.text.endswith("s") or not tok.text.islower() or tok.i == 0 or not is_cue(tok.lemma_.lower()):
        return None
    name = doc[tok.i - 1]
    if not name.text[:1].isupper() or name.pos_ not in ("PROPN", "NOUN") or name.dep_ == POSS:
        return None
    clause = next((c for c in tok.children if c.dep_ in (CCOMP, ACL) and c.i > tok.i and any(
        m.dep_ == MARK and m.lower_ == "that" and m.i == tok.i + 1 for m in c.children)), None)
    if clause is None:
        return None
    start, end = subtree_span(clause, exclude=follow_ups_inside(clause))
    return Candidate(start, end, R.CCOMP, tok.idx, tok.idx + len(tok.text), cue_token=tok, subject=name)
