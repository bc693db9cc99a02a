"""bench/speaker_audit.py's pure parts: the draw, the figures, the sheets' helpers (no database)."""
import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("speaker_audit", ROOT / "bench" / "speaker_audit.py")
audit = importlib.util.module_from_spec(_spec)
sys.modules["speaker_audit"] = audit  # its dataclasses look their module up there
_spec.loader.exec_module(audit)

ARTICLES = [f"{section}/{n:03d}.txt" for section, count in (("politics", 80), ("business", 50), ("tech", 25))
            for n in range(1, count + 1)]


def test_draw_is_deterministic_and_never_draws_the_issues_examples():
    first = audit.draw_articles(ARTICLES, seed=20, k=40)
    assert first == audit.draw_articles(list(reversed(ARTICLES)), seed=20, k=40)
    assert len(first) == len(set(first)) == 40
    assert audit.draw_articles(ARTICLES, seed=21, k=40) != first
    assert set(audit.EXCLUDED) >= {"politics/036.txt", "politics/027.txt", "politics/007.txt"}
    everything = audit.draw_articles(ARTICLES, seed=5, k=len(ARTICLES) - len(audit.EXCLUDED))
    assert not set(everything) & set(audit.EXCLUDED)
    assert set(everything) == set(ARTICLES) - set(audit.EXCLUDED)
    with pytest.raises(ValueError):
        audit.draw_articles(ARTICLES, seed=5, k=len(ARTICLES))


def test_a_larger_draw_extends_a_smaller_one():
    assert audit.draw_articles(ARTICLES, seed=7, k=50)[:30] == audit.draw_articles(ARTICLES, seed=7, k=30)


def test_statement_sample_is_seeded_and_in_key_order():
    keys = [("a.txt", start, start + 5, start) for start in range(0, 500, 7)]
    sample = audit.sample_statements(keys, seed=3, n=10)
    assert sample == audit.sample_statements(list(reversed(keys)), seed=3, n=10)
    assert sample == sorted(sample) and len(set(sample)) == 10
    assert audit.sample_statements(keys[:4], seed=3, n=10) == keys[:4]


def _actor(name, kind, n_heldout, verdict):
    return {"name": name, "kind": kind, "n_heldout": str(n_heldout), "verdict": verdict, "reason": ""}


def _statement(start, verdict, actor=("", ""), reason=""):
    return {"file": "politics/001.txt", "content_start": str(start), "content_end": str(start + 10),
            "speaker_mention": "x", "actor_name": actor[0], "actor_kind": actor[1], "verdict": verdict,
            "reason": reason}


def test_score_computes_the_rubric_figures_and_goals():
    actors = [_actor("Jane Doe", "person", 6, "ok"), _actor("Analysts", "person", 3, "group"),
              _actor("Labour", "person", 1, "kind")]
    jane, analysts = ("Jane Doe", "person"), ("Analysts", "person")
    statements = ([_statement(i, "right", jane) for i in range(0, 70, 10)]  # 7 right on an ok actor
                  + [_statement(100, "right", analysts)]                    # right, but not strictly
                  + [_statement(200, "unresolved", reason="spokesman left unresolved"),
                     _statement(210, "unresolved", reason="spokesman left unresolved"),
                     _statement(300, "not", reason="heading")]
                  + [_statement(400, "unnamed")])
    f = audit.compute_figures(actors, statements)
    assert f["actors"] == 3 and f["actor_verdicts"]["group"] == 1 and f["actors_ok"] == pytest.approx(1 / 3, abs=1e-4)
    assert f["attributed_statements"] == 10 and f["attributed_on_ok"] == 0.6
    assert f["statements"] == 12
    assert f["statement_verdicts"] == {"right": 8, "wrong": 0, "unresolved": 2, "unnamed": 1, "not": 1}
    assert f["right_strict_count"] == 7 and f["right_strict"] == pytest.approx(7 / 12, abs=1e-4)
    assert f["right_or_unnamed"] == 0.75 and f["unresolved"] == pytest.approx(2 / 12, abs=1e-4)
    goals = {goal: g["met"] for goal, g in f["goals"].items()}
    assert goals == {
        "attributed statements on ok actors >= 97%": False,
        "sampled statements right (strictly) >= 90%": False,
        "unresolved although the article names the speaker <= 3%": False,
        "wrong speaker <= 2%": True,
        "not statements <= 2%": False,
    }
    assert audit.error_patterns(statements, actors)[0] == ("statement unresolved: spokesman left unresolved", 2)


def test_score_refuses_an_unknown_or_missing_verdict():
    with pytest.raises(ValueError, match="verdict"):
        audit.compute_figures([_actor("A", "person", 1, "fine")], [])
    with pytest.raises(ValueError, match="verdict"):
        audit.compute_figures([], [_statement(0, "")])
    with pytest.raises(ValueError, match="actor sheet lacks"):
        audit.compute_figures([], [_statement(0, "right", ("Nobody", "person"))])


