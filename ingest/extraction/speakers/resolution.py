"""Speaker resolution: the actor (or unnamed speaker) each candidate's subject, headline speaker or parent names.

Public entry: resolve_speakers(candidates, registry, doc, text) -> list[Attributed], in the candidates' order, only
those with a speaker."""
from __future__ import annotations

import string

from collections import Counter

from spacy.tokens import Span

from ..records import ORG, PERSON, UNKNOWN, Attributed, ResolvedSpeaker, SourceType
from ..rules import R
from ..vocabulary import (ACL, ADVMOD, AMOD, APPOS, CASE, CC, COMPOUND, CONJ, COURTESY, DESCRIPTIVE, DET, DOBJ,
                          DOCUMENT_NOUNS, FIRST_PERSON, FLAT, HONORIFICS, LED_BODIES, MEMBERS, NP_RIGHT_PREPS, NSUBJ,
                          ORG_DESCRIPTIONS, ORG_NAME_WORDS, ORG_ROLES, PARTY_NAMES, PERSON_PRONOUNS, PERSON_ROLES, POBJ, POSS,
                          POSTNOMINALS, PRECONJ, PREP, PUBLICATIONS, PUNCT, QUANTIFIERS, RELCL, SMALL_NAME_WORDS,
                          SPOKESPERSONS, TIME_NOUNS, UNNAMED_VOICES)
from . import sources
from .actors import ENT_KINDS, PRONOUNS, Actor, ent_name, first_names, role_modifiers
from .registry import Registry, years_old
from .titles import is_occupation, split_honorifics

NAMED, UNNAMED, DOCUMENT = SourceType.NAMED, SourceType.UNNAMED, SourceType.DOCUMENT


def _when(prep) -> bool:
    """ "at the time", "on Monday": a phrase of time hanging on the subject is no part of its name."""
    pobj = next((c for c in prep.children if c.dep_ == POBJ), None)
    return pobj is not None and (pobj.ent_type_ in ("DATE", "TIME") or pobj.lemma_.lower() in TIME_NOUNS)


def np_tokens(tok):
    toks = {tok.i: tok}
    for c in tok.lefts:
        if c.dep_ not in (PUNCT, CC, CONJ, APPOS, RELCL, ACL, ADVMOD, PRECONJ):
            for t in c.subtree:
                toks[t.i] = t
    for c in tok.rights:
        if c.dep_ in (COMPOUND, FLAT, AMOD) or (c.dep_ == PREP and c.lower_ in NP_RIGHT_PREPS and not _when(c)):
            clauses = {t.i for x in c.subtree if x.dep_ in (RELCL, ACL) for t in x.subtree}
            for t in c.subtree:
                if t.i not in clauses and t.i - tok.i < 10:
                    toks[t.i] = t
    out = [toks[i] for i in sorted(toks)]
    # keep it contiguous around the head
    lo = hi = [t.i for t in out].index(tok.i)
    while lo > 0 and out[lo - 1].i == out[lo].i - 1:
        lo -= 1
    while hi < len(out) - 1 and out[hi + 1].i == out[hi].i + 1:
        hi += 1
    out = out[lo:hi + 1]
    ent = ent_of(tok) if tok.ent_type_ else None
    if ent is not None and ent.start < out[0].i:  # the whole name when the parse split it ("Nick Van den Brul")
        out = [*ent[: out[0].i - ent.start], *out]
    if ent is not None and ent.label_ in ("ORG", "PERSON") and ent.end - 1 > out[-1].i >= ent.start:
        # and the rest of it ("Reporters Without Borders"; not of a "title" the NER ran on through a clause)
        out = [*out, *ent[out[-1].i + 1 - ent.start:]]
    while out and out[-1].i != tok.i and (out[-1].is_punct or out[-1].dep_ in (CC, CASE)):  # ("70%" keeps "%")
        out.pop()
    while out and out[0].is_punct:
        out.pop(0)
    if out and sources.is_e_mail(out[0]):  # "e" + "-" + "mail", the parser's word of it the last
        e = tok.doc[out[0].i - 2]
        out = [*(t for c in e.lefts for t in c.subtree), e, tok.doc[out[0].i - 1], *out]
    return out or [tok]


class Unnamed:
    """Speakers the registry does not hold, one per distinct wording: names it missed, and speakers without a name
    ("a source", "officials", "the report"), which are no one's (`resolved=False`)."""

    def __init__(self):
        self.by_name: dict[str, Actor] = {}

    def described_before(self, tok) -> Actor | None:
        """ "The Ukrainian government rejected ... The government said": a bare role noun ("the government", "the
        country's government") is the one speaker before it so described with a name ("Ukrainian"), or named so
        ("the environment select committee")."""
        if any(c.dep_ in (AMOD, COMPOUND) for c in tok.lefts):
            return None
        head = tok.text.lower()
        found = [a for a in self.by_name.values() if a.kind == ORG and a.name.lower().split()[-1] == head
                 and (a.resolved or any(w[:1].isupper() for w in a.name.split()[1:-1]))]
        return found[0] if len(found) == 1 else None

    def get(self, name: str, kind: str, resolved: bool = True) -> Actor:
        key = name.lower()
        if key not in self.by_name:
            self.by_name[key] = Actor(name=name, kind=kind, aliases=[name], resolved=resolved)
        return self.by_name[key]


def _without_document(ent):
    """An entity without the document noun the NER ran it into ("The Forum for the Future research"; "ICM Research"
    is a name)."""
    if len(ent) > 1 and sources.is_document(ent[-1]) and ent[-1].text.islower():
        return Span(ent.doc, ent.start, ent.end - 1, label=ent.label_)
    return ent


def ent_of(tok):
    """The entity span a token belongs to, or None (walks back to the entity's first token)."""
    if not tok.ent_type_:
        return None
    doc, i = tok.doc, tok.i
    while i > 0 and doc[i].ent_iob_ == "I":
        i -= 1
    j = tok.i + 1
    while j < len(doc) and doc[j].ent_iob_ == "I":
        j += 1
    return Span(doc, i, j, label=tok.ent_type_)


