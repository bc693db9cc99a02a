"""The pure extraction core of Statement Tracker: article text in, who said what out.

No Django, no database. See pipeline.py for the order of the steps.
"""
from .output import to_jsonl_record
from .pipeline import extract
from .records import ExtractedStatement, Extraction, Speaker, TitleKind

EXTRACTOR_VERSION = "2026.12.07.140"

__all__ = ["EXTRACTOR_VERSION", "ExtractedStatement", "Extraction", "Speaker", "TitleKind", "extract", "to_jsonl_record"]
