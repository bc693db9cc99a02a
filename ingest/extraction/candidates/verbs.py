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

from dataclasses import replace

from ..lexicon import accepts, candidate_lemmas
from ..rules import CLAUSAL, R
from ..vocabulary import (ACL, ADVCL, AGENT, ATTR, AUX, AUXPASS, CCOMP, CONJ, DOBJ, EXPLETIVES, NSUBJ, NSUBJPASS,
                          PARATAXIS, PCOMP, POBJ, QUESTION_VERBS, RELCL, RESPONSE_VERBS, UNDONE, WISHED, XCOMP)
from .according import according
from .block import colon_block
from .clausal import clause_complement, clause_it_hangs_on, clause_on_hearer, clause_under_phrase, question
from .directive import directive
from .grammar import (FOLLOW_DEPS, MAX_SENTENCE_TOKENS, cue_extent, cue_ok, document_finding, find_subject,
                      finding_read_as_clause, follow_ups_inside, quoted_as_saying, relative_noun)
from .nominal import nominal, noun_cue, pro_form, saying_on_object, verb_read_as_noun
from .parenthetical import as_attribution, as_clause, as_parenthetical, comma_spliced, inverted
from .record import Candidate
from .unsaid import says_nothing
from .unspoken import unspoken
from .unstated import negated_saying, states_nothing


def _asked_participle(tok) -> bool:
    """ "Asked about the report, Clinton said ...": a bare passive participle of a question verb."""
    return tok.tag_ == "VBN" and tok.lemma_.lower() in QUESTION_VERBS and tok.dep_ in (ADVCL, ACL, CONJ) \
        and not any(c.dep_ in (AUX, AUXPASS, NSUBJ, NSUBJPASS) for c in tok.children)


def _undone(tok) -> bool:
    """Is the verb what someone refused or failed to do ("refuses to release his records or explain ..."), or what
    someone would have another do ("would prefer Turkey to admit that ...", "wants him to say")?"""
    while tok.dep_ == CONJ and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ != XCOMP:
        return False
    lemma = tok.head.lemma_.lower()
    return lemma in UNDONE or (lemma in WISHED and any(c.dep_ == DOBJ and c.i < tok.i for c in tok.head.children))


# What a cue verb reports: each list is tried in order and the first rule that finds something wins. Which list
# applies depends on where the parser hung the cue (see rule_order). Every rule takes the cue token and returns
# ((start, end), rule name) or None.
SET_INTO_CLAUSE = (as_parenthetical, clause_complement, inverted, nominal)
HUNG_ON_LATER_CLAUSE = (clause_complement, as_clause, inverted, clause_under_phrase, question, directive, clause_it_hangs_on,
                        nominal)
CLAUSES_FIRST = (as_parenthetical, clause_complement, clause_under_phrase, question, directive, as_clause, clause_it_hangs_on,
                 clause_on_hearer, pro_form, nominal, inverted)


def rule_order(tok) -> tuple:
    """The ordered rules for this cue."""
    if tok.dep_ == PARATAXIS or comma_spliced(tok):
        # "Instead, Berg told CNN, her policy would be ...", "..., his aide told the Post": the clause it hangs on
        # before any object
        return SET_INTO_CLAUSE
    if tok.dep_ in (CCOMP, ADVCL) and tok.head.i > tok.i:
        # a cue hung on a clause after it ("Instead, Trump told CNN, his policy ..."): that clause before its object
        return HUNG_ON_LATER_CLAUSE
    return CLAUSES_FIRST


