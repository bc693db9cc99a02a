"""What a search box query means: its terms as a PostgreSQL tsquery, and the speaker it may name.

Syntax (web-search style, as before, plus prefixes): words (all must match), "an exact phrase", -excluded,
-"excluded phrase", `or` between two terms, and `econom*` for every word starting with "econom".

The tsquery is written here, from the words of the query only: each term is cut into runs of letters and
digits, and each run is quoted as one lexeme, so nothing the user types (`*`, `:*`, `&|!()`, quotes,
backslashes) can reach PostgreSQL as tsquery syntax. `to_tsquery` then stems and drops stop words as
`websearch_to_tsquery` does (it has no prefix search, hence this module).

A query naming a known actor ("Lavrov", "Gordon Brown economy") is read as "statements by that actor,
matching the other words": see `interpret`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

MAX_TERMS = 32
MAX_NAME_WORDS = 6  # longest actor name looked up ("Secretary General of the United Nations" fits)

_TOKEN = re.compile(r'(?P<neg>-?)"(?P<phrase>[^"]*)"?|(?P<word>\S+)')
_WORD_RUN = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Term:
    """One term of a query: a word, a quoted phrase, or a word prefix; maybe excluded."""

    raw: str  # as typed, for redisplay
    words: tuple[str, ...]  # runs of letters and digits, in order
    phrase: bool = False
    negated: bool = False
    prefix: bool = False

    @property
    def plain(self) -> bool:
        """A bare word, as a name is typed (not quoted, excluded or a prefix)."""
        return not (self.phrase or self.negated or self.prefix) and len(self.words) == 1


OR = "or"


@dataclass(frozen=True)
class ParsedQuery:
    items: tuple[Term | str, ...] = ()  # Terms, and OR between two of them

    @property
    def terms(self) -> list[Term]:
        return [item for item in self.items if isinstance(item, Term)]

    def __bool__(self) -> bool:
        return bool(self.terms)

    def text(self) -> str:
        """The query as typed, normalised (spaces), for display and for re-parsing."""
        return " ".join(item.raw if isinstance(item, Term) else "or" for item in self.items)

    def without(self, dropped: set[int]) -> ParsedQuery:
        """The query without the terms at these positions of `items` (an `or` left dangling is dropped)."""
        kept = [item for i, item in enumerate(self.items) if i not in dropped]
        return ParsedQuery(tuple(_clean_ors(kept)))


def _clean_ors(items: list) -> list:
    cleaned: list = []
    for item in items:
        if item == OR and (not cleaned or cleaned[-1] == OR):
            continue
        cleaned.append(item)
    while cleaned and cleaned[-1] == OR:
        cleaned.pop()
    return cleaned


def parse(query: str) -> ParsedQuery:
    """The terms of a search box query; what holds no letter or digit is left out."""
    items: list = []
    for match in _TOKEN.finditer(query or ""):
        if match["word"] is not None:
            token = match["word"]
            if token.casefold() == OR:
                items.append(OR)
                continue
            negated = token.startswith("-")
            body = token.lstrip("-")
            prefix = body.endswith("*")
            words = tuple(_WORD_RUN.findall(body))
            term = Term(raw=token, words=words, negated=negated, prefix=prefix and bool(words))
        else:
            words = tuple(_WORD_RUN.findall(match["phrase"]))
            raw = f'{match["neg"]}"{" ".join(match["phrase"].split())}"'  # an unclosed quote closed
            term = Term(raw=raw, words=words, phrase=True, negated=bool(match["neg"]))
        if term.words:
            items.append(term)
        if len([i for i in items if i != OR]) >= MAX_TERMS:
            break
    return ParsedQuery(tuple(_clean_ors(items)))


def _lexeme(word: str, prefix: bool = False) -> str:
    # `word` is letters and digits only (see _WORD_RUN): quoting it cannot be escaped out of.
    return f"'{word}'" + (":*" if prefix else "")


def _term_tsquery(term: Term) -> str:
    lexemes = [_lexeme(w, term.prefix and i == len(term.words) - 1) for i, w in enumerate(term.words)]
    body = lexemes[0] if len(lexemes) == 1 else "(" + " <-> ".join(lexemes) + ")"
    return "!" + body if term.negated else body


def to_tsquery_text(query: ParsedQuery) -> str:
    """The text for PostgreSQL's `to_tsquery` (stemming and stop words are left to it): terms AND-ed,
    `or` binding the terms on each side of it (as websearch_to_tsquery does). Empty for an empty query."""
    groups: list[list[str]] = []
    join_next = False
    for item in query.items:
        if item == OR:
            join_next = True
            continue
        if join_next and groups:
            groups[-1].append(_term_tsquery(item))
        else:
            groups.append([_term_tsquery(item)])
        join_next = False
    return " & ".join(g[0] if len(g) == 1 else "(" + " | ".join(g) + ")" for g in groups)


# --- Speakers named in a query ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NameMatch:
    """Words of the query that are a known name, and the actors known under it (more than one: ambiguous)."""

    words: str
    positions: frozenset[int]  # positions in ParsedQuery.items
    actors: tuple = ()


@dataclass(frozen=True)
class Suggestion:
    """An actor the query may name, and the query's other words (to search among that actor's statements)."""

    actor: object
    text: str


@dataclass(frozen=True)
class Interpretation:
    """How a query was read: `text` is what is searched in the statements' text; `speaker` the actor the query
    named (None when it named none, or more than one: then `suggestions` lists them)."""

    query: str
    text: str
    speaker: object | None = None
    suggestions: tuple[Suggestion, ...] = ()
    names: tuple[NameMatch, ...] = field(default=())

    @property
    def narrowed(self) -> bool:
        return self.speaker is not None


def name_candidates(query: ParsedQuery) -> dict[str, frozenset[int]]:
    """Every run of up to MAX_NAME_WORDS consecutive bare words ("gordon brown", "brown", ...), as the
    normalised text an alias is stored under, with the positions it covers."""
    from actors.normalize import normalize_name

    runs: list[list[int]] = [[]]
    for i, item in enumerate(query.items):
        if isinstance(item, Term) and item.plain:
            runs[-1].append(i)
        elif runs[-1]:
            runs.append([])
    candidates: dict[str, frozenset[int]] = {}
    for run in runs:
        for start in range(len(run)):
            for end in range(start + 1, min(start + MAX_NAME_WORDS, len(run)) + 1):
                positions = run[start:end]
                text = normalize_name(" ".join(query.items[p].words[0] for p in positions))
                if text:
                    candidates.setdefault(text, frozenset(positions))
    return candidates


def choose_names(candidates: dict[str, frozenset[int]], known: dict[str, tuple]) -> list[NameMatch]:
    """The names found, longest first and never overlapping ("gordon brown" wins over "brown")."""
    taken: set[int] = set()
    found = []
    for text, positions in sorted(candidates.items(), key=lambda kv: (-len(kv[1]), min(kv[1]))):
        if text in known and not taken & positions:
            taken |= positions
            found.append(NameMatch(words=text, positions=positions, actors=known[text]))
    return sorted(found, key=lambda m: min(m.positions))


def interpret(q: str, lookup) -> Interpretation:
    """Read `q`: `lookup(normalised names)` returns {name: (actors known under it, who speak)}.

    Exactly one actor named (one or more times), no `or` in the query: narrowed to that speaker, the other
    words searched in the text. Several actors (one ambiguous name, or two names): nothing narrowed, each
    actor suggested."""
    parsed = parse(q)
    plain = " ".join(q.split())
    candidates = name_candidates(parsed)
    names = choose_names(candidates, lookup(list(candidates))) if candidates else []
    actors = list(dict.fromkeys(a for m in names for a in m.actors))
    if len(actors) == 1 and OR not in parsed.items:
        used = set().union(*(m.positions for m in names))
        return Interpretation(query=plain, text=parsed.without(used).text(), speaker=actors[0], names=tuple(names))
    suggestions = {}
    for m in names:
        for actor in m.actors:
            suggestions.setdefault(actor.pk, Suggestion(actor, parsed.without(set(m.positions)).text()))
    return Interpretation(query=plain, text=plain, suggestions=tuple(suggestions.values()), names=tuple(names))
