"""The output stage: the accepted statements as an Extraction (build), and its JSON shape as `extract --format jsonl`
prints it (to_jsonl_record; see eval/README.md)."""
from __future__ import annotations

import datetime

from . import dates
from .confidence import ACCEPT
from .records import ExtractedStatement, Extraction, Scored
from .speakers.actors import Actor
from .topics import TopicIndex


def to_jsonl_record(path: str, extraction: Extraction) -> dict:
    return {
        "file": path,
        "statements": [
            {
                "speaker": s.speaker.name,
                "speaker_kind": s.speaker.kind,
                "speaker_title": s.speaker.title,
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
        statements.append(ExtractedStatement(
            speaker=actor.speaker(),
            speaker_mention=text[ms:me] if ms is not None else "",
            speaker_start=ms, speaker_end=me,
            cue=text[c.cue_start:c.cue_end] if c.cue_start is not None else "",
            cue_start=c.cue_start, cue_end=c.cue_end,
            kind=sc.kind,
            content=text[c.start:c.end], content_start=c.start, content_end=c.end,
            confidence=round(sc.confidence, 3),
            said_on=day, topics=topics, mentioned=topic_index.mentioned(c.start, c.end),
        ))
    return Extraction(
        statements=tuple(statements),
        speakers=tuple(a.speaker() for a in speakers.values()),
        topics=topic_index.article_topics(all_topics),
    )
