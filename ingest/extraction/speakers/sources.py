"""What kind of source a speaker's noun phrase is, read from its grammar (issue 20, rules 1 to 3):

- a group or an unnamed source ("analysts", "Rover bosses", "one insider", "a senior defence official", "some 82%",
  "police"): a plural or indefinite common noun, a quantifier, a number; it keeps its words and is no actor;
- a representative ("a spokesman for X", "X's lawyers", "an X spokesman", "X officials", "a Foreign Office source"):
  a noun of REPRESENTATIVES whose phrase names its principal X, which speaks, the noun kept as the role; X an
  organisation, or a person for a spokesperson, lawyer or staff ("a Clinton aide", "Sanders's campaign manager",
  "his lawyer");
- a body that goes by whose it is ("the Obama administration", "the Clinton campaign", "the British government"): that
  body, or for a campaign its candidate; "the administration" later is the one the article named, if only one
  (`LedBodies`);
- a document ("a World Bank report", "the Oxfam study", "research by X", "an article in the Spectator"): its
  publisher speaks; "the report" with none named is the one the article named before with its publisher
  (`Publications`).

Only the grammar is read here (tokens in, tokens out); resolution.py turns the tokens found into actors.
"""
from __future__ import annotations

import bisect

from ..document_names import capitalised_document
from ..vocabulary import (ACL, AGENT, AMOD, APPOS, AUTHORING_VERBS, COLLECTIVES, COMMISSIONED, COMMITTEES, COMPOUND,
                          CONJ, DET, DOBJ, DOCUMENT_NOUNS, EDITORIAL_BODIES, FOR_WHOM, GENERIC_ORG_ROLES, HONORIFICS, HOUSES,
                          INDEFINITES, MEMBERS, NAMED_BY_PLACE, NMOD, NSUBJ, NSUBJPASS, NUMMOD, ORG_ROLES, OTHERS,
                           PARTY_NAMES, PERSON_ROLES, POBJ, POLLS, POSS, PREP, PRINTED, PUBLICATIONS, PUBLISHED_BY,
                           PUBLISHED_FOR, PUBLISHED_IN, QUANTIFIERS, RANKS, RELCL, REPRESENTATIVES, STAFF, STAFF_TITLES,
                           STAFF_TO, STUDIES, WRITING_VERBS, FOR_A_PERSON, FORMER, LED_BODIES, DELIVERING_VERBS)

NAMING_ENTITIES = ("PERSON", "ORG", "GPE", "NORP", "FAC")
NUMBER_ENTITIES = ("PERCENT", "CARDINAL", "QUANTITY", "MONEY", "ORDINAL")
TIME_ENTITIES = ("DATE", "TIME")
FORWARD_SENTENCES = 2  # "..., said a report. The study, by the NAO, ...": a publisher named just after


def is_document(tok) -> bool:
    if tok.pos_ == "PROPN":
        return is_e_mail(tok) or capitalised_document(tok)  # "e-mail" read as a name, "a Morning Consult Poll"
    return tok.pos_ == "NOUN" and (tok.lemma_.lower() in DOCUMENT_NOUNS or tok.lemma_.lower() in PUBLICATIONS
                                   or is_e_mail(tok))


def is_e_mail(tok) -> bool:
    """ "mail" of "e-mail", which the tokenizer splits: a document, never a speaker's name."""
    doc = tok.doc
    return tok.lower_ in ("mail", "mails") and tok.i >= 2 and doc[tok.i - 1].text == "-" \
        and doc[tok.i - 2].lower_ == "e" and not doc[tok.i - 2].whitespace_ and not doc[tok.i - 1].whitespace_


def is_representative(tok) -> bool:
    return tok.pos_ == "NOUN" and (tok.lemma_.lower() in REPRESENTATIVES or tok.lemma_.lower() in STAFF
                                   or _staff_modifier(tok) is not None)


