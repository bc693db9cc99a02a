"""Name repair: the NER's people and parties made right before the registry reads them (relabel_people)."""
from __future__ import annotations

import re

from spacy.tokens import Span
from spacy.util import filter_spans

from ..vocabulary import (AMOD, APPOS, COMPOUND, CONJ, COURTESY, HONORIFICS, MEMBERS, NAME_PARTICLES, NEWS_OUTLET_WORDS,
                          OCCUPATIONS, ORG_NAME_WORDS, ORG_ROLES, PEERAGE, PEERS, PERSON_ROLES)
from .actors import abbreviates, first_names
from .titles import AGENT_ENDING

_FINITE = frozenset({"VBZ", "VBD", "VBP", "MD"})
_MISREAD_LABELS = frozenset({"ORG", "PRODUCT", "WORK_OF_ART", "FAC", "NORP", "LOC", "EVENT"})


def relabel_people(doc) -> None:
    """Repair the NER's people and parties in place.

    PERSON back to names read as something else ("Nicola Sturgeon" as an organisation, "Otis Ferry" as a product,
    "Charles de Gaulle") or left unlabelled ("Carly Fiorina"): two or three capitalised words, particles aside, the
    first a known first name, none an organisation's word; PERSON for a name after "Mr" or "Dr", ORG for one
    after an organisation's noun ("software company Brightmart") and for initials ("MI6"); a person cut back to the
    name ("David Kahn -"), none with a number ("Perm 35"). No PERSON for a lone verb ("Conceding that ..., he
    warned"); a name cut short where a headline's verb begins ("Trump Says He Never ..."); a party name the NER cut
    short made whole ("Liberal" + "Democrats"), and so a person's ("Shani" + "Rhys James", "Lord" + "Ashcroft")."""
    names = first_names()
    ents, changed = [], False
    person_words = {w.lower() for e in doc.ents if e.label_ == "PERSON" for w in e.text.split() if not w.isupper()}
    person_names = {e.text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1}
    surnames = {e.text for e in doc.ents if e.label_ == "PERSON" and len(e) == 1 and e.text[:1].isupper()}
    for ent in _split_run_ons(doc.ents, names, person_words):
        changed = changed or not any(e.start == ent.start and e.end == ent.end for e in doc.ents)
        words = ent.text.split()
        if (ent.label_ == "PERSON" and len(ent) == 1 and ent[0].pos_ == "VERB") or ent.text.lower() in MEMBERS \
                or (ent.label_ in _MISREAD_LABELS and len(ent) == 1 and ent[0].lower_.rstrip(".") in HONORIFICS):
            changed = True  # "MPs" is a group of people, "the Cardinal" a role, neither an organisation
            continue
        # title case only: "den" in "Nick Van den Brul" is no verb
        cut = next((t.i for t in ent[1:] if (t.tag_ in _FINITE or t.tag_ == "PRP") and t.text[:1].isupper()), None) \
            if ent.label_ in ("PERSON", "ORG") else None
        if cut is not None:  # a title-case headline read into the name: "Trump Says He Never" is Trump
            ent = Span(doc, ent.start, cut, label=ent.label_)
            words = ent.text.split()
            changed = True
        before = doc[ent.start - 1] if ent.start > 0 else None
        if ent.label_ == "PERSON":
            trimmed = _trim_person(ent)
            if trimmed is None:
                changed = True  # "Perm 35": a place with a number is no one's name
                continue
            if trimmed.end != ent.end:
                ent, words, changed = trimmed, trimmed.text.split(), True  # "David Kahn -", "Perm 35 - a"
            if len(ent) >= 3 and _occupation_word(ent[0].lower_) and ent[1].text in names:
                # "Boxer Ricky Dunn" opening a sentence is Ricky Dunn
                ent, words, changed = Span(doc, ent.start + 1, ent.end, label="PERSON"), words[1:], True
        if ent.label_ == "PERSON" and _acronym(ent, person_words):
            ent = Span(doc, ent.start, ent.end, label="ORG")  # "MI6", "BAA": letters no one is called by
            changed = True
        elif ent.label_ == "PERSON" and before is not None and before.lemma_.lower() in ORG_ROLES \
                and before.text.islower() and before.dep_ == COMPOUND:
            ent = Span(doc, ent.start, ent.end, label="ORG")  # "software company Brightmart"
            changed = True
        elif ent.label_ in _MISREAD_LABELS and ent.text in person_names:
            ent = Span(doc, ent.start, ent.end, label="PERSON")  # "Ivanka Trump" a product here, a person elsewhere
            changed = True
        elif ent.label_ in _MISREAD_LABELS and _titled_first_names(ent) is not None:
            ent = Span(doc, _titled_first_names(ent), ent.end, label="PERSON")  # "Cardinal Cormac" + "Murphy-O'Connor"
            changed = True
        elif ent.label_ in _MISREAD_LABELS and _after_courtesy(ent):
            ent = Span(doc, ent.start, ent.end, label="PERSON")  # "Mr Balls" read as an organisation
            changed = True
        elif ent.label_ in _MISREAD_LABELS and 2 <= len(words) - _particles(words) <= 3 and _looks_like_name(words, names):
            ent = Span(doc, ent.start, ent.end, label="PERSON")
            changed = True
        elif ent.label_ in _MISREAD_LABELS and 2 <= len(words) <= 3 and words[-1] in surnames \
                and _looks_like_name(words, surnames | {words[0]}):
            ent = Span(doc, ent.start, ent.end, label="PERSON")  # "Alistair Cragg" an organisation, "Cragg" a person
            changed = True
        if ent.label_ in ("NORP", "ORG") and before is not None and before.tag_ == "NNP" and not before.ent_type_ \
                and before.dep_ in (COMPOUND, AMOD) and before.head.i in range(ent.start, ent.end) and before.text.isalpha() \
                and not before.is_sent_start:  # "Fellow Republicans" opening a sentence is no party name
            ent = Span(doc, ent.start - 1, ent.end, label=ent.label_)  # "Liberal" + "Democrats"
            changed = True
        if ent.label_ == "ORG" and ents and _name_cut_at_and(ents[-1], ent):
            ent, changed = Span(doc, ents.pop().start, ent.end, label="ORG"), True  # "Department for Education and Skills"
        whole = _title_case_name(ent)
        if whole is not None:  # "Reporters Without" + "Borders"
            ent, before, changed = whole, (doc[whole.start - 1] if whole.start > 0 else None), True
        if ent.label_ == "ORG" and len(ent) > 1 and ent[-1].pos_ == "NOUN" and ent[-1].text.islower() \
                and ent[-1].lemma_ in ORG_ROLES and ent[-2].text[:1].isupper():
            ent, changed = Span(doc, ent.start, ent.end - 1, label="ORG"), True  # "Friends of the Moors" + "charity"
        named_for = _organisation_of_place(ent, ents)
        if named_for is not None:  # "Amnesty International" + "UK", "Universities" + "Scotland": not the country
            if ents and ents[-1].end > named_for.start:
                ents.pop()
            ent, changed = named_for, True
        if ent.label_ == "PERSON" and before is not None and before.text in names and not before.ent_type_ \
                and before.dep_ == COMPOUND and before.head.i in range(ent.start, ent.end):
            ent = Span(doc, ent.start - 1, ent.end, label="PERSON")  # "Shani" + "Rhys James"
            changed = True
        if ent.label_ == "PERSON" and before is not None and not before.ent_type_ and before.lower_ in PEERS \
                and before.text[:1].isupper():
            ent = Span(doc, ent.start - 1, ent.end, label="PERSON")  # "Lord" + "Falconer": a peer's name is "Lord X"
            changed = True
        if ent.label_ == "PERSON" and ents and ents[-1].label_ == "PERSON" and ents[-1].end == ent.start \
                and ents[-1][-1].lower_ in PEERAGE:
            # "Tory Treasurer Lord" + "Ashcroft": the name is "Lord Ashcroft", the words before it his title
            ents.pop()
            ent = Span(doc, ent.start - 1, ent.end, label="PERSON")
            changed = True
        ents.append(ent)
    unlabelled = _unlabelled_names(doc, names)
    if unlabelled:
        ents = sorted([*ents, *unlabelled], key=lambda e: e.start)
        changed = True
    spelled = _spelled_out(doc, ents)
    if spelled:
        ents = sorted([*(e for e in ents if not any(e.start < s.end and s.start < e.end for s in spelled)), *spelled],
                      key=lambda e: e.start)
        changed = True
    if changed:
        doc.ents = filter_spans(ents)  # one repair may reach into a span another made ("Clinton-Kaine")