def resolve_subject(tok, registry: Registry, unnamed: Unnamed, text: str, publications=None, bodies=None):
    """The ResolvedSpeaker (actor, mention span, quality, kind of source, role) a subject token names, or None.

    The quality says how the phrase itself names the speaker, as the acceptor learned it: a representative or document
    whose principal the phrase does not name by a name ("his lawyer", "the report") stays "unnamed" however far it
    resolves. `publications` (sources.Publications) are the article's documents with their publishers, `bodies`
    (sources.LedBodies) the administrations, campaigns and governments it names by whose they are."""
    low = tok.lower_
    if (tok.pos_ == "PRON" and low not in QUANTIFIERS) or low in PERSON_PRONOUNS or low in FIRST_PERSON:
        if low in ("i", "me", "you", "one", "who", "what", "that", "this", "which", "someone", "anyone", "everyone", "nobody"):
            return None
        actor = registry.resolve_pronoun(tok)
        span = (tok.idx, tok.idx + len(tok.text))
        if low == "they" and actor is not None and registry.people_named_together(tok, actor):
            # "Tom Hale and Mark Dunn criticised the sale. They said ...": not the firm named before them, nor one of
            # the two: the words, for editors
            return ResolvedSpeaker(unnamed.get(tok.text, PERSON, resolved=False), span, "pronoun")
        if actor is None:
            return None
        return ResolvedSpeaker(actor, span, "pronoun")
    toks = np_tokens(tok)
    span = (toks[0].idx, toks[-1].idx + len(toks[-1].text))
    ent = tok.ent_type_ and ent_of(tok)
    if ent and ent.label_ in ("PERSON", "ORG", "GPE", "NORP") and not (sources.is_party(tok) and sources.party_members(tok)):
        name = ent_name(_without_document(ent))
        before = tok.doc[ent.start - 1] if ent.start > 0 else None
        actor = None
        if before is not None and before.pos_ == "PROPN" and before.dep_ == COMPOUND and before.head.i in range(ent.start, ent.end):
            # "Otis Ferry" with only "Ferry" labelled: Otis, not the Ferry named most
            actor = registry.lookup(f"{before.text} {name}")
        if actor is None and before is not None and before.lower_.rstrip(".") in COURTESY:
            actor = registry.lookup(f"{before.text} {name}")  # "Mrs. Clinton" with only "Clinton" labelled
        actor = actor or registry.lookup(name)
        if actor is not None and actor.label == "GPE":
            actor = registry.company_named_from(actor)  # "Texas said" in an article on Texas Instruments
        if actor is None:
            kind = PERSON if ent.label_ == "PERSON" else ORG
            clean = split_honorifics(name)[0] if kind == PERSON else name  # "General Motors" keeps its "General"
            actor = unnamed.get(clean, kind)
        quality = "name" if len(ent.text.split()) > 1 else "surname"
        voice = sources.named_before(tok)
        if voice is not None:  # "A Department for Education and Skills source said"
            full = text[ent.start_char: voice.idx].strip()
            if full != name:
                actor = registry.lookup(full) or unnamed.get(clean_org(full), ORG)
            mention = (span[0], voice.idx + len(voice.text))
            return ResolvedSpeaker(actor, mention, "name", NAMED, sources.role_word(voice))
        return ResolvedSpeaker(actor, span, quality)
    before = tok.doc[tok.i - 1] if tok.i > 0 else None
    if tok.text.rstrip(".") in POSTNOMINALS and before is not None and before.ent_type_ == "PERSON" and before.head.i == tok.i:
        return resolve_subject(before, registry, unnamed, text)  # "Paul Boateng MP said"
    if tok.ent_type_ not in ENT_KINDS and (tok.pos_ == "PROPN" or _name_mistagged(tok, registry)):
        # a name NER missed: "Okafor said", "Schiff" as a place, "Trump" read as a verb; "Peabody" after "Peabody Energy"
        names = [t for t in toks if (t.pos_ == "PROPN" or t is tok) and t.i <= tok.i]
        actor = registry.lookup(text[names[0].idx: tok.idx + len(tok.text)]) if names else None
        if actor is None and len(names) == 1 and tok.text[:1].isupper() and not _name_goes_on(tok):
            actor = registry.organisation_opening_with(tok.text)
        if actor is not None:
            return ResolvedSpeaker(actor, span, "surname")
    # "The foreign minister, Sergey Lavrov, said", "one of their lawyers, Michalis Dimitrakopoulos, said", "The BBC's
    # correspondent in Jakarta, Rachel Harvey, told" (the name hung on the place: a place has no one in apposition)
    of_noun = [o for p in tok.children if p.dep_ == PREP and p.lower_ in ("of", "in", "at") for o in p.children
               if o.dep_ == POBJ]
    lemma = tok.lemma_.lower()
    for c in [*tok.children, *(c for o in of_noun for c in o.children)]:
        if c.dep_ == APPOS and c.ent_type_ == "PERSON":
            actor = registry.lookup(c.text if not ent_of(c) else ent_name(ent_of(c)))
            if actor is not None:
                return ResolvedSpeaker(actor, span, "name")
        # "Web tracking company Envisional said": the company named; a later "the firm" is it
        if c.dep_ == APPOS and c.ent_type_ == "ORG" and (lemma in ORG_ROLES or c.i == tok.i + 1):
            actor = registry.lookup(ent_name(ent_of(c)))
            if actor is not None:
                registry.note_speaker(actor, c.idx, c.i)
                return ResolvedSpeaker(actor, span, "name")
    named = _name_set_off_last(tok)
    if named is not None:
        actor = registry.lookup(ent_name(ent_of(named)))
        if actor is not None:
            return ResolvedSpeaker(actor, (span[0], max(span[1], ent_of(named).end_char)), "name")
    # "Archbishop of Canterbury Dr Rowan Williams said", parsed with the name as the object of "of": a title of a
    # place, then the person's name
    for p in tok.children:
        pobj = next((o for o in p.children if o.dep_ == POBJ), None) if p.dep_ == PREP and p.lower_ == "of" else None
        ent = ent_of(pobj) if pobj is not None and pobj.ent_type_ == "PERSON" else None
        if ent is not None and ent.start > p.i + 1 and (lemma in PERSON_ROLES or lemma in HONORIFICS):
            actor = registry.lookup(ent_name(ent))
            if actor is not None:
                return ResolvedSpeaker(actor, span, "name")
    if sources.is_editorial_board(tok):
        # "the editorial board of The New York Times", "The Post's editorial board": the newspaper the phrase names (a
        # bare "the editorial board" stays the words: PolNeAR credits them, and the newspaper named last cost three
        # statements right by it on train[300:])
        found = _principal(sources.principal(tok), registry, unnamed, text)
        if found is not None and found[0].kind == ORG:
            return ResolvedSpeaker(found[0], span, "name", DOCUMENT, sources.EDITORIAL_BOARD)
    if lemma in ORG_ROLES:  # "the Paris-based IEA watchdog": the organisation named in the phrase
        for c in tok.lefts:
            e = ent_of(c) if c.dep_ == COMPOUND and c.ent_type_ == "ORG" else None
            actor = registry.lookup(ent_name(e)) if e is not None else None
            if actor is not None:
                return ResolvedSpeaker(actor, span, "name")
    if lemma in LED_BODIES:
        actor = _led_body(tok, registry, unnamed, text, bodies)
        if actor is not None:
            return ResolvedSpeaker(actor, span, "unnamed")
    if sources.is_representative(tok):
        # "a spokesman for the Home Office", "a BNP spokesperson", "Microsoft officials": the organisation speaks, the
        # representative is the role; so does a person for their spokesman, lawyer or aide ("a Clinton aide", "his
        # lawyer", "Sanders's campaign manager"), when the article names that person
        whom = sources.principal(tok) or _organisation_as_place(tok, registry)
        found = _principal(whom, registry, unnamed, text)
        if whom is not None and whom.i > tok.i:  # "an adviser to Mr. Trump": the mention runs on to whom
            span = (span[0], max(span[1], whom.right_edge.idx + len(whom.right_edge.text)))
        if found is not None and found[0].kind == ORG:
            actor, how = found
            return ResolvedSpeaker(actor, span, "name" if how == "name" else "unnamed", NAMED, sources.role_word(tok))
        if found is not None and _speaks_for_person(tok, whom, *found, registry, span):
            # scored as before, when the words stood unresolved: they describe the speaker rather than name them
            return ResolvedSpeaker(found[0], span, "unnamed", NAMED, sources.voice_of_a_person(tok))
    found = _document(tok, toks, span, registry, unnamed, text, publications) if sources.is_document(tok) else None
    if found is not None:
        return found
    # "the minister", "this spokesman", and a broadcaster's "our correspondent"
    definite = any((c.dep_ == DET and c.lower_ in ("the", "this")) or (c.dep_ == POSS and c.lower_ == "our")
                   for c in tok.children)
    organisation = lemma in ORG_ROLES or lemma in ORG_DESCRIPTIONS or registry.describes(lemma)
    # "the UK's biggest coal producer": a place's organisation is as definite (a place's minister may be another's)
    definite = definite or (organisation and any(c.dep_ == POSS and c.pos_ == "PROPN" for c in tok.children))
    age = years_old(tok)
    if definite and age is not None:  # "the 28-year-old"
        actor = registry.aged(age)
        if actor is not None:
            return ResolvedSpeaker(actor, span, "described")
    # "the minister", "the company", "the actor": one actor named before; "the groups", "the ministers" are several
    if definite and tok.tag_ != "NNS" and (lemma in PERSON_ROLES or organisation or is_occupation(tok)):
        words = [t for t in toks if t.i <= tok.i and t.dep_ != DET]
        phrase = text[words[0].idx: tok.idx + len(tok.text)] if words else tok.text
        modifiers = role_modifiers(tok)
        actor = registry.resolve_role(lemma, modifiers, tok.idx, phrase)
        if actor is not None:
            return ResolvedSpeaker(actor, span, "role")
        actor = registry.resolve_described(lemma, modifiers, tok.idx, descriptive_modifiers(tok)) \
            or registry.resolve_description(lemma, tok.idx, phrase) or unnamed.described_before(tok)
        if actor is not None:
            if actor.kind == ORG and organisation:
                actor.describe(lemma, modifiers)  # "the elections watchdog": a later "the watchdog" is it too
            return ResolvedSpeaker(actor, span, "described")
    elif tok.tag_ != "NNS" and lemma in PERSON_ROLES and any(c.dep_ == DET and c.lower_ in ("a", "an") for c in tok.children):
        # a lede's "..., says a top academic." introduces the person the next sentence names
        actor = registry.named_next(tok.idx, {lemma})
        if actor is not None:
            return ResolvedSpeaker(actor, span, "role")
    found = _name_misparsed(tok, toks, registry, unnamed, text)
    if found is not None:
        actor = found[0]
        actor.label = actor.label or "ORG"
        registry.note_speaker(actor, tok.idx, tok.i)  # "a spokesman for the group" after it is its
        return ResolvedSpeaker(actor, found[1], "name")
    name = _words(toks, text)
    kind = unnamed_kind(tok, lemma)
    # a group or someone unnamed, unless the phrase names whom they speak for ("Mr Ebbers' lawyers": unresolved)
    whom = sources.principal(tok, staff_to=False) if sources.is_representative(tok) else None
    group = (sources.is_group(tok) or sources.is_indefinite(tok)) \
        and (whom is None or whom.pos_ not in ("PROPN", "PRON"))
    missed = None if group else _missed_name(tok, toks, registry)
    if missed is not None:
        # "Right Wing Watch first reported", "Media Research Center's Bozell agrees", "HuffPost" read as a product
        found = registry.lookup(_words(missed, text))
        return ResolvedSpeaker(found or unnamed.get(_words(missed, text), _missed_name_kind(missed)), span, "unnamed")
    if group:  # its words are all a reader gets: "experts on North Korea", "one source on the panel"
        toks = _with_prepositions(tok, toks)
        span, name = (toks[0].idx, toks[-1].idx + len(toks[-1].text)), _words(toks, text)
    # a party's short name ("Tories say") or a force named after its place ("West Yorkshire police") is an
    # organisation by name, which the database knows under its other names; any other words are a description
    named = not group and (sources.is_party(tok) or sources.is_named_force(tok) or sources.is_named_committee(tok))
    actor = registry.lookup(name) if sources.is_named_committee(tok) else None  # registered in the article
    return ResolvedSpeaker(actor or unnamed.get(name, ORG if named else kind, resolved=named), span, "unnamed",
                           UNNAMED if group else NAMED)


