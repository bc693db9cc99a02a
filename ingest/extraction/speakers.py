"""Actors of an article and speaker resolution (names, surnames, titles, pronouns, role nouns).

The registry is built once per article from the named entities. Surnames and honorific forms ("Mr.
Obama") join the full name introduced in the article; role nouns ("the minister", "the ministry")
resolve to the latest actor so titled or named, and pronouns to the actor a learned ranker
(pronoun.json, from training/train_pronouns.py) scores highest among those mentioned just before.
"""
from __future__ import annotations

import bisect
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Span

from .lexicon import is_cue
from . import tables
from .records import ORG, PERSON, Speaker
from .titles import split_honorifics, strip_possessive
from .vocabulary import COURTESY, FEMALE_HONORIFICS, GENERIC_ORG_ROLES, HONORIFICS, KIN, MALE_HONORIFICS, NAME_HONORIFICS, NAME_PARTICLES, ORG_NAME_WORDS, ORG_ROLES, PEERAGE, PERSON_PRONOUNS, PERSON_ROLES, POSTNOMINALS, ROLE_SYNONYMS, STYLES, TITLE_LINK

ENT_KINDS = {"PERSON": PERSON, "ORG": ORG, "GPE": ORG, "NORP": ORG}
REGISTERED = ("PERSON", "ORG", "GPE")
WEIGHTS = (1.0, 2.0, 0.5, 0.8)  # hand-set pronoun salience (without pronoun.json): sentence distance, main subject, speaker, subject
LOOKBACK = 400  # mentions searched back from a pronoun or role noun (keeps long texts linear)
CUE_SUBJECT_DEPS = ("nsubj",)


def pronoun_weights() -> dict[str, float] | None:
    """Weights of the learned pronoun antecedent ranker (training/train_pronouns.py), or None."""
    return tables.weights("pronoun")


@lru_cache(maxsize=1)
def first_names() -> dict[str, str]:
    """First name -> "m"/"f": the 1990 US Census's (training/census_names.py) over those learned from the
    train split (training/learn.py), which knows the names in the news the census lacks."""
    return {**tables.names("first_names"), **tables.names("census_first_names")}


_FINITE = frozenset({"VBZ", "VBD", "VBP", "MD"})
LEDE_SENTENCES = 2  # the headline and the lede's first sentences, where a role may come before the name
LEDE_TAIL = 4  # words from such a role to its sentence's end ("... Secretary has said.")
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
    for ent in doc.ents:
        words = ent.text.split()
        if ent.label_ == "PERSON" and len(ent) == 1 and ent[0].pos_ == "VERB":
            changed = True
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
        if ent.label_ == "PERSON" and _acronym(ent, person_words):
            ent = Span(doc, ent.start, ent.end, label="ORG")  # "MI6", "BAA": letters no one is called by
            changed = True
        elif ent.label_ == "PERSON" and before is not None and before.lemma_.lower() in ORG_ROLES \
                and before.text.islower() and before.dep_ == "compound":
            ent = Span(doc, ent.start, ent.end, label="ORG")  # "software company Brightmart"
            changed = True
        elif ent.label_ in _MISREAD_LABELS and _after_courtesy(ent):
            ent = Span(doc, ent.start, ent.end, label="PERSON")  # "Mr Balls" read as an organisation
            changed = True
        elif ent.label_ in _MISREAD_LABELS and 2 <= len(words) - _particles(words) <= 3 and _looks_like_name(words, names):
            ent = Span(doc, ent.start, ent.end, label="PERSON")
            changed = True
        if ent.label_ in ("NORP", "ORG") and before is not None and before.tag_ == "NNP" and not before.ent_type_ \
                and before.dep_ in ("compound", "amod") and before.head.i in range(ent.start, ent.end) and before.text.isalpha() \
                and not before.is_sent_start:  # "Fellow Republicans" opening a sentence is no party name
            ent = Span(doc, ent.start - 1, ent.end, label=ent.label_)  # "Liberal" + "Democrats"
            changed = True
        if ent.label_ == "PERSON" and before is not None and before.text in names and not before.ent_type_ \
                and before.dep_ == "compound" and before.head.i in range(ent.start, ent.end):
            ent = Span(doc, ent.start - 1, ent.end, label="PERSON")  # "Shani" + "Rhys James"
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
    if changed:
        doc.ents = ents


