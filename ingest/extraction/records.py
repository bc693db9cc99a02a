"""The dataclasses the extraction core returns (text in, these out; no Django)."""
from __future__ import annotations

import datetime
from dataclasses import dataclass


class SpeakerKind:
    """The kinds of speaker, defined here once: `actors.models.Actor.Kind` maps these values (the data model stores
    them as they are)."""
    PERSON = "person"
    ORGANIZATION = "organization"
    UNKNOWN = "unknown"
    ALL = (PERSON, ORGANIZATION, UNKNOWN)


PERSON, ORG, UNKNOWN = SpeakerKind.PERSON, SpeakerKind.ORGANIZATION, SpeakerKind.UNKNOWN


@dataclass(frozen=True)
class Speaker:
    name: str
    kind: str  # one of SpeakerKind.ALL
    title: str | None = None
    aliases: tuple[str, ...] = ()  # surface forms seen in the article (not pronouns)


@dataclass(frozen=True)
class ExtractedStatement:
    speaker: Speaker
    speaker_mention: str
    speaker_start: int | None
    speaker_end: int | None
    cue: str
    cue_start: int | None
    cue_end: int | None
    kind: str  # "direct" | "indirect" | "mixed"
    content: str
    content_start: int
    content_end: int
    confidence: float
    said_on: datetime.date | None
    topics: tuple[str, ...] = ()
    mentioned: tuple[str, ...] = ()


@dataclass(frozen=True)
class Extraction:
    statements: tuple[ExtractedStatement, ...] = ()
    speakers: tuple[Speaker, ...] = ()
    topics: tuple[str, ...] = ()