def speaks_for_a_person(tok) -> bool:
    """A representative who may speak for a person ("his lawyer", "a Clinton aide", "Sanders's campaign manager"), not
    only for an organisation ("an official", "a source")."""
    return is_representative(tok) and (tok.lemma_.lower() in FOR_A_PERSON or _staff_modifier(tok) is not None)


def _staff_modifier(tok):
    """The word that makes a role noun a staff title ("campaign" of "campaign manager", "press" of "press secretary",
    "of" of "chief of staff"), or None."""
    lemma = tok.lemma_.lower()
    if lemma == "chief":
        return next((p for p in tok.rights if p.dep_ == PREP and p.lower_ == "of"
                     and any(o.dep_ == POBJ and o.lower_ == "staff" for o in p.children)), None)
    return next((c for c in tok.lefts if c.dep_ == COMPOUND and c.lower_ in STAFF_TITLES.get(lemma, ())), None)


def _common(tok) -> bool:
    """A common noun that is no part of a name ("Analysts", not "Democrats", "Tories" nor "Thames Valley Police")."""
    return tok.pos_ == "NOUN" and tok.ent_type_ not in NAMING_ENTITIES and not is_party(tok)


def is_party(tok) -> bool:
    """A party's short name, which the parser may read as a common noun ("Tories say", "the Lib Dems")."""
    return tok.lower_ in PARTY_NAMES and tok.text[:1].isupper()  # "liberals" alone is anyone


def party_members(tok) -> bool:
    """Some of a party's members, not the party: a plural party name with a quantifier or number ("some Republicans",
    "three Democrats"), a house ("House Republicans", "Republicans in Congress", "Democrats on the committee") or a
    describing word in small letters ("moderate Democrats", "senior Tories", "establishment Republicans"). "Democrats"
    or "the Tories" alone is the party, which speaks as such."""
    if not tok.lower_.endswith("s"):
        return False
    for c in tok.children:
        if c.dep_ in (DET, NUMMOD, AMOD, COMPOUND, "quantmod", "predet") and (
                c.lower_ in QUANTIFIERS or c.pos_ == "NUM" or c.lower_ in HOUSES or c.lower_ == "congressional"
                or (c.dep_ in (AMOD, COMPOUND) and (c.text.islower() or (c.is_sent_start and c.pos_ == "ADJ")))):
            return True
        if c.dep_ == PREP and c.lower_ in ("in", "on", "from") and any(
                o.dep_ == POBJ and (o.lower_ in HOUSES or o.lower_ in COMMITTEES) for o in c.children):
            return True
    return False


def is_named_force(tok) -> bool:
    """A body named after its place, as a police force is ("West Yorkshire police", "Strathclyde police"): the
    organisation of that name, not a group of people."""
    return tok.lower_ in NAMED_BY_PLACE and any(
        c.dep_ == COMPOUND and c.pos_ == "PROPN" for c in tok.lefts)


def is_named_committee(tok) -> bool:
    """A legislature's committee named by its house and subject ("the Commons public accounts committee", "the
    environment select committee"), not "the committee" nor "a committee of MPs"."""
    return tok.lower_ in COMMITTEES and tok.tag_ == "NN" and any(
        t.lower_ in HOUSES and (t.text[:1].isupper() or t.lower_ == "select")
        for c in tok.lefts if c.dep_ in (COMPOUND, AMOD, NMOD) for t in c.subtree)


def is_group(tok) -> bool:
    """Several people, or a share of them, named by no one's name: "analysts", "many", "others", "some 82%", "three of
    them", "police"."""
    low = tok.lower_
    if low in QUANTIFIERS and tok.pos_ in ("PRON", "DET", "ADJ", "ADV", "NOUN"):
        return True
    if tok.ent_type_ in NUMBER_ENTITIES or tok.pos_ == "NUM" or tok.text == "%" or low in MEMBERS:
        return True
    if is_party(tok):
        return party_members(tok)
    return _common(tok) and not is_named_force(tok) and (tok.tag_ == "NNS" or tok.lemma_.lower() in COLLECTIVES)