def _trim_person(ent):
    """A person's name without what the NER ran on into after it (a dash, "a"); None when a number is part of it."""
    if any(t.is_digit for t in ent):
        return None
    end = ent.end
    while end > ent.start + 1 and (ent.doc[end - 1].is_punct or ent.doc[end - 1].is_lower):
        end -= 1
    return ent if end == ent.end else Span(ent.doc, ent.start, end, label=ent.label_)


_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{1,5}")


def _acronym(ent, person_words) -> bool:
    """Is this one-word "person" an organisation's initials ("MI6", "BAA", "SAIC")? Not a surname in capitals that
    the article also writes as a name ("OBAMA" beside "Barack Obama"), nor a word of a line set all in capitals."""
    if len(ent) != 1 or not _ACRONYM.fullmatch(ent.text) or ent.text.lower() in person_words:
        return False
    line = ent.sent.text.split()
    return sum(w.isupper() for w in line) <= len(line) / 2


def role_modifiers(tok) -> list[str]:
    """The words narrowing a role noun down ("Tory" in "the Tory leader"), not those of time ("former", "new")."""
    return [c.text for c in tok.lefts if c.dep_ in ("amod", "compound") and c.lower_ not in ("former", "then", "new")]


def _abbreviates(short: str, name: str) -> bool:
    """Is `short` the initials of `name` ("IEA" of "International Energy Agency", "U.S." of "United States")?"""
    letters = short.replace(".", "")
    if not (2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()):
        return False
    words = [w for w in name.replace("-", " ").split() if w.lower() not in ("of", "the", "and", "for", "&")]
    return len(words) >= 2 and "".join(w[0] for w in words).upper() == letters


def _squashed(name: str) -> str:
    """A name without case, spaces, hyphens or full stops: "TimeWarner" and "Time Warner" are one company."""
    return re.sub(r"[\s.\-]", "", name.lower())


def _after_courtesy(ent) -> bool:
    """Does a courtesy honorific ("Mr", "Mrs", "Dr") stand right before the entity or open it?"""
    first = ent[0].lower_.rstrip(".")
    before = ent.doc[ent.start - 1].lower_.rstrip(".") if ent.start > 0 else ""
    return (first in COURTESY and len(ent) > 1) or before in COURTESY


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
    return any(c.dep_ == "appos" and c.lemma_.lower() in ORG_ROLES and c.left_edge.i == tok.i + 2
               and tok.doc[tok.i + 1].text == "," for c in tok.children)


def honorific_gender(honorific: str | None) -> str | None:
    h = (honorific or "").lower().rstrip(".")
    return "f" if h in FEMALE_HONORIFICS else "m" if h in MALE_HONORIFICS else None


def name_gender(name: str) -> str | None:
    words = name.split()
    return first_names().get(words[0]) if len(words) > 1 else None


def _compatible(actor, gender) -> bool:
    return not gender or not actor.gender or actor.gender == gender


@dataclass
class Actor:
    name: str
    kind: str
    title: str | None = None
    aliases: list[str] = field(default_factory=list)
    gender: str | None = None
    gender_by_name: bool = False  # guessed from the first name alone, which the text's pronouns may overrule
    label: str = ""  # the NER label it was registered under (PERSON, ORG, GPE)

    def add_alias(self, alias: str) -> None:
        alias = " ".join(alias.split())
        if alias and alias.lower() not in {a.lower() for a in self.aliases}:
            self.aliases.append(alias)

    def speaker(self) -> Speaker:
        aliases = tuple(dict.fromkeys([self.name, *self.aliases]))
        return Speaker(name=self.name, kind=self.kind, title=self.title, aliases=aliases)


@dataclass
class Mention:
    pos: int
    sent: int
    actor: Actor
    subject: bool
    main_subject: bool
    speaker: bool = False
    token_i: int = -1  # the token heading the mention


def _clean_name(text: str) -> str:
    text = strip_possessive(" ".join(text.split()))
    if text.lower().startswith("the "):
        text = text[4:]
    if text.startswith(("'s ", "’s ")):  # "Here’s Clinton" read as the name "’s Clinton"
        text = text[3:]
    text = text.strip(" ,.;:-–—\"“”'‘’()[]<>=/")
    if "." in text and _DOTTED_INITIALS.fullmatch(text + "."):
        text += "."  # "U.S.", "F.B.I." keep their last full stop
    return text


_DOTTED_INITIALS = re.compile(r"(?:[A-Z]\.){2,}")


def _span_text(first, last) -> str:
    """Text from token `first` to token `last` (Doc.text would rebuild the whole text each time)."""
    return first.doc[first.i: last.i + 1].text


