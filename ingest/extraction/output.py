"""The output stage: the accepted statements as an Extraction (build), and its JSON shape as `extract --format jsonl`
prints it (to_jsonl_record; see eval/README.md)."""
from __future__ import annotations

import dataclasses
import datetime

from . import dates
from .confidence import ACCEPT
from .records import ORG, PERSON, ExtractedStatement, Extraction, Scored, Speaker, TitleKind
from .speakers.actors import Actor
from .speakers.sources import representative_title
from .topics import TopicIndex


def to_jsonl_record(path: str, extraction: Extraction) -> dict:
    return {
        "file": path,
        "statements": [
            {
                "speaker": s.speaker.name,
                "speaker_kind": s.speaker.kind,
                "speaker_title": s.speaker.title,
                "speaker_title_kind": s.speaker.title_kind if s.speaker.title else None,
                "speaker_mention": s.speaker_mention,
                "speaker_start": s.speaker_start,
                "speaker_end": s.speaker_end,
                "cue": s.cue,
                "cue_start": s.cue_start,
                "cue_end": s.cue_end,
                "kind": s.kind,
                "content": s.content,
                "content_start": s.content_start,
                "content_end": s.content_end,
                "confidence": s.confidence,
                "said_on": s.said_on.isoformat() if s.said_on else None,
                "source_type": s.source_type,
            }
            for s in extraction.statements
        ],
        "topics": list(extraction.topics),
    }


def build(scored: list[Scored], text: str, doc, registry, published, foreign) -> Extraction:
    """The Extraction of the accepted statements: speaker, mention, cue, kind, content, date, topics, mentioned actors."""
    topic_index = TopicIndex(doc, registry, foreign)
    statements = []
    speakers: dict[int, Actor] = {}
    all_topics = []
    date_of: dict[int, datetime.date | None] = {}
    for sc in sorted(scored, key=lambda sc: sc.candidate.start):
        if sc.confidence < ACCEPT:
            continue
        c = sc.candidate
        actor: Actor = sc.speaker.actor
        speakers.setdefault(id(actor), actor)
        ms, me = sc.speaker.mention if sc.speaker.mention else (None, None)
        day = dates.said_on(c.cue_token, published) if c.cue_token is not None else None
        if day is None and c.parent is not None:
            day = date_of.get(id(c.parent))
        date_of[id(c)] = day
        topics = topic_index.statement_topics(c.start, c.end)
        all_topics.append(topics)
        speaker = _speaker(actor, registry)
        if sc.speaker.role:  # "a spokesman for the Home Office": the Home Office, through a "spokesman"
            speaker = dataclasses.replace(speaker, title=sc.speaker.role, title_kind=TitleKind.VOICE)
        statements.append(ExtractedStatement(
            speaker=speaker,
            speaker_mention=text[ms:me] if ms is not None else "",
            speaker_start=ms, speaker_end=me,
            cue=text[c.cue_start:c.cue_end] if c.cue_start is not None else "",
            cue_start=c.cue_start, cue_end=c.cue_end,
            kind=sc.kind,
            content=text[c.start:c.end], content_start=c.start, content_end=c.end,
            confidence=round(sc.confidence, 3),
            said_on=day, topics=topics, mentioned=topic_index.mentioned(c.start, c.end),
            source_type=sc.speaker.source,
        ))
    return Extraction(
        statements=tuple(statements),
        speakers=tuple(_speaker(a, registry) for a in speakers.values()),
        topics=topic_index.article_topics(all_topics),
    )


def _speaker(actor: Actor, registry) -> Speaker:
    """The actor as a Speaker, a named representative's title as its role and whom for ("DLF spokesman" -> "spokesman,
    DLF Builders")."""
    speaker = actor.speaker()

    def full_name(words: str) -> str | None:
        found = registry.lookup(words)  # an organisation, or a person the article names ("Trump's lawyer")
        if found is not None and found.kind == PERSON and len(words.split()) == 1 and registry.namesakes(found):
            return None  # a surname alone, with Donald and Ivana Trump both named
        return found.name if found is not None and found.kind in (ORG, PERSON) else None

    title = representative_title(speaker.title, full_name)
    return speaker if title == speaker.title else dataclasses.replace(speaker, title=title)
