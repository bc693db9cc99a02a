"""The registry of an article's actors: names, surnames, titles, role nouns (pronouns: pronouns.py).

The registry is built once per article from the named entities. Surnames and honorific forms ("Mr.
Obama") join the full name introduced in the article, and so does a person's name the article misspells by one
letter ("Reince Preibus" beside "Reince Priebus"); role nouns ("the minister", "the ministry")
resolve to the latest actor so titled or named, and pronouns to the actor a learned ranker
(pronoun.json, from training/train_pronouns.py) scores highest among those mentioned just before.
"""
from __future__ import annotations

import bisect
import string
from collections import Counter, defaultdict

from rapidfuzz.distance import OSA

from ..records import ORG, PERSON
from ..vocabulary import (AMOD, APPOS, BODIES, CCOMP, COMPOUND, CONJ, COURTESY, DET, FEMALE_HONORIFICS,
                          GENERIC_ORG_ROLES, HONORIFICS, MALE_HONORIFICS, NAME_PARTICLES, NSUBJ, NSUBJPASS,
                          ORG_DESCRIPTIONS, ORG_HOLDINGS, ORG_NAME_WORDS, ORG_ROLES, PARTY_NAMES, PEERS,
                          PERSON_PRONOUNS, PERSON_ROLES, POBJ, POSS, REPRESENTATIVES, ROLE_SYNONYMS, ROOT, STYLES)
from .actors import (ENT_KINDS, HONORIFIC, PRONOUNS, REGISTERED, UNISEX_NAME, Actor, Mention, abbreviates, clean_name,
                     compatible, confident_name_gender, ent_name, first_name_evidence, first_names, honorific_gender,
                     name_gender, role_modifiers, squashed)
from .pronouns import PronounRanker
from .sources import is_named_committee
from .titles import peer_name, split_honorifics, title_of

LOOKBACK = 400  # mentions searched back from a pronoun or role noun (keeps long texts linear)
LEDE_SENTENCES = 2  # the headline and the lede's first sentences, where a role may come before the name
LEDE_TAIL = 4  # words from such a role to its sentence's end ("... Secretary has said.")
SLIP_MIN = 5  # letters of the shorter spelling a one-letter slip is read in ("Priebus"/"Preibus"; not "Mark"/"Mary")