def test_saved_verdicts_carry_keys_and_no_article_text():
    rows = audit.verdict_rows([_actor("Jane Doe", "person", 2, "ok")],
                              [{**_statement(40, "wrong", ("Jane Doe", "person")), "paragraph": "ARTICLE TEXT"}])
    assert [r["item"] for r in rows] == ["statement", "actor"]
    assert rows[0]["file"] == "politics/001.txt" and rows[0]["content_start"] == "40" and rows[0]["content_end"] == "50"
    assert all(set(r) == set(audit.VERDICT_FIELDS) for r in rows)
    assert "ARTICLE TEXT" not in str(rows)


def test_paragraph_context_and_marks():
    text = "Title\n\nFirst paragraph here.\n\nHe said it was fine. Then more."
    start = text.index("it was fine")
    before, para = audit.paragraph_context(text, start, start + len("it was fine"))
    assert before == "First paragraph here."
    assert para == "He said [[it was fine]]. Then more."
    assert audit.mark_spans("abcdef", [(0, 1, "1"), (3, 5, "2")]) == "[[1: a]]bc[[2: de]]f"


def test_duplicate_hints():
    hints = audit.duplicate_hints("NAO", ["National Audit Office", "Nao", "Bank of England"])
    assert hints[0] == "Nao (same name)" and "National Audit Office (acronym)" in hints
    assert "Vince Cable (same last word)" in audit.duplicate_hints("Vincent Cable", ["Vince Cable", "Cable"])
    assert audit.duplicate_hints("Bank of England", ["BoE", "Bank"])[:1] == ["BoE (acronym)"]
    assert "Conservative Party (short form)" in audit.duplicate_hints("Tories", ["Conservative Party", "Labour"])


def test_wilson_interval():
    low, high = audit.wilson(5, 200)
    assert low < 0.025 < high and low == pytest.approx(0.0107, abs=1e-3) and high == pytest.approx(0.0573, abs=1e-3)
    assert audit.wilson(0, 0) == (0.0, 0.0) and audit.wilson(0, 10)[0] == 0.0


def test_compare_matches_statements_by_offsets_and_actors_by_name_and_kind():
    before = audit.verdict_rows(
        [_actor("Labour", "person", 3, "kind"), _actor("Jane Doe", "person", 1, "ok")],
        [_statement(0, "wrong", ("Labour", "person")), _statement(20, "unresolved"), _statement(40, "not")])
    after = audit.verdict_rows(
        [_actor("Jane Doe", "person", 4, "ok")],
        [_statement(0, "right", ("Jane Doe", "person")), _statement(20, "unresolved"), _statement(60, "right")])
    result = audit.compare_verdicts(before, after)
    s = result["statement"]
    assert (s["both"], s["only_before"], s["only_after"]) == (2, 1, 1)
    assert s["transitions"] == {"wrong -> right": 1, "unresolved -> unresolved": 1}
    assert s["changed"] == [{"key": ["politics/001.txt", "0", "10"], "before": "wrong on Labour",
                             "after": "right on Jane Doe"}]
    a = result["actor"]
    assert (a["both"], a["only_before"], a["only_after"]) == (1, 1, 0) and a["changed"] == []


def test_the_polnear_set_writes_its_documents_as_files_with_their_text_unchanged(tmp_path):
    source = tmp_path / "split.json"
    docs = [{"id": f"polnear-train-nyt_2016-04-0{i}_story", "publisher": "nyt", "text": f"Text {i}\n\u201cQuoted.\u201d"}
            for i in range(3)]
    source.write_text(json.dumps(docs), encoding="utf-8")
    assert audit.write_polnear_corpus(tmp_path / "corpus", source=source, start=1) == 2
    assert audit.corpus_articles(tmp_path / "corpus") == ["nyt/nyt_2016-04-01_story.txt", "nyt/nyt_2016-04-02_story.txt"]
    assert (tmp_path / "corpus" / "nyt" / "nyt_2016-04-02_story.txt").read_text(encoding="utf-8") == docs[2]["text"]
    # a slice from the start (train[:300] for the analyst corpus), and the dev split's names
    assert audit.write_polnear_corpus(tmp_path / "head", source=source, start=0, stop=1) == 1
    assert audit.corpus_articles(tmp_path / "head") == ["nyt/nyt_2016-04-00_story.txt"]
    dev = tmp_path / "dev.json"
    dev.write_text(json.dumps([{**docs[0], "id": "polnear-dev-nyt_2016-09-08_story"}]), encoding="utf-8")
    assert audit.write_polnear_corpus(tmp_path / "dev", source=dev, start=0) == 1
    assert audit.corpus_articles(tmp_path / "dev") == ["nyt/nyt_2016-09-08_story.txt"]


def test_each_set_keeps_its_own_draw_figures_and_verdicts():
    bbc, polnear = audit.AUDIT_SETS["bbc"], audit.AUDIT_SETS["polnear"]
    assert bbc.sample_file.name == "speaker_audit_sample.json"
    assert polnear.sample_file.name == "speaker_audit_polnear_sample.json"
    assert polnear.verdict_file("s12").name == "speaker_audit_polnear_s12.csv"
    assert not any(p.name.startswith("speaker_audit_polnear_") for p in bbc.verdict_files())