def _name_set_off_last(tok):
    """ "One pastor supporting Mr. Cruz, Darran Whiting of Grace Church, said": the full name set off by commas that
    closes a person noun's phrase, which the parser hung on the name before it (a name in apposition to a name is
    rarely the same person); or None. A group ("Supporters of Mr. Cruz, ...") is not one person."""
    doc = tok.doc
    last = tok.right_edge.i
    while last > tok.i and doc[last].is_punct:
        last -= 1
    if tok.pos_ != "NOUN" or tok.tag_ == "NNS" or last + 1 >= len(doc) or doc[last + 1].text != ",":
        return None
    for t in tok.subtree:
        ent = ent_of(t) if t.dep_ == APPOS and t.ent_type_ == "PERSON" else None
        if ent is not None and len(ent) > 1 and t.head.i != tok.i and t.head.ent_type_ == "PERSON" \
                and max(t.right_edge.i, ent.end - 1) == last and doc[ent.start - 1].text == ",":
            return t
    return None


def _missed_name(tok, toks, registry):
    """The words of a proper name the NER missed or took for a product, heading the subject ("Right Wing Watch",
    "Democracy for America", "Bozell" of "Media Research Center's Bozell"), or None: proper nouns, each capitalised
    (small words inside: "for", "of"), not a role ("Senator"), a document ("Report"), a plural ("Peppers"), words written
    in capitals only ("VOTERS" in a shouted line) nor words a web page glued together ("FlagShareLikeReplyAni")."""
    lemma = tok.lemma_.lower()
    if tok.pos_ != "PROPN" or tok.tag_ == "NNPS" or tok.is_upper or not tok.text[:1].isupper() \
            or lemma in PERSON_ROLES or lemma in ORG_ROLES or lemma in DOCUMENT_NOUNS or lemma in PUBLICATIONS:
        return None
    possessor = {t.i for c in tok.children if c.dep_ == POSS for t in c.subtree}
    for phrase in (_with_prepositions(tok, toks), toks):  # "Democracy for America", else "Democracy"
        words = [t for t in phrase if t.i not in possessor and not (t.i == phrase[0].i and t.dep_ == DET)]
        if words and words[0].text[:1].isupper() and words[-1].text[:1].isupper() and all(
                t.ent_type_ in ("", "PRODUCT") and not _glued(t.text)
                and (t.pos_ == "PROPN" and t.text[:1].isupper() or t.lower_ in SMALL_NAME_WORDS) for t in words):
            break
    else:
        return None
    if len(words) == 1 and _opens_sentence(tok) and not registry.written_as_name(tok.text):
        return None  # "Ministers said", "Voters say": capitalised only where a sentence starts
    return words