def is_indefinite(tok) -> bool:
    """ "a source", "one insider", "another official", "a senior defence official": someone not named."""
    return _common(tok) and any((c.dep_ == DET and c.lower_ in INDEFINITES) or (c.dep_ == NUMMOD and c.lower_ == "one")
                                for c in tok.children)


def is_definite(tok) -> bool:
    return any(c.dep_ == DET and c.lower_ in ("the", "this", "that") for c in tok.children)


def another(tok) -> bool:
    """ "the second official", "the other spokesman": not the one met before."""
    return any(c.ent_type_ == "ORDINAL" or c.lower_ in OTHERS for c in tok.children)


def is_editorial_board(tok) -> bool:
    """ "the editorial board", "The Post's editorial page": the body that writes a newspaper's editorials."""
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in EDITORIAL_BODIES and tok.tag_ == "NN" \
        and any(c.lower_ == "editorial" for c in tok.lefts if c.dep_ in (AMOD, COMPOUND, NMOD))


def principal(tok, staff_to: bool = True):
    """The token naming whom a representative noun speaks for, or None: "the company's" / "its" (possessive), "Home
    Office" / "BNP" / "party" (a compound name or organisation noun), "for the Home Office" / "at the ministry". A
    country is no principal ("US officials", "Russia's foreign ministry spokesman": some body of it, maybe named
    after). `staff_to`: "an adviser to Mr. Trump" names whom too. A former one speaks for no one ("a former Clinton
    aide")."""
    if any(c.lower_ in FORMER for c in tok.lefts):
        return None
    poss = next((c for c in tok.children if c.dep_ == POSS and c.lower_ not in ("our", "my", "your")), None)
    if poss is not None and poss.ent_type_ != "GPE":
        return poss
    # the nearest first; "A Department for Education and Skills spokesman" hangs the name on as an nmod; the "campaign"
    # of "the Clinton campaign manager" is part of the role
    staff = _staff_modifier(tok)
    for c in sorted((c for c in tok.lefts if c.dep_ in (COMPOUND, NMOD) and c is not staff), key=lambda c: -c.i):
        named = next((t for t in c.subtree if t.ent_type_ in ("ORG", "PERSON", "NORP")), None)
        if named is not None:
            return named
        if c.pos_ == "NOUN" and c.lemma_.lower() in ORG_ROLES:
            return c
        if c.pos_ == "PROPN" and c.ent_type_ != "GPE":
            return c
    to = staff_to and (tok.lemma_.lower() in STAFF or staff is not None)
    whom = FOR_WHOM | (STAFF_TO if to else frozenset())
    for p in tok.rights:
        if p.dep_ == PREP and p.lower_ in whom:
            pobj = next((o for o in p.children if o.dep_ == POBJ), None)
            person = pobj is not None and (pobj.ent_type_ == "PERSON" or pobj.pos_ == "PROPN" or (
                pobj.lemma_.lower() in PERSON_ROLES and pobj.tag_ == "NN" and is_definite(pobj)))
            if p.lower_ in STAFF_TO:  # "aides to the senator", "an adviser to Mr. Trump": a person
                if person and pobj.ent_type_ != "GPE":
                    return pobj
            elif pobj is not None and pobj.ent_type_ != "GPE" and (
                    person or pobj.ent_type_ == "ORG" or pobj.lemma_.lower() in ORG_ROLES):
                return pobj
    return None


def named_before(tok):
    """ "A Department for Education and Skills source", parsed with the representative noun as a conjunct of the
    name: the representative noun right after the name the subject heads, or None."""
    for c in tok.children:
        if c.dep_ == CONJ and is_representative(c) and c.tag_ == "NN" \
                and all(t.ent_type_ or t.dep_ == "cc" for t in tok.doc[tok.i + 1:c.i]):
            return c
    return None


