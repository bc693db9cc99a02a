"""The candidates stage: every statement the rules can find in one parsed article, before merging.

One module per family of constructions, each exposing rule functions of one shape (a cue token in, `((start, end),
rule name)` or a `Candidate` out):

| module | family | rules (rules.R) |
|---|---|---|
| clausal.py | clausal complements | ccomp, ccomp-left |
| nominal.py | nominal reports, pro-forms, speech nouns | dobj, xcomp, prep:*, pro-form, noun |
| parenthetical.py | parentheticals and asides | inverted, parenthetical |
| directive.py | directives | directive, call-for |
| according.py | "according to" | according |
| direct.py | direct quotations | quote, follow |
| headlines.py | headlines and transcript lines | headline |
| block.py | block quotations | block |

`verbs.py` walks the speech verbs and tries each family's rules in the ordered lists there (`rule_order`), and drops a
non-clausal content that says nothing (`unsaid.says_nothing`: a ruling, a deed, a figure, speech only tried or due)
and marks what states no proposition (`unstated`: a bare noun phrase, a refusal or a saying denied, a naming; kept
until speakers are resolved, then dropped in pipeline.analyse);
`grammar.py` holds what the families share (cue verbs, subjects, follow-up cues, asides).
"""
from __future__ import annotations

from .according import extend_over_quotations
from .direct import quote_candidates
from .headlines import headline_candidates
from .record import Candidate
from .verbs import reported_candidates

__all__ = ["Candidate", "find_candidates"]


def find_candidates(doc, text: str, quotes, quote_at, body_end: int, foreign) -> list[Candidate]:
    """All candidates of the article's own text: speech verbs and "according to", quotations, headline lines.

    `quotes` are the article's quotations (quotes.find_quotes), `quote_at(pos)` the one around a position or None,
    `foreign(start, end=None)` whether a range is text that is not the article's own (layout)."""
    cands = extend_over_quotations(reported_candidates(doc, lambda pos: quote_at(pos) is not None), text, quote_at)
    cands += quote_candidates(text, doc, quotes, foreign)
    cands += headline_candidates(text, body_end, foreign, doc)
    return [c for c in cands if not foreign(c.start, c.end) and not (c.cue_start is not None and foreign(c.cue_start))]