def _name_goes_on(tok) -> bool:
    """Does a name run on past `tok` through a small word ("Democracy" of "Democracy for America")?"""
    doc = tok.doc
    return tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ in SMALL_NAME_WORDS and doc[tok.i + 2].text[:1].isupper()


def _opens_sentence(tok) -> bool:
    """The first word of its sentence, quotation marks and the like aside."""
    return all(t.is_punct or t.is_space for t in tok.doc[tok.sent.start: tok.i])


def _glued(word: str) -> bool:
    """Several words run together ("FlagShareLikeReplyAni"): more than two small letters followed by a capital."""
    return sum(a.islower() and b.isupper() for a, b in zip(word, word[1:])) > 2


def _missed_name_kind(words) -> str:
    """A person when the name opens with a first name ("Isabelle", "Kevin Swanson"), an organisation when it ends with
    an organisation's word ("Media Research Center"), else unknown."""
    if first_names().get(words[0].text):
        return PERSON
    return ORG if words[-1].lower_ in ORG_NAME_WORDS and len(words) > 1 else UNKNOWN


def descriptive_modifiers(tok) -> frozenset[str]:
    """The words before a role noun that describe rather than name a role, which no title need repeat: participles
    and hyphenated words ("Oscar-nominated", "Indian-born", "28-year-old"), and DESCRIPTIVE adjectives ("veteran")."""
    return frozenset(c.lower_ for c in tok.lefts if c.dep_ in (AMOD, COMPOUND) and (
        c.tag_ in ("VBN", "VBG") or c.lower_ in DESCRIPTIVE or any(t.text == "-" for t in c.subtree)))