def publisher(tok):
    """The token naming who published a document noun, or None: "the OECD's report", "a World Bank report", "the Butler
    report", "a report by the NAO", "figures from the ONS", "an article in the Spectator", "research conducted by X",
    "The OECD published its outlook" (the subject of the verb that put it out)."""
    # "Mr Campbell's e-mail": the parser hangs the possessive on the "e" of "e-mail"
    heads = [tok, tok.doc[tok.i - 2]] if is_e_mail(tok) else [tok]
    poss = next((c for h in heads for c in h.children if c.dep_ == POSS), None)
    if poss is not None:
        return poss
    author = _writer(tok) or _relative_author(tok)
    if author is not None:
        return author
    compounds = sorted((c for c in tok.lefts if c.dep_ == COMPOUND), key=lambda c: -c.i)
    for c in compounds:
        named = next((t for t in c.subtree if t.ent_type_ in ("ORG", "PERSON")), None)
        if named is not None:
            # "a Clinton campaign memo" is the campaign's, which the article may name
            return next((o for o in compounds if o.pos_ == "NOUN" and o.lemma_.lower() in ORG_ROLES), named)
    lemma = tok.lemma_.lower()
    lemma = tok.lower_ if tok.pos_ == "PROPN" else lemma
    named = tok.text.islower() or capitalised_document(tok)
    for c in compounds if named and (lemma in POLLS or lemma in STUDIES) else ():
        # "a Quinnipiac poll" with the pollster read as a place or not read at all: resolution keeps it only when the
        # article names an organisation so ("Quinnipiac University"), never a place ("an Iowa poll"); not where
        # something is filed ("FEC filings"), nor a headline's capitals ("Popular Website Shows ...")
        if c.pos_ == "PROPN" and c.ent_type_ in ("", "GPE") and c.text[:1].isupper():
            return c
    if is_definite(tok) and compounds and _named_before(compounds[0]):
        return compounds[0]  # "the committee report": the committee the article named
    preps = PUBLISHED_BY | (PUBLISHED_IN if lemma in PRINTED else frozenset()) \
        | (PUBLISHED_FOR if lemma in COMMISSIONED else frozenset())
    for c in tok.rights:
        if c.dep_ == PREP and c.lower_ in preps:
            pobj = next((o for o in c.children if o.dep_ == POBJ), None)
            if pobj is not None and pobj.pos_ == "NOUN":
                # "a study by an influential sociologist, Mikhail Dmitriyev,": the name set beside the description
                pobj = next((a for a in pobj.children if a.dep_ == APPOS and a.ent_type_ == "PERSON"), pobj)
            if pobj is not None and (pobj.pos_ == "PROPN" or pobj.ent_type_ in ("ORG", "PERSON") or _named_before(pobj)):
                return pobj
        if c.dep_ == ACL and c.lemma_.lower() in AUTHORING_VERBS:
            # "research conducted by the Equal Opportunities Commission", not "emails combed through by Vox"
            agent = _agent(c)
            if agent is not None:
                return agent
    if tok.dep_ == DOBJ and tok.head.lemma_.lower() in AUTHORING_VERBS:
        # "The OECD published its outlook", "Dimension Data, which commissioned the survey"
        return _subject(tok.head)
    if tok.dep_ == NSUBJPASS and tok.head.lemma_.lower() in AUTHORING_VERBS:  # "The survey was conducted by ICM"
        return _agent(tok.head)
    if tok.dep_ == POBJ and tok.head.lower_ == "in" and tok.head.head.pos_ == "VERB":
        # "In a new report, the Electoral Commission says ...": the one who says it in the document
        return next((c for c in tok.head.head.children if c.dep_ == NSUBJ and (c.pos_ == "PROPN" or c.ent_type_)),
                    None)
    return None


def _writer(tok):
    """The person the document's phrase names as its writer ("a memo released by the campaign, written by Sarah Lin",
    the last participle often hung on the campaign), who speaks rather than whoever released it; or None."""
    releasers = [_agent(c) for c in tok.children if c.dep_ == ACL]
    for noun in [tok] + [r for r in releasers if r is not None]:
        for verb in noun.children:
            if verb.dep_ == ACL and verb.lemma_.lower() in WRITING_VERBS:
                agent = _agent(verb)
                if agent is not None and agent.ent_type_ == "PERSON":
                    return agent
    return None