class Registry(PronounRanker):
    """The named actors of one article and the order in which they are mentioned."""

    # training/train_pronouns.py sets this to a list to record (pronoun offset, [(actor, features)], choice)
    trace: list | None = None

    def __init__(self, doc, is_foreign=lambda pos: False, in_quote=None, quote_at=None):
        self.doc = doc
        self.quote_at = quote_at or (lambda pos: None)  # the quotation a position lies in, or None
        self.in_quote = in_quote or (lambda pos: self.quote_at(pos) is not None)
        self.doc_text = None
        self.actors: list[Actor] = []
        self.mentions: list[Mention] = []
        self._by_key: dict[str, Actor] = {}
        self.mention_count: Counter = Counter()
        self._written_as_names: set[str] | None = None
        self._respellings: dict[int, list[tuple[str, str]]] = defaultdict(list)  # id(actor) -> (word, other spelling)
        self.build(doc, is_foreign)

    # -- building -------------------------------------------------------------------------
    def build(self, doc, is_foreign) -> None:
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
                if name.isupper() and len(name.split()) > 1:  # a transcript's "JAKE TAPPER:" is Jake Tapper
                    name = string.capwords(name)
                name, honorific = peer_name(*split_honorifics(name))
                honorific = honorific or _gendered_honorific_before(ent)
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
            # "Clinton" read as a place, a transcript's "TRUMP:" as an organisation's initials: the person's surname
            if label != "PERSON" and len(name.split()) == 1 and (name in person_last or (
                    name.isupper() and len(name) > 3 and name.title() in person_last)):
                label = "PERSON"
            if label not in REGISTERED:
                continue
            # "Lord Butler", "Queen Rania"; not "King" alone, the surname of Billie Jean King
            title_word = name.split()[0] if len(name.split()) > 1 else None
            gender = honorific_gender(honorific or title_word) if label == "PERSON" else None
            actor = self._actor_for(name, ENT_KINDS[label], gender, label)
            actor.label = actor.label or label
            actor.add_alias(name)
            if honorific:
                actor.add_alias(f"{honorific} {name}")
            if label == "ORG":
                for noun in _describing_nouns(ent):
                    actor.describe(noun.lemma_.lower(), [c.text for c in noun.lefts if c.dep_ in (AMOD, COMPOUND)])
            if label == "PERSON":
                actor.age = actor.age or stated_age(ent)
                # "Ms. Jordan Hale" is a woman whatever "Jordan" suggests
                if gender:
                    actor.take_gender(gender, HONORIFIC)
                else:
                    actor.take_gender(*first_name_evidence(actor.name))
                if actor.title is None and name not in shared_last:
                    actor.title = title_of(ent, honorific)
            root = ent.root
            subj = root.dep_ in (NSUBJ, NSUBJPASS)
            main = subj and (root.head.dep_ == ROOT)
            self.mentions.append(Mention(ent.start_char, self.sent_index(ent.start), actor, subj, main, token_i=root.i))
            self.mention_count[id(actor)] += 1
        uses = {n: sum(c.values()) for n, c in labels.items()}
        self._name_by_use(uses)
        self._spell_by_use(uses)
        self._add_unlabelled_surnames(doc, is_foreign)
        self._add_named_committees(doc, is_foreign)
        self._sort()
        self._add_role_mentions(doc, is_foreign)
        self._learn_kind(doc)
        self._learn_gender(doc)

    def _name_by_use(self, uses: dict[str, int]) -> None:
        """An organisation named both in full and by its initials goes by the form the article uses more
        ("IMF" after one "International Monetary Fund"); the full name on a tie."""
        for actor in self.actors:
            if actor.kind != ORG:
                continue
            short = next((a for a in actor.aliases if abbreviates(a, actor.name)), None)
            if short is not None and uses.get(short, 0) > uses.get(actor.name, 0):
                actor.name = short

    def _spell_by_use(self, uses: dict[str, int]) -> None:
        """A person whose name the article spells two ways ("Reince Priebus" and "Reince Preibus") goes by the spelling
        of the word its names use more often; on a tie, by the one with its accents ("François" beside a headline's
        "Francois"), else the first met (or the fuller name)."""
        for actor in self.actors:
            for one, other in self._respellings.get(id(actor), ()):
                words = actor.name.split()
                for spelling, better in ((one, other), (other, one)):
                    at = [k for k, w in enumerate(words) if w.lower() == spelling.lower()]
                    if at and (_uses_of(better, actor, uses), not better.isascii()) \
                            > (_uses_of(spelling, actor, uses), not spelling.isascii()):
                        words[at[0]] = better
                        actor.name = " ".join(words)
                        break

    def _add_unlabelled_surnames(self, doc, is_foreign) -> None:
        """Surnames of known people that NER left unlabelled, or took alone for a place or a thing ("Schiff called on
        the administration" as a location), still count as mentions."""
        surnames, full_names = {}, {}
        for a in self.actors:
            words = a.name.lower().split()
            if a.kind == PERSON and len(words) > 1:
                surnames.setdefault(words[-1], a)
                full_names[words[0], words[-1]] = a
        if not surnames:
            return
        for tok in doc:
            if _read_as_name(tok) and _unlabelled(tok) and tok.lower_ in surnames and not is_foreign(tok.idx):
                # "Ivanka Trump" unlabelled is Ivanka, not the Trump named first
                first = doc[tok.i - 1].lower_ if tok.i > 0 else ""
                actor = full_names.get((first, tok.lower_)) or surnames[tok.lower_]
                self._by_key.setdefault(tok.lower_, actor)
                actor.add_alias(tok.text)
                subj = tok.dep_ in (NSUBJ, NSUBJPASS)
                self.mentions.append(Mention(tok.idx, self.sent_index(tok.i), actor, subj, subj and tok.head.dep_ == ROOT,
                                             token_i=tok.i))
                self.mention_count[id(actor)] += 1

    def _add_named_committees(self, doc, is_foreign) -> None:
        """ "The environment select committee published its report": a legislature's committee, named in small
        letters, is an organisation a later "the committee" stands for."""
        for tok in doc:
            if not is_named_committee(tok) or is_foreign(tok.idx):
                continue
            words = [t for t in doc[tok.left_edge.i: tok.i + 1] if t.dep_ != DET and not t.is_punct]
            actor = self._actor_for(words[0].doc[words[0].i: tok.i + 1].text, ORG, label="ORG")
            actor.label = actor.label or "ORG"
            actor.describe(tok.lemma_.lower(), [t.text for t in words[:-1]])
            subj = tok.dep_ in (NSUBJ, NSUBJPASS)
            self.mentions.append(Mention(tok.idx, self.sent_index(tok.i), actor, subj, subj and tok.head.dep_ == ROOT,
                                         token_i=tok.i))
            self.mention_count[id(actor)] += 1

    def _add_role_mentions(self, doc, is_foreign) -> None:
        """ "The Tory leader was asked ... He replies": a definite role noun as a subject that names a person
        titled so before ("Tory leader Michael Howard") is a mention of that person, which pronouns can follow."""
        found = []
        for tok in doc:
            if tok.dep_ not in (NSUBJ, NSUBJPASS) or tok.tag_ != "NN" or tok.lemma_.lower() not in PERSON_ROLES \
                    or is_foreign(tok.idx) or not any(c.dep_ == DET and c.lower_ == "the" for c in tok.children):
                continue
            actor = self.resolve_role(tok.lemma_.lower(), role_modifiers(tok), tok.idx)
            if actor is not None:
                found.append(Mention(tok.idx, self.sent_index(tok.i), actor, True, tok.head.dep_ == ROOT, token_i=tok.i))
        if found:
            self.mentions.extend(found)
            self._sort()

    def _sort(self):
        self.mentions.sort(key=lambda m: m.pos)
        self._positions = [m.pos for m in self.mentions]

    def _actor_for(self, name: str, kind: str, gender: str | None = None, label: str = "") -> Actor:
        key = name.lower()
        known = self._by_key.get(key)
        if known is not None and compatible(known, gender):
            return known
        words = key.split()
        ranked = sorted(reversed(self.actors), key=lambda a: -self.mention_count[id(a)]) if len(words) == 1 else reversed(self.actors)
        for actor in ranked:
            if actor.kind != kind:
                continue
            aw = actor.name.lower().split()
            if kind == PERSON:
                # "Lord Butler" is "Robin Butler" (a peer goes by his title), "Mr Howard" never "Mrs Howard"
                peer = len(words) == 2 == len(aw) and (words[0] in PEERS or aw[0] in PEERS)
                same = same_surname(words, aw) or (peer and words[-1] == aw[-1])
                first_only = len(words) == 1 and len(aw) > 1 and words[0] == aw[0]
                # "Mr. Lou" of "Lou Jiwei": a family name first, so a sex guessed from that first word says nothing
                guessed_from_it = first_only and actor.gender_by_name
                if (same or first_only) and (guessed_from_it or compatible(actor, gender or confident_name_gender(name))):
                    if same and len(words) > len(aw):
                        actor.name = name  # the full name, once we see it
                    self._by_key.setdefault(key, actor)
                    return actor
            elif (_part_of(key, actor.name.lower()) and not _place_in_name(label, actor.label)) \
                    or abbreviates(name, actor.name) or abbreviates(actor.name, name) or squashed(key) == squashed(actor.name):
                if len(key) > len(actor.name):
                    actor.name = name
                self._by_key.setdefault(key, actor)
                return actor
        guessed = self._only_namesake(words, gender) if kind == PERSON and gender else None
        if guessed is not None:
            return guessed
        respelt = self._respelt(name, gender) if kind == PERSON else None
        if respelt is not None:
            return respelt
        actor = Actor(name=name, kind=kind)
        self.actors.append(actor)
        self._by_key.setdefault(key, actor)
        return actor

    def _respelt(self, name: str, gender: str | None) -> Actor | None:
        """ "Reince Preibus" after "Reince Priebus", "Hilary Clinton" beside "Hillary Clinton": the one person of the
        article whose name (or a name of theirs) differs from this one by a slip of one letter in one word (see
        one_slip_apart); the other spelling is kept as an alias."""
        words = name.split()
        if len(words) < 2:
            return None
        gender = gender or confident_name_gender(name)
        found: dict[int, tuple[Actor, tuple[str, str]]] = {}
        for actor in self.actors:
            if actor.kind != PERSON or not compatible(actor, gender):
                continue
            for form in (actor.name, *actor.aliases):
                pair = one_slip_apart(words, form.split())
                if pair is not None:
                    found[id(actor)] = (actor, pair)
                    break
        if len(found) != 1:
            return None  # none, or two people it could be a slip for
        ((actor, pair),) = found.values()
        self._respellings[id(actor)].append(pair)
        self._by_key.setdefault(name.lower(), actor)
        return actor

    def _only_namesake(self, words: list[str], gender: str) -> Actor | None:
        """ "Ms. Epstein" after "Lee Epstein", whom only the first name took for a man: the one person of that surname,
        when nothing but a guess from a first name says otherwise (with two, the title tells them apart)."""
        namesakes = [a for a in self.actors if a.kind == PERSON and same_surname(words, a.name.lower().split())]
        if len(namesakes) == 1 and namesakes[0].gender_by_name and namesakes[0].gender != gender:
            self._by_key.setdefault(" ".join(words), namesakes[0])
            return namesakes[0]
        return None

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
        heads = {m.token_i: id(m.actor) for m in self.mentions if m.actor.kind == PERSON}
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
                    # "Yukos said it would appeal": "it" as the clause it reports, says as much as two loose "it"s
                    votes[aid][g] += 2 if g == "n" and _reports_itself(t, heads, aid) else 1
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
                a.forget_gender()  # "Tracey Hale ... he ... his": the first name misled
            if a.gender is None or a.gender_from == UNISEX_NAME:
                (g, n), *rest = c.most_common()
                if not rest or n > rest[0][1]:
                    a.take_gender(g, PRONOUNS)

    def _learn_kind(self, doc) -> None:
        """A "person" that the text shows to be an organisation: a party's name ("Labour"), or a name without a known
        first name, never given "Mr" or a role, that has shares, profits or a chief executive ("shares in Pernod
        Ricard", "Yukos's shareholders"), is described as one ("Pernod Ricard, the drinks group,") or whose first word
        the article names as an organisation ("a Pernod spokesman")."""
        honorifics = COURTESY | PEERS | MALE_HONORIFICS | FEMALE_HONORIFICS
        titled = {id(m.actor) for m in self.mentions
                  if m.token_i > 0 and doc[m.token_i - len(m.actor.name.split())].lower_.rstrip(".") in honorifics}
        # "a Pernod spokesman" with "Pernod" read as an organisation: "Pernod Ricard" is one too
        org_words = {a.name.lower() for a in self.actors if a.kind == ORG and a.label == "ORG" and " " not in a.name}
        for m in self.mentions:
            a = m.actor
            if a.kind != PERSON or id(a) in titled or a.title or name_gender(a.name) or m.token_i < 0:
                continue
            if a.name.lower().split()[-1] in PARTY_NAMES or _organisation_sign(doc[m.token_i]) \
                    or (len(a.name.split()) > 1 and a.name.lower().split()[0] in org_words):
                a.kind = ORG
                a.forget_gender()

    # -- lookups --------------------------------------------------------------------------
    def sent_index(self, token_i: int) -> int:
        return bisect.bisect_right(self._sent_starts, token_i) - 1

    def lookup(self, name: str) -> Actor | None:
        """The registered actor a name, surname or "Mrs. Surname" refers to."""
        base, honorific = split_honorifics(clean_name(name))
        gender = honorific_gender(honorific)
        key = base.lower()
        words = key.split()
        if not words:
            return None
        actor = self._by_key.get(key)
        if actor is not None and actor.kind == ORG and actor.label == "ORG":
            return self.company_named_from(actor)  # "Pernod" after "Pernod Ricard"
        if actor is not None and compatible(actor, gender) and (len(words) > 1 or actor.kind != PERSON):
            return actor
        matches = [a for a in reversed(self.actors) if a.kind == PERSON and compatible(a, gender)
                   and same_surname(words, a.name.lower().split())]
        if matches:
            # a bare surname shared by several people: the one the article talks about most
            return max(matches, key=lambda a: self.mention_count[id(a)])
        if actor is None and len(words) == 1:
            # "DfES" where the article names the Department for Education and Skills in full only
            spelled = [a for a in self.actors if a.kind == ORG and abbreviates(base, a.name)]
            return spelled[0] if len(spelled) == 1 else None
        return actor

    def namesakes(self, actor: Actor) -> list[Actor]:
        """The other people of the article with the same surname (Ivana beside Donald Trump)."""
        last = actor.name.lower().split()[-1]
        return [a for a in self.actors if a is not actor and a.kind == PERSON and a.name.lower().split()[-1] == last]

    def written_as_name(self, word: str) -> bool:
        """Does the article write `word` as a name: with a capital inside a sentence of ordinary case (not only where
        every sentence starts with one, nor in a title-case headline), and never in small letters ("Bloglines",
        "Technorati"; not "Analysts", which opens a sentence and is "analysts" elsewhere), nor as a people's name
        ("Gibraltarians", always capitalised)?"""
        if self._written_as_names is None:
            capital = set()
            small = {t.lower_ for t in self.doc if t.ent_type_ == "NORP"}
            for sent in self.doc.sents:
                words = [t for t in sent if t.is_alpha]
                title_case = sum(t.text[:1].isupper() for t in words) * 2 > len(words)
                for k, t in enumerate(words):
                    if t.text[:1].islower():
                        small.add(t.lower_)
                    elif k > 0 and not title_case and not t.is_upper and t.i > 0 and not t.nbor(-1).is_punct:
                        capital.add(t.lower_)
            self._written_as_names = capital - small
        return word.lower() in self._written_as_names

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
        sent = self._closing_lede(pos)
        if sent is None:
            return None
        i = bisect.bisect_left(self._positions, pos)
        for m in self.mentions[i:i + 6]:
            if m.sent > sent + 1:
                break
            title = set((m.actor.title or "").lower().split()) - HONORIFICS  # "Professor" is no other role
            if m.sent == sent + 1 and m.main_subject and m.actor.kind == PERSON and (not title or heads & title):
                return m.actor
        return None

    def _closing_lede(self, pos: int) -> int | None:
        """The sentence of character `pos` if it is in the lede and `pos` closes it (a lede's "..., the X has said.";
        "The mayor said ..." opening one is someone else), else None."""
        sent = bisect.bisect_right(self._sent_chars, pos) - 1
        if sent > LEDE_SENTENCES:
            return None
        if self.doc_text is None:
            self.doc_text = self.doc.text
        sent_end = self._sent_chars[sent + 1] if sent + 1 < len(self._sent_chars) else len(self.doc_text)
        return sent if len(self.doc_text[pos:sent_end].split()) <= LEDE_TAIL else None

    def _org_named_next(self, pos: int) -> Actor | None:
        """ "A cap on donations should wait, the elections watchdog has said. [...] In a new report, the Electoral
        Commission says ...": as named_next, the first organisation that is the main subject of one of the lede's next
        two sentences."""
        sent = self._closing_lede(pos)
        if sent is None:
            return None
        i = bisect.bisect_left(self._positions, pos)
        return next((m.actor for m in self.mentions[i:i + 8]
                     if sent < m.sent <= sent + 2 and m.main_subject and m.actor.kind == ORG and m.actor.label == "ORG"),
                    None)

    def in_lede(self, pos: int) -> bool:
        return bisect.bisect_right(self._sent_chars, pos) - 1 <= LEDE_SENTENCES + 1

    def aged(self, age: int) -> Actor | None:
        """ "The 28-year-old said": the one person the article gives that age ("Anna Berg, 28,")."""
        found = [a for a in self.actors if a.kind == PERSON and a.age == age]
        return found[0] if len(found) == 1 else None

    def _joint_subject(self, m: Mention) -> bool:
        """ "Shell and BP met": BP is as much the subject as Shell."""
        tok = self.doc[m.token_i] if m.token_i >= 0 else None
        return tok is not None and tok.dep_ == CONJ and tok.head.dep_ in (NSUBJ, NSUBJPASS)

    def resolve_description(self, head_lemma: str, pos: int, phrase: str | None = None) -> Actor | None:
        """Whom a description no title matches stands for, when that is certain: "the Liberal Democrat leader" the
        one person who spoke just before (named_before; `phrase` becomes their title), "the news and financial
        data seller" the one organisation the text is about."""
        if head_lemma in ORG_DESCRIPTIONS:  # not "the rights group" after a company: a kind, which names no one
            return self._org_described(pos)
        if head_lemma not in PERSON_ROLES:
            return None
        actor = self.named_before(pos, {head_lemma} | ROLE_SYNONYMS.get(head_lemma, set()))
        if actor is not None and actor.title is None and phrase:
            actor.title = phrase
        return actor

    def _org_described(self, pos: int) -> Actor | None:
        """ "The news and financial data seller said": the one organisation the last few sentences are about, the
        subject or speaker among them if there are several; none when that is not certain."""
        recent = list(self.mentions_before(pos, limit=20))
        orgs = [m for m in recent if m.actor.kind == ORG and m.actor.label == "ORG" and recent[0].sent - m.sent <= 4]
        named = {id(m.actor): m.actor for m in orgs}
        active = {id(m.actor): m.actor for m in orgs if m.subject or m.speaker or self._joint_subject(m)}
        for group in (named, active):
            if len(group) == 1:
                return next(iter(group.values()))
        return None

    def party_named_short(self, pos: int) -> Actor | None:
        """ "a party spokesman" after "the BNP", where no party was named in full: the latest party named by its short
        name ("Labour", "the Tories") or initials ending in the P of "Party"."""
        return next((m.actor for m in self.mentions_before(pos) if m.actor.kind == ORG
                     and _party_by_short_name("party", m.actor.name)), None)

    def company_named_from(self, short: Actor) -> Actor:
        """The one organisation of the article whose longer name opens with a one-word name ("Texas Instruments" for
        "Texas" as a speaker, "Pernod Ricard" for "Pernod"), else the actor named by that word itself."""
        if len(short.name.split()) != 1:
            return short
        return self.organisation_opening_with(short.name, short) or short

    def organisation_opening_with(self, word: str, short: Actor | None = None, bodies: bool = False) -> Actor | None:
        """The one organisation of the article whose longer name opens with `word` ("Pernod Ricard" for "Pernod"; with
        `bodies`, "Quinnipiac University" for "Quinnipiac" too), or None."""
        word = word.lower()
        orgs = [a for a in self.actors if a is not short and a.kind == ORG and a.label in ("ORG", "PERSON")
                and len(a.name.split()) > 1 and a.name.lower().split()[0] == word
                and (bodies or not any(w in BODY_WORDS for w in a.name.lower().split()[1:]))]
        # a body or outlet of it is another organisation: "U.N." is not the "U.N. Security Council", "NBC" not "NBC News"
        return orgs[0] if len(orgs) == 1 else None

    def named_before(self, pos: int, heads: set[str]) -> Actor | None:
        """ "..., said Charles Kennedy. In his New Year message the Liberal Democrat leader said ...": in a news lede, a
        role no one in the article is titled with stands for the one person who was the main subject of the sentence
        before (or a speaker earlier in this one), if that person has no other role."""
        sent = bisect.bisect_right(self._sent_chars, pos) - 1
        if sent > LEDE_SENTENCES + 1:
            return None  # as for named_next: further on, the sentence before is as often about someone else
        if any(heads & _role_words(a.title) for a in self.actors if a.kind == PERSON):
            return None  # someone holds the role: it was theirs, named after this, or not certain
        near = [m for m in self.mentions_before(pos, limit=30) if m.sent in (sent - 1, sent) and m.actor.kind == PERSON]
        found = {id(m.actor): m.actor for m in near if m.main_subject or m.speaker}
        if len(found) != 1:
            return None
        if heads & REPRESENTATIVES and len({id(m.actor) for m in near}) > 1:
            return None  # "Kenteris hired Ioannidis. The lawyer added": someone's lawyer, maybe the other one named
        (actor,) = found.values()
        return actor if not _role_words(actor.title) else None

    def mentions_before(self, pos: int, limit: int = LOOKBACK):
        """Mentions before character `pos`, latest first (at most `limit` of them)."""
        i = bisect.bisect_left(self._positions, pos)
        for j in range(i - 1, max(-1, i - 1 - limit), -1):
            yield self.mentions[j]

    def describes(self, head_lemma: str) -> bool:
        """Does the article name or describe an organisation with this noun ("carmaker General Motors", "the
        Independent Panel")?"""
        return any(_called(a, head_lemma, []) for a in self.actors)

    def described_org(self, head_lemma: str, modifiers: list[str], pos: int) -> Actor | None:
        """ "The Electoral Commission, the UK elections watchdog, ... The watchdog said": the latest organisation
        the article described with that noun and those words, or named with them ("the panel")."""
        return next((m.actor for m in self.mentions_before(pos) if _called(m.actor, head_lemma, modifiers)), None)

    def resolve_role(self, head_lemma: str, modifiers: list[str], pos: int, phrase: str | None = None) -> Actor | None:
        """"the minister" -> the latest person titled minister (or, in the lede, the person named next, whose title
        `phrase` then is); "the ministry" -> the latest org so named."""
        mods = [m.lower() for m in modifiers]
        if head_lemma in PERSON_ROLES:
            heads = {head_lemma} | ROLE_SYNONYMS.get(head_lemma, set())
            actor = self._titled_before(heads, mods, pos)
            if actor is not None:
                return actor
            actor = self.named_next(pos, heads)
            if actor is not None and actor.title is None and phrase:
                actor.title = phrase  # "the Trade and Industry Secretary" is Patricia Hewitt's title
            return actor
        if head_lemma in ORG_ROLES:
            orgs = [m.actor for m in self.mentions_before(pos) if m.actor.kind == ORG]
            for a in orgs:
                nw = a.name.lower().split()
                # an organisation described with the noun is resolve_described's ("the environment select committee")
                if head_lemma in nw and all(x in nw for x in mods) and not a.described_as(head_lemma, []):
                    return a
            if head_lemma in GENERIC_ORG_ROLES and all(m.endswith("based") or m[:1].isupper() for m in modifiers):
                # "the company", "the Dutch firm", "the Canada-based company": the organisation the text was just
                # talking about, the one that was a subject before one merely named ("Umbro announced its deal with
                # Chelsea ... The firm said"); where it is from does not name it, but "the rights group" is a kind
                recent = list(self.mentions_before(pos, limit=20))
                orgs = [m for m in recent if m.actor.kind == ORG and m.actor.label == "ORG" and recent[0].sent - m.sent <= 4]
                for m in [m for m in orgs if m.subject or m.speaker] + orgs:
                    return m.actor
        return None

    def resolve_described(self, head_lemma: str, modifiers: list[str], pos: int,
                          descriptive: frozenset[str] = frozenset()) -> Actor | None:
        """Whom a description no role resolves stands for, when the article makes it certain:
        - an organisation the article described with that noun ("The Electoral Commission, the UK elections
          watchdog, ... The watchdog said"), or, for a lede's "..., the elections watchdog has said.", the one
          named as a subject in the next sentences;
        - a person titled with that noun before ("actor Jude Mayhew ... the actor"); else the one person the article
          titles so, leaving out the `descriptive` modifiers no title gives ("the Oscar-nominated actor"), and
          anywhere in the article for a lede's role ("the home secretary has said ... Home Secretary Charles
          Clarke")."""
        mods = [m.lower() for m in modifiers]
        org = self.described_org(head_lemma, mods, pos)
        if org is not None or head_lemma in ORG_ROLES or head_lemma in ORG_DESCRIPTIONS:
            return org or (self._org_named_next(pos) if head_lemma in ORG_ROLES else None)
        heads = {head_lemma} | ROLE_SYNONYMS.get(head_lemma, set())
        actor = self._titled_before(heads, mods, pos)
        plain = [m for m in mods if m not in descriptive]
        if actor is None and (len(plain) < len(mods) or self.in_lede(pos)):
            found = [a for a in self.actors if a.kind == PERSON and _title_fits(a.title, heads, plain)]
            actor = found[0] if len(found) == 1 else None
        return actor

    def _titled_before(self, heads: set[str], mods: list[str], pos: int) -> Actor | None:
        return next((m.actor for m in self.mentions_before(pos)
                     if m.actor.kind == PERSON and _title_fits(m.actor.title, heads, mods)), None)


