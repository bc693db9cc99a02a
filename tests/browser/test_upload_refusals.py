"""What an editor sees in Chromium when the upload page refuses something (ingest.validation): too many files, a
JSON Lines file, a javascript: URL. Each gets a message saying what to do, and nothing is stored."""
import json

from statements.models import Source

ARTICLE = "Roads reopen\n\nThe mayor said that the roads would reopen on Friday after the floods.\n"


def test_more_files_than_one_upload_takes(uploader_page, settings, tmp_path):
    settings.DATA_UPLOAD_MAX_NUMBER_FILES = 5
    files = []
    for i in range(6):
        files.append(tmp_path / f"a{i}.txt")
        files[-1].write_text(f"{ARTICLE} Number {i}.", encoding="utf-8")
    uploader_page.set_input_files("input[type=file]", [str(f) for f in files])
    with uploader_page.expect_navigation() as navigation:
        uploader_page.click("button[type=submit]")
    assert navigation.value.status == 400
    body = uploader_page.inner_text("main")
    assert "one upload takes at most 5 (MAX_FILES_PER_UPLOAD)" in body and "Bad Request" not in body
    assert not Source.objects.exists()


def test_a_jsonl_file_and_a_javascript_url(uploader_page, tmp_path):
    assert ".jsonl" not in uploader_page.get_attribute("input[type=file]", "accept")
    jsonl = tmp_path / "articles.jsonl"
    jsonl.write_text(json.dumps({"text": ARTICLE}) + "\n", encoding="utf-8")
    uploader_page.set_input_files("input[type=file]", [str(jsonl)])  # a picker set to "All files" still sends it
    uploader_page.click("button[type=submit]")
    uploader_page.wait_for_load_state()
    assert "manage.py ingest FILE.jsonl" in uploader_page.inner_text("main")
    uploader_page.fill("textarea[name=text]", ARTICLE)
    uploader_page.fill("input[name=url]", "javascript:alert(document.domain)")  # valid to the browser's type=url
    uploader_page.click("button[type=submit]")
    uploader_page.wait_for_load_state()
    assert "only http:// and https:// addresses are accepted" in uploader_page.inner_text("main")
    assert not Source.objects.exists()
    assert uploader_page.dialogs == []