def _relative_author(tok):
    """The name heading the relative clause by which a document's phrase says who gave or wrote it ("a speech Mrs.
    Clinton delivered at NYU", "an interview his brother Alastair Osman gave to ITV", "the letter that Hale sent"):
    that name, who speaks in it, or None ("the report which found ...", "the letter Hale received")."""
    for verb in tok.children:
        if verb.dep_ != RELCL or verb.lemma_.lower() not in DELIVERING_VERBS:
            continue
        subj = _subject(verb)
        if subj is not None and subj.i != tok.i and (subj.pos_ == "PROPN" or subj.ent_type_ in ("PERSON", "ORG")):
            return subj
    return None


def _agent(verb):
    """The "by X" of a passive verb or participle: X, or None."""
    return next((o for a in verb.children if a.dep_ == AGENT for o in a.children if o.dep_ == POBJ), None)


def _subject(verb):
    """A verb's subject: for a relative pronoun the noun its clause hangs on, for a description the name in apposition
    to it ("The think tank Demos")."""
    subj = next((c for c in verb.children if c.dep_ == NSUBJ), None)
    if subj is not None and subj.lower_ in ("which", "that", "who") and verb.dep_ == RELCL:
        subj = verb.head
    if subj is not None and subj.pos_ == "NOUN":
        return next((c for c in subj.children if c.dep_ == APPOS and c.pos_ == "PROPN"), subj)
    return subj


def _named_before(tok) -> bool:
    """ "the office" in "research by the office", "the committee report": an organisation noun in the singular, which
    stands for the one the article named so (resolved by the registry, or no one); not "the company website", which
    may be any company's."""
    return tok.pos_ == "NOUN" and tok.tag_ == "NN" and tok.lemma_.lower() in ORG_ROLES \
        and tok.lemma_.lower() not in GENERIC_ORG_ROLES and (tok.dep_ == COMPOUND or is_definite(tok))


def role_word(tok) -> str:
    """A representative's role as a title: the noun in the singular ("lawyers" -> "lawyer"), with the word that makes
    it a staff title ("campaign manager", "press secretary", "chief of staff")."""
    word = tok.lemma_.lower() if tok.tag_ == "NNS" else tok.lower_
    staff = _staff_modifier(tok)
    if staff is None:
        return word
    return f"{word} of staff" if staff.lower_ == "of" else f"{staff.lower_} {word}"


def voice_of_a_person(tok) -> str:
    """A person's representative as the role of the person's statement, worded so that no one reads it as a title the
    person holds ("through an aide", "through his lawyers", "through a campaign manager"): an actor's roles list what
    they are, and Hillary Clinton is no aide."""
    word = role_word(tok)
    if tok.tag_ == "NNS":
        plural = tok.lower_ if _staff_modifier(tok) is None else role_word(tok).rsplit(" ", 1)[0] + " " + tok.lower_
        return f"through {plural}"
    return f"through {'an' if word[:1] in 'aeiou' else 'a'} {word}"


EDITORIAL_BOARD = "editorial board"  # the role of an editorial board's words, credited to its newspaper
_VOICE_PREPOSITIONS = (" for ", " at ", " to ", " of ", " with ", " in ")  # "spokeswoman for the RAD"


def is_voice_title(title: str | None, *, person: bool) -> bool:
    """Is a stored role title, from its words alone, a representative its actor spoke through rather than a title it
    holds? For roles stored before the extraction said which (the extraction now marks them: records.TitleKind), and
    editors' descriptions: a person's voice is worded "through ..." (voice_of_a_person); an organisation's is a
    representative noun as role_word gives it ("spokesman", "official", "source", "press secretary", "chief of
    staff", EDITORIAL_BOARD), or an editor's description of one ("spokeswoman for the RAD", "lawyers for Yukos").
    A person's bare "spokesman" is a title they hold."""
    words = " ".join((title or "").split()).lower()
    if person:
        return words.startswith("through ")
    for article in ("a ", "an ", "the "):
        words = words.removeprefix(article)
    if _representative_words(words) or words == EDITORIAL_BOARD:
        return True
    cut = min((words.find(p) for p in _VOICE_PREPOSITIONS if words.find(p) > 0), default=-1)
    return cut > 0 and _representative_words(words[:cut])