def complement(tok):
    """(span, construction) of what the verb reports, or None: the first of its ordered rules that finds one."""
    for find in rule_order(tok):
        found = find(tok)
        if found:
            return found
    return None


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
            cand = according(tok)
            if cand:
                out.append(cand)
            continue
        if tok.pos_ == "NOUN" and not in_quote(tok.idx):
            cand = noun_cue(tok) or verb_read_as_noun(tok)
            if cand:
                out.append(cand)
            continue
        if tok.pos_ != "VERB" or (tok.lemma_.lower() not in lemmas and not document_finding(tok)) or in_quote(tok.idx):
            continue
        if _undone(tok):
            continue  # "refused to comment on the reports", "people who fail to say they have moved"
        found = complement(tok) or colon_block(tok)
        if found is None:
            continue
        (start, end), rule = found
        lemma = tok.lemma_.lower()
        if rule in CLAUSAL and not cue_ok(tok):
            # a verb that does not report clauses: the clause the parser hung on it is no complement
            # ("cited remarks Trump had made about X as examples of ...", "made" read as a clause of "cited")
            found = nominal(tok)
            if found is None:
                continue
            (start, end), rule = found
        if rule not in CLAUSAL and (not accepts(lemma, rule) or says_nothing(tok, rule) or unspoken(tok, rule)):
            continue
        if end - start < 3 and rule != R.PRO_FORM:
            continue
        unstated = (rule not in CLAUSAL and states_nothing(tok, rule, start, end)) or negated_saying(tok)
        cs, ce = cue_extent(tok)
        cand = Candidate(start, end, rule, cs, ce, cue_token=tok, unstated=unstated)
        # of two subjects ("Cory Doctorow, European outreach coordinator for ..., said"), the name
        own = sorted((c for c in tok.children if c.dep_ == NSUBJ and not _other_clause_subject(c, tok, start, end)),
                     key=lambda c: (c.ent_type_ not in ("PERSON", "ORG"), abs(c.i - tok.i)))
        if rule == R.PARENTHETICAL and not own and (as_phrase := as_attribution(tok)) is not None:
            own = [as_phrase[1]]
        if any(c.dep_ in (NSUBJPASS, AUXPASS) for c in tok.children) or _asked_participle(tok):
            # passive: "was told that" names the hearer, "Asked about X, she said" the one asked; only "... by X"
            # names the speaker
            agents = [p for c in tok.children if c.dep_ == AGENT for p in c.children if p.dep_ == POBJ]
            if not agents:
                continue
            own = agents
        quoted = quoted_as_saying(tok) if tok.dep_ == PCOMP else None
        if quoted is not None:
            own = [quoted]  # "cited an official as saying ...": the official, not whoever cited them
        parent = None if own else (by_token.get(tok.head.i) or by_token.get(tok.head.head.i)
                                   or _left_out_of(tok, by_token))
        saying = saying_on_object(tok.head) if tok.dep_ == ACL else None
        if parent is not None and (tok.dep_ in FOLLOW_DEPS or (saying is not None and saying.i == tok.i)):
            cand = replace(cand, parent=parent)  # "..., adding that" / "and stressed that": the same speaker
        else:
            if own:
                subj = own[0]
            elif saying is not None and saying.i == tok.i and tok.head.dep_ == DOBJ \
                    and tok.head.head.lemma_.lower() in lemmas | RESPONSE_VERBS:
                subj = find_subject(tok.head.head)  # "Airlines have attacked the legislation saying ...": the airlines
            else:
                subj = find_subject(tok)
            if finding_read_as_clause(tok):
                subj = tok.head  # "A Quinnipiac University poll found last week that ...": the poll
            if subj is None and tok.dep_ == ACL and tok.tag_ == "VBG" and rule in (R.CCOMP, R.DIRECTIVE) \
                    and tok.head.pos_ in ("NOUN", "PROPN"):
                subj = tok.head  # "dozens of calls saying shots had been fired", "staff members suggesting that ..."
            if subj is None or subj.lower_ in EXPLETIVES:
                continue
            if subj.lower_ in ("who", "which", "that"):
                noun = relative_noun(subj) if subj.head.dep_ == RELCL else None
                subj = _antecedent(noun) if noun is not None else None
                if subj is None:
                    continue
            cand = replace(cand, subject=subj)
        out.append(cand)
        by_token[tok.i] = cand
    return out


def _other_clause_subject(subj, tok, start: int, end: int) -> bool:
    """Is this subject of the cue really what was said ("People like Scott, he said.") or the subject of the clause the
    cue is set into ("Hawaii, as one adviser pointed out, does not ...")?"""
    if start <= subj.idx and subj.right_edge.idx < end <= tok.idx:
        return True
    found = as_attribution(tok)
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


def _antecedent(noun):
    """Who a relative pronoun's noun stands for: "Trump is a serial liar, xenophobe and birther who has pledged ..."
    is Trump, the subject the predicate noun describes."""
    top = noun
    while top.dep_ == CONJ and top.head.i != top.i:
        top = top.head
    if top.dep_ == ATTR and top.head.lemma_ == "be":
        subj = next((c for c in top.head.children if c.dep_ == NSUBJ), None)
        if subj is not None:
            return subj
    return noun