def _split_run_ons(ents, names, person_words):
    """The entities, each run into a person's name the parse does not join to the words before cut there: over a comma
    ("Citing an interview with Politico, Greg Holt said": Politico and Greg Holt), or after a news outlet's name
    ("the editorial board of the Washington Post Trump said", Trump named elsewhere as a person). "Ministry of
    Economy, Trade and Industry" and "University of California, Berkeley" stay whole."""
    out = []
    for ent in ents:
        doc, start = ent.doc, ent.start
        for t in ent[:-1]:
            if t.i < start or not (t.text == "," or (t.text in NEWS_OUTLET_WORDS and ent.label_ == "ORG")):
                continue
            cut = t.i + 1 if t.text != "," else t.i
            before, after = range(start, cut), range(t.i + 1, ent.end)
            words = doc[t.i + 1: ent.end].text.split()
            person = _looks_like_name(words, names) and len(words) >= 2 if t.text == "," \
                else all(w[:1].isupper() and w.lower() in person_words for w in words)
            # (the parse follows the NER's run-on after an outlet: "Post" a compound of "Trump")
            joined = any(doc[i].head.i in after for i in before) or any(doc[i].head.i in before for i in after)
            if person and len(words) <= 3 and not (joined and t.text == ","):
                out.append(Span(doc, start, cut, label=ent.label_))
                start = t.i + 1
        if start != ent.start:
            out.append(Span(doc, start, ent.end, label="PERSON"))
        else:
            out.append(ent)
    return out