def _representative_words(words: str) -> bool:
    """ "spokesman", "lawyers", "press secretary", "chief of staff": a representative noun, alone or as a staff title."""
    if words in ("chief of staff", "chiefs of staff"):
        return True
    *before, noun = words.split() or [""]
    singular = {noun, noun[:-1] if noun.endswith("s") else noun, noun[:-3] + "man" if noun.endswith("men") else noun}
    if not before:
        return any(w in REPRESENTATIVES or w in STAFF for w in singular)
    return len(before) == 1 and any(before[0] in STAFF_TITLES.get(w, ()) for w in singular)


def representative_title(title: str | None, full_name) -> str | None:
    """ "DLF spokesman" -> "spokesman, DLF Builders", "Trump's lawyer" -> "lawyer, Donald Trump", "Clinton aide" ->
    "aide, Hillary Clinton": a named representative's title says the role, then whom for, by the fullest name the
    article gives (`full_name(words) -> str | None`). Other titles are left alone ("Tory health spokesman", "Chief
    spokesman")."""
    words = (title or "").split()
    if len(words) < 2 or (words[-1].lower() not in REPRESENTATIVES and words[-1].lower() not in STAFF):
        return title
    org = words[:-1]
    if org[-1].endswith(("'s", "’s")):
        org = org[:-1] + [org[-1][:-2]]
    if not all(w[:1].isupper() for w in org) or any(w.lower() in RANKS or w.lower() in HONORIFICS for w in org):
        return title
    name = " ".join(org)
    if words[-1].lower() in STAFF and full_name(name) is None:
        return title  # "Republican strategist": a kind of strategist, not whose
    return f"{words[-1].lower()}, {full_name(name) or name}"


def document_kind(tok) -> str:
    """The kind of document a noun names, by which a later mention refers back to it: "study" for every word of
    research ("a study by X ... the report"), else the noun ("survey", "article")."""
    return _kind(tok.lemma_.lower())


class Publications:
    """The documents an article names with their publisher, in order: for "the report warns" after "The OECD's
    report", "a report by the National Audit Office" or "the Sunday Telegraph reported"."""

    def __init__(self, doc):
        self.found = []  # (character offset, lemma, publisher token), in text order
        for tok in doc:
            who = None
            if is_document(tok) and tok.tag_ != "NNS":
                who = publisher(tok)
            elif tok.pos_ == "VERB" and tok.lemma_.lower() in PUBLICATIONS:  # "the Sunday Telegraph reported"
                who = next((c for c in tok.children if c.dep_ == NSUBJ and (c.pos_ == "PROPN" or c.ent_type_ == "ORG")),
                           None)
            # "In his order": whose, the speakers stage has not said yet ("its report" is an organisation's)
            if who is not None and (who.pos_ != "PRON" or who.lower_ == "its"):
                self.found.append((tok.idx, tok.lemma_.lower(), who))
        self._positions = [f[0] for f in self.found]

    def named_with(self, tok):
        """The publisher tokens, likeliest first, of the document `tok` refers to without naming its publisher: for a
        definite or bare one ("the report", "research"), those named before with the same noun, else with one of its
        kind ("the research" after "a report by X"; "the survey" after "a study by X" is another), latest first; but
        none when those name several publishers and the latest is not in this sentence or the one before (which of
        them is meant is anyone's guess). For both, one of its kind named in the next sentences. Nothing for a plural
        ("press reports": several)."""
        lemma, kind = tok.lemma_.lower(), document_kind(tok)
        if tok.tag_ == "NNS":
            return
        if not any(c.dep_ == DET and c.lower_ in INDEFINITES for c in tok.children):
            before = self.found[:bisect.bisect_left(self._positions, tok.idx)]
            same = [who for _, lem, who in reversed(before) if lem == lemma] \
                or [who for _, lem, who in reversed(before) if _kind(lem) == kind]
            if same:
                if len({_publisher_words(who) for who in same if who.pos_ != "PRON"}) > 1 and not _near(same[0], tok):
                    return
                yield from same
        sent_end = tok.sent.end
        for _, lem, who in self.found[bisect.bisect_right(self._positions, tok.idx):]:
            if who.i >= sent_end and len(list(tok.doc[sent_end: who.i].sents)) > FORWARD_SENTENCES:
                break
            if _kind(lem) == kind:
                yield who


