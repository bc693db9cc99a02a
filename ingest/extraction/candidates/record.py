"""The intermediate record every rule produces before speakers are resolved and output is built."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, eq=False)  # compared by identity; a stage that changes one builds a new one (dataclasses.replace)
class Candidate:
    start: int  # content span (characters), before trimming
    end: int
    rule: str  # which rule found it: a name in rules.R ("ccomp", "quote", ...), "prep:<preposition>" for R.PREP
    cue_start: int | None = None
    cue_end: int | None = None
    cue_token: object | None = None  # spaCy Token of the cue verb, when there is one
    subject: object | None = None  # spaCy Token heading the speaker mention
    parent: "Candidate | None" = None  # follow-ups take their speaker from here
    speaker_text: tuple[int, int] | None = None  # raw speaker span when there is no token (headlines)
    named_only: bool = False  # a headline speaker taken only when the article names that actor
    # no statement (issue 20, rule 9: unstated.py), kept until speakers are resolved so that what follows it still
    # knows who was acting ("X praised the plan. “...”"), then dropped (pipeline.analyse)
    unstated: bool = False

    @property
    def anchor(self) -> int:
        """Where the attribution sits in the text; speakers are resolved in this order."""
        if self.subject is not None:
            return self.subject.idx
        if self.cue_start is not None:
            return self.cue_start
        return self.start