def _called(actor: Actor, head_lemma: str, modifiers: list[str]) -> bool:
    """Is `actor` an organisation described with the noun and words, or named with them ("the Independent Panel on
    Drug Safety")?"""
    words = actor.name.lower().split()
    return actor.kind == ORG and (actor.described_as(head_lemma, modifiers) or (
        head_lemma in BODIES and head_lemma in words and all(m.lower() in words for m in modifiers)))


def _title_fits(title: str | None, heads: set[str], mods: list[str]) -> bool:
    """Does a title hold one of the role words `heads` with all of `mods` before it ("world champion": not "100m
    champion and world record holder")?"""
    if not title:
        return False
    words = title.lower().split()
    tw = set(words) | {part for w in words for part in w.split("-")}  # "co-chairman", "Labour-run"
    at = max((k for k, w in enumerate(words) if heads & ({w} | set(w.split("-")))), default=None)
    before = set(words[:at]) | {part for w in words[:at] for part in w.split("-")} if at is not None else tw
    return bool(heads & tw) and all(x in before for x in mods)


def years_old(tok) -> int | None:
    """The age an "N-year-old" gives, `tok` its "old"."""
    if tok.lower_ != "old":
        return None
    year = next((c for c in tok.children if c.lower_ in ("year", "years")), None)
    num = next((c for c in year.children if c.text.isdigit()), None) if year is not None else None
    return int(num.text) if num is not None and 10 <= int(num.text) < 110 else None


