"""What an alert follows (the filters of a statement list that an alert can keep) and how it reads."""
from __future__ import annotations

from dataclasses import dataclass

from statements.models import Statement


@dataclass(frozen=True)
class AlertFilters:
    speaker: object = None  # actors.models.Actor
    topic: object = None  # statements.models.Topic
    q: str = ""
    publisher: str = ""
    kind: str = ""
    source_type: str = ""

    @property
    def is_everything(self) -> bool:
        return not (self.speaker or self.topic or self.q.strip() or self.publisher or self.kind or self.source_type)

    def describe(self) -> str:
        """ "Statements by Gordon Brown on economy matching 'tax'"; "Every new statement" with no filter."""
        if self.is_everything:
            return "Every new statement"
        parts = ["Statements"]
        if self.source_type:
            parts.append(f"from {Statement.SourceType(self.source_type).label.lower()}s")
        if self.speaker:
            parts.append(f"by {self.speaker.name}")
        if self.topic:
            parts.append(f"on {self.topic.name}")
        if self.kind:
            parts.append(f"({Statement.Kind(self.kind).label.lower()})")
        if self.publisher:
            parts.append(f"published by {self.publisher}")
        if self.q.strip():
            parts.append(f"matching '{' '.join(self.q.split())}'")
        return " ".join(parts)