def _name_misparsed(tok, toks, registry, unnamed, text):
    """An organisation's name the parser read as common nouns: a capitalised word the article writes as a name
    ("Bloglines says", when it is "Bloglines" mid-sentence too and never "bloglines"), or capitalised words before a
    small-letter organisation noun ("The Reporters Without Borders group": the group is Reporters Without Borders).
    (actor, mention span) or None."""
    phrase = _with_prepositions(tok, toks)
    span = (toks[0].idx, toks[-1].idx + len(toks[-1].text))
    words = [t for t in phrase if not (t.i == toks[0].i and t.dep_ == DET)]
    if len(words) >= 2 and words[-1].pos_ == "NOUN" and words[-1].text.islower() \
            and (words[-1].lemma_.lower() in ORG_ROLES or words[-1].lemma_.lower() in ORG_DESCRIPTIONS):
        named = words[:-1]
        capitals = [t for t in named if t.text[:1].isupper()]
        if named[0].text[:1].isupper() and named[-1].text[:1].isupper() and len(capitals) >= 2 \
                and all(t.text[:1].isupper() or t.lower_ in SMALL_NAME_WORDS for t in named) \
                and all(t.ent_type_ not in ("GPE", "NORP", "PERSON") for t in named):
            name = text[named[0].idx: named[-1].idx + len(named[-1].text)]
            return registry.lookup(name) or unnamed.get(name, ORG), (span[0], phrase[-1].idx + len(phrase[-1].text))
    if len(words) >= 2 and all(t.text[:1].isupper() or t.lower_ in SMALL_NAME_WORDS for t in words) \
            and any(t.pos_ in ("ADP", "CCONJ") and t.text[:1].isupper() for t in words[1:-1]) \
            and not any(t.ent_type_ in ("PERSON", "GPE", "NORP") for t in words):
        # "Journalists Without Frontiers said": a preposition with a capital makes the words a name
        name = text[words[0].idx: words[-1].idx + len(words[-1].text)]
        return registry.lookup(name) or unnamed.get(name, ORG), (span[0], words[-1].idx + len(words[-1].text))
    last = toks[-1].lemma_.lower()
    if toks[0].lower_ == "the" and len(words) == len(toks) - 1 and any(t.pos_ == "PROPN" for t in words) \
            and words[0].text[:1].isupper() and toks[-1].text[:1].isupper() and last not in PERSON_ROLES \
            and (len(words) > 1 or last not in ORG_ROLES) \
            and all(t.text[:1].isupper() or t.lower_ in SMALL_NAME_WORDS for t in words):
        # "The Football Association" that the NER missed or took for a title: a name, which an organisation's is when
        # it takes "the" (not "The Minister", a role, nor "The Government", a description)
        end = _title_case_run(toks[-1])
        name = text[words[0].idx: end.idx + len(end.text)]
        return registry.lookup(name) or unnamed.get(name, ORG), (span[0], end.idx + len(end.text))
    if len(toks) == 1 and tok.pos_ == "NOUN" and tok.text[:1].isupper() and not tok.is_upper and not tok.ent_type_:
        actor = registry.lookup(tok.text)
        if actor is not None and actor.kind == ORG and actor.label == "ORG":
            return actor, span
        if registry.written_as_name(tok.text):  # whose name it is the text does not say ("Trump" unlabelled)
            return unnamed.get(tok.text, UNKNOWN), span
    return None


def _name_mistagged(tok, registry) -> bool:
    """A capitalised word the tagger did not read as a name ("Trump" as a verb at a sentence's start) that the article
    writes as one elsewhere."""
    return tok.text[:1].isupper() and not tok.is_upper and tok.pos_ in ("VERB", "NOUN", "ADJ") \
        and registry.written_as_name(tok.text)


def _title_case_run(last):
    """The last word of a name whose head the parser joined to a second one ("The Qualifications" + "and Curriculum
    Authority"): the run of capitalised and small words after `last` that holds a conjunct of its head."""
    doc, j = last.doc, last.i + 1
    while j < len(doc) and doc[j].is_alpha and (doc[j].text[:1].isupper() or doc[j].lower_ in SMALL_NAME_WORDS):
        j += 1
    while j > last.i + 1 and not doc[j - 1].text[:1].isupper():
        j -= 1
    run = doc[last.i + 1: j]
    return run[-1] if any(t.dep_ == CONJ and t.head.i == last.i for t in run) else last


def _led_body(tok, registry, unnamed, text, bodies):
    """The actor of an administration, campaign or government the phrase says is someone's ("the Obama
    administration", "the British government": that body; "the Clinton campaign", "his campaign": its candidate, the
    person), or the one the article named so before for a bare "the administration"; None when not certain."""
    body = tok
    if sources.bare_body(tok):
        body = bodies.named_before(tok) if bodies is not None else None
        if body is None:
            return None
    owner = sources.body_owner(body)
    if owner is None:
        return None
    if body.lemma_.lower() == "campaign":
        if owner.pos_ == "PRON":
            actor = registry.resolve_pronoun(owner) if owner.lower_ in ("his", "her") else None
        else:
            ent = ent_of(owner)
            actor = _lookup_courteous(ent, registry) if ent is not None else registry.lookup(owner.text)
        return actor if actor is not None and actor.kind == PERSON else None
    if owner.pos_ == "PRON":
        return None
    return unnamed.get(text[owner.left_edge.idx: body.idx + len(body.text)], ORG)


def _lookup_courteous(ent, registry):
    """The registered actor of a name, by "Mrs. Clinton" when the NER left the courtesy title out of it (Hillary, not
    Bill Clinton)."""
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and before.lower_.rstrip(".") in COURTESY:
        actor = registry.lookup(f"{before.text} {ent_name(ent)}")
        if actor is not None:
            return actor
    return registry.lookup(ent_name(ent))


def _speaks_for_person(tok, whom, actor, how, registry, span) -> bool:
    """Does a representative noun speak for this person: one who may ("his lawyer", "a Clinton aide"; not "a Trump
    official"), for a person the pronoun or role noun resolved to, or the article names in full or outside the phrase
    ("a Clinton aide" with no Clinton named elsewhere is no one yet), by a surname that is clearly theirs (not with
    Hillary and Bill Clinton named as often)."""
    if actor.kind != PERSON or not actor.resolved or not sources.speaks_for_a_person(tok):
        return False
    if whom is not None and any(c.dep_ == CONJ for c in whom.children):
        return False  # "aides to Gov. Chris Christie and Gov. John Kasich": two people's
    if how != "name":
        return True
    elsewhere = Counter(id(m.actor) for m in registry.mentions if not span[0] <= m.pos < span[1])
    if whom is not None and not (ent_of(whom) is not None and len(ent_of(whom)) > 1):  # a surname alone
        if any(elsewhere[id(a)] * 2 > elsewhere[id(actor)] for a in registry.namesakes(actor)):
            return False
    return len(actor.name.split()) > 1 or elsewhere[id(actor)] > 0


