"""Titles and role nouns: splitting "Russian Foreign Minister Sergey Lavrov" into title and name."""
from __future__ import annotations

import re

from ..vocabulary import (ACL, AMOD, APPOS, COMPOUND, COURTESY, DET, HONORIFICS, KIN, NAME_HONORIFICS, OCCUPATIONS, PEERS,
                          PERSON_ROLES, POSTNOMINALS, RANKS, RELCL, STYLES, TITLE_LINK)

_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


def strip_possessive(name: str) -> str:
    return _POSSESSIVE.sub("", name.strip())


def split_honorifics(name: str) -> tuple[str, str | None]:
    """("President Barack Obama") -> ("Barack Obama", "President"), ("Deputy Chief Constable Mark Hollis") ->
    ("Mark Hollis", "Deputy Chief Constable"); leaves the name alone otherwise."""
    parts = name.split()
    words = [p.lower().rstrip(".") for p in parts]
    # "Assistant Chief Constable Mark Hollis": words of rank before the last honorific belong to the title
    k = max((i for i, w in enumerate(words[:-1]) if w in HONORIFICS), default=-1)
    if k < 0 or not all(w in HONORIFICS or w in RANKS for w in words[:k]):
        return name, None
    return " ".join(parts[k + 1:]), " ".join(parts[:k + 1])


def peer_name(name: str, honorific: str | None) -> tuple[str, str | None]:
    """("Falconer", "Lord") -> ("Lord Falconer", None): a peer goes by the title ("Baroness Scotland"), which is part
    of the name, not a role; a knight's "Sir" and the rest stay honorifics."""
    if honorific and len(name.split()) == 1 and honorific.split()[-1].lower() in PEERS:
        words = honorific.split()
        rest = " ".join(words[:-1]) or None  # "Lord Chancellor Lord Falconer": "Lord Chancellor" is the title
        return f"{words[-1]} {name}", rest
    return name, honorific


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
                or (t.dep_ in (COMPOUND, AMOD) and toks and t.head.i in {x.i for x in toks}):
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
            and toks[-1].text.rstrip(".") not in POSTNOMINALS \
            and not _role_of_place(toks) and not is_occupation(toks[-1]):
        return None
    return span_text(toks[0], toks[-1])


def _links_a_title(before, link) -> bool:
    """Does the word before "of", "for", "and" or "'s" belong to a title ("Secretary of State", "Minister for Europe",
    "chairman and chief executive", "Russia's foreign minister"), not to the sentence ("a critique of President Bush")?"""
    word = before.lower_.rstrip(".")
    role = word in PERSON_ROLES or word in HONORIFICS or is_occupation(before)
    if link.lower_ == "and" and not (before.text.islower() or before.is_sent_start):
        # capitalised: "Trade and Industry Secretary" names a department, but "the Cardinal and Archbishop of
        # Canterbury Dr Rowan Williams" ends another's title
        return not role
    if link.lower_ == "and" and before.is_sent_start:  # "Chairman and chief executive ...", "World and Commonwealth ..."
        return role or before.pos_ == "PROPN"
    if link.lower_ in ("of", "for", "and"):
        return role
    return before.pos_ == "PROPN" or link.lower_ == "-"
AGENT_ENDING = re.compile(r"[a-z]{3,}(?:er|or|ist|ian|ess|ant|man|woman|ee)$")


def is_occupation(tok) -> bool:
    """A lower-case noun of the agent kind right before a name ("French musician Jean-Michel Jarre", "TV presenter
    Anne Robinson"), or an OCCUPATIONS noun ("Hollywood star"): the roles no list can close."""
    return tok.tag_ == "NN" and tok.text.islower() and (bool(AGENT_ENDING.fullmatch(tok.text)) or tok.text in OCCUPATIONS) \
        and tok.text.removeprefix("grand").removeprefix("step") not in KIN



def title_of(ent, honorific: str | None) -> str | None:
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
    skip = {t.i for c in role.subtree if c.i != role.i and (c.dep_ in (RELCL, ACL) or (
        c.dep_ == APPOS and c.pos_ == "NOUN" and c.doc[c.left_edge.i - 1].text in (",", "—", "–", "--")))
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
    while toks and (toks[0].dep_ == DET or toks[0].is_punct):
        toks.pop(0)
    return span_text(toks[0], toks[-1]) if toks else None


def title_appos(ent) -> str | None:
    """Title given in apposition: "Lavrov, Russia's foreign minister," / "The minister, Sergey Lavrov,"."""
    root = ent.root
    for child in root.rights:
        # not after a colon: "Arthur Hailey: King of the bestsellers" is a headline's description
        if child.dep_ == APPOS and child.pos_ in ("NOUN", "PROPN") and root.doc[child.left_edge.i - 1].text != ":" \
                and (child.lemma_.lower() in PERSON_ROLES or is_occupation(child)):
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
    if root.dep_ == APPOS and root.head.pos_ in ("NOUN", "PROPN") and root.head.i < ent.start \
            and (root.head.lemma_.lower() in PERSON_ROLES or is_occupation(root.head)):
        head = root.head
        # "The chairman of the party's affairs committee, Sher Khan,": all of the role before the name
        toks = [t for t in head.subtree if t.i < min(ent.start, root.left_edge.i)]
        while toks and toks[-1].is_punct:
            toks.pop()
        if toks and (toks[0].dep_ == DET or toks[0].tag_ == "PRP$"):
            toks.pop(0)
        if toks:
            return span_text(toks[0], toks[-1])
    return None


def span_text(first, last) -> str:
    """Text from token `first` to token `last` (Doc.text would rebuild the whole text each time)."""
    return first.doc[first.i: last.i + 1].text