def ent_name(ent) -> str:
    """An entity's name without a trailing verb a title-case headline lets slip in ("Obama Says")."""
    toks = list(ent)
    while len(toks) > 1 and (toks[-1].tag_.startswith("VB") or toks[-1].pos_ in ("VERB", "AUX")
                             or toks[-1].text.rstrip(".") in POSTNOMINALS):
        toks.pop()
    return _clean_name(_span_text(toks[0], toks[-1]))


def title_before(ent) -> str | None:
    """Title words standing right before a person's name ("Kremlin spokesman Dmitry Peskov")."""
    doc = ent.doc
    i = ent.start - 1
    toks = []
    while i >= 0 and len(toks) < 8:
        t = doc[i]
        if t.ent_type_ == "PERSON" or t.is_space:
            break
        if t.pos_ in ("PROPN", "NOUN", "ADJ") or (t.lower_ in TITLE_LINK and toks) \
                or (t.pos_ == "NUM" and toks and not t.whitespace_) \
                or (t.dep_ in ("compound", "amod") and toks and t.head.i in {x.i for x in toks}):
            # ("60m champion"; "shadow home secretary" with "shadow" tagged a verb)
            toks.append(t)
            i -= 1
            continue
        break
    toks.reverse()
    for k in range(len(toks) - 1, 0, -1):
        if toks[k].lower_ in TITLE_LINK and not _links_a_title(toks[k - 1], toks[k]):
            toks = toks[k + 1:]  # "Mr. Trump's pointed critique of President Bush": the title is "President"
            break
    while toks and toks[0].lower_ in TITLE_LINK:
        toks.pop(0)
    if not toks:
        return None
    while len(toks) > 1 and toks[-1].lower_.rstrip(".") in NAME_HONORIFICS:
        toks.pop()  # "MAB spokesman Dr Azzam Tamimi": the title is "MAB spokesman"
    if all(t.lower_.rstrip(".") in COURTESY for t in toks):
        return None
    last = toks[-1].lower_.rstrip(".")
    if last not in PERSON_ROLES and last not in HONORIFICS and last not in ("counterpart", "democrat", "republican") \
            and not _role_of_place(toks) and not _occupation(toks[-1]):
        return None
    return _span_text(toks[0], toks[-1])


def _links_a_title(before, link) -> bool:
    """Does the word before "of", "for", "and" or "'s" belong to a title ("Secretary of State", "Minister for Europe",
    "chairman and chief executive", "Russia's foreign minister"), not to the sentence ("a critique of President Bush")?"""
    word = before.lower_.rstrip(".")
    role = word in PERSON_ROLES or word in HONORIFICS or _occupation(before)
    if link.lower_ == "and" and not (before.text.islower() or before.is_sent_start):
        # capitalised: "Trade and Industry Secretary" names a department, but "the Cardinal and Archbishop of
        # Canterbury Dr Rowan Williams" ends another's title
        return not role
    if link.lower_ == "and" and before.is_sent_start:  # "Chairman and chief executive ...", "World and Commonwealth ..."
        return role or before.pos_ == "PROPN"
    if link.lower_ in ("of", "for", "and"):
        return role
    return before.pos_ == "PROPN" or link.lower_ == "-"


_AGENT_ENDING = re.compile(r"[a-z]{3,}(?:er|or|ist|ian|ess|ant|man|woman|ee)$")


def _occupation(tok) -> bool:
    """A lower-case noun of the agent kind right before a name ("French musician Jean-Michel Jarre", "TV presenter
    Anne Robinson"): the roles no list can close."""
    return tok.tag_ == "NN" and tok.text.islower() and bool(_AGENT_ENDING.fullmatch(tok.text)) \
        and tok.text.removeprefix("grand").removeprefix("step") not in KIN


def _title(ent, honorific: str | None) -> str | None:
    """The title a person's mention gives: the words before the name, with the honorific the NER read into the name
    ("Assistant Chief" + "Constable David Warcup"); a role in apposition rather than a knight's "Sir" ("Sir Digby
    Jones, CBI director general,"); else the honorific itself unless a mere courtesy ("Mr")."""
    role = honorific if honorific and honorific.lower().rstrip(".") not in COURTESY else None
    before = title_before(ent)
    if before and role and role.lower() not in STYLES:
        return f"{before} {role}"
    if before and before.lower().rstrip(".") not in STYLES:
        return before
    return title_appos(ent) or before or role


def _role_of_place(toks) -> bool:
    """ "Archbishop of Canterbury", "Mayor of London": a role, "of", then a name."""
    words = [t.lower_ for t in toks]
    if "of" not in words[1:-1]:
        return False
    k = words.index("of", 1)
    return (words[k - 1] in PERSON_ROLES or words[k - 1] in HONORIFICS) and all(t.pos_ == "PROPN" for t in toks[k + 1:])