def _organisation_as_place(tok, registry):
    """ "a METI official" where the NER read "METI" as a place: a country is no principal, but a name the article gives
    an organisation ("Ministry of Economy, Trade and Industry (METI)") is."""
    for c in tok.lefts:
        if c.dep_ == COMPOUND and c.pos_ == "PROPN" and c.ent_type_ == "GPE":
            actor = registry.lookup(c.text)
            if actor is not None and actor.kind == ORG and actor.label == "ORG":
                return c
    return None


def _with_prepositions(tok, toks, limit: int = 12):
    """The noun phrase with the prepositional phrases that follow its head ("Political observers in Virginia and
    around the country"), not those of time nor clauses, within `limit` words of the head."""
    out = list(toks)
    for p in tok.rights:
        if p.dep_ != PREP or p.i != out[-1].i + 1 or _when(p):
            continue
        sub = list(p.subtree)
        if sub[-1].i - tok.i > limit or any(t.dep_ in (RELCL, ACL) or t.pos_ == "VERB" for t in sub):
            break
        out.extend(sub)
    return out


def _words(toks, text) -> str:
    name = text[toks[0].idx: toks[-1].idx + len(toks[-1].text)]
    return " ".join(name.split()).strip("\"'<>=/")  # markup left in the text ('">Sanders')


def clean_org(name: str) -> str:
    return name[4:] if name.lower().startswith("the ") else name


def _principal(tok, registry, unnamed, text):
    """(actor, how: "name", "pronoun" or "context") for the token naming whom a representative speaks for or who
    published a document: a name ("the Home Office", "BNP", "Spectator"), a possessive pronoun ("its", "his"), an
    organisation noun ("the company's", "a party spokesman": the one the article names so, if any); None when no one
    is certain."""
    if tok is None or tok.ent_type_ in sources.NUMBER_ENTITIES + sources.TIME_ENTITIES:  # "Monday's poll"
        return None
    if tok.pos_ == "PRON":
        # "its spokesman", "according to its website"; "their lawyers" are as often a family's as a firm's
        actor = registry.resolve_pronoun(tok) if tok.lower_ in ("his", "her", "its") else None
        return (actor, "pronoun") if actor is not None else None
    ent = ent_of(tok) if tok.ent_type_ in ("ORG", "PERSON", "NORP", "GPE") else None
    if ent is not None and any(t.is_punct for t in ent[:-1]) and not any(t.lower_ in ("and", "&") for t in ent):
        # "Politico, Democratic party" read as one name (not "Ministry of Economy, Trade and Industry")
        ent = Span(tok.doc, max([ent.start, *(t.i + 1 for t in ent if t.is_punct and t.i < tok.i)]),
                   min([ent.end, *(t.i for t in ent if t.is_punct and t.i > tok.i)]), label=ent.label_)
    if ent is not None and ent.label_ == "GPE" and tok.dep_ == COMPOUND:
        # "a Quinnipiac poll" read as a place's: the organisation the article names so ("Quinnipiac University") when
        # the word names no place elsewhere in it; else no one ("an Iowa poll")
        actor = registry.lookup(ent_name(ent))
        if actor is not None and actor.kind == ORG and actor.label == "ORG":  # "a METI official" after "... (METI)"
            return actor, "name"
        actor = registry.organisation_opening_with(ent_name(ent), bodies=True)
        return (actor, "name") if actor is not None and not _a_place_elsewhere(ent, actor) else None
    if ent is not None:
        ent = _without_document(ent)
        actor = _lookup_courteous(ent, registry)
        if actor is None and ent.label_ in ("ORG", "PERSON"):
            actor = unnamed.get(ent_name(ent), ORG if ent.label_ == "ORG" else PERSON)
        return (actor, "name") if actor is not None else None
    if tok.pos_ == "PROPN":  # a name the NER missed: "an article in the Spectator", "Mr Ebbers' lawyers"
        words = [t for t in tok.subtree if t.i <= tok.i and (t.pos_ == "PROPN" or t.dep_ == COMPOUND)]
        first = words[0]
        while first.i > 0 and tok.dep_ == COMPOUND and (before := tok.doc[first.i - 1]).pos_ == "PROPN" \
                and before.dep_ == COMPOUND and before.head.i == tok.head.i:
            first = before  # "Morning" + "Consult" of "a Morning Consult Poll", both hung on the document noun
        name = clean_org(text[first.idx: tok.idx + len(tok.text)])
        actor = registry.lookup(name)
        if actor is None:
            bare, honorific = split_honorifics(name)
            actor = unnamed.get(bare, PERSON) if honorific else unnamed.get(name, ORG)
        return actor, "name"
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in ORG_ROLES and tok.tag_ != "NNS" \
            and any(c.dep_ == COMPOUND and c.ent_type_ in ("ORG", "PERSON") for c in tok.lefts):
        # "a memo from the Trump campaign": the campaign as the phrase names it when it stands as a speaker
        found = resolve_subject(tok, registry, unnamed, text)
        if found is not None and found.actor.resolved:
            return found.actor, "name"
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in ORG_ROLES and tok.tag_ != "NNS":
        actor = registry.resolve_role(tok.lemma_.lower(), role_modifiers(tok), tok.idx)
        if actor is None and tok.lower_ == "party" and not role_modifiers(tok):
            actor = registry.party_named_short(tok.idx)
        return (actor, "context") if actor is not None else None
    if (tok.dep_ == POSS or sources.is_definite(tok)) and tok.pos_ == "NOUN":
        # "the board's ruling said": the board; "aides to the senator": the senator
        found = resolve_subject(tok, registry, unnamed, text)
        return (found.actor, found.quality) if found is not None and found.actor.resolved else None
    return None


def _a_place_elsewhere(ent, organisation) -> bool:
    """Does the article write the first word of `organisation`'s name alone elsewhere, other than before a noun as here
    ("in Iowa" beside "Iowa State University" and "an Iowa poll")?"""
    word, rest = organisation.name.split()[0], organisation.name.split()[1]
    doc = ent.doc
    return any(t.text == word and (t.i + 1 >= len(doc) or doc[t.i + 1].text != rest) and t.dep_ != COMPOUND
               for t in doc)