def _occupation_word(word: str) -> bool:
    """A role or occupation ("boxer", "striker", "chairman") that is no honorific ("Lord", "President": titles.py
    splits those off a name as titles)."""
    return word not in HONORIFICS and (word in PERSON_ROLES or word in OCCUPATIONS or bool(AGENT_ENDING.fullmatch(word)))


def _title_case_name(ent) -> Span | None:
    """An organisation's name the NER cut at a capitalised preposition ("Borders" of "Reporters Without Borders",
    "Arms Trade" of "Campaign Against Arms Trade"): the run of capitalised words before it, with the preposition,
    in a sentence of ordinary case (a title-case headline capitalises every preposition); None if there is none."""
    doc, start = ent.doc, ent.start
    if not doc.has_annotation("SENT_START"):
        return None
    while start > ent.sent.start and doc[start - 1].is_alpha and doc[start - 1].text[:1].isupper() \
            and not doc[start - 1].ent_type_ and doc[start - 1].lower_ not in NAME_PARTICLES:
        start -= 1
    run = doc[start:ent.start]
    if not any(t.pos_ in ("ADP", "CCONJ") and t.i > ent.sent.start for t in run) or run[0].pos_ in ("ADP", "CCONJ"):
        return None
    words = [t for t in ent.sent if t.is_alpha]
    if sum(t.text[:1].isupper() for t in words) * 2 > len(words):
        return None
    return Span(doc, start, ent.end, label="ORG")


def _name_cut_at_and(first, second) -> bool:
    """ "Department for Education" + "and" + "Skills": an organisation's name the NER cut at its "and", the second
    part one word joined to a word after the first part's "for" or "of" (not "Shell and BP", joined to the name's
    head)."""
    doc = first.doc
    return first.label_ == "ORG" and len(second) == 1 and second.start == first.end + 1 \
        and doc[first.end].lower_ in ("and", "&") and second.root.dep_ == CONJ \
        and second.root.head.i in range(first.start, first.end) and second.root.head.i != first.root.i \
        and any(t.lower_ in ("for", "of") for t in doc[first.start:second.root.head.i])


_INITIALS_SKIP = frozenset({"of", "the", "and", "for", "&"})


def _spelled_out(doc, ents) -> list[Span]:
    """Organisations the NER did not read whole whose initials the article uses ("Athletics Kenya" with only "Kenya"
    labelled, then "AK"): the run of capitalised words those initials spell, as an organisation's name."""
    names = {e.text for e in ents if len(e) > 1}
    found = []
    for ent in ents:
        letters = ent.text
        if ent.label_ != "ORG" or len(ent) != 1 or not _INITIALS.fullmatch(letters) or not letters.isalpha() \
                or any(abbreviates(letters, n) for n in names):
            continue
        for tok in doc[: ent.start]:
            if tok.text[:1] != letters[0] or not tok.is_alpha or not tok.text[1:2].islower():
                continue
            span = _spelling(doc, tok.i, letters)
            if span is not None and not any(s.start == span.start for s in found):
                found.append(span)
                break
    return found


