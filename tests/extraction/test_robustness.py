"""Any text returns; offsets always slice the text to the content; the interface holds."""
from __future__ import annotations

import io
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest.extraction import EXTRACTOR_VERSION, Extraction, extract, to_jsonl_record

PIECES = st.sampled_from([
    "Paul Okafor said that taxes would rise. ", "“We will win,” he said. ", "“", "”", '"', "''", ": ",
    "according to officials, ", "\n\n", "Check Also\n", "adding that ", "The minister ", "He told reporters ",
    "\u200b", "é", "🙂", "\x00", "\r\n", "—", ", ", ".", "Lavrov: ",
])


def _check(text, ex):
    assert isinstance(ex, Extraction)
    for s in ex.statements:
        assert text[s.content_start:s.content_end] == s.content
        assert s.content.strip() == s.content and s.content
        assert 0.0 <= s.confidence <= 1.0
        assert s.kind in ("direct", "indirect", "mixed")
        assert s.speaker.kind in ("person", "organization", "unknown")
        if s.speaker_start is not None:
            assert text[s.speaker_start:s.speaker_end] == s.speaker_mention
        if s.cue_start is not None:
            assert text[s.cue_start:s.cue_end] == s.cue


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_any_unicode_text(nlp, text):
    _check(text, extract(text))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECES, max_size=25).map("".join))
def test_quote_and_cue_soup(nlp, text):
    _check(text, extract(text))


def test_empty_text():
    assert extract("") == Extraction()
    assert extract("   \n\n ") == Extraction()


def test_version_and_record_shape(run):
    assert EXTRACTOR_VERSION
    ex = run("Paul Okafor said on Monday that taxes would rise.")
    rec = to_jsonl_record("a.txt", ex)
    assert rec["file"] == "a.txt"
    keys = {"speaker", "speaker_kind", "speaker_title", "speaker_title_kind", "speaker_mention", "speaker_start", "speaker_end", "cue",
            "cue_start", "cue_end", "kind", "content", "content_start", "content_end", "confidence", "said_on",
            "source_type"}
    assert keys == set(rec["statements"][0])
    assert isinstance(rec["topics"], list)
    json.dumps(rec)


def test_cli_prints_one_line_per_file(nlp, tmp_path):
    from ingest.extraction.__main__ import main

    a = tmp_path / "a.txt"
    a.write_text("Paul Okafor said that taxes would rise.", encoding="utf-8")
    b = tmp_path / "b.txt"
    b.write_text("", encoding="utf-8")
    out = io.StringIO()
    assert main(["--format", "jsonl", str(a), str(b)], stdout=out) == 0
    lines = [json.loads(x) for x in out.getvalue().splitlines()]
    assert [x["file"] for x in lines] == [str(a), str(b)]
    assert lines[0]["statements"][0]["speaker"] == "Paul Okafor"
    assert lines[1]["statements"] == []


def test_model_is_loaded_once(nlp):
    from ingest.extraction.nlp import get_nlp

    assert get_nlp() is nlp


def test_model_name_from_argument_environment_or_default(monkeypatch):
    from ingest.extraction.nlp import DEFAULT_MODELS, resolve_model_name

    assert resolve_model_name("my_pipeline") == "my_pipeline"
    monkeypatch.setenv("SPACY_MODEL", "env_pipeline")
    assert resolve_model_name() == "env_pipeline"
    monkeypatch.delenv("SPACY_MODEL")
    assert resolve_model_name() in DEFAULT_MODELS


def test_long_and_degenerate_texts_stay_fast(nlp):
    import time

    for text in ["He said that she said that they said that " * 500,
                 ("Paul Okafor said that taxes would rise. " * 20 + "\n\n") * 40]:
        start = time.perf_counter()
        ex = extract(text)
        assert time.perf_counter() - start < 30
        _check(text, ex)