def _document(tok, toks, span, registry, unnamed, text, publications):
    """A document speaks for its publisher: named in its phrase ("a World Bank report", "a report by the NAO", "The
    Security Council issued a statement calling ..."), or the one the article named with it before ("the report"); with
    none, the document's words and no actor ("Chinese state press reports"); None for a noun that is also an
    organisation's ("the site") with neither."""
    issuer = next((c for c in tok.head.children if c.dep_ == NSUBJ), None) if tok.dep_ == DOBJ else None
    author = sources.publisher(tok) if issuer is not None else None
    if author is not None and author.ent_type_ == "PERSON":
        issuer = None  # "The governor's office released a statement from Briggs": the person whose words it gives
    if issuer is not None and not sources.is_document(issuer):
        found = resolve_subject(issuer, registry, unnamed, text, publications)
        if found is not None:  # the issuer speaks: a document's publisher, or a group ("both men") as such
            return found._replace(source=DOCUMENT) if found.actor.resolved else found
    found = _principal(sources.publisher(tok), registry, unnamed, text)
    if found is None and publications is not None:
        found = next(((f[0], "context") for who in publications.named_with(tok)
                      if (f := _principal(who, registry, unnamed, text)) is not None), None)
    if found is not None:
        actor, how = found
        return ResolvedSpeaker(actor, span, "unnamed" if how == "context" else how, DOCUMENT)
    if tok.lemma_.lower() in ORG_ROLES:
        return None  # "the site said": maybe the website the article named, as an organisation
    return ResolvedSpeaker(unnamed.get(_words(toks, text), UNKNOWN, resolved=False), span, "unnamed", DOCUMENT)


def unnamed_kind(tok, lemma: str) -> str:
    """The kind an unresolved speaker's words show: a party ("the Lib Dems"), a body named with a capital ("the
    Scottish Executive", not "the executive"), an organisation's or a person's role noun; else unknown."""
    named_body = tok.pos_ == "PROPN" and tok.text[:1].isupper() and (lemma in ORG_NAME_WORDS or lemma == "executive") \
        and any(c.dep_ in (AMOD, COMPOUND) and c.text[:1].isupper() for c in tok.lefts)
    if tok.lower_ in PARTY_NAMES or named_body:
        return ORG
    return PERSON if lemma in PERSON_ROLES else ORG if lemma in ORG_ROLES or lemma in ORG_DESCRIPTIONS else UNKNOWN


def _resolve_headline(c, registry, unnamed, text):
    s, e = c.speaker_text
    raw = text[s:e]
    for option in (raw, raw.split("-")[-1], raw.split("–")[-1], raw.split()[-1]):  # last: "Former AG Mukasey"
        option = option.strip()
        actor = registry.lookup(option) if option else None
        if actor is not None:
            return ResolvedSpeaker(actor, (s, e), "name")
    name, title = split_honorifics(raw.split("-")[-1].strip())
    if not name or c.named_only:
        return None
    if name.isupper() and len(name.split()) > 1:  # a transcript's "JAKE TAPPER:" is Jake Tapper; "NATO:" is NATO
        name = string.capwords(name)
    # "TAPPER:" after "JAKE TAPPER:": the one speaker of the article's lines with that surname
    fuller = [a for a in unnamed.by_name.values() if a.resolved and len(a.name.split()) > 1
              and len(name.split()) == 1 and a.name.split()[-1].lower() == name.lower()]
    actor = fuller[0] if len(fuller) == 1 else unnamed.get(name, UNKNOWN)
    if title and actor.title is None:
        actor.title = title
    return ResolvedSpeaker(actor, (s, e), "unnamed")


def _group_they(subject, last_group):
    """ "The tobacco companies deny that ... They also say ...": "they" in the sentence after a group of speakers
    named by a plural noun is that group, not the organisation named before it."""
    if subject.lower_ != "they" or last_group[0] is None:
        return None
    group, group_subject = last_group[0]
    if not 0 <= subject.sent.start - group_subject.sent.end <= 1 and subject.sent != group_subject.sent:
        return None
    return ResolvedSpeaker(group.actor, (subject.idx, subject.idx + len(subject.text)), "pronoun", group.source,
                           group.role)


def _spokesperson_pronoun(subject, last_voice, registry):
    """ "A ministry spokeswoman said ... She added: ...": "she" in the next two sentences is the spokeswoman, who
    speaks for the organisation, unless a sentence since is about another person ("Labour MP Mary Hale disagreed")."""
    if subject.lower_ not in ("he", "she") or last_voice[0] is None:
        return None
    res, voice, role = last_voice[0]
    # a person's aide: a sentence about someone, the person included, with the person named in it is as much theirs
    # ("A top Trump adviser says ... Ed Brookover spoke after meeting those who endorsed Trump. He says ...")
    previous = None if res.actor.kind == PERSON else res.actor
    if voice.tag_ == "NNS" or not _voice_goes_on(subject, voice, previous, role, registry):
        return None  # "Administration officials said ... He said" is someone else
    return ResolvedSpeaker(res.actor, (subject.idx, subject.idx + len(subject.text)), "pronoun", res.source, res.role)


def _unnamed_pronoun(subject, last_unnamed, registry):
    """ "A senior aide to the governor said ... He said ...": "he" or "she" in the next two sentences after one unnamed
    source is that source, not a person named nearby ("the governor", "Hale's plan"), unless a named person is the
    subject or a speaker since ("..., Governor Hale said. He added ...")."""
    if subject.lower_ not in ("he", "she") or last_unnamed[0] is None:
        return None
    res, voice = last_unnamed[0]
    if not _voice_goes_on(subject, voice, res.actor, voice.lower_, registry):
        return None
    if any(m.pos > voice.idx and m.actor.kind == PERSON and (m.main_subject or m.speaker) and not registry.in_quote(m.pos)
           for m in registry.mentions_before(subject.idx, limit=20)):
        return None
    return ResolvedSpeaker(res.actor, (subject.idx, subject.idx + len(subject.text)), "pronoun", res.source)