def _spelling(doc, start: int, letters: str):
    """The span from `start` whose capitalised words' initials are `letters` ("Athletics Kenya" for "AK"), or None."""
    if start > 0 and doc[start - 1].is_alpha and doc[start - 1].text[:1].isupper() and not doc[start].is_sent_start \
            and doc[start - 1].lower_ != "the":
        return None  # words inside a longer run of capitals (a title-case headline)
    k, i = 0, start
    while i < len(doc) and k < len(letters):
        t = doc[i]
        if letters[k].islower():  # "DfES": a small letter is a small word ("for")
            if not (k and t.lower_ in _INITIALS_SKIP and t.lower_[0] == letters[k]):
                return None
            k, i = k + 1, i + 1
            continue
        if k and t.lower_ in _INITIALS_SKIP:
            i += 1
            continue
        if not (t.is_alpha and t.text[:1] == letters[k] and t.text[1:2].islower()):
            return None
        k, i = k + 1, i + 1
    if k < len(letters) or (i < len(doc) and doc[i].is_alpha and doc[i].text[:1].isupper()):
        return None  # the initials of the first words of a longer name
    return Span(doc, start, i, label="ORG")


def _organisation_of_place(ent, ents):
    """An organisation named with a place after its words ("Amnesty International UK", "Universities Scotland") that
    the NER read as the place alone, or as a name and the place: the whole run of capitalised proper nouns set as
    compounds on the place, as one organisation (None if there is none). Not a sentence's first word alone ("Rural
    Scotland"), unless the NER read it as an organisation or it is initials or an organisation's word; not a place
    that itself modifies a noun after it (a name ends its noun phrase)."""
    if ent.label_ != "GPE" or ent.root.dep_ == COMPOUND:  # "EU China arms ban": the place modifies a noun after it
        return None
    doc, start = ent.doc, ent.start
    while start > 0:
        t = doc[start - 1]
        if t.dep_ != COMPOUND or t.head.i not in range(ent.start, ent.end) \
                or not (t.tag_ in ("NNP", "NNPS") or (t.tag_ in ("NN", "NNS") and _organisation_word(t))) \
                or not t.text[:1].isupper() or not t.is_alpha or t.ent_type_ not in ("", "ORG"):
            break
        start -= 1
    if start == ent.start:
        return None
    first = doc[start]
    if first.is_sent_start and not first.ent_type_ and start == ent.start - 1 and not _organisation_word(first):
        return None
    if first.ent_type_ == "ORG" and ents and ents[-1].label_ == "ORG" and ents[-1].start < start:
        start = ents[-1].start  # the organisation the NER read began before the compounds
    return Span(doc, start, ent.end, label="ORG")


def _organisation_word(tok) -> bool:
    """Initials ("NHS") or a word of organisations' names ("Police", "Universities")."""
    low = tok.lower_
    singular = low[:-3] + "y" if low.endswith("ies") else low[:-1] if low.endswith("s") else low
    return (tok.text.isupper() and len(tok) > 1) or bool({low, singular, tok.lemma_.lower()} & ORG_NAME_WORDS)


def _trim_person(ent):
    """A person's name without what the NER ran on into after it (a dash, "a"); None when a number is part of it."""
    if any(t.is_digit for t in ent):
        return None
    doc, end = ent.doc, ent.end
    while end > ent.start + 1 and (doc[end - 1].is_punct or doc[end - 1].is_lower) and not _hyphenated(doc, end - 1):
        end -= 1
    while end + 1 < len(doc) and doc[end].text == "-" and _hyphenated(doc, end + 1) and not doc[end + 1].ent_type_:
        end += 2  # "Chung Mong" + "-koo": the NER stopped at the hyphen
    return ent if end == ent.end else Span(doc, ent.start, end, label=ent.label_)


def _hyphenated(doc, i) -> bool:
    """Is token `i` the part of a name after a hyphen written without spaces ("koo" of "Chung Mong-koo")?"""
    return i >= 2 and doc[i - 1].text == "-" and not doc[i - 2].whitespace_ and not doc[i - 1].whitespace_ \
        and doc[i].text.isalpha() and doc[i - 2].text[:1].isupper()
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{1,5}")
_INITIALS = re.compile(r"[A-Z](?:[a-z]?[A-Z0-9&]){1,5}")  # "AK", "NAO", and with a small word's letter "DfES", "BoE"