def stated_age(ent) -> int | None:
    """A person's age as the text sets it beside the name: "Anna Berg, 28,", "Anna Berg (28)", "28-year-old Anna
    Berg"."""
    doc = ent.doc
    after = doc[ent.end: ent.end + 3]
    if len(after) == 3 and after[0].text in (",", "(") and after[1].text.isdigit() and after[2].text in (",", ")", "."):
        age = int(after[1].text)
        return age if 10 <= age < 110 else None
    return next((n for c in ent.root.lefts if (n := years_old(c)) is not None), None)


def _describing_nouns(ent) -> list:
    """ "The Electoral Commission, the UK elections watchdog,", "carmaker General Motors", "web tracking company
    Envisional": the common nouns set beside an organisation's name that say what it is."""
    root, doc = ent.root, ent.doc

    def common(t):
        return t.tag_ == "NN" and t.text.islower() and t.lemma_.lower() not in PERSON_ROLES

    found = [c for c in root.rights if c.dep_ == APPOS and common(c)]
    before = doc[ent.start - 1] if ent.start > 0 else None
    if root.dep_ == APPOS and root.head.i < ent.start and common(root.head):
        found.append(root.head)
    elif before is not None and common(before) and (before.head.i in range(ent.start, ent.end)
                                                     or before.head.i == root.head.i):
        found.append(before)  # the noun set on the name, or beside it as the parser may read it
    return found


