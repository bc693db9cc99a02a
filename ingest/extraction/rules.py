"""The registry of candidate rules: every rule's name, merge priority, prior, and how it is read.

Every other place reads this table (merge order, the acceptor's hand-set prior, which rules accept any clause verb,
which constructions the learned lexicon counts as clause uses, which contents are quotations). A new rule is one row
here plus the function that finds it (see docs/extraction-design.md).
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class R(StrEnum):
    """Rule names as they appear on a candidate (`Candidate.rule`) and in the learned lexicon's constructions."""
    QUOTE = "quote"
    FOLLOW = "follow"
    CCOMP = "ccomp"
    CCOMP_LEFT = "ccomp-left"
    INVERTED = "inverted"
    PARENTHETICAL = "parenthetical"
    DIRECTIVE = "directive"
    CALL_FOR = "call-for"
    ACCORDING = "according"
    NOUN = "noun"
    HEADLINE = "headline"
    BLOCK = "block"
    PRO_FORM = "pro-form"
    DOBJ = "dobj"
    XCOMP = "xcomp"
    PREP = "prep"  # written "prep:about", "prep:on", ... on a candidate: the preposition follows the colon


@dataclass(frozen=True)
class Rule:
    name: R
    family: str  # the candidates module that finds it
    priority: int  # merge order: of two candidates for one statement, the lower priority is kept
    prior: float  # log-odds the hand-set acceptor adds (only without acceptor.json)
    clausal: bool  # taken for any verb that introduces clauses; otherwise per verb and construction (lexicon.accepts)
    clause_use: bool = False  # counted as a clause use of its verb by the learned lexicon (training/learn.py)
    quotation: bool = False  # the content is a quotation found by the quote rules
    keeps_that: bool = False  # a leading "that" stays in the content
    always_direct: bool = False  # direct speech whatever its quotation marks
    example: str = ""


RULES: tuple[Rule, ...] = (
    Rule(R.QUOTE, "direct", 0, 2.5, False, quotation=True, keeps_that=True, always_direct=True,
         example='“We will win,” she said.'),
    Rule(R.CCOMP, "clausal", 1, 2.0, True, clause_use=True, example="The minister said (that) taxes would rise."),
    Rule(R.CCOMP_LEFT, "clausal", 1, 2.0, True, clause_use=True, example="The deal is off, sources close to the talks tell the FT."),
    Rule(R.DIRECTIVE, "directive", 2, 0.8, True, example="She urged voters to stay home."),
    Rule(R.CALL_FOR, "directive", 2, 0.6, True, example="He called for the minister to resign."),
    Rule(R.INVERTED, "parenthetical", 2, 1.2, True, clause_use=True, example="The economy is strong, he said."),
    Rule(R.PARENTHETICAL, "parenthetical", 2, 1.2, True, clause_use=True,
         example="The museum, he said, is closed."),
    Rule(R.ACCORDING, "according", 3, 1.5, False, example="According to the police, two men fled."),
    Rule(R.NOUN, "nominal", 3, 0.8, False, example="Trump's claim that he won."),
    Rule(R.HEADLINE, "headlines", 4, 0.4, False, keeps_that=True, example="Lavrov: talks will go on"),
    Rule(R.FOLLOW, "direct", 5, 0.8, False, quotation=True, keeps_that=True, always_direct=True,
         example='“...,” he said. “And more.” (the second quotation)'),
    Rule(R.BLOCK, "block", 9, 0.0, True, always_direct=True, example="Limbaugh added:\\n<unquoted paragraph>"),
    Rule(R.PRO_FORM, "nominal", 9, 0.0, True, keeps_that=True, example="Half said so."),
    Rule(R.DOBJ, "nominal", 9, 0.3, False, example="He criticized the plan."),
    Rule(R.XCOMP, "nominal", 9, 0.5, False, example="She vowed to fight on."),
    Rule(R.PREP, "nominal", 9, 0.0, False, example="He talked about the plan."),
)
BY_NAME: dict[str, Rule] = {r.name: r for r in RULES}


def rule(name: str) -> Rule:
    """The registry row of a candidate's rule name ("prep:about" is the row of "prep")."""
    found = BY_NAME.get(name)
    return found if found is not None else BY_NAME[name.split(":")[0]]


PRIORITY: dict[str, int] = {r.name: r.priority for r in RULES}
PRIOR: dict[str, float] = {r.name: r.prior for r in RULES}
CLAUSAL: frozenset[str] = frozenset(r.name for r in RULES if r.clausal)
CLAUSE_USES: tuple[str, ...] = tuple(r.name for r in RULES if r.clause_use)
QUOTATIONS: frozenset[str] = frozenset(r.name for r in RULES if r.quotation)
KEEPS_THAT: frozenset[str] = frozenset(r.name for r in RULES if r.keeps_that)
ALWAYS_DIRECT: frozenset[str] = frozenset(r.name for r in RULES if r.always_direct)