def _acronym(ent, person_words) -> bool:
    """Is this one-word "person" an organisation's initials ("MI6", "BAA", "SAIC")? Not a surname in capitals that
    the article also writes as a name ("OBAMA" beside "Barack Obama"), nor a word of a line set all in capitals."""
    if len(ent) != 1 or not _ACRONYM.fullmatch(ent.text) or ent.text.lower() in person_words:
        return False
    line = ent.sent.text.split()
    return sum(w.isupper() for w in line) <= len(line) / 2


def _titled_first_names(ent) -> int | None:
    """Where a person's name begins that the NER read in part as something else: capitalised words it left unlabelled
    between an honorific and the entity ("Cardinal Cormac" + "Murphy-O'Connor"); None if there are none."""
    doc, i = ent.doc, ent.start
    while i > max(0, ent.start - 2) and doc[i - 1].pos_ == "PROPN" and not doc[i - 1].ent_type_ \
            and doc[i - 1].text[:1].isupper() and doc[i - 1].lower_ not in HONORIFICS:
        i -= 1
    honorific = doc[i - 1] if 0 < i < ent.start else None
    return i if honorific is not None and honorific.text[:1].isupper() and honorific.lower_.rstrip(".") in HONORIFICS \
        else None


def _after_courtesy(ent) -> bool:
    """Does a courtesy honorific ("Mr", "Mrs", "Dr") or an abbreviated rank ("Gen.", "Lt.", "Sgt.": no organisation's
    name opens with one) stand right before the entity or open it?"""
    first = ent[0].lower_.rstrip(".")
    before = ent.doc[ent.start - 1].lower_.rstrip(".") if ent.start > 0 else ""
    return (first in COURTESY and len(ent) > 1) or before in COURTESY or before in PEERS \
        or (len(ent) > 1 and _abbreviated_rank(ent[0])) or (ent.start > 0 and _abbreviated_rank(ent.doc[ent.start - 1]))


def _abbreviated_rank(tok) -> bool:
    """ "Gen.", "Lt.", "Sgt.": an honorific written short, which only a person's name follows."""
    return tok.text.endswith(".") and tok.text[:1].isupper() and tok.lower_.rstrip(".") in HONORIFICS \
        and tok.lower_.rstrip(".") not in COURTESY


def _looks_like_name(words: list[str], names) -> bool:
    """A known first name, then capitalised words ("Charles de Gaulle": particles inside may be lower case)."""
    return words[0] in names and words[-1][:1].isupper() \
        and all((w[:1].isupper() or w in NAME_PARTICLES) and w.replace("-", "").replace("'", "").isalpha() for w in words) \
        and not any(w.lower() in ORG_NAME_WORDS for w in words)


def _particles(words: list[str]) -> int:
    return sum(w in NAME_PARTICLES for w in words)


def _unlabelled_names(doc, names) -> list[Span]:
    """Names the NER left unlabelled: a person's ("And oh yes, Carly Fiorina: What ..."), a run of two or three proper
    nouns outside every entity, the first a known first name; an organisation's, a run of proper nouns set in
    apposition to an organisation's role noun ("Parmalat, the Italian food group")."""
    found, i = [], 0
    while i < len(doc):
        if doc[i].pos_ != "PROPN" or doc[i].ent_type_:
            i += 1
            continue
        j = i
        while j < len(doc) and doc[j].pos_ == "PROPN" and not doc[j].ent_type_ and j - i < 4:
            j += 1
        if 2 <= j - i <= 3 and _looks_like_name([t.text for t in doc[i:j]], names):
            found.append(Span(doc, i, j, label="PERSON"))
        elif _described_as_organisation(doc[j - 1]):
            found.append(Span(doc, i, j, label="ORG"))
        i = j
    return found


def _described_as_organisation(tok) -> bool:
    """ "Parmalat, the Italian food group at the centre of ...": a name the NER missed, set in apposition to an
    organisation's role noun."""
    return any(c.dep_ == APPOS and c.lemma_.lower() in ORG_ROLES and c.left_edge.i == tok.i + 2
               and tok.doc[tok.i + 1].text == "," for c in tok.children)
