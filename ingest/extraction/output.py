"""The JSON shape of an Extraction, as `extract --format jsonl` prints it (see eval/README.md)."""
from __future__ import annotations

from .records import Extraction


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
            }
            for s in extraction.statements
        ],
        "topics": list(extraction.topics),
    }
