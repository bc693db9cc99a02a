"""Uploads are rate limited per user (UPLOAD_RATE): the API answers 429 with Retry-After, the page 429 with a
message; other users and reads are not affected."""
import pytest
from django.contrib.auth.models import User
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient
from rest_framework.throttling import ScopedRateThrottle

pytestmark = pytest.mark.django_db

ARTICLE = "Talks\n\nThe minister said that talks would resume in May, number {}."


@pytest.fixture
def three_per_minute(settings, fresh_cache, monkeypatch):
    settings.UPLOAD_RATE = "3/minute"
    rates = {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "uploads": "3/minute"}
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": rates}
    monkeypatch.setattr(ScopedRateThrottle, "THROTTLE_RATES", rates)  # DRF reads its rates once, at import


def test_api_uploads_are_throttled_per_user(editor_api, editor, three_per_minute, monkeypatch):
    monkeypatch.setattr("ingest.services.dispatch", lambda source_id: None)
    codes = [editor_api.post("/api/v1/sources/", {"text": ARTICLE.format(i)}, format="json").status_code
             for i in range(4)]
    assert codes == [202, 202, 202, 429]
    refused = editor_api.post("/api/v1/sources/", {"text": ARTICLE.format(9)}, format="json")
    assert refused.json()["error"]["code"] == "throttled" and int(refused["Retry-After"]) > 0
    assert editor_api.get("/api/v1/sources/").status_code == 200  # reading is not an upload
    other = User.objects.create_user("other", password="x")
    other.user_permissions.set(editor.groups.get().permissions.all())
    other_api = APIClient()
    other_api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=other).key}")
    assert other_api.post("/api/v1/sources/", {"text": ARTICLE.format(10)}, format="json").status_code == 202


def test_upload_page_is_throttled_per_user(client, editor, three_per_minute, monkeypatch):
    monkeypatch.setattr("ingest.services.dispatch", lambda source_id: None)
    client.force_login(editor)
    codes = [client.post("/ingest/upload/", {"text": ARTICLE.format(i)}).status_code for i in range(4)]
    assert codes == [302, 302, 302, 429]
    response = client.post("/ingest/upload/", {"text": ARTICLE.format(8)})
    assert response.status_code == 429 and "Too many uploads" in response.content.decode()
    assert client.get("/ingest/upload/").status_code == 200
    from statements.models import Source

    assert Source.objects.count() == 3


def test_the_rate_comes_from_the_environment():
    from tests.test_settings import run_manage

    code = "from django.conf import settings; print(settings.UPLOAD_RATE, settings.REST_FRAMEWORK['DEFAULT_THROTTLE_RATES']['uploads'])"
    result = run_manage("shell", "--no-imports", "-c", code, env_extra={"UPLOAD_RATE": "7/hour"})
    assert result.stdout.split() == ["7/hour", "7/hour"], result.stderr
