"""The upload status page in Chromium: it follows the articles by itself until each is processed, then stops
asking (issue 21). The real worker's part is in test_upload_flow.py; here the rows change under the page."""
import pytest

from statements.models import Source
from tests.factories import SourceFactory, StatementFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_status_page_updates_itself_and_stops_when_all_are_processed(uploader_page, shoot):
    page = uploader_page
    waiting = SourceFactory(title="Roads reopen", status=Source.Status.PENDING)
    failing = SourceFactory(title="Broken upload", status=Source.Status.PROCESSING)
    polls = []
    page.on("request", lambda request: polls.append(request.url) if "status.json" in request.url else None)
    page.goto(f"/ingest/status/?ids={waiting.pk},{failing.pk}")
    assert "updates by itself" in page.locator(".upload-progress").inner_text()
    assert page.locator("td.status-pending .badge").text_content() == "Pending"
    page.wait_for_timeout(2000)
    assert len(polls) >= 1  # it asks while something is pending

    StatementFactory(source=waiting)
    Source.objects.filter(pk=waiting.pk).update(status=Source.Status.DONE)
    Source.objects.filter(pk=failing.pk).update(status=Source.Status.FAILED, error="No text found in the file.")
    page.locator("td.status-failed").wait_for(timeout=10_000)
    page.locator("td.status-done").wait_for(timeout=10_000)
    assert page.locator("td.status-failed .error-text").inner_text() == "No text found in the file."
    assert page.locator(f"tr[data-source='{waiting.pk}'] td.count").inner_text() == "1"
    assert page.locator(".upload-progress").inner_text() == "All processed."
    asked = len(polls)
    page.wait_for_timeout(3500)
    assert len(polls) == asked, "it stops asking once every article is processed"
    shoot(page, "issue21-status-1280")
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    shoot(page, "issue21-status-390")
    assert page.dialogs == []