def _read_as_name(tok) -> bool:
    """A proper noun, or a capitalised word the tagger took for a verb that is a clause's subject ("Trump himself was
    delighted", with "Trump" read as a verb)."""
    return tok.pos_ == "PROPN" or (tok.dep_ in (NSUBJ, NSUBJPASS) and tok.text[:1].isupper() and tok.pos_ == "VERB")


def _unlabelled(tok) -> bool:
    """Not part of a name NER labelled as an actor's: no entity, or one word taken for another kind of thing."""
    if not tok.ent_type_:
        return True
    alone = tok.ent_iob_ == "B" and (tok.i + 1 == len(tok.doc) or tok.doc[tok.i + 1].ent_iob_ != "I")
    return alone and tok.ent_type_ not in ENT_KINDS


def _gendered_honorific_before(ent) -> str | None:
    """ "Mrs. Clinton" with only "Clinton" labelled: the "Mrs." just before it, which tells Hillary from Bill."""
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    if before is None or before.lower_.rstrip(".") not in COURTESY or not honorific_gender(before.text):
        return None
    return before.text


def _by_surname(short: list[str], full: list[str]) -> bool:
    """Does `short` name the person of `full` by the surname alone, its particles included ("le pen" of "marine le
    pen")?"""
    return len(short) < len(full) and full[-len(short):] == short and all(w in NAME_PARTICLES for w in short[:-1])