MAX_TITLE_TOKENS = 15


def _role_phrase(role, after: int) -> str | None:
    """A role phrase as a title ("a senior adviser at the Forum for the Future" -> "senior adviser at the Forum for
    the Future"): the role's words after token `after`, up to a relative clause, participle or apposition
    ("founder of Grassroots Media, which ...", "head of CloudFlare, a San Francisco company"), at most
    MAX_TITLE_TOKENS, without a leading article or a dangling last word."""
    skip = {t.i for c in role.subtree if c.i != role.i and (c.dep_ in ("relcl", "acl") or (
        c.dep_ == "appos" and c.pos_ == "NOUN" and c.doc[c.left_edge.i - 1].text in (",", "—", "–", "--")))
        for t in c.subtree}
    toks = []
    for t in role.subtree:
        if t.i <= after:
            continue
        if t.i in skip or t.i >= role.i + MAX_TITLE_TOKENS or (toks and t.i != toks[-1].i + 1):
            break
        toks.append(t)
    while toks and (toks[-1].pos_ in ("ADP", "CCONJ", "DET", "PUNCT", "SPACE", "PART") or toks[-1].lower_ in ("which", "who")):
        toks.pop()
    while toks and (toks[0].dep_ == "det" or toks[0].is_punct):
        toks.pop(0)
    return _span_text(toks[0], toks[-1]) if toks else None


def title_appos(ent) -> str | None:
    """Title given in apposition: "Lavrov, Russia's foreign minister," / "The minister, Sergey Lavrov,"."""
    root = ent.root
    for child in root.rights:
        # not after a colon: "Arthur Hailey: King of the bestsellers" is a headline's description
        if child.dep_ == "appos" and child.pos_ in ("NOUN", "PROPN") and root.doc[child.left_edge.i - 1].text != ":" \
                and child.lemma_.lower() in PERSON_ROLES:
            phrase = _role_phrase(child, root.i)
            if phrase:
                return phrase
    doc = ent.doc
    if ent.end + 1 < len(doc) and doc[ent.end].text == ",":
        # "..., estimates James Goodman, report author and a senior adviser at ...": the role the parser made a
        # second subject of the verb instead of an apposition to the name
        role = doc[ent.end + 1:ent.end + 8].root
        if role.pos_ == "NOUN" and role.lemma_.lower() in PERSON_ROLES and role.head.i == root.head.i != root.i \
                and role.dep_ == root.dep_:
            phrase = _role_phrase(role, ent.end)
            if phrase:
                return phrase
    if root.dep_ == "appos" and root.head.pos_ in ("NOUN", "PROPN") and root.head.lemma_.lower() in PERSON_ROLES \
            and root.head.i < ent.start:
        head = root.head
        # "The chairman of the party's affairs committee, Sher Khan,": all of the role before the name
        toks = [t for t in head.subtree if t.i < min(ent.start, root.left_edge.i)]
        while toks and toks[-1].is_punct:
            toks.pop()
        if toks and (toks[0].dep_ == "det" or toks[0].tag_ == "PRP$"):
            toks.pop(0)
        if toks:
            return _span_text(toks[0], toks[-1])
    return None


