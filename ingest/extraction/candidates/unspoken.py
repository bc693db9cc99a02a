"""More reports that carry nothing said (issue 20, item 9), beside unsaid.py: the topic a question was asked about, and
"promise" or "threaten" said of things ("rules that promise to transform the economy": likely to, not vowed).

Measured before kept (docs/extraction.md, twelfth session): PolNeAR's annotators count nearly every other topic,
question and promise as speech ("asked whether ...", "promised to build a wall"), so those stay statements; bare
topics ("talked about the border") and sayings refused or denied ("did not say whether ...", "declined to say who
...") are not stored since the fourteenth session (unstated.py).

Public entry: unspoken(tok, rule), asked of every non-clausal candidate in verbs.py, like unsaid.says_nothing.
"""
from __future__ import annotations

from ..rules import R
from ..topics import noun_senses
from ..vocabulary import DOCUMENT_NOUNS, NSUBJ, QUESTION_VERBS, RELCL, XCOMP
from .grammar import relative_noun

FORETELLING = frozenset({"promise", "threaten"})
# what a plural common noun that speaks names first in WordNet ("officials", "groups", "statements")
SPEAKING_SENSES = frozenset({"person", "group", "communication"})


def unspoken(tok, rule: str) -> bool:
    """Does this verb's non-clausal content name no one's words: a question's topic, or a thing's prospect?"""
    return asked_about(tok, rule) or foretold_by_things(tok, rule)


def asked_about(tok, rule: str) -> bool:
    """ "when asked about the deaths of journalists", "readers ask about getting invited": the topic of a question,
    not something said. A question itself ("asked whether ...") is a clause and is kept."""
    return rule.startswith(R.PREP + ":") and tok.lemma_.lower() in QUESTION_VERBS


def foretold_by_things(tok, rule: str) -> bool:
    """ "new emissions rules that promise to transform the economy", "as retirements threaten to swell costs": what
    things are likely to do. Not "officials promised to ...", "the campaign threatened to ..." (someone's words)."""
    if rule != R.XCOMP or tok.lemma_.lower() not in FORETELLING:
        return False
    subj = next((c for c in tok.children if c.dep_ == NSUBJ), None)
    if subj is not None and subj.lower_ in ("that", "which") and tok.dep_ == RELCL:
        subj = relative_noun(subj)
    return subj is not None and _things(subj)


def _things(noun) -> bool:
    """A plural common noun for things: no name, no people, groups or documents ("rules", "retirements")."""
    lemma = noun.lemma_.lower()
    return noun.tag_ == "NNS" and not noun.ent_type_ and lemma not in DOCUMENT_NOUNS \
        and noun_senses().get(lemma, "person") not in SPEAKING_SENSES
