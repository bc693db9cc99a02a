"""The records of the extraction core: what it returns (text in, Extraction out; no Django), and the typed records
its later stages pass on (a candidate with its resolved speaker, then with its kind and confidence)."""
from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import NamedTuple


class SpeakerKind:
    """The kinds of speaker, defined here once: `actors.models.Actor.Kind` maps these values (the data model stores
    them as they are)."""
    PERSON = "person"
    ORGANIZATION = "organization"
    UNKNOWN = "unknown"
    ALL = (PERSON, ORGANIZATION, UNKNOWN)


PERSON, ORG, UNKNOWN = SpeakerKind.PERSON, SpeakerKind.ORGANIZATION, SpeakerKind.UNKNOWN


class SourceType:
    """What kind of source a statement comes from, defined here once: `statements.models.Statement.SourceType`
    maps these values. NAMED: a specific person or organisation (named, or a description of one, such as "the
    minister", that may be left unresolved); UNNAMED: an unnamed source or a group ("analysts", "officials",
    "one insider"), never an actor; DOCUMENT: a report, study or article, credited to its publisher when known."""
    NAMED = "named"
    UNNAMED = "unnamed"
    DOCUMENT = "document"
    ALL = (NAMED, UNNAMED, DOCUMENT)


class TitleKind:
    """What a speaker's title is, defined here once: `actors.models.Role.Kind` maps these values. HELD: a title the
    speaker holds ("Foreign Minister", "spokesman, DLF Builders" of the named spokesman); VOICE: the representative the
    speaker spoke through, whose words the article credits to them (issue 20, rule 2: "spokesman" of "a spokesman for
    the Home Office", "through an aide" of "Clinton's aides said"), which is no title of theirs."""
    HELD = "held"
    VOICE = "voice"
    ALL = (HELD, VOICE)


@dataclass(frozen=True)
class Speaker:
    name: str
    kind: str  # one of SpeakerKind.ALL
    title: str | None = None
    title_kind: str = TitleKind.HELD  # one of TitleKind.ALL: what `title` is (meaningless without one)
    aliases: tuple[str, ...] = ()  # surface forms seen in the article (not pronouns)
    # False: no one the article names, only the words of a group, an unnamed source, a document with no publisher or
    # an unresolved description ("analysts", "Mr Blair's official spokesman"): the store links no Actor to it
    resolved: bool = True


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
    source_type: str = SourceType.NAMED  # one of SourceType.ALL


@dataclass(frozen=True)
class Extraction:
    statements: tuple[ExtractedStatement, ...] = ()
    speakers: tuple[Speaker, ...] = ()
    topics: tuple[str, ...] = ()


# -- between stages (not returned) ------------------------------------------------------------------------------------
class ResolvedSpeaker(NamedTuple):
    """Who a candidate's speaker is: speakers stage output."""
    actor: object  # speakers.actors.Actor (an actor of the registry, or an unnamed speaker)
    mention: tuple[int, int]  # where the speaker is named for this statement (characters)
    # how: "name", "surname", "pronoun", "role" (a title the article gives), "described" (a description resolved by
    # what the article says around it, scored as "unnamed": what the words alone say), "unnamed", "inherited"
    quality: str
    source: str = SourceType.NAMED  # what kind of source (SourceType.ALL)
    role: str | None = None  # a representative's role when its principal speaks ("spokesman" of "a BNP spokesman")


@dataclass(frozen=True, eq=False)
class Attributed:
    """A merged candidate and its speaker (speakers stage -> scoring stage)."""
    candidate: object  # candidates.Candidate
    speaker: ResolvedSpeaker


@dataclass(frozen=True, eq=False)
class Scored:
    """An attributed candidate with its kind and confidence (scoring stage -> output stage)."""
    candidate: object  # candidates.Candidate
    speaker: ResolvedSpeaker
    kind: str  # "direct" | "indirect" | "mixed"
    features: dict  # the acceptor's features (training/train_acceptor.py learns from them)
    confidence: float  # probability that this is a real attribution of speech