def _voice_goes_on(subject, voice, actor, role, registry) -> bool:
    """May "he"/"she" (`subject`) still be the `voice` that spoke for `actor`: within three sentences after it, no
    other person of that gender the main subject of a sentence since, and not "she" after a spokesman?"""
    if voice.i > subject.i or len(list(subject.doc[voice.sent.start: subject.sent.end].sents)) > 3:
        return False
    if registry.named_subject_between(voice.idx, subject.idx, actor, PERSON_PRONOUNS[subject.lower_]) is not None:
        return False
    return subject.lower_ != {"spokesman": "she", "spokeswoman": "he"}.get(role)


def _voice_again(subject, res, last_voice):
    """ "A spokesman for the Home Office said ... The spokesman said ...": a definite representative noun that names no
    one else is the representative met in the last few sentences, who speaks for the same principal."""
    if res is None or res.actor.resolved or last_voice[0] is None or last_voice[0][0].role is None:
        return res
    voice_res, voice, role = last_voice[0]
    lemma = subject.lemma_.lower()
    same = lemma == role or (lemma in SPOKESPERSONS and role in SPOKESPERSONS)
    if not same or not sources.is_definite(subject) or sources.another(subject) or subject.tag_ == "NNS" \
            or voice.tag_ == "NNS" or voice.i > subject.i \
            or len(list(subject.doc[voice.sent.start: subject.sent.end].sents)) > 5:
        return res
    return ResolvedSpeaker(voice_res.actor, res.mention, "unnamed", voice_res.source, voice_res.role)


def _quote_after_another(c, parent: ResolvedSpeaker, registry) -> ResolvedSpeaker | None:
    """ "..., said Greene. || Jamaican sprinter Asafa Cole was less sure. || "I have trained all winter."": a quotation
    without attribution after a sentence about another person named there is that person's, not the chain's before."""
    if c.rule != R.FOLLOW:
        return None
    p = c.parent
    after = max(p.end, p.cue_end or 0, p.subject.idx + len(p.subject.text) if p.subject is not None else 0)
    m = registry.named_subject_between(after, c.start, parent.actor, last_only=True)
    if m is None:
        return None
    tok = registry.doc[m.token_i]
    ent = ent_of(tok)
    start, end = (ent.start_char, ent.end_char) if ent is not None else (tok.idx, tok.idx + len(tok.text))
    return ResolvedSpeaker(m.actor, (start, end), "inherited")


def resolve_speakers(cands, registry, doc, text) -> list[Attributed]:
    """Each candidate with the speaker it names (resolved in the order the attributions stand in the text), in the
    candidates' order; those whose speaker cannot be resolved are left out."""
    unnamed = Unnamed()
    publications = sources.Publications(doc)
    bodies = sources.LedBodies(doc, registry.in_quote)
    done = {}
    last_group = [None]  # (ResolvedSpeaker, subject token) of the latest speaker that is a group named by a plural noun
    last_voice = [None]  # (ResolvedSpeaker, subject token, role word) of the latest representative ("a BNP spokesman")
    last_unnamed = [None]  # (ResolvedSpeaker, subject token) of the latest single unnamed source ("a senior aide")

    def resolve(c):
        if id(c) in done:
            return done[id(c)]
        done[id(c)] = None
        res = None
        if c.parent is not None and c.subject is None:
            p = resolve(c.parent)
            if p is not None:
                res = _quote_after_another(c, p, registry) or p._replace(quality="inherited")
        elif c.speaker_text is not None:
            res = _resolve_headline(c, registry, unnamed, text)
        elif c.subject is not None:
            res = _group_they(c.subject, last_group) or _spokesperson_pronoun(c.subject, last_voice, registry) \
                or _unnamed_pronoun(c.subject, last_unnamed, registry) \
                or _voice_again(c.subject, resolve_subject(c.subject, registry, unnamed, text, publications, bodies),
                                last_voice)
            if res is not None and res.quality == "unnamed" and (c.subject.tag_ == "NNS" or c.subject.lower_ in MEMBERS):
                last_group[0] = (res, c.subject)
            elif res is not None and res.quality == "unnamed" and res.source == UNNAMED and not res.actor.resolved \
                    and c.subject.lemma_.lower() in UNNAMED_VOICES:
                last_unnamed[0] = (res, c.subject)
            elif res is not None and res.actor.resolved and res.actor.kind == PERSON:
                last_unnamed[0] = None  # a named person spoke since
            spokes = next((t for t in c.subject.subtree if t.lower_ in SPOKESPERSONS), None)
            if res is not None and res.role is not None:
                noun = c.subject.lemma_.lower() if sources.is_representative(c.subject) else res.role
                last_voice[0] = (res, c.subject, spokes.lower_ if spokes is not None else noun)
            elif res is not None and spokes is not None and (res.actor.kind == ORG or res.quality == "unnamed"):
                last_voice[0] = (res, c.subject, spokes.lower_)
            if res is not None and res.quality in ("pronoun", "role", "described") and res.actor.kind in (PERSON, ORG) \
                    and res.actor.resolved:
                registry.note_speaker(res.actor, c.subject.idx, c.subject.i)
                if res.quality == "pronoun" and res.actor.kind == PERSON and c.subject.lower_ in PERSON_PRONOUNS:
                    # "Robin Hale ... he said": a later "she" is someone else
                    res.actor.take_gender(PERSON_PRONOUNS[c.subject.lower_], PRONOUNS)
                if res.quality in ("role", "described"):
                    res.actor.add_alias(text[res.mention[0]:res.mention[1]])
        done[id(c)] = res
        return res

    found = {id(c): resolve(c) for c in sorted(cands, key=lambda c: c.anchor)}
    return [Attributed(c, found[id(c)]) for c in cands if found[id(c)] is not None]