class Registry:
    """The named actors of one article and the order in which they are mentioned."""

    # training/train_pronouns.py sets this to a list to record (pronoun offset, [(actor, features)], choice)
    trace: list | None = None

    def __init__(self, doc, is_foreign=lambda pos: False, in_quote=None):
        self.doc = doc
        self.in_quote = in_quote or (lambda pos: False)
        self._text = None
        self.actors: list[Actor] = []
        self.mentions: list[Mention] = []
        self._by_key: dict[str, Actor] = {}
        self._count: Counter = Counter()
        self._build(doc, is_foreign)

    # -- building -------------------------------------------------------------------------
    def _build(self, doc, is_foreign) -> None:
        labels: dict[str, Counter] = defaultdict(Counter)
        ents = []
        for ent in doc.ents:
            if ent.label_ not in ENT_KINDS or is_foreign(ent.start_char):
                continue
            name = ent_name(ent)
            if not name or not any(c.isalpha() for c in name):
                continue
            honorific = None
            if ent.label_ == "PERSON":
                name, honorific = split_honorifics(name)
            labels[name][ent.label_] += 1
            ents.append((ent, name, honorific))
        full_names = [n for n, c in labels.items() if c.most_common(1)[0][0] == "PERSON" and len(n.split()) > 1]
        person_last = {n.split()[-1] for n in full_names}
        # "Bush" in an article on Jeb Bush and George W. Bush: whose title "President Bush" gives is not known
        shared_last = {last for last, k in Counter(n.split()[-1] for n in full_names).items() if k > 1}
        sent_starts = [s.start for s in doc.sents]
        self._sent_starts = sent_starts
        self._sent_chars = [doc[i].idx for i in sent_starts]
        for ent, name, honorific in ents:
            label = labels[name].most_common(1)[0][0]
            if label != "PERSON" and len(name.split()) == 1 and name in person_last:
                label = "PERSON"
            if label not in REGISTERED:
                continue
            gender = honorific_gender(honorific) if label == "PERSON" else None
            actor = self._actor_for(name, ENT_KINDS[label], gender)
            actor.label = actor.label or label
            actor.add_alias(name)
            if honorific:
                actor.add_alias(f"{honorific} {name}")
            if label == "PERSON":
                if actor.gender is None and gender is None and name_gender(actor.name):
                    actor.gender_by_name = True
                actor.gender = actor.gender or gender or name_gender(actor.name)
                if actor.title is None and name not in shared_last:
                    actor.title = _title(ent, honorific)
            root = ent.root
            subj = root.dep_ in ("nsubj", "nsubjpass")
            main = subj and (root.head.dep_ == "ROOT")
            self.mentions.append(Mention(ent.start_char, self.sent_index(ent.start), actor, subj, main, token_i=root.i))
            self._count[id(actor)] += 1
        self._name_by_use({n: sum(c.values()) for n, c in labels.items()})
        self._add_unlabelled_surnames(doc, is_foreign)
        self._sort()
        self._add_role_mentions(doc, is_foreign)
        self._learn_gender(doc)

    def _name_by_use(self, uses: dict[str, int]) -> None:
        """An organisation named both in full and by its initials goes by the form the article uses more
        ("IMF" after one "International Monetary Fund"); the full name on a tie."""
        for actor in self.actors:
            if actor.kind != ORG:
                continue
            short = next((a for a in actor.aliases if _abbreviates(a, actor.name)), None)
            if short is not None and uses.get(short, 0) > uses.get(actor.name, 0):
                actor.name = short

    def _add_unlabelled_surnames(self, doc, is_foreign) -> None:
        """Surnames of known people that NER left unlabelled still count as mentions."""
        surnames, full_names = {}, {}
        for a in self.actors:
            words = a.name.lower().split()
            if a.kind == PERSON and len(words) > 1:
                surnames.setdefault(words[-1], a)
                full_names[words[0], words[-1]] = a
        if not surnames:
            return
        for tok in doc:
            if tok.pos_ == "PROPN" and not tok.ent_type_ and tok.lower_ in surnames and not is_foreign(tok.idx):
                # "Ivanka Trump" unlabelled is Ivanka, not the Trump named first
                first = doc[tok.i - 1].lower_ if tok.i > 0 else ""
                actor = full_names.get((first, tok.lower_)) or surnames[tok.lower_]
                self._by_key.setdefault(tok.lower_, actor)
                actor.add_alias(tok.text)
                subj = tok.dep_ in ("nsubj", "nsubjpass")
                self.mentions.append(Mention(tok.idx, self.sent_index(tok.i), actor, subj, subj and tok.head.dep_ == "ROOT",
                                             token_i=tok.i))
                self._count[id(actor)] += 1

    def _add_role_mentions(self, doc, is_foreign) -> None:
        """ "The Tory leader was asked ... He replies": a definite role noun as a subject that names a person
        titled so before ("Tory leader Michael Howard") is a mention of that person, which pronouns can follow."""
        found = []
        for tok in doc:
            if tok.dep_ not in ("nsubj", "nsubjpass") or tok.tag_ != "NN" or tok.lemma_.lower() not in PERSON_ROLES \
                    or is_foreign(tok.idx) or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
                continue
            actor = self.resolve_role(tok.lemma_.lower(), role_modifiers(tok), tok.idx)
            if actor is not None:
                found.append(Mention(tok.idx, self.sent_index(tok.i), actor, True, tok.head.dep_ == "ROOT", token_i=tok.i))
        if found:
            self.mentions.extend(found)
            self._sort()

    def _sort(self):
        self.mentions.sort(key=lambda m: m.pos)
        self._positions = [m.pos for m in self.mentions]

    def _actor_for(self, name: str, kind: str, gender: str | None = None) -> Actor:
        key = name.lower()
        known = self._by_key.get(key)
        if known is not None and _compatible(known, gender):
            return known
        words = key.split()
        ranked = sorted(reversed(self.actors), key=lambda a: -self._count[id(a)]) if len(words) == 1 else reversed(self.actors)
        for actor in ranked:
            if actor.kind != kind:
                continue
            aw = actor.name.lower().split()
            if kind == PERSON:
                same = words[-1] == aw[-1] and (len(words) == 1 or len(aw) == 1 or words[0] == aw[0])
                first_only = len(words) == 1 and len(aw) > 1 and words[0] == aw[0]
                if (same or first_only) and _compatible(actor, gender or name_gender(name)):
                    if same and len(words) > len(aw):
                        actor.name = name  # the full name, once we see it
                    self._by_key.setdefault(key, actor)
                    return actor
            elif key.endswith(actor.name.lower()) or actor.name.lower().endswith(key) or _abbreviates(name, actor.name) \
                    or _abbreviates(actor.name, name) or _squashed(key) == _squashed(actor.name):
                if len(key) > len(actor.name):
                    actor.name = name
                self._by_key.setdefault(key, actor)
                return actor
        actor = Actor(name=name, kind=kind)
        self.actors.append(actor)
        self._by_key.setdefault(key, actor)
        return actor

    def _learn_gender(self, doc) -> None:
        """Guess a person's gender from pronouns in sentences where they are the only person named; a one-word
        "person" referred to only as "it" is an organisation."""
        by_sent: dict[int, set] = defaultdict(set)
        first_pos: dict[int, int] = {}
        for m in self.mentions:
            if m.actor.kind == PERSON:
                by_sent[m.sent].add(id(m.actor))
                first_pos.setdefault(m.sent, m.pos)
        votes: dict[int, Counter] = defaultdict(Counter)
        actors = {id(a): a for a in self.actors}
        honorifics = COURTESY | MALE_HONORIFICS | FEMALE_HONORIFICS
        courtesy = {id(m.actor) for m in self.mentions  # "Mr Howard said it would ...": a person all the same
                    if m.token_i > 0 and doc[m.token_i - 1].lower_.rstrip(".") in honorifics}
        for sent_i, sent in enumerate(doc.sents):
            ids = by_sent.get(sent_i)
            if not ids or len(ids) != 1:
                continue
            (aid,) = ids
            for t in sent:
                if t.idx < first_pos[sent_i]:
                    continue  # a pronoun before the name points back to someone else ("he could not explain why ... X")
                g = PERSON_PRONOUNS.get(t.lower_) or ("n" if t.lower_ in ("it", "its") else None)
                if g and t.pos_ == "PRON" or (g and t.tag_ == "PRP$"):
                    votes[aid][g] += 1
        for aid, c in votes.items():
            a = actors[aid]
            if c["n"] >= 2 and not c["m"] + c["f"] and a.gender is None and len(a.name.split()) == 1 \
                    and aid not in courtesy:
                a.kind = ORG  # "Yukos said it would consider its options": a company the NER took for a person
                continue
            c.pop("n", None)
            if not c:
                continue
            if a.gender_by_name and c[a.gender] == 0 and sum(c.values()) >= 3:
                a.gender = None  # "Kim Collins ... he ... his": the first name misled
            if a.gender is None:
                (g, n), *rest = c.most_common()
                if not rest or n > rest[0][1]:
                    a.gender = g

    # -- lookups --------------------------------------------------------------------------
    def sent_index(self, token_i: int) -> int:
        return bisect.bisect_right(self._sent_starts, token_i) - 1

    def lookup(self, name: str) -> Actor | None:
        """The registered actor a name, surname or "Mrs. Surname" refers to."""
        base, honorific = split_honorifics(_clean_name(name))
        gender = honorific_gender(honorific)
        key = base.lower()
        words = key.split()
        if not words:
            return None
        actor = self._by_key.get(key)
        if actor is not None and _compatible(actor, gender) and (len(words) > 1 or actor.kind != PERSON):
            return actor
        matches = [a for a in reversed(self.actors) if a.kind == PERSON and _compatible(a, gender)
                   and words[-1] == a.name.lower().split()[-1] and (len(words) == 1 or words[0] == a.name.lower().split()[0])]
        if matches:
            # a bare surname shared by several people: the one the article talks about most
            return max(matches, key=lambda a: self._count[id(a)])
        return actor

    def note_speaker(self, actor: Actor, pos: int, token_i: int) -> None:
        """Record a resolved speaker mention (e.g. a pronoun) so later pronouns can chain on it."""
        m = Mention(pos, self.sent_index(token_i), actor, True, True, speaker=True, token_i=token_i)
        i = bisect.bisect_left(self._positions, pos)
        self.mentions.insert(i, m)
        self._positions.insert(i, pos)

    def named_next(self, pos: int, heads: set[str]) -> Actor | None:
        """ "Taxes must rise, the Health Secretary has said. Jane Ross told MPs ...": a role a news lede names before
        any holder of it stands for the person who is the main subject of the next sentence, if untitled or so
        titled. Only in the lede: further on, the next sentence's subject is as often someone else."""
        i = bisect.bisect_left(self._positions, pos)
        sent = bisect.bisect_right(self._sent_chars, pos) - 1
        # a lede's "..., the X has said." closes its sentence; "The mayor said ..." opening one is someone else
        if sent > LEDE_SENTENCES:
            return None
        if self._text is None:
            self._text = self.doc.text
        sent_end = self._sent_chars[sent + 1] if sent + 1 < len(self._sent_chars) else len(self._text)
        if len(self._text[pos:sent_end].split()) > LEDE_TAIL:
            return None
        for m in self.mentions[i:i + 6]:
            if m.sent > sent + 1:
                break
            title = set((m.actor.title or "").lower().split()) - HONORIFICS  # "Professor" is no other role
            if m.sent == sent + 1 and m.main_subject and m.actor.kind == PERSON and (not title or heads & title):
                return m.actor
        return None

    def _before(self, pos: int, limit: int = LOOKBACK):
        """Mentions before character `pos`, latest first (at most `limit` of them)."""
        i = bisect.bisect_left(self._positions, pos)
        for j in range(i - 1, max(-1, i - 1 - limit), -1):
            yield self.mentions[j]

    def _pronoun_candidates(self, pron, window: int):
        """Mentions of compatible actors in the `window` sentences up to `pron`, grouped by actor
        (latest actor first): [(actor, [its mentions, latest first])]."""
        word = pron.lower_
        gender = PERSON_PRONOUNS.get(word)
        want = PERSON if gender else ORG
        sent = self.sent_index(pron.i)
        by_actor: dict[int, tuple] = {}
        for m in self._before(pron.idx):
            if sent - m.sent > window:
                break
            if m.actor.kind != want or (gender and m.actor.gender and m.actor.gender != gender):
                continue
            by_actor.setdefault(id(m.actor), (m.actor, []))[1].append(m)
        return list(by_actor.values())

    def pronoun_features(self, pron, groups) -> list[dict[str, float]]:
        """Features of each candidate antecedent actor of `pron` (see training/train_pronouns.py)."""
        doc = self.doc
        if self._text is None:
            self._text = doc.text
        gender = PERSON_PRONOUNS.get(pron.lower_)
        sent = self.sent_index(pron.i)
        first_in_sent: dict[int, Mention] = {}
        for _, ms in groups:
            for m in ms:
                if m.sent not in first_in_sent or m.pos < first_in_sent[m.sent].pos:
                    first_in_sent[m.sent] = m

        def reports(m):
            t = doc[m.token_i] if m.token_i >= 0 else None
            return t is not None and t.dep_ in CUE_SUBJECT_DEPS and is_cue(t.head.lemma_.lower())

        out = []
        for rank, (actor, ms) in enumerate(groups):
            m = ms[0]
            dist = sent - m.sent
            quoted = [self.in_quote(x.pos) for x in ms]
            f = {f"d{min(dist, 3)}": 1.0, f"rank{min(rank, 3)}": 1.0,
                 "subj": float(m.subject), "main": float(m.main_subject), "spk": float(m.speaker),
                 "any_main": float(any(x.main_subject for x in ms)), "any_spk": float(any(x.speaker for x in ms)),
                 "any_subj_q": float(any(x.subject and not q for x, q in zip(ms, quoted))),
                 "quote": float(quoted[0]), "all_quote": float(all(quoted)),
                 "para": float("\n" not in self._text[m.pos:pron.idx]),
                 "nwin": math.log1p(len(ms)), "sal": math.log1p(self._count[id(actor)]) / 3,
                 "gknown": float(bool(gender and actor.gender == gender)),
                 "first_in_sent": float(first_in_sent.get(m.sent) is m),
                 "head_cue": float(reports(m)), "any_head_cue": float(any(reports(x) for x in ms))}
            if m.token_i >= 0:
                tok = doc[m.token_i]
                depth, t = 0, tok
                while t.head.i != t.i and depth < 4:
                    t, depth = t.head, depth + 1
                f[f"depth{depth}"] = 1.0
                f["poss"], f["pobj"], f["dobj"] = float(tok.dep_ == "poss"), float(tok.dep_ == "pobj"), float(tok.dep_ == "dobj")
            if dist == 0:
                f["same_sent_subj"] = float(m.subject)
            out.append(f)
        return out

    def resolve_pronoun(self, pron, window: int = 5) -> Actor | None:
        """The person (he/she) or organisation (it/they) `pron` refers to: among the actors mentioned in
        the `window` sentences before it, the one the learned ranker (pronoun.json) scores highest, or
        without it the most salient by hand-set weights; else the latest person of that gender."""
        gender = PERSON_PRONOUNS.get(pron.lower_)
        groups = self._pronoun_candidates(pron, window)
        best = None
        weights = pronoun_weights() if self.trace is None else None  # a trace records the hand-set choice
        if groups and (weights is not None or self.trace is not None):
            feats = self.pronoun_features(pron, groups)
            if weights is not None:
                scores = [sum(weights.get(k, 0.0) * v for k, v in f.items()) for f in feats]
                best = groups[max(range(len(groups)), key=scores.__getitem__)][0]
        if best is None and groups:
            sent = self.sent_index(pron.i)
            w_dist, w_main, w_speaker, w_subj = WEIGHTS
            best_score = None
            for m in sorted((m for _, ms in groups for m in ms), key=lambda m: -m.pos):  # latest first wins ties
                score = -w_dist * (sent - m.sent) + w_main * m.main_subject + w_speaker * m.speaker + w_subj * m.subject
                if best_score is None or score > best_score:
                    best, best_score = m.actor, score
        if best is None and gender:
            # no one in the window (a run of "he ..." sentences has kept someone in view): the latest person of that
            # gender who was the subject of a sentence, before one only named in passing ("One of his pupils was X")
            latest = None
            for m in self._before(pron.idx):
                if m.actor.kind == PERSON and not (m.actor.gender and m.actor.gender != gender):
                    latest = latest or m.actor
                    if m.subject or m.speaker:
                        best = m.actor
                        break
            best = best or latest
        if self.trace is not None:
            self.trace.append((pron.idx, [(a, f) for (a, _), f in zip(groups, feats)] if groups else [], best))
        return best

    def resolve_role(self, head_lemma: str, modifiers: list[str], pos: int, phrase: str | None = None) -> Actor | None:
        """"the minister" -> the latest person titled minister (or, in the lede, the person named next, whose title
        `phrase` then is); "the ministry" -> the latest org so named."""
        mods = [m.lower() for m in modifiers]
        if head_lemma in PERSON_ROLES:
            heads = {head_lemma} | ROLE_SYNONYMS.get(head_lemma, set())
            for m in self._before(pos):
                a = m.actor
                if a.kind != PERSON or not a.title:
                    continue
                words = a.title.lower().split()
                tw = set(words) | {part for w in words for part in w.split("-")}  # "co-chairman", "Labour-run"
                # the modifiers stand before the role word ("world champion": not "100m champion and world record
                # holder")
                at = max((k for k, w in enumerate(words) if heads & ({w} | set(w.split("-")))), default=None)
                before = set(words[:at]) | {part for w in words[:at] for part in w.split("-")} if at is not None else tw
                if heads & tw and all(x in before for x in mods):
                    return a
            actor = self.named_next(pos, heads)
            if actor is not None and actor.title is None and phrase:
                actor.title = phrase  # "the Trade and Industry Secretary" is Patricia Hewitt's title
            return actor
        if head_lemma in ORG_ROLES:
            for m in self._before(pos):
                a = m.actor
                if a.kind != ORG:
                    continue
                nw = a.name.lower().split()
                if head_lemma in nw and all(x in nw for x in mods):
                    return a
            if head_lemma in GENERIC_ORG_ROLES and all(m.endswith("based") or m[:1].isupper() for m in modifiers):
                # "the company", "the Dutch firm", "the Canada-based company": the organisation the text was just
                # talking about, the one that was a subject before one merely named ("Umbro announced its deal with
                # Chelsea ... The firm said"); where it is from does not name it, but "the rights group" is a kind
                recent = list(self._before(pos, limit=20))
                orgs = [m for m in recent if m.actor.kind == ORG and m.actor.label == "ORG" and recent[0].sent - m.sent <= 4]
                for m in [m for m in orgs if m.subject or m.speaker] + orgs:
                    return m.actor
        return None
