"""Reported speech: a speech verb and what it introduces.

- a clause: "said (that) ...", "told reporters ...", "..., he said" (ccomp on either side, or the
  verb hanging off the clause as parataxis);
- "calling on X to ...", "urged X to ..." (directive), "called for X";
- a noun phrase or infinitive for verbs that report speech that way ("criticized X", "called X Y",
  "vowed to ...", "talked about X"), accepted per verb and construction from the learned lexicon;
- conjoined and participial follow-ups ("and stressed that", ", adding that") inherit the speaker;
- "according to X".
"""
from __future__ import annotations

from .candidates import Candidate
from .lexicon import DIRECTIVE_VERBS, accepts, candidate_lemmas, cuts_aside, is_cue
from .rules import CLAUSAL, R
from .spans import subtree_span, subtree_tokens, token_span
from .vocabulary import CAUSING, DOCUMENT_NOUNS, EXPLETIVES, FIGURES, INFINITIVE_NOUNS, NOMINAL_PREPS, NOUN_CUES, OBJECT_PRONOUNS, QUESTION_VERBS, QUOTE_OPENERS, QUOTING_VERBS, RESPONSE_VERBS, RESULT_VERBS, SAYING_ADJECTIVES, SUBORDINATORS, SUPPORT_VERBS, TELLING, UNDONE, VENUES, WHEN_WORDS, WISHED

SUBJECTS = ("nsubj", "nsubjpass")
MAX_SENTENCE_TOKENS = 250
FOLLOW_DEPS = ("conj", "advcl", "xcomp", "pcomp", "parataxis")
# Comma-set asides that close a reported noun phrase or infinitive and describe it rather than report it
# ("praised X, which ...", "criticized X, citing ..."): in train[300:] annotators left relative clauses out
# 9 times to 8 and participles 10 to 2, but kept appositions 22 to 9.
NOMINAL_ASIDE_CUTS = frozenset({"relcl", "relcl-name", "participle"})
# What an "as" attribution's cue may carry besides its subject ("as police have said", "as X noted in an interview")
AS_CLAUSE_DEPS = frozenset({"nsubj", "mark", "aux", "neg", "advmod", "npadvmod", "prt", "punct", "prep"})


def cue_ok(tok) -> bool:
    """Is this token a speech verb that can introduce a clause?"""
    if tok.pos_ not in ("VERB", "AUX") or tok.tag_ == "MD":
        return False
    lemma = tok.lemma_.lower()
    if lemma == "point":
        return any(c.dep_ == "prt" and c.lower_ == "out" for c in tok.children)
    return is_cue(lemma)