def same_surname(words: list[str], other: list[str]) -> bool:
    """Can two person names (lower-case words) be one person's: one of them the surname alone ("le pen" and "marine le
    pen"), or both with the same first and last words ("donald j. trump" and "donald trump", not "donald trump jr.":
    a "Mr. Comey" stays apart from "James B. Comey Jr." here, and joins him in the database, actors.resolution)?"""
    if not words or not other or words[-1] != other[-1]:
        return False
    return _by_surname(words, other) or _by_surname(other, words) or words[0] == other[0]


def one_slip_apart(words: list[str], other: list[str]) -> tuple[str, str] | None:
    """The two spellings of the one word in which two person names differ, when that is one slip of a letter
    (inserted, left out, changed, or two letters swapped: rapidfuzz's OSA distance 1) in a word of at least SLIP_MIN
    letters, the other words the same ("Reince Priebus" / "Reince Preibus", "Debbie Wasserman Shultz" / "Debbie
    Wasserman Schultz"); else None. Two first names the census knows are two people ("Jason Kelly" / "Mason Kelly",
    "Louis" / "Louise"), unless one is the other with a letter doubled or two letters swapped, other spellings of
    one name ("Hilary" / "Hillary", "Jeffrey" / "Jeffery")."""
    if len(words) != len(other) or len(words) < 2:
        return None
    differ = [k for k, (a, b) in enumerate(zip(words, other)) if a.lower() != b.lower()]
    if len(differ) != 1:
        return None
    k = differ[0]
    a, b = words[k], other[k]
    letters = min(sum(c.isalpha() for c in a), sum(c.isalpha() for c in b))
    if letters < SLIP_MIN or OSA.distance(a.lower(), b.lower()) != 1:
        return None
    if k == 0 and not _same_first_name(a, b):
        return None
    return a, b