def _kind(lemma: str) -> str:
    return "study" if lemma in STUDIES else "poll" if lemma in POLLS else lemma


def _publisher_words(who) -> str:
    """The words a publisher token names it by, to tell two publishers apart ("the OECD" and "OECD" alike; "its"
    stands for one of them, and is left out)."""
    ent = next((e for e in who.doc.ents if e.start <= who.i < e.end), None) if who.ent_type_ else None
    words = (ent.text if ent is not None else who.text).lower()
    return words[4:] if words.startswith("the ") else words


def _near(who, tok) -> bool:
    """Is the publisher named in the sentence of `tok` or the one before it?"""
    return who.sent.start == tok.sent.start or who.sent.end == tok.sent.start


def body_owner(tok):
    """The token naming whose body a noun of LED_BODIES is, or None: "Obama" of "the Obama administration", "Trump" of
    "Mr. Trump's campaign", "his" of "his campaign", "British" of "the British government", "U.S." of "the U.S.
    government"."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in LED_BODIES or tok.tag_ == "NNS" \
            or any(c.dep_ == DET and c.lower_ in INDEFINITES for c in tok.children):
        return None  # "a Conservative government would ...": one that may be, not one the article names
    poss = next((c for c in tok.children if c.dep_ == POSS), None)
    if poss is not None:
        return poss if poss.lower_ not in ("our", "my", "your", "their", "its") else None
    for c in sorted((c for c in tok.lefts if c.dep_ in (COMPOUND, AMOD, NMOD)), key=lambda c: -c.i):
        if c.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or c.pos_ == "PROPN":
            return c
    return None


def bare_body(tok) -> bool:
    """ "the administration", "the campaign": a noun of LED_BODIES that says nothing of whose it is."""
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in LED_BODIES and tok.tag_ != "NNS" and is_definite(tok) \
        and not any(c.dep_ in (AMOD, COMPOUND, NMOD, POSS) for c in tok.lefts) \
        and not any(c.dep_ in (PREP, RELCL, ACL) for c in tok.rights)


class LedBodies:
    """The bodies an article names by whose they are ("the Obama administration", "Trump's campaign"), in order, outside
    quotations: for a later bare "the administration", the one named so, when only one was."""

    def __init__(self, doc, in_quote=lambda pos: False):
        self.found = [(tok.idx, tok.lemma_.lower(), owner, tok) for tok in doc
                      if (owner := body_owner(tok)) is not None and owner.pos_ != "PRON" and not in_quote(tok.idx)]

    def named_before(self, tok):
        """The body token `tok` ("the campaign") refers to, or None when the article named none of its kind before,
        or several ("the Trump campaign" and "the Clinton campaign": which is meant the words do not say) unless the
        latest is in this sentence or the one before."""
        lemma = tok.lemma_.lower()
        same = [(owner, body) for pos, lem, owner, body in self.found if lem == lemma and pos < tok.idx]
        if not same:
            return None
        if len({owner.lower_ for owner, _ in same}) > 1 and not _near(same[-1][1], tok):  # "Obama" of "Barack Obama's"
            return None
        return same[-1][1]

