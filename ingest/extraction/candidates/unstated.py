"""Reports that state nothing (issue 20, item 9: a stored statement is a statement), by the speaker audit's rubric
(docs/speaker-audit.md, "Conventions"): what a speech verb reports must be a proposition — a clause ("that ...",
"whether ...", a finite verb), a quotation, or an infinitive ("urged X to ...", "vowed to ..."); "called for ...",
"accused X of ..." and "praised / blamed X for ..." say what was asked for, charged or praised. Not stored:

- a bare noun phrase: "praised the plan", "slammed Clinton", "mentioned climate change", "talked about the border",
  "announced his resignation" (`bare_noun_phrase`);
- a refusal or a saying denied: "declined to comment", "refused to say whether ...", "did not say whether ...",
  "never mentioned Sanders by name" (`refused`, `negated_saying`);
- a naming or characterisation: "calling the issue a red line", "calls himself a socialist", "dubbed him ...",
  "described the plan as a disaster" (`naming`);
- a promise, threat or decision: "promising to sign the bill", "vowed to build a wall", "agreed to introduce a ban"
  (`committed`); not "urged X to ..." nor "called on X to ..." (a request, kept);

PolNeAR's annotators count most of these as speech; the product follows the issue (the cost is measured per rule in
docs/extraction.md, fourteenth session).

Public entries: states_nothing(tok, rule, start, end), asked of every non-clausal candidate in verbs.py beside
unsaid.says_nothing and unspoken.unspoken, and negated_saying(tok), asked of every candidate there. Unlike those, such a
candidate is not discarded at once: it is marked `unstated` and goes through speaker resolution, so that a quotation
or pronoun after "X called him a master." still knows who was acting; pipeline.analyse drops it after.
"""
from __future__ import annotations

from ..rules import R
from ..vocabulary import AUX, DOBJ, MARK, NEG, OPRD, PREP, RESPONDING_VERBS, SPEECH_VERBS, UNDONE, XCOMP

# tags of a finite verb: the content has a clause of its own (not one in a relative clause: `_describes_a_noun`)
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
# what a charge or reason after the object hangs on: "accused X of ...", "praised / blamed X for / over ..."
CHARGE_PREPS = frozenset({"of", "for", "over"})
# a request or cause argued for: "called for ...", "pushed for ...", "asked for ..."
ASKED_FOR = R.PREP + ":for"
# a request's object is what was asked for, like "called for X": "urges retaliation", "demanded an apology"
# (not "call", "tell", "ask": "called the election", "told the story", "asked a question")
REQUESTING = frozenset({"urge", "demand", "request", "implore", "beg"})
# verbs that commit to a deed: what follows in an infinitive is a promise, a threat, a proposal or a decision, not a
# proposition
COMMITTING = frozenset("promise vow pledge swear threaten agree offer commit guarantee propose".split())
# verbs of saying, for a saying denied (not think, believe, expect: a view)
SAYING = SPEECH_VERBS | RESPONDING_VERBS
QUOTATION_MARKS = frozenset("\"“”‘«»„")
# verbs whose "of / for / over" after the object gives a charge or a reason even where the parser hangs it on the
# object ("accused Clinton of lying", "praised the police for their restraint"); after other verbs it belongs to the
# noun ("expressed his support for X", "citing fears of terrorism": a noun phrase)
JUDGING = frozenset("""accuse charge suspect praise thank blame criticise criticize fault commend congratulate applaud
credit hail laud condemn chide rebuke scold attack slam""".split())


def states_nothing(tok, rule: str, start: int, end: int) -> bool:
    """Is the verb's non-clausal content no proposition by the rubric?"""
    if rule not in (R.DOBJ, R.XCOMP) and not rule.startswith(R.PREP + ":"):
        return False
    content = tok.doc.char_span(start, end, alignment_mode="expand")
    if content is None or not len(content):
        return False
    return bare_noun_phrase(tok, rule, content) or refused(tok) or naming(tok, rule, content) \
        or committed(tok, rule, content)


def _quoted(content) -> bool:
    """A quotation mark in or around the content (an apostrophe only when it opens or closes words, not "Trump's",
    "don't"): "say: “They'll go home”" has its marks just outside the content."""
    doc = content.doc
    content = doc[max(0, content.start - 1): min(len(doc), content.end + 1)]
    return any(t.text in QUOTATION_MARKS or (t.text in ("'", "’") and t.tag_ != "POS" and t.is_quote)
               or (t.is_quote and t.tag_ in ("``", "''")) for t in content)