def _same_first_name(a: str, b: str) -> bool:
    """Can two first-name spellings one slip apart be one person's: not both names the census knows, or both of one
    sex, one the other with a letter doubled or two neighbouring letters swapped?"""
    names = first_names()
    ga, gb = names.get(a.capitalize()), names.get(b.capitalize())
    if ga is None or gb is None:
        return True
    return ga == gb and (_doubled(a.lower(), b.lower()) or _swapped(a.lower(), b.lower()))


def _uses_of(word: str, actor: Actor, uses: dict[str, int]) -> int:
    """How often the article labels a name of `actor` holding `word`."""
    return sum(uses.get(a, 0) for a in actor.aliases if word.lower() in a.lower().split())


def _doubled(a: str, b: str) -> bool:
    """Is one word the other with one letter written twice ("hillary" of "hilary")?"""
    short, long_ = sorted((a, b), key=len)
    return len(long_) == len(short) + 1 and any(
        long_[k] == long_[k + 1] and long_[:k] + long_[k + 1:] == short for k in range(len(long_) - 1))


def _swapped(a: str, b: str) -> bool:
    """Is one word the other with two neighbouring letters swapped ("jeffery" of "jeffrey")?"""
    if len(a) != len(b):
        return False
    at = [k for k in range(len(a)) if a[k] != b[k]]
    return len(at) == 2 and at[1] == at[0] + 1 and a[at[0]] == b[at[1]] and a[at[1]] == b[at[0]]


