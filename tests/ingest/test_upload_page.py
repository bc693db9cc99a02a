"""The editors' upload page: several files or pasted text, then a status page that follows processing."""
import pytest
from django.contrib.auth.models import Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from statements.models import Source

pytestmark = pytest.mark.django_db(transaction=True)

ARTICLE = b"Roads\n\nThe mayor said that the roads would reopen on Friday after the floods.\n"


@pytest.fixture
def editor_client(client):
    user = User.objects.create_user("ed", password="pw-for-tests-only", is_staff=True)
    # Transactional tests flush the data migration's groups, so the permission is granted directly.
    user.user_permissions.add(Permission.objects.get(codename="add_source", content_type__app_label="statements"))
    client.force_login(user)
    return client


def test_anonymous_is_sent_to_login(client):
    response = client.get(reverse("ingest:upload"))
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert client.post(reverse("ingest:upload"), {"text": "x"}).status_code == 302
    assert Source.objects.count() == 0


def test_user_without_upload_permission_is_refused(client):
    client.force_login(User.objects.create_user("reader", password="pw-for-tests-only"))
    assert client.get(reverse("ingest:upload")).status_code == 403


def test_several_files_and_pasted_text_are_stored_and_processed(editor_client):
    files = [
        SimpleUploadedFile("one.txt", ARTICLE, content_type="text/plain"),
        SimpleUploadedFile("two.txt", ARTICLE.replace(b"roads", b"bridges"), content_type="text/plain"),
    ]
    response = editor_client.post(reverse("ingest:upload"), {
        "files": files, "text": "Trains\n\nThe rail operator said that trains would run on Monday.",
        "title": "Trains", "publisher": "Local Paper", "published": "2024-05-06",
    })
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("ingest:status") + "?ids=")
    sources = Source.objects.order_by("pk")
    assert [s.status for s in sources] == ["done"] * 3
    assert {s.publisher for s in sources} == {"Local Paper"}
    assert sources.get(title="Trains").published.isoformat() == "2024-05-06"
    status_page = editor_client.get(response["Location"])
    assert status_page.status_code == 200
    assert status_page.content.count(b'<span class="badge status-done">') == 3
    query = response["Location"].split("?", 1)[1]
    data = editor_client.get(reverse("ingest:status_json") + "?" + query).json()
    assert [s["status"] for s in data["sources"]] == ["done"] * 3
    assert all(s["statements"] >= 1 for s in data["sources"])


def test_duplicate_and_oversized_uploads_are_explained(editor_client, settings):
    editor_client.post(reverse("ingest:upload"), {"files": [SimpleUploadedFile("one.txt", ARTICLE)]})
    settings.MAX_ARTICLE_BYTES = 100
    response = editor_client.post(reverse("ingest:upload"), {
        "files": [SimpleUploadedFile("again.txt", ARTICLE), SimpleUploadedFile("big.txt", b"word " * 50)],
    }, follow=True)
    text = response.content.decode()
    assert "big.txt: The article is 250 bytes, over the limit of 100 bytes" in text
    assert "again.txt is already stored (source" in text
    assert Source.objects.count() == 1


def test_empty_form_says_what_to_do(editor_client):
    response = editor_client.post(reverse("ingest:upload"), {"text": "   "})
    assert response.status_code == 200
    assert "Choose one or more files, or paste the text of an article." in response.content.decode()
    assert Source.objects.count() == 0


def test_status_page_escapes_errors_and_titles(editor_client):
    source = Source.objects.create(title="<script>alert(1)</script>", content_hash="h", status="failed",
                                   error="<img src=x onerror=alert(1)>")
    page = editor_client.get(reverse("ingest:status") + f"?ids={source.pk},abc,;DROP").content.decode()
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page
    assert "<img src=x" not in page
