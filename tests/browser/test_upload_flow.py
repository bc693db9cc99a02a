"""An editor uploads articles in the browser and watches their status change as a real worker processes them."""
import pytest

pytestmark = pytest.mark.celery_worker

ARTICLE = "Roads reopen\n\nThe mayor, Anna Berg, said that the roads would reopen on Friday after the floods.\n"


def test_upload_then_status_updates_until_done(celery_worker, uploader_page, shoot, tmp_path):
    page = uploader_page
    article = tmp_path / "roads.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    page.set_input_files("input[type=file]", [str(article)])
    page.fill("textarea[name=text]", "Trains\n\nThe rail operator said that trains would run normally on Monday.")
    polls = []
    page.on("request", lambda request: polls.append(request.url) if "status.json" in request.url else None)
    page.click("button[type=submit]")
    page.wait_for_url("**/ingest/status/?ids=*")
    rows = page.locator("table.upload-status tbody tr")
    assert rows.count() == 2
    # Whenever the worker finishes, the page's polling brings the table up to date.
    page.locator("td.status-done").nth(1).wait_for(timeout=90_000)
    assert polls, "the status page never asked for an update"
    assert page.locator("td.status-done").count() == 2
    assert [int(c) for c in page.locator("td.count").all_inner_texts()] == [1, 1]
    assert page.locator("table.upload-status a").all_inner_texts() == ["Roads reopen", "Trains"]
    shoot(page, "upload-status")
    assert page.dialogs == []