def cue_extent(tok) -> tuple[int, int]:
    """The cue text: the verb plus its particle, and the preposition of "call on/for"."""
    toks = [tok]
    for c in tok.children:
        if c.dep_ == "prt" or (c.dep_ == "prep" and c.lower_ in ("on", "upon", "for") and tok.lemma_ == "call"
                               and c.i == tok.i + 1):
            toks.append(c)
        elif c.dep_ == "advcl" and tok.lemma_ == "call":  # "called for X to ..." parsed as a clause marked by "for"
            toks += [m for m in c.children if m.dep_ == "mark" and m.lower_ == "for" and m.i == tok.i + 1]
    toks.sort(key=lambda t: t.i)
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def find_subject(tok, depth=0):
    """The subject of a verb, inherited through conjunction, participles and relative clauses."""
    for c in tok.children:
        if c.dep_ in SUBJECTS:
            if c.lower_ in ("who", "which", "that") and tok.dep_ == "relcl":
                return _relative_noun(c)
            return c
    if depth > 3:
        return None
    if tok.dep_ == "relcl" and tok.head.pos_ in ("NOUN", "PROPN"):
        return tok.head
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in CAUSING:
        # "The protests prompted the mayor to say ...": the one prompted says it
        obj = next((c for c in tok.head.children if c.dep_ == "dobj" and c.i < tok.i), None)
        if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
            return obj
    if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.lemma_.lower() in DOCUMENT_NOUNS:
        return tok.head  # "issued a statement saying ...": the statement (which speaks for whoever issued it)
    if tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.head.i < tok.i:
        agent = next((p for a in tok.head.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"), None)
        if agent is not None:
            return agent  # "The plan was opposed by several unions, saying ...": the unions
    if _said_as_adjective(tok):
        return find_subject(tok.head.head, depth + 1)  # "Aides are quick to point out that ...": the aides
    if tok.dep_ in ("conj", "advcl", "xcomp", "acl") and tok.head.i != tok.i and tok.head.pos_ in ("VERB", "AUX"):
        return find_subject(tok.head, depth + 1)
    if tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.head.pos_ in ("VERB", "AUX"):
        quoted = _quoted_as_saying(tok)
        if quoted is not None:
            return quoted
        return find_subject(tok.head.head, depth + 1)  # "responded by saying that ...": the responder
    return _name_right_before(tok) or _noun_phrase_right_before(tok)


def _noun_phrase_right_before(tok):
    """The subject of a finite reporting verb the parser left without one, having hung the noun phrase before it on
    something earlier ("In an interview with hosts X and Y, the candidate stated that ...", "At Boca West, Jay
    DiPietro, the club's manager, suggested that ..."): that phrase, or the name it is set off after; or None."""
    doc = tok.doc
    if tok.tag_ not in ("VBD", "VBZ", "VBP") or tok.dep_ not in ("ROOT", "conj") or tok.i < 2 \
            or not any(c.dep_ == "ccomp" and c.i > tok.i for c in tok.children):
        return None
    set_off = doc[tok.i - 1].text == ","
    last = doc[tok.i - 2] if set_off else doc[tok.i - 1]
    head = last
    while head.dep_ in ("compound", "amod", "nmod") and head.head.i > head.i and head.head.i < tok.i:
        head = head.head
    if head.pos_ not in ("NOUN", "PROPN") or head.right_edge.i != last.i or head.dep_ not in ("appos", "pobj", "conj"):
        return None
    while set_off and head.dep_ == "appos" and head.ent_type_ not in ("PERSON", "ORG") \
            and head.head.pos_ in ("NOUN", "PROPN") and head.head.ent_type_ not in ("GPE", "LOC", "FAC", "DATE"):
        head = head.head  # ", the club's manager," after the name it describes
    return head


def _said_as_adjective(tok) -> bool:
    """Is the verb said through an adjective that reports it as done ("are quick to point out", "was careful to note")?"""
    return tok.dep_ == "xcomp" and tok.head.dep_ == "acomp" and tok.head.lemma_.lower() in SAYING_ADJECTIVES


def _name_right_before(tok):
    """A person or organisation named right before a verb the parser left without a subject (", former president
    Bill Clinton said his wife ..." read as an apposition to the name before it)."""
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    if prev is None or prev.ent_type_ not in ("PERSON", "ORG") or prev.dep_ not in ("appos", "conj", "compound"):
        return None
    return prev


def _quoted_as_saying(tok):
    """ "The paper quoted the minister as saying ...": the one quoted (the object of "quoted"), or None."""
    prep, verb = tok.head, tok.head.head
    if prep.lower_ != "as" or verb.lemma_.lower() not in QUOTING_VERBS or not cue_ok(tok):
        return None
    return next((c for c in verb.children if c.dep_ == "dobj"), None)


def follow_ups_inside(comp):
    """Cue verbs inside a content clause that start a statement of their own:
    ", adding that ...", "and stressed that ...", ", with X calling on ..."."""
    out = []
    for t in comp.subtree:
        if t.i == comp.i or t.dep_ not in ("advcl", "conj", "pcomp", "parataxis") or not cue_ok(t):
            continue
        if _inside_embedded_clause(t, comp) and not any(c.dep_ in SUBJECTS for c in t.children):
            continue  # ("with Lavrov calling on ..." hung inside a relative clause still stands apart: it names its own)
        cut = t.head if t.dep_ == "pcomp" else t
        first = cut.left_edge
        prev = first.doc[first.i - 1] if first.i > 0 else None
        if first.lower_ in ("and", "with", "while") or (prev is not None and prev.text in (",", ";", "—", "–", "and")):
            out.append(cut)
    for t in comp.subtree:  # a report deeper in a clause joined on ("..., and more than 4 in 10 said Trump would ...")
        if t.i == comp.i or not cue_ok(t) or not any(c.dep_ == "ccomp" for c in t.children) \
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
        if up.dep_ in ("relcl", "acl", "ccomp", "xcomp", "csubj"):
            return True
        up = up.head
    return False


def _joined_clause(tok, comp):
    """The clause holding `tok` that is joined to the content `comp` by a conjunction, "while"/"though" or a participle
    (not a relative or complement clause, whose reports are part of what is said); or None."""
    joined = tok
    while joined.dep_ not in ("conj", "advcl", "parataxis"):
        if joined.dep_ in ("relcl", "acl", "xcomp", "ccomp") or joined.head.i == joined.i or joined.head.i == comp.i:
            return None
        joined = joined.head
    if joined.i == comp.i or comp not in joined.ancestors:
        return None
    if joined.dep_ == "advcl" and joined.tag_ != "VBG" and not {m.lower_ for m in joined.children if m.dep_ == "mark"} \
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
        marks = {m.lower_ for m in t.children if m.dep_ == "mark"}
        if t.dep_ == "relcl" and t.head.pos_ == "PROPN":
            kind = "relcl-name"  # ", who ..." on a name: more often left out than a relative clause on a thing
        elif t.dep_ in ("relcl", "appos"):
            kind = t.dep_
        elif t.dep_ in ("acl", "advcl") and t.tag_ in ("VBG", "VBN") and not marks:
            kind = "participle"
        elif t.dep_ == "advcl" and marks & {"although", "though", "while", "whereas"}:
            kind = "concessive"
        elif t.dep_ == "advcl" and marks & {"because", "as", "since"}:
            kind = "causal"
        elif t.dep_ == "prep":
            kind = "prep"
        else:
            continue
        return t, kind
    return None


def _cut_aside(comp, end: int, cut=None) -> int:
    """End of the content without a trailing aside the train split's annotators leave out."""
    found = trailing_aside(comp)
    if found is None:
        return end
    tok, kind = found
    if not (cut(kind) if cut is not None else cuts_aside(kind)):
        return end
    comma = tok.doc[tok.left_edge.i - 1]
    return min(end, comma.idx)


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
        if not cue.i < c.i < subj.left_edge.i or c.dep_ in ("mark", "punct"):
            continue
        if (c.dep_ == "npadvmod" or (c.dep_ == "prep" and c.lower_ == "on")) and any(
            t.lower_.rstrip(".") in WHEN_WORDS for t in c.subtree
        ):
            found.append(c)
        else:
            return []
    return found


def _subordinate(clause) -> bool:
    """Is this adverbial clause introduced as one ("when ...", "as ...", "which ...")? Then it is not a
    complement the parser mislabelled."""
    subj = next((x for x in clause.children if x.dep_ == "nsubj"), None)
    if subj is None or subj.lower_ in ("which", "who", "that", "what"):
        return True
    return any(x.dep_ == "mark" or (x.dep_ == "advmod" and x.lower_ in SUBORDINATORS and x.i < subj.i)
               for x in clause.children)


def _clause(tok, cut=None):
    # a finite clause with its own subject, whether parsed as a complement, as an xcomp (after "told reporters")
    # or, with no conjunction of its own, as an adverbial clause ("said after the convention he would ...")
    comps = [c for c in tok.children if c.i > tok.i and (c.dep_ == "ccomp" or (
        c.dep_ in ("xcomp", "advcl") and any(x.dep_ == "nsubj" for x in c.children)
        and not (c.dep_ == "advcl" and _subordinate(c))
        and (c.tag_ in ("VBD", "VBZ", "VBP") or any(x.dep_ == "aux" and x.lower_ != "to" for x in c.children))))]
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
        if quoted and close is not None and any(c.dep_ == "conj" and c.i > close.i for c in comps[0].children):
            end = min(end, close.idx + len(close.text))
        # "said that A, and B" / "said A, but could not B": a clause conjoined to the verb right after its
        # complement is usually the complement's second half misattached by the parser (not after such a quotation)
        # (on "are" of "are quick to point out that A, and that B")
        hosts = [tok, tok.head.head] if _said_as_adjective(tok) else [tok]
        for c in (c for host in hosts for c in host.children):
            closed = quoted and any(t.tag_ == "''" for t in tok.doc[comps[0].right_edge.i: c.left_edge.i])
            if c.dep_ != "conj" or c.i < comps[0].i or cue_ok(c) or closed or _writers_clause(c) or c.left_edge.i < 2:
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
        return (start, _cut_aside(comps[-1], end, cut)), "ccomp"
    left = [c for c in tok.children if c.dep_ == "ccomp" and c.i < tok.i] or _unlabelled_left(tok)
    if left and _directive(tok) is None:  # "... prompted censure - he told refugees to go home": what he told them
        comp = left[-1]
        between = tok.doc[comp.right_edge.i + 1: tok.i]
        reports_itself = cue_ok(comp) and any(c.dep_ == "ccomp" for c in comp.children)
        # the comma closing the clause may hang inside it ("... to the UK, sources close to the talks tell the FT")
        if not reports_itself and (any(t.is_punct for t in between) or comp.right_edge.text in (",", "—", "–")):
            start, end = subtree_span(comp, exclude=follow_ups_inside(comp))
            for first in reversed(left[:-1]):  # "A, but B, MPs said": both halves, read as two clauses of "said"
                joint = tok.doc[max(first.i, first.right_edge.i - 1): comp.left_edge.i]
                if not all(t.is_punct or t.dep_ == "cc" or t.i <= first.right_edge.i for t in joint) \
                        or not any(t.dep_ == "cc" and t.lower_ in ("but", "and") for t in joint):
                    break
                start, comp = subtree_span(first, exclude=follow_ups_inside(first))[0], first
            return (start, _cut_aside(left[-1], end, cut)), "ccomp-left"
    return None


def _writers_clause(conj) -> bool:
    """Is this ", and <subject> <verb>" with a noun subject of its own and no "that", most often the writer's next
    point rather than the second half of what was said?"""
    doc, first = conj.doc, conj.left_edge.i
    return first > 1 and doc[first - 1].lower_ == "and" and doc[first - 2].text == "," \
        and any(x.dep_ in SUBJECTS and x.pos_ != "PRON" for x in conj.children) \
        and not any(x.dep_ == "mark" for x in conj.children)


def _unlabelled_left(tok) -> list:
    """A sentence before ", experts say." that the parser could not label, a verbless headline line most often
    ("Language unclear on whether single mothers are covered, experts say."), or read as a second subject ("People
    like Scott, he said."): [it], or []."""
    if tok.dep_ != "ROOT" or any(c.i > tok.i and not c.is_punct for c in tok.children):
        return []
    subj = next((c for c in reversed(list(tok.lefts)) if c.dep_ == "nsubj"), None)
    dep = next((c for c in tok.lefts if c.dep_ in ("dep", "nsubj") and subj is not None and c.i < subj.i), None)
    if subj is None or dep is None or dep.left_edge.i != tok.sent.start or dep.right_edge.i + 2 != subj.left_edge.i \
            or tok.doc[dep.right_edge.i + 1].text != ",":
        return []
    return [dep]


def _object_as_subject(tok, comp):
    """The complement's subject when the parser read it as the verb's object ("promised the powers would only be
    used ..." with "the powers" the object of "promised" and "would be used" a clause without subject), or None."""
    if any(c.dep_ in (*SUBJECTS, "csubj", "csubjpass", "expl", "mark") for c in comp.children):
        return None  # "asked Trump if ...", "convince itself that ...": the object is the one addressed
    obj = next((c for c in tok.children if c.dep_ == "dobj" and c.i < comp.i), None)
    if obj is None or obj.lower_ in OBJECT_PRONOUNS:
        return None
    # only modifiers of the verb may stand between ("stressed rise in rates ahead of the election would not ...")
    between = {t.i for c in tok.children if c.dep_ in ("advmod", "prep", "npadvmod") for t in c.subtree}
    doc = tok.doc
    # or the comma closing an aside on the object ("announced its deal with Tesco, which gave it 500 stores, would end")
    aside = any(t.dep_ in ("relcl", "appos") and doc[t.left_edge.i - 1].text == "," for t in obj.subtree)
    if aside and doc[obj.right_edge.i + 1].text == ",":
        between.add(obj.right_edge.i + 1)
    if any(t.i not in between or (t.is_punct and t.text != ",") for t in doc[obj.right_edge.i + 1: comp.left_edge.i]):
        return None
    return obj


def _directive(tok):
    """ "calling on X to do", "urged X to do", "called for X" """
    lemma = tok.lemma_.lower()
    if lemma not in DIRECTIVE_VERBS:
        return None
    obj = None
    for c in tok.children:
        if lemma == "call" and c.dep_ == "advcl" and c.i > tok.i:
            # "called for X to do Y", parsed as a clause with "for" as its marker
            mark = [m for m in c.children if m.dep_ == "mark" and m.lower_ == "for" and m.i == tok.i + 1]
            toks = [t for t in c.subtree if mark and t.i > mark[0].i]
            if toks:
                return token_span(toks), "call-for"
        if c.dep_ == "prep" and c.lower_ in ("on", "upon", "for") and lemma == "call":
            pobj = [x for x in c.children if x.dep_ == "pobj"]
            if pobj:
                obj = pobj[0]
                if c.lower_ == "for":
                    # "called for X to resign": the infinitive is hung on the verb, after X
                    then = [v for v in tok.children if v.dep_ in ("xcomp", "advcl") and v.i > obj.i
                            and v.left_edge.i == obj.right_edge.i + 1 and v.left_edge.lower_ == "to"]
                    return token_span(list(obj.subtree) + [t for v in then[:1] for t in v.subtree]), "call-for"
        elif c.dep_ in ("dobj", "dative") and obj is None:
            obj = c
    if obj is None:
        return None
    verbs = [c for c in list(tok.children) + list(obj.children) if c.dep_ in ("xcomp", "advcl", "ccomp", "acl") and c.i > obj.i]
    # the infinitive's own "to" ("urged X to act"), not one deep in a participle after it ("told X of its decision,
    # clearing the way for it to conclude a deal")
    if not verbs or not any(t.lower_ == "to" and t.dep_ in ("aux", "mark") and t.head.i == verbs[0].i
                            for t in verbs[0].subtree):
        return None
    end = max(t.idx + len(t.text) for t in verbs[0].subtree)
    return (obj.left_edge.idx, end), "directive"


def _nominal(tok):
    """What the verb reports as a noun phrase or infinitive: ("dobj"|"xcomp"|"prep:about"...) span."""
    kids = list(tok.children)
    # not an apposition to a prepositional object the parser hung on the verb ("pointed to Britain's exit as ..., a key
    # factor in ...")
    dobj = [c for c in kids if c.dep_ == "dobj" and c.i > tok.i
            and not (tok.doc[c.left_edge.i - 1].text == "," and any(p.dep_ == "prep" and tok.i < p.i < c.i for p in kids))]
    if not dobj:  # "calling Trump a fascist" with the object parsed as a clause whose own object is the predicate
        dobj = [c for c in kids if c.dep_ == "xcomp" and c.i == tok.i + 1 and (c.pos_ in ("PROPN", "NOUN", "PRON")
                                                                             or c.text[:1].isupper())
                and any(x.dep_ in ("dobj", "attr", "oprd") for x in c.children)]
    predicates = [c for c in kids if c.dep_ == "oprd" and c.i > tok.i]
    if not dobj and len(predicates) > 1 and not any(c.dep_ == "dobj" for c in kids):
        dobj = predicates[:1]  # "called Oz a quack": the parser may read the object as a predicate too
    if not dobj and len(predicates) == 1 and any(c.dep_ == "nsubjpass" for c in kids):
        return subtree_span(predicates[0]), "dobj"  # "Oz has been called a charlatan by ...": what he was called
    if dobj:
        d = dobj[0]
        if any(c.dep_ == "prep" and c.lower_ == "as" and any(_quoted_as_saying(p) == d for p in c.children if p.dep_ == "pcomp")
               for c in kids):
            return None  # "quoted the minister as saying ...": what the minister said is the statement
        end_tok = d.right_edge
        for c in kids:  # "called X a liar", "described X as Y", "accused X of Y"
            if c.i > d.i and (c.dep_ in ("oprd", "xcomp", "ccomp") or (c.dep_ == "prep" and _reports_about(c, d))
                              or _noun_infinitive(c, d)):
                end_tok = max(end_tok, c.right_edge, key=lambda t: t.i)
        toks = tok.doc[d.left_edge.i: end_tok.i + 1]
        as_ = [c for c in kids if c.dep_ == "prep" and c.lower_ == "as" and c.i > d.i]
        when = next((t for a in as_ for t in a.subtree if _when_or_where(t)), None)
        if when is not None:  # "blasted Clinton as a “disgrace” Wednesday on The Laura Ingraham Show"
            toks = tok.doc[d.left_edge.i: when.left_edge.i]
        end = toks[-1].idx + len(toks[-1].text)
        if end_tok.i == d.right_edge.i:
            end = _cut_aside(d, end, NOMINAL_ASIDE_CUTS.__contains__)
        saying = _saying_on_object(d)
        if saying is not None:  # "rejected that idea saying ...": what was said comes next, as a statement of its own
            before = tok.doc[saying.left_edge.i - 1]
            end = min(end, before.idx + len(before.text))
        return (toks[0].idx, end), "dobj"
    xcomp = [c for c in kids if c.dep_ == "xcomp" and c.i > tok.i
             and (c.tag_ == "VBG" or any(x.lower_ == "to" and x.i < c.i for x in c.children))]  # "vowed to ...", "proposed dropping ..." 
    if xcomp:
        start, end = subtree_span(xcomp[0], exclude=follow_ups_inside(xcomp[0]))
        return (start, _cut_aside(xcomp[0], end, NOMINAL_ASIDE_CUTS.__contains__)), "xcomp"
    # "pointed to X" only when no other preposition says what about ("talked to reporters about the plan")
    preps = [c for c in kids if c.dep_ == "prep" and c.i > tok.i and c.lower_ in NOMINAL_PREPS]
    for c in sorted(preps, key=lambda c: c.lower_ == "to"):
        pobj = [x for x in c.children if x.dep_ in ("pobj", "pcomp")]
        if c.lower_ == "as" and any(p.i < c.i and p.lower_ != "as" and any(x.dep_ == "pobj" for x in p.children)
                                    for p in preps):
            continue  # "pointed to the strike as a sign of ...": what it was pointed to, and as what
        if pobj:
            toks = list(pobj[0].subtree)
            after = toks[-1].i + 1 + (tok.doc[toks[-1].i + 1].text == "," if toks[-1].i + 1 < len(tok.doc) else 0)
            as_ = next((p for p in preps if p.lower_ == "as" and p.i == after), None)
            return token_span(toks + ([as_.right_edge] if as_ is not None else [])), "prep:" + c.lower_
    return None


def _pro_form(tok):
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
    if word in ("so", "otherwise") and first.dep_ == "advmod" and not list(first.children):
        last = first
    elif word == "as" and first.head.lower_ == "much":
        last = first.head
    elif word in ("yes", "no") and first.dep_ in ("intj", "dobj", "advmod") and not list(first.children):
        last = first  # and the answers repeated after it ("said yes, yes, yes")
        while last.i + 2 < len(doc) and doc[last.i + 1].text == "," and doc[last.i + 2].lower_ == word:
            last = doc[last.i + 2]
    elif first.dep_ == "det" and first.lower_ == "the" and first.head.dep_ == "dobj" and first.head.head.i == tok.i and (
            first.head.lemma_ in ("same", "opposite") or any(c.lower_ == "same" for c in first.head.children)):
        last = first.head.right_edge  # "the same thing", "the same of Trump"
    elif word == "that" and first.dep_ == "dobj" and any(c.dep_ == "prep" and c.lower_ in ("of", "about", "for")
                                                         for c in first.children):
        last = first.right_edge
    else:
        return None
    if word not in ("yes", "no"):  # the same thing, not ", including ..." after it
        last = next((t for t in doc[first.i: last.i + 1] if t.nbor(1).text in (",", ";", "—", "–")), last)
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if after is not None and after.dep_ == "prep" and after.head.i == tok.i and after.lower_ in ("of", "about", "for", "to"):
        last = after.right_edge  # "said the same of Trump", "said no to the Iraq war"
    return token_span([first, last]), "pro-form"


def _saying_on_object(obj):
    """A reporting participle with a clause the parser hung on a reported object ("rejected that idea saying intercept
    evidence is ..."): the one who rejected says it; or None. Not on a document or someone who can say it themselves
    ("noted published reports alleging that ...": the reports allege it)."""
    if obj.lemma_.lower() in DOCUMENT_NOUNS or obj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return None
    return next((c for c in obj.children if c.dep_ == "acl" and c.tag_ == "VBG" and c.i > obj.i and cue_ok(c)
                 and any(x.dep_ == "ccomp" for x in c.children)), None)


def _when_or_where(tok) -> bool:
    """Does this modifier, hung inside "as Y" after a reported object, say when or where the words were said
    ("Wednesday", "during a campaign stop", "on his radio show") rather than add to them?"""
    if tok.dep_ == "npadvmod":
        return tok.ent_type_ in ("DATE", "TIME") or tok.lower_.rstrip(".") in WHEN_WORDS
    if tok.dep_ != "prep" or tok.head.dep_ not in ("pobj", "pcomp"):
        return False
    if tok.lower_ == "during":
        return True
    pobj = next((x for x in tok.children if x.dep_ == "pobj"), None)
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
    pobj = next((x for x in prep.children if x.dep_ in ("pobj", "pcomp")), None)
    if pobj is None or (pobj.tag_ == "VBG" and prep.lower_ != "about"):  # "in answering", not "about raising"
        return False
    if pobj.ent_type_ in ("DATE", "TIME") or pobj.lower_.rstrip(".") in WHEN_WORDS:
        return False
    return pobj.lemma_.lower() not in VENUES or pobj.ent_type_ == "PERSON"  # "his engagement to Jerry Hall"


def _noun_infinitive(c, obj) -> bool:
    """Is this infinitive, hung on the verb straight after its object, the object's own ("repeated his call to raise
    the minimum wage", "welcomed the decision to ...")?"""
    return c.dep_ in ("advcl", "xcomp") and c.left_edge.i == obj.right_edge.i + 1 and c.left_edge.lower_ == "to" \
        and obj.lemma_.lower() in INFINITIVE_NOUNS


def _inverted(tok):
    """ "The economy is strong, he said." or "The museum, he said, is ..." with "said" hanging off
    the clause it reports. A parenthetical cue yields the whole sentence around it (the cue inside)."""
    head = tok.head
    if (tok.dep_ not in ("parataxis", "ccomp", "advcl") and not _comma_spliced(tok)) or head.i == tok.i \
            or head.pos_ not in ("VERB", "AUX", "NOUN", "ADJ"):
        return None
    subj = [c for c in tok.children if c.dep_ in SUBJECTS]
    if not subj or subj[0].lower_ in EXPLETIVES:
        return None
    if any((c.dep_ == "mark" and c.lower_ != "as") or c.tag_ == "WRB" for c in tok.children if c.i < tok.i):
        return None  # "..., when he insisted on paying, Francis has ...": a subordinate clause, not an attribution
    doc = tok.doc
    # the cue phrase itself: a clause the parser hung on the cue ("If this fails, Mr. Berg argues, ...") is not in it
    # and neither is a sentence adverbial before it ("Instead, Trump told CNN, his policy would ...")
    clauses = [c for c in tok.children if c.i < subj[0].i and (c.dep_ in ("advcl", "ccomp", "conj", "parataxis") or (
        c.dep_ in ("advmod", "npadvmod", "prep") and c.right_edge.i + 1 < subj[0].left_edge.i
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
                return token_span([clause.left_edge, clause.right_edge]), "parenthetical"
            return None
        if cue_ok(head) or lo == 0 or doc[lo - 1].text not in (",", "—", "–", "”", '"', "''"):
            return None
        return subtree_span(head, exclude=[tok]), "inverted"
    if lo > head.left_edge.i and _set_off(doc, lo, hi) and not _reports_speech(head):
        if hi + 2 <= head.right_edge.i and all(t.dep_ in ("cc", "punct") or (t.dep_ == "advmod" and t.head.i == head.i)
                                               for t in doc[head.left_edge.i: lo]):
            # "But, he added, those keen to use ... will not": nothing of the clause stands before the cue
            return token_span([doc[hi + 2], head.right_edge]), "parenthetical"
        return token_span([head.left_edge, head.right_edge]), "parenthetical"
    return None


def _reports_speech(verb) -> bool:
    """Is this a cue verb naming someone who speaks? Not an agentless passive ("In several cases, executives say,
    they have been asked to ...": the asking is part of what they say, by no one named)."""
    if not cue_ok(verb):
        return False
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    return not passive or any(c.dep_ == "agent" for c in verb.children)


def _hearer_in_subject(tok, comp):
    """ "Mr Lammy told BBC News Labour MPs would not get a free vote": the organisation told, which the parser read into
    the clause's subject ("BBC News Labour MPs"); its entity span, or None."""
    if tok.lemma_.lower() not in TELLING or any(c.dep_ in ("dobj", "dative") for c in tok.children):
        return None
    subj = next((c for c in comp.children if c.dep_ in SUBJECTS), None)
    first = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if subj is None or first is None or subj.left_edge.i != first.i or first.ent_iob_ != "B" or first.ent_type_ != "ORG":
        return None
    ent = next(e for e in tok.doc.ents if e.start == first.i)
    return ent if ent.end <= subj.i and subj.i - ent.end >= 1 else None


def _clause_on_hearer(tok):
    """ "Frank Field told BBC Two's Newsnight programme there was a danger ...": what was told, read as a clause on
    the hearer's noun straight after it (no "that", "which" or "who" opening it)."""
    if tok.lemma_.lower() not in TELLING:
        return None
    for hearer in (c for c in tok.children if c.dep_ in ("dobj", "dative")):
        for c in hearer.rights:
            subj = next((x for x in c.children if x.dep_ in (*SUBJECTS, "expl")), None)
            if c.dep_ in ("acl", "relcl") and c.left_edge.i == hearer.i + 1 and subj is not None \
                    and subj.lower_ not in ("who", "which", "that", "whom"):
                return subtree_span(c, exclude=follow_ups_inside(c)), "ccomp"
    return None


def _clause_it_hangs_on(tok):
    """ "after Trump told The Washington Post he was “not quite there yet”", "with McCain telling reporters on Thursday
    he viewed Obama as ...": the clause that follows a telling verb and its hearer straight on, no comma between,
    which the parser hung elsewhere (the cue on it, or it on the main clause); that clause is what was told."""
    doc = tok.doc
    nxt = tok.right_edge.i + 1
    if tok.lemma_.lower() not in TELLING or not any(c.dep_ in ("dobj", "dative") for c in tok.children) \
            or nxt >= len(doc) or doc[nxt].is_punct or doc[nxt - 1].is_punct or doc[nxt].sent != tok.sent:
        return None
    subj = doc[nxt]
    while subj.dep_ in ("det", "amod", "compound", "poss", "nummod") and subj.head.i > subj.i:
        subj = subj.head  # "the party would ...": the subject's head noun
    verb = subj.head
    if subj.dep_ not in SUBJECTS or verb.i < subj.i or verb.pos_ not in ("VERB", "AUX") or subj.left_edge.i != nxt:
        return None
    toks = [t for t in verb.subtree if t.i >= nxt]
    while toks and toks[-1].is_punct:
        toks.pop()
    return (token_span(toks), "ccomp") if toks else None


def _comma_spliced(tok) -> bool:
    """A cue the parser conjoined to the clause before it with no "and" or "but", only a comma before its subject
    ("..., remains committed to the race, his top aide, Tad Devine, told The Huffington Post.")."""
    if tok.dep_ != "conj" or tok.head.i > tok.i:
        return False
    subj = next((c for c in tok.children if c.dep_ in SUBJECTS), None)
    if subj is None or subj.left_edge.i == 0 or tok.doc[subj.left_edge.i - 1].text != ",":
        return False
    return not any(c.dep_ == "cc" and c.i < tok.i for c in (*tok.head.children, *tok.children))


def _as_clause(tok):
    """ "As the Post reported, the fund ...", "Hawaii, as one adviser pointed out, does not ...": the clause an "as"
    attribution hangs on, when the cue has no complement of its own ("as he tries to put to rest questions about")."""
    if tok.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ == "as" and c.i < tok.i for c in tok.children) \
            or not any(c.dep_ == "nsubj" for c in tok.children):  # "failed as predicted" names no one
        return None
    # "as X noted (in an interview)", not "As Clinton talked about ...", "as Freddy joked with his friend"
    if any(c.dep_ not in AS_CLAUSE_DEPS or (c.dep_ == "prep" and c.lower_ not in ("in", "on", "at", "during"))
           for c in tok.children):
        return None
    head = tok.head
    if head.pos_ not in ("VERB", "AUX") or not any(c.dep_ in SUBJECTS for c in head.children):
        return None
    if tok.left_edge.i == head.left_edge.i:  # "As X said, <clause>"
        rest = list(tok.doc[tok.right_edge.i + 1: head.right_edge.i + 1])
        return (token_span(rest), "parenthetical") if rest else None
    if tok.i > head.i and all(t.is_punct for t in tok.doc[tok.right_edge.i + 1: head.right_edge.i + 1]):
        return token_span(subtree_tokens(head, exclude=[tok])), "parenthetical"  # "<clause>, as police have said."
    return token_span([head.left_edge, head.right_edge]), "parenthetical"


def _as_parenthetical(tok):
    """ "Hawaii, as one adviser pointed out, normally does not get ...", parsed with the cue as the sentence's root (or
    hung on it) and the clause's subject as the cue's: the whole sentence, the cue inside."""
    doc = tok.doc
    found = _as_phrase(tok) if tok.dep_ in ("ROOT", "parataxis") else None
    if found is None or not any(c.dep_ == "nsubj" and c.i < found[0].i for c in tok.children):
        return None
    after = max([tok] + [c for c in tok.rights if c.dep_ == "prt"], key=lambda t: t.i)
    rest = [t for t in doc[after.i + 2: tok.sent.end] if not t.is_punct]
    if after.i + 1 >= tok.sent.end or doc[after.i + 1].text != "," or len(rest) < 2:
        return None
    return token_span([doc[tok.sent.start], rest[-1]]), "parenthetical"


def _as_phrase(tok):
    """(the "as", the one it names) of ", as <someone> pointed out," set into a clause, whether the parser hung the
    "as" on the cue or on the clause's subject and read the one named as the cue's subject or as the object of "as";
    or None."""
    doc = tok.doc
    places = [tok, *(c for c in tok.lefts if c.dep_ == "nsubj")]
    as_ = next((c for p in places for c in p.children if c.dep_ in ("prep", "mark") and c.lower_ == "as"
                and 0 < c.i < tok.i and doc[c.i - 1].text == ","), None)
    if as_ is None:
        return None
    named = next((c for c in [*tok.children, *as_.children] if c.dep_ in ("nsubj", "pobj") and c.left_edge.i == as_.i + 1),
                 None)
    if named is None or any(t.dep_ not in ("aux", "neg", "advmod") for t in doc[named.right_edge.i + 1: tok.i]):
        return None
    return as_, named


def _set_off(doc, lo: int, hi: int) -> bool:
    """Are tokens lo..hi set off by commas or dashes on both sides?"""
    return lo > 0 and doc[lo - 1].text in (",", "—", "–") and hi + 1 < len(doc) and doc[hi + 1].text in (",", "—", "–")


def _question(tok):
    """ "asked whether X ...", "asked if X ...": the question, which the parser hangs on the verb as an adverbial clause;
    and what someone has not said ("Lawmakers have not said when they would take up the bill": after a negated verb,
    "when", "why" or "how" open an indirect question, where after "said" alone they mostly say when it was said)."""
    if tok.lemma_.lower() in QUESTION_VERBS:
        for c in tok.children:
            if c.dep_ == "advcl" and c.i > tok.i and any(m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.children):
                return subtree_span(c, exclude=follow_ups_inside(c)), "ccomp"
    if cue_ok(tok) and any(c.dep_ == "neg" for c in tok.children):
        for c in tok.children:
            if c.dep_ == "advcl" and c.left_edge.i == tok.i + 1 and c.left_edge.lower_ in ("when", "why", "how", "whether"):
                return subtree_span(c, exclude=follow_ups_inside(c)), "ccomp"
    return None


def _clause_under_phrase(tok):
    """ "said in a statement that the talks would resume", "reported at the time that X had ...": a that-clause
    with its own subject which the parser hung on the noun of the phrase between the verb and the clause."""
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.i < tok.i:
            continue
        for noun in prep.children:
            if noun.dep_ != "pobj":
                continue
            for c in noun.rights:
                first = c.left_edge
                subj = next((x for x in c.children if x.dep_ in SUBJECTS), None)
                if c.dep_ in ("acl", "relcl", "ccomp") and first.lower_ == "that" and first.dep_ in ("mark", "advmod") \
                        and subj is not None and subj.lower_ not in ("who", "which", "that"):
                    start, end = subtree_span(c, exclude=follow_ups_inside(c))
                    return (start, _cut_aside(c, end)), "ccomp"
    return None


def _asked_participle(tok) -> bool:
    """ "Asked about the report, Clinton said ...": a bare passive participle of a question verb."""
    return tok.tag_ == "VBN" and tok.lemma_.lower() in QUESTION_VERBS and tok.dep_ in ("advcl", "acl", "conj") \
        and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in tok.children)


def _figure_object(tok, rule: str) -> bool:
    """Is the object a business figure ("posted a 222% rise in annual profit", "reported a loss of $2bn")? A company's
    results, not something it said."""
    if rule != "dobj" or tok.lemma_.lower() not in RESULT_VERBS:
        return False
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    return obj is not None and obj.lemma_.lower() in FIGURES


def _undone(tok) -> bool:
    """Is the verb what someone refused or failed to do ("refuses to release his records or explain ..."), or what
    someone would have another do ("would prefer Turkey to admit that ...", "wants him to say")?"""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ != "xcomp":
        return False
    lemma = tok.head.lemma_.lower()
    return lemma in UNDONE or (lemma in WISHED and any(c.dep_ == "dobj" and c.i < tok.i for c in tok.head.children))


def complement(tok):
    """(span, construction) of what the verb reports, or None; clauses first."""
    if tok.dep_ == "parataxis" or _comma_spliced(tok):
        # "Instead, Berg told CNN, her policy would be ...", "..., his aide told the Post": the clause it hangs on
        # before any object
        return _as_parenthetical(tok) or _clause(tok) or _inverted(tok) or _nominal(tok)
    if tok.dep_ in ("ccomp", "advcl") and tok.head.i > tok.i:
        # a cue hung on a clause after it ("Instead, Trump told CNN, his policy ..."): that clause before its object
        return (_clause(tok) or _as_clause(tok) or _inverted(tok) or _clause_under_phrase(tok) or _question(tok)
                or _directive(tok) or _clause_it_hangs_on(tok) or _nominal(tok))
    return (_as_parenthetical(tok) or _clause(tok) or _clause_under_phrase(tok) or _question(tok) or _directive(tok)
            or _as_clause(tok) or _clause_it_hangs_on(tok) or _clause_on_hearer(tok) or _pro_form(tok) or _nominal(tok)
            or _inverted(tok))


def _colon_block(tok):
    """ "Limbaugh added:" closing its paragraph and the next paragraph unquoted: a block quotation whose marks were the
    page's layout; that paragraph, or None."""
    doc, text = tok.doc, tok.doc.text
    if tok.i + 1 >= len(doc) or doc[tok.i + 1].text != ":" or not cue_ok(tok):
        return None
    after = doc[tok.i + 1].idx + 1
    newline = text.find("\n", after)
    if newline < 0 or text[after:newline].strip():
        return None
    start = len(text) - len(text[newline:].lstrip())
    if start >= len(text) or text[start] in QUOTE_OPENERS:
        return None  # a quotation: the quote rules' to attribute
    end = text.find("\n", start)
    return (start, len(text) if end < 0 else end), "block"


def _noun_cue(tok):
    """ "Trump's claim that ...", "the ministry's warning that ...": a speech noun, its owner and its clause."""
    lemma = tok.lemma_.lower()
    # "made the point that ...", "repeated his claim that ...": the noun's verb is what its subject did with it
    support = tok.head if tok.dep_ == "dobj" and tok.head.lemma_.lower() in SUPPORT_VERBS else None
    if tok.pos_ != "NOUN" or not (lemma in NOUN_CUES or (support is not None and lemma in ("point", "case"))):
        return None
    owner = [c for c in tok.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN")]
    if not owner:
        owner = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "by" for p in c.children if p.dep_ == "pobj"]
    if not owner and support is not None:
        owner = [c for c in support.children if c.dep_ == "nsubj"]
    clause = [c for c in tok.children if c.dep_ in ("acl", "ccomp") and c.i > tok.i
              and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
    if not owner or not clause:
        return None
    start, end = subtree_span(clause[0])
    return Candidate(start, end, "noun", tok.idx, tok.idx + len(tok.text), cue_token=tok, subject=owner[0])


def _verb_read_as_noun(tok):
    """ "Trump claims that he ...", "Trump charges that ...": a name the tagger took for a noun makes the speech verb
    after it a plural noun; with "that" and a clause right after, it is the verb, and the name its subject."""
    doc = tok.doc
    if not tok.text.endswith("s") or not tok.text.islower() or tok.i == 0 or not is_cue(tok.lemma_.lower()):
        return None
    name = doc[tok.i - 1]
    if not name.text[:1].isupper() or name.pos_ not in ("PROPN", "NOUN") or name.dep_ == "poss":
        return None
    clause = next((c for c in tok.children if c.dep_ in ("ccomp", "acl") and c.i > tok.i and any(
        m.dep_ == "mark" and m.lower_ == "that" and m.i == tok.i + 1 for m in c.children)), None)
    if clause is None:
        return None
    start, end = subtree_span(clause, exclude=follow_ups_inside(clause))
    return Candidate(start, end, "ccomp", tok.idx, tok.idx + len(tok.text), cue_token=tok, subject=name)


def reported_candidates(doc, in_quote) -> list[Candidate]:
    """Candidates from speech verbs and "according to"."""
    out: list[Candidate] = []
    by_token: dict[int, Candidate] = {}
    lemmas = candidate_lemmas()
    # a "sentence" of hundreds of tokens is not prose (lists, tables, markup): its parse is no guide,
    # and walking its subtrees would cost time quadratic in its length
    skip = [(s.start, s.end) for s in doc.sents if len(s) > MAX_SENTENCE_TOKENS]
    for tok in doc:
        if skip and any(a <= tok.i < b for a, b in skip):
            continue
        if tok.lower_ == "according":
            cand = _according(tok)
            if cand:
                out.append(cand)
            continue
        if tok.pos_ == "NOUN" and not in_quote(tok.idx):
            cand = _noun_cue(tok) or _verb_read_as_noun(tok)
            if cand:
                out.append(cand)
            continue
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in lemmas or in_quote(tok.idx):
            continue
        if _undone(tok):
            continue  # "refused to comment on the reports", "people who fail to say they have moved"
        found = complement(tok) or _colon_block(tok)
        if found is None:
            continue
        (start, end), rule = found
        lemma = tok.lemma_.lower()
        if rule in CLAUSAL and not cue_ok(tok):
            # a verb that does not report clauses: the clause the parser hung on it is no complement
            # ("cited remarks Trump had made about X as examples of ...", "made" read as a clause of "cited")
            found = _nominal(tok)
            if found is None:
                continue
            (start, end), rule = found
        if rule not in CLAUSAL and (not accepts(lemma, rule) or _figure_object(tok, rule)):
            continue
        if end - start < 3 and rule != "pro-form":
            continue
        cs, ce = cue_extent(tok)
        cand = Candidate(start, end, rule, cs, ce, cue_token=tok)
        # of two subjects ("Cory Doctorow, European outreach coordinator for ..., said"), the name
        own = sorted((c for c in tok.children if c.dep_ == "nsubj" and not _other_clause_subject(c, tok, start, end)),
                     key=lambda c: (c.ent_type_ not in ("PERSON", "ORG"), abs(c.i - tok.i)))
        if rule == "parenthetical" and not own and (as_phrase := _as_phrase(tok)) is not None:
            own = [as_phrase[1]]
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children) or _asked_participle(tok):
            # passive: "was told that" names the hearer, "Asked about X, she said" the one asked; only "... by X"
            # names the speaker
            agents = [p for c in tok.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
            if not agents:
                continue
            own = agents
        quoted = _quoted_as_saying(tok) if tok.dep_ == "pcomp" else None
        if quoted is not None:
            own = [quoted]  # "cited an official as saying ...": the official, not whoever cited them
        parent = None if own else (by_token.get(tok.head.i) or by_token.get(tok.head.head.i)
                                   or _left_out_of(tok, by_token))
        saying = _saying_on_object(tok.head) if tok.dep_ == "acl" else None
        if parent is not None and (tok.dep_ in FOLLOW_DEPS or (saying is not None and saying.i == tok.i)):
            cand.parent = parent  # "..., adding that" / "and stressed that": the same speaker
        else:
            if own:
                subj = own[0]
            elif saying is not None and saying.i == tok.i and tok.head.dep_ == "dobj" \
                    and tok.head.head.lemma_.lower() in lemmas | RESPONSE_VERBS:
                subj = find_subject(tok.head.head)  # "Airlines have attacked the legislation saying ...": the airlines
            else:
                subj = find_subject(tok)
            if subj is None and tok.dep_ == "acl" and tok.tag_ == "VBG" and rule in ("ccomp", "directive") \
                    and tok.head.pos_ in ("NOUN", "PROPN"):
                subj = tok.head  # "dozens of calls saying shots had been fired", "staff members suggesting that ..."
            if subj is None or subj.lower_ in EXPLETIVES:
                continue
            if subj.lower_ in ("who", "which", "that"):
                noun = _relative_noun(subj) if subj.head.dep_ == "relcl" else None
                subj = _antecedent(noun) if noun is not None else None
                if subj is None:
                    continue
            cand.subject = subj
        out.append(cand)
        by_token[tok.i] = cand
    return out


def _other_clause_subject(subj, tok, start: int, end: int) -> bool:
    """Is this subject of the cue really what was said ("People like Scott, he said.") or the subject of the clause the
    cue is set into ("Hawaii, as one adviser pointed out, does not ...")?"""
    if start <= subj.idx and subj.right_edge.idx < end <= tok.idx:
        return True
    found = _as_phrase(tok)
    return found is not None and subj.i < found[0].i


def _left_out_of(tok, by_token):
    """The candidate of a cue further up whose content this follow-up was left out of ("has said his comments may
    have been offensive but were not racist, and said earlier ..." with the second "said" hung on "were"), or None."""
    up = tok.head
    for _ in range(4):
        if up.i == up.head.i:
            return None
        up = up.head
        cand = by_token.get(up.i)
        if cand is not None:
            return cand if tok in follow_ups_inside(up) and not cand.start <= tok.idx < cand.end else None
    return None


def _relative_noun(pronoun):
    """The noun a relative clause's "who"/"which" hangs on: the clause's head, or, when the parser hung the clause on
    the verb ("turned to the police department which reported ..."), the noun right before the pronoun; or None."""
    head = pronoun.head.head
    if head.pos_ not in ("VERB", "AUX"):
        return head
    prev = pronoun.doc[pronoun.i - 1] if pronoun.i > 0 else None
    return prev if prev is not None and prev.pos_ in ("NOUN", "PROPN") else None


def _antecedent(noun):
    """Who a relative pronoun's noun stands for: "Trump is a serial liar, xenophobe and birther who has pledged ..."
    is Trump, the subject the predicate noun describes."""
    top = noun
    while top.dep_ == "conj" and top.head.i != top.i:
        top = top.head
    if top.dep_ == "attr" and top.head.lemma_ == "be":
        subj = next((c for c in top.head.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            return subj
    return noun


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


def _according(tok):
    to = [c for c in tok.children if c.lower_ == "to"]
    pobj = [c for c in to[0].children if c.dep_ == "pobj"] if to else []
    if not pobj and to:  # "according to show insiders" with "show" read as a verb: its object is the source
        pobj = [o for c in to[0].children if c.dep_ == "pcomp" for o in c.children if o.dep_ == "dobj"]
    if not pobj:
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
    return Candidate(toks[0].idx, toks[-1].idx + len(toks[-1].text), "according", tok.idx,
                     to[0].idx + len(to[0].text), cue_token=tok, subject=pobj[0])
