"""The command-line doors: ingest (files, folders, globs, JSON Lines, --wait), extract and evaluate."""
import json
import subprocess
import sys
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from statements.models import Source

ROOT = __import__("pathlib").Path(__file__).resolve().parent.parent.parent


def write_articles(folder):
    (folder / "sub").mkdir()
    (folder / "one.txt").write_text("Roads\n\nThe mayor said that the roads would reopen on Friday.\n")
    (folder / "sub" / "two.html").write_text(
        "<html><head><title>Trains</title></head><body><article><p>The rail operator said that trains would "
        "run normally again from Monday after the strike ended.</p></article></body></html>"
    )
    (folder / "notes.csv").write_text("ignored,because,not an article\n")
    lines = [
        {"text": "Schools\n\nThe head teacher said pupils would return next week.", "title": "Schools",
         "url": "https://example.org/schools", "published": "2024-03-04", "publisher": "Example News"},
        {"html": "<p>The council said that the park would be closed for repairs until the end of June.</p>"
                 "<p>Residents said they were unhappy with how long the repairs were taking this year.</p>"},
    ]
    (folder / "batch.jsonl").write_text("\n".join(json.dumps(x) for x in lines) + "\n{not json\n")


@pytest.mark.django_db(transaction=True)
def test_ingest_folder_and_jsonl_in_process(tmp_path):
    write_articles(tmp_path)
    out = StringIO()
    with pytest.raises(CommandError, match="not ingested"):
        call_command("ingest", str(tmp_path), "--publisher", "Local Paper", stdout=out, stderr=StringIO())
    text = out.getvalue()
    assert "4 new, 0 already stored, 1 rejected" in text
    assert "batch.jsonl:3: not valid JSON" in text
    assert Source.objects.filter(status="done").count() == 4
    schools = Source.objects.get(url="https://example.org/schools")
    assert (schools.publisher, str(schools.published), schools.title) == ("Example News", "2024-03-04", "Schools")
    assert Source.objects.get(original_name="one.txt").publisher == "Local Paper"


@pytest.mark.django_db(transaction=True)
def test_ingest_glob_twice_reports_already_stored(tmp_path):
    write_articles(tmp_path)
    call_command("ingest", str(tmp_path / "*.txt"), stdout=StringIO(), stderr=StringIO())
    out = StringIO()
    call_command("ingest", str(tmp_path / "**" / "*.txt"), stdout=out, stderr=StringIO())
    assert "0 new, 1 already stored" in out.getvalue()


@pytest.mark.django_db(transaction=True)
def test_ingest_wait_ends_when_two_files_hold_the_same_article(tmp_path):
    write_articles(tmp_path)
    (tmp_path / "copy.txt").write_bytes((tmp_path / "one.txt").read_bytes())
    out = StringIO()
    call_command("ingest", str(tmp_path / "*.txt"), "--wait", "--timeout", "30", stdout=out, stderr=StringIO())
    assert "1 new, 1 already stored" in out.getvalue() and "Status: done 1" in out.getvalue()


def test_ingest_missing_path_is_an_error(tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        call_command("ingest", str(tmp_path / "nope"), stdout=StringIO())


@pytest.mark.celery_worker
def test_ingest_wait_with_a_real_worker(celery_worker, tmp_path):
    write_articles(tmp_path)
    (tmp_path / "batch.jsonl").unlink()
    out = StringIO()
    call_command("ingest", str(tmp_path), "--wait", "--timeout", "120", stdout=out, stderr=StringIO())
    assert "Status: done 2" in out.getvalue()
    assert Source.objects.filter(status="done").count() == 2


def test_extract_command_prints_the_jsonl_contract():
    demo = ROOT / "demo" / "sana-lavrov-peskov.txt"
    result = subprocess.run(
        [sys.executable, "manage.py", "extract", "--format", "jsonl", str(demo)],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout.strip().splitlines()[-1])
    text = demo.read_text(encoding="utf-8")
    assert record["file"] == str(demo) and record["statements"]
    for s in record["statements"]:
        assert text[s["content_start"]:s["content_end"]] == s["content"]
        assert s["kind"] in {"direct", "indirect", "mixed"} and 0 <= s["confidence"] <= 1
        assert s["speaker_kind"] in {"person", "organization", "unknown"}


def test_evaluate_reports_the_same_figures_as_the_referee(shared_dir):
    gold = shared_dir / "samples" / "sana-lavrov-peskov.expected.json"
    referee = subprocess.run(
        [sys.executable, str(shared_dir / "eval" / "score.py"), str(gold),
         "--extract", f"{sys.executable} manage.py extract --format jsonl"],
        cwd=ROOT, capture_output=True, text=True, timeout=180,
    )
    assert referee.returncode == 0, referee.stderr
    ours = subprocess.run([sys.executable, "manage.py", "evaluate", str(gold)], cwd=ROOT, capture_output=True,
                          text=True, timeout=180)
    assert ours.returncode == 0, ours.stderr
    assert json.loads(ours.stdout) == json.loads(referee.stdout)