def _clause(content) -> bool:
    """A clause or infinitive inside the content: a finite verb, "to" + verb, a subordinator ("whether", "that")."""
    for t in content:
        if _describes_a_noun(t, content):
            continue  # "blasted Sanders, who had given his own speech": the clause says who Sanders is, not what was said
        if t.tag_ in FINITE_TAGS or (t.pos_ in ("VERB", "AUX") and t.morph.get("VerbForm") == ["Fin"]):
            return True
        if t.tag_ == "VB" and any(c.dep_ == AUX and c.lower_ == "to" for c in t.children):
            return True
        if t.dep_ == MARK and t.head.pos_ in ("VERB", "AUX"):
            return True
        if t.tag_ == "VBG" and t.head.i != t.i and any(c.dep_ in (DOBJ, PREP) for c in t.children):
            return True  # "denied taking the money", "cited the memo as pointing to fraud": a deed or a claim
    return False


def _describes_a_noun(t, content) -> bool:
    """Is the token inside a relative clause of a noun in the content ("Sanders, who had given ...", "the plan that cut
    taxes")?"""
    for a in (t, *t.ancestors):
        if not content.start <= a.i < content.end:
            return False
        if a.dep_ == "relcl":
            return True
    return False


def _predicated(tok, obj) -> bool:
    """Does something after the object say what it is ("called X a liar", "described X as Y", "calls himself Y")?"""
    for c in tok.children:
        if c.i <= obj.i:
            continue
        if c.dep_ == OPRD or (c.dep_ == XCOMP and c.tag_ != "VB" and c.tag_ != "VBG"):
            return True
        if c.dep_ == PREP and c.lower_ == "as":
            return True
    return any(c.dep_ == PREP and c.lower_ == "as" for c in obj.children)  # "dismissed the claims as nonsense"


def _charged(tok, obj) -> bool:
    """ "accused Clinton of lying", "praised the police for their restraint", "blamed the bank for the losses": a
    charge or a reason after the object, on the verb, or on the object after a verb of judging (JUDGING)."""
    hung_on = list(tok.children) + (list(obj.children) if tok.lemma_.lower() in JUDGING else [])
    return any(c.dep_ == PREP and c.lower_ in CHARGE_PREPS and c.i > obj.i for c in hung_on)


def bare_noun_phrase(tok, rule: str, content) -> bool:
    """ "praised the plan", "slammed Clinton", "mentioned climate change", "talked about the border": a speech verb
    with a noun phrase that carries no proposition (no quotation, clause, infinitive, charge or reason). Not a
    naming ("called X a liar", below) nor a request ("called for / pushed for X", "urged restraint", "demanded an
    apology")."""
    if rule == R.XCOMP or rule == ASKED_FOR or tok.lemma_.lower() in REQUESTING or _quoted(content) or _clause(content):
        return False
    if rule == R.DOBJ:
        obj = next((c for c in tok.children if c.dep_ == DOBJ), None)
        if obj is None or _predicated(tok, obj) or _charged(tok, obj):
            return False
    return True


def refused(tok) -> bool:
    """ "declined to comment", "refused to say whether ...", "declined comment": a refusal, nothing said."""
    return tok.lemma_.lower() in UNDONE


def negated_saying(tok) -> bool:
    """ "did not say whether ...", "has not commented on ...", "never mentioned Sanders by name", "wouldn't confirm
    the report": a verb of saying denied, whatever it takes (asked of every construction in verbs.py). Not "not only
    said ... but" nor a verb of thinking ("does not believe that ...": a view stated)."""
    if tok.lemma_.lower() not in SAYING:
        return False
    doc = tok.doc
    return any(c.dep_ == NEG and not (c.i + 1 < len(doc) and doc[c.i + 1].lower_ in ("only", "just"))
               for c in tok.children)


def naming(tok, rule: str, content) -> bool:
    """ "calling the issue a red line", "calls himself a socialist", "dubbed him the king of debt", "has been called a
    charlatan", "described the plan as a disaster": what someone or something is called, with no quotation or clause.
    Not "called X 'a disgrace'" (quoted), "described X as a man who ..." (a clause), nor "accused X of ..."."""
    if rule != R.DOBJ or _quoted(content) or _clause(content):
        return False
    obj = next((c for c in tok.children if c.dep_ == DOBJ), None)
    if obj is None:
        return True  # the predicate alone ("Oz has been called a charlatan") or the object read as a clause
    return _predicated(tok, obj) and not _charged(tok, obj)


def committed(tok, rule: str, content) -> bool:
    """ "promising to sign the bill", "vowed to build a wall", "threatened to sue", "agreed to introduce a ban": a deed
    promised, threatened or agreed, in an infinitive, with no quotation ("vowed to “make America great again”" stays)."""
    first = next((t for t in content if t.dep_ != NEG), content[0])  # "vowed not to repeat it"
    return rule == R.XCOMP and tok.lemma_.lower() in COMMITTING and not _quoted(content) \
        and first.lower_ == "to" and first.dep_ == AUX  # not "proposed raising the tax to pay for ..."
