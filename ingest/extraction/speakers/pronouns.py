"""Pronouns: which actor mentioned just before a "he", "she", "it" or "they" it stands for, by a learned ranker
(pronoun.json, from training/train_pronouns.py) or, without it, hand-set salience weights."""
from __future__ import annotations

import bisect
import math

from ..lexicon import is_cue
from ..tables import noun_senses
from ..records import ORG, PERSON
from ..vocabulary import APPOS, COMPOUND, CONJ, DATIVE, DET, DOBJ, NSUBJ, NSUBJPASS, PERSON_PRONOUNS, PERSON_ROLES, POBJ, POSS, ROOT, XCOMP
from .actors import Actor, Mention, pronoun_weights

WEIGHTS = (1.0, 2.0, 0.5, 0.8)  # hand-set pronoun salience (without pronoun.json): sentence distance, main subject, speaker, subject
CUE_SUBJECT_DEPS = (NSUBJ,)
QUOTE_MARKS = "\"'“”‘’"
# what is said on, to or with a medium: "posted on Twitter", "spoke to CNN", "an interview with Fox News"
CHANNEL_WORDS = ("interview", "statement", "post", "message", "broadcast", "appearance", "appear", "publish", "air",
                 "speak", "talk")


class PronounRanker:
    """The pronoun half of the Registry (mixed into it): which actor a "he", "she", "it" or "they" stands for."""

    def _pronoun_candidates(self, pron, window: int):
        """Mentions of compatible actors in the `window` sentences up to `pron`, grouped by actor
        (latest actor first): [(actor, [its mentions, latest first])]."""
        word = pron.lower_
        gender = PERSON_PRONOUNS.get(word)
        want = PERSON if gender else ORG
        sent = self.sent_index(pron.i)
        attributed = self.quotation_before(pron.idx) if gender else None
        by_actor: dict[int, tuple] = {}
        for m in self.mentions_before(pron.idx):
            if sent - m.sent > window:
                break
            if m.actor.kind != want or m.actor.excludes(gender):
                continue
            if gender and self.in_quote(m.pos) and (m.sent == sent or self.quote_at(m.pos) is attributed):
                continue  # "“... #Justdoit,” he wrote": a name inside the quotation "he" attributes is not "he"
            by_actor.setdefault(id(m.actor), (m.actor, []))[1].append(m)
        if word in ("it", "they"):
            return [(a, ms) for a, ms in by_actor.values() if self._can_be_it(word, a, ms)]
        return list(by_actor.values())

    def _can_be_it(self, word: str, actor: Actor, mentions: list[Mention]) -> bool:
        """May "it" or "they" stand for `actor`, given its `mentions` in the window? Not a place ("Voters in Ohio
        ... They said"; "COLUMBUS, Ohio - ... It said"), unless "it" follows the place speaking ("Russia said ... It
        added"); not a medium named only as the channel something was said on ("posted on Twitter", "told CNN")."""
        if actor.label == "GPE":
            return word == "it" and any(m.speaker or self._reports(m) for m in mentions)
        return not all(self._channel(m) for m in mentions)

    def _reports(self, m: Mention) -> bool:
        """The subject of a speech verb: "Russia said"."""
        t = self.doc[m.token_i] if m.token_i >= 0 else None
        return t is not None and t.dep_ in CUE_SUBJECT_DEPS and is_cue(t.head.lemma_.lower())

    def _channel(self, m: Mention) -> bool:
        """Named as the medium something was said on or to: "on Twitter", "told CNN", "an interview with Fox News"."""
        if m.token_i < 0 or m.speaker or m.subject:
            return False
        tok = self.doc[m.token_i]
        head = tok.head
        if tok.dep_ == POBJ and head.lower_ in ("on", "to", "with"):
            # "posted on Twitter", "spoke to CNN", "an interview with Fox News"; not "relies on Solaris"
            lemma = head.head.lemma_.lower()
            return is_cue(lemma) or lemma in CHANNEL_WORDS
        # "told CNN that ...", not "told Ford to recall the cars" (an order to someone who may answer)
        return tok.dep_ in (DOBJ, DATIVE) and is_cue(head.lemma_.lower()) \
            and not any(c.dep_ == XCOMP for c in head.children)

    def quotation_before(self, pos: int):
        """The quotation that closes just before `pos` (“Jesus means what he says. ... apply it,” he said), or None."""
        if self.doc_text is None:
            self.doc_text = self.doc.text
        text, p = self.doc_text, pos - 1
        while p > 0 and (text[p].isspace() or text[p] in ",;:-–—"):
            p -= 1
        if p <= 0 or text[p] not in QUOTE_MARKS:
            return None
        return self.quote_at(p - 1) or self.quote_at(p)

    def pronoun_features(self, pron, groups) -> list[dict[str, float]]:
        """Features of each candidate antecedent actor of `pron` (see training/train_pronouns.py)."""
        doc = self.doc
        if self.doc_text is None:
            self.doc_text = doc.text
        gender = PERSON_PRONOUNS.get(pron.lower_)
        sent = self.sent_index(pron.i)
        first_in_sent: dict[int, Mention] = {}
        for _, ms in groups:
            for m in ms:
                if m.sent not in first_in_sent or m.pos < first_in_sent[m.sent].pos:
                    first_in_sent[m.sent] = m

        reports = self._reports
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
                 "para": float("\n" not in self.doc_text[m.pos:pron.idx]),
                 "nwin": math.log1p(len(ms)), "sal": math.log1p(self.mention_count[id(actor)]) / 3,
                 "gknown": float(bool(gender and actor.gender == gender)),
                 "first_in_sent": float(first_in_sent.get(m.sent) is m),
                 "head_cue": float(reports(m)), "any_head_cue": float(any(reports(x) for x in ms))}
            if m.token_i >= 0:
                tok = doc[m.token_i]
                depth, t = 0, tok
                while t.head.i != t.i and depth < 4:
                    t, depth = t.head, depth + 1
                f[f"depth{depth}"] = 1.0
                f["poss"], f["pobj"], f["dobj"] = float(tok.dep_ == POSS), float(tok.dep_ == POBJ), float(tok.dep_ == DOBJ)
            if dist == 0:
                f["same_sent_subj"] = float(m.subject)
            out.append(f)
        return out

    def _sentence_subject_over(self, pron, best: Actor, groups) -> Actor:
        """ "Dr Fox refused to discuss reports that the party had repaid £500,000 to Lord Ashcroft. "We repay loans
        ...," he said": a person named only in passing (an object, a subordinate clause) does not take the main
        clause's "he" from the main subject of the sentence before or of the pronoun's own sentence, who is the one
        talked about."""
        sent = self.sent_index(pron.i)
        latest_main = None
        for actor, ms in groups:
            for m in ms:
                if m.sent >= sent - 1 and m.pos < pron.idx and self._main_clause_subject(m) \
                        and (latest_main is None or m.pos > latest_main[1]):
                    latest_main = (actor, m.pos)
        if latest_main is None or latest_main[0] is best:
            return best
        actor, pos = latest_main
        rival = next(ms for a, ms in groups if a is best)
        if any(m.pos > pos and (m.subject or m.speaker) for m in rival):
            return best  # the other was a subject since: the ranker's choice stands
        return actor

    def _subject_over_passing(self, pron, best: Actor, groups) -> Actor:
        """ "..., said Leslie Wimes. || Wimes believes the Clinton campaign took black voters for granted. || "They have
        a big problem," she said": a person named in the window only in passing (a noun's modifier, inside a
        quotation, or an object in a sentence whose subject is that person) does not take "he" or "she" from the latest
        person who was a subject or a speaker there. An object in a sentence of its own ("..., with Hillary Clinton
        lambasting Trump's plan. || "...," she said") may well be the one speaking."""
        mentions = next(ms for a, ms in groups if a is best)
        if any(self._in_main_subject(m) for m in mentions):
            return best
        subjects = [(m.pos, m.sent, actor) for actor, ms in groups if actor is not best for m in ms
                    if (m.subject or m.speaker) and not self.in_quote(m.pos)]
        if not subjects:
            return best
        pos, sent, actor = max(subjects, key=lambda x: x[0])
        if any(not self._modifier(m) and not self.in_quote(m.pos) and m.sent != sent for m in mentions):
            return best
        return best if self._role_subject_between(pos, pron.idx) else actor

    def _modifier(self, m: Mention) -> bool:
        """Named as a modifier of a noun: "the Clinton campaign", "Clinton's plan"."""
        return m.token_i >= 0 and self.doc[m.token_i].dep_ in (COMPOUND, POSS)

    def _role_subject_between(self, start: int, end: int) -> bool:
        """ "... MacDonell said. || Ms Sturgeon wrote to Mr McConnell. || In a furious response, the first minister
        said ...": a sentence since whose subject is a person's role names someone the registry may not tie to a
        name; the latest named subject is no safer a choice than the ranker's."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        for tok in span if span is not None else ():
            if tok.idx > start and tok.dep_ == NSUBJ and tok.head.dep_ == ROOT and tok.lemma_.lower() in PERSON_ROLES \
                    and any(c.dep_ == DET and c.lower_ == "the" for c in tok.children) and not self.in_quote(tok.idx):
                return True
        return False

    def _in_main_subject(self, m: Mention) -> bool:
        """A subject or speaker, or named inside the main clause's subject ("The shadow secretary, Theresa May, said",
        "Aviation analyst Nick Hale of BNP said"), outside quotations."""
        if self.in_quote(m.pos):
            return False
        if m.subject or m.speaker:
            return True
        if m.token_i < 0:
            return False
        tok = self.doc[m.token_i]
        if tok.dep_ == ROOT:
            return True  # a name the parser made its sentence's root: no sign that it is named in passing
        while tok.dep_ not in CUE_SUBJECT_DEPS + (NSUBJPASS, ROOT):
            tok = tok.head
        return tok.dep_ != ROOT and tok.head.dep_ == ROOT

    def _main_clause_subject(self, m: Mention) -> bool:
        """Is the mention the subject of its sentence's main verb (not of a clause inside it)?"""
        if m.token_i < 0:
            return False
        tok = self.doc[m.token_i]
        return tok.dep_ in CUE_SUBJECT_DEPS + (NSUBJPASS,) and tok.head.dep_ == ROOT

    def named_subject_between(self, start: int, end: int, previous: Actor, gender: str | None = None,
                              last_only: bool = False) -> Mention | None:
        """ "..., said Greene. || Jamaican sprinter Asafa Cole, who beat him in June, was less sure. || "I have trained
        all winter."": the latest person other than `previous` named as the main subject of a sentence lying between
        characters `start` and `end` (with `last_only`, of the sentence right before `end`), outside quotations and of
        a gender that agrees; not in a sentence that names `previous` too, which stays about them. None if no one."""
        if self.doc_text is None:
            self.doc_text = self.doc.text
        text = self.doc_text
        p = end - 1
        while p > start and (text[p].isspace() or text[p] in "\"'“”‘’"):
            p -= 1
        last = bisect.bisect_right(self._sent_chars, p) - 1
        first = bisect.bisect_left(self._sent_chars, start)  # the first sentence opening after `start`
        if first > last:
            return None
        lo = last if last_only else first
        by_sent: dict[int, list[Mention]] = {}
        for m in self.mentions_before(end):
            if m.sent < lo:
                break
            if m.sent <= last and m.pos >= start:
                by_sent.setdefault(m.sent, []).append(m)
        for sent in sorted(by_sent, reverse=True):
            ms = by_sent[sent]
            if any(m.actor is previous for m in ms):
                continue
            found = [m for m in ms if self._sentence_subject(m) and m.actor.kind == PERSON
                     and not self.in_quote(m.pos) and not m.actor.excludes(gender)]
            if found:
                return min(found, key=lambda m: m.pos)
        return None

    def _sentence_subject(self, m: Mention) -> bool:
        """The main subject, or named in apposition to it ("His coach, Peter Hale, agreed")."""
        if m.main_subject or m.token_i < 0:
            return m.main_subject
        tok = self.doc[m.token_i]
        return tok.dep_ == APPOS and tok.head.dep_ in CUE_SUBJECT_DEPS + (NSUBJPASS,) and tok.head.head.dep_ == ROOT

    def people_named_together(self, pron, chosen: Actor, window: int = 2) -> bool:
        """ "Brightwater sold the plant. Tom Hale and Mark Dunn criticised the sale. They said ...": were people named
        together (one a conjunct of the other), or as a plural subject ("Democrats repeatedly noted ..."), in the
        `window` sentences up to `pron`, after the last mention of `chosen` (the organisation "they" would otherwise
        stand for)? Then "they" is most likely them."""
        sent = self.sent_index(pron.i)
        last = next((m.pos for m in self.mentions_before(pron.idx) if m.actor is chosen), -1)
        persons = {m.token_i: m for m in self.mentions_before(pron.idx)
                   if m.actor.kind == PERSON and m.token_i >= 0 and sent - m.sent <= window}
        for i, m in persons.items():
            tok = self.doc[i]
            if tok.dep_ == CONJ and tok.head.i in persons and persons[tok.head.i].actor is not m.actor \
                    and not self.in_quote(m.pos):
                return m.pos > last
        start = self._sent_starts[max(0, sent - window)]
        return any(t.idx > last and _people_subject(t) and not self.in_quote(t.idx) for t in self.doc[start: pron.i])

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
        if best is not None and gender and self.trace is None and pron.dep_ in CUE_SUBJECT_DEPS \
                and pron.head.dep_ == ROOT:
            best = self._sentence_subject_over(pron, best, groups)
            best = self._subject_over_passing(pron, best, groups)
        if best is None and gender:
            # no one in the window (a run of "he ..." sentences has kept someone in view): the latest person of that
            # gender who was the subject of a sentence, before one only named in passing ("One of his pupils was X")
            latest = None
            for m in self.mentions_before(pron.idx):
                if m.actor.kind == PERSON and not m.actor.excludes(gender):
                    latest = latest or m.actor
                    if m.subject or m.speaker:
                        best = m.actor
                        break
            best = best or latest
        if self.trace is not None:
            self.trace.append((pron.idx, [(a, f) for (a, _), f in zip(groups, feats)] if groups else [], best))
        return best


def _people_subject(tok) -> bool:
    """A plural noun for people as a clause's subject ("Democrats noted", "Critics and lawyers say")."""
    subject = tok.dep_ in CUE_SUBJECT_DEPS + (NSUBJPASS,) or (tok.dep_ == CONJ and tok.head.dep_ in CUE_SUBJECT_DEPS)
    plural = tok.tag_ in ("NNS", "NNPS")
    lemma = tok.lemma_.lower()  # a proper noun's lemma keeps its plural ("Democrats")
    return subject and plural and "person" in (noun_senses().get(lemma), noun_senses().get(lemma.removesuffix("s")))