def _part_of(a: str, b: str) -> bool:
    """Does one name end with the other, word for word ("HM Treasury" and "Treasury", "New York Times/CBS News" and
    "CBS News")?"""
    short, long_ = sorted((a, b), key=len)
    return long_.endswith(short) and (long_ == short or not long_[-len(short) - 1].isalnum())


def _place_in_name(label: str, other: str) -> bool:
    """ "Scotland" and "Universities Scotland", "UK" and "Amnesty International UK": a place is not the organisation
    whose name ends with it (the NER's labels of the two differ)."""
    return "GPE" in (label, other) and label != other and "" not in (label, other)


def _reports_itself(pron, heads: dict[int, int], aid: int) -> bool:
    """Is "it" the subject of a clause reported by a verb whose subject is actor `aid` ("Yukos said it would ...")?"""
    verb = pron.head
    if pron.dep_ != NSUBJ or verb.dep_ != CCOMP:
        return False
    return any(heads.get(c.i) == aid for c in verb.head.children if c.dep_ in (NSUBJ, NSUBJPASS))


# What a company's name ends in: "Apple Inc" and "Peabody Energy" are "Apple" and "Peabody" (not a body or outlet of it)
COMPANY_WORDS = frozenset("""inc corp co ltd plc llc holdings energy motors capital partners industries systems labs
records studios pictures books airlines airways""".split())
BODY_WORDS = ORG_NAME_WORDS - COMPANY_WORDS


def _party_by_short_name(head_lemma: str, name: str) -> bool:
    """ "the party" for a party the article names only by its short name: "Labour", "the Tories", "the BNP" (initials
    ending in the P of "Party")."""
    if head_lemma != "party":
        return False
    return name.lower() in PARTY_NAMES or (name.isupper() and name.isalpha() and 2 < len(name) <= 5
                                            and name.endswith("P"))


def _organisation_sign(tok) -> bool:
    """Does the name headed by `tok` have what only an organisation has: "shares in X", "X shares", "X's chief
    executive", "X's profits"?"""
    head = tok.head
    if tok.dep_ == POBJ and head.lower_ in ("in", "of") and head.head.lemma_.lower() in ORG_HOLDINGS:
        return True  # "shares in Pernod Ricard", "a stake in Yukos"
    if tok.dep_ in (COMPOUND, POSS) and head.i != tok.i and head.lemma_.lower() in ORG_HOLDINGS:
        return True  # "Yukos shares", "Yukos's shareholders", "Pernod's chief executive"
    if any(c.dep_ == APPOS and c.tag_ == "NN" and (c.lemma_.lower() in ORG_ROLES or c.lemma_.lower() in ORG_DESCRIPTIONS)
           and c.text.islower() for c in tok.rights):
        return True  # "Pernod Ricard, the French drinks group,"
    return False


def _role_words(title: str | None) -> set[str]:
    """The words of a title that name a role ("leader" of "Liberal Democrat leader"), not a style ("Lord", "Sir")."""
    words = {w for w in (title or "").lower().replace("-", " ").split()}
    return {w for w in words if w in PERSON_ROLES or (w in HONORIFICS and w not in STYLES and w not in COURTESY)}
