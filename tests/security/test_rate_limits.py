"""Uploads are rate limited per user (UPLOAD_RATE): the API answers 429 with Retry-After, the page 429 with a
message; other users and reads are not affected. Reprocessing too (REPROCESS_RATE). Anonymous API use is
limited per client address, and a spoofed X-Forwarded-For resets no limit (NUM_PROXIES)."""
import pytest
from django.contrib.auth.models import User
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db

ARTICLE = "Talks\n\nThe minister said that talks would resume in May, number {}."


def set_rates(settings, **rates):
    merged = {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], **rates}
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": merged}


@pytest.fixture
def three_per_minute(settings, fresh_cache):
    settings.UPLOAD_RATE = "3/minute"
    set_rates(settings, uploads="3/minute", reprocess="3/minute", anon="3/minute")


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

    code = ("from django.conf import settings; rates = settings.REST_FRAMEWORK['DEFAULT_THROTTLE_RATES']; "
            "print(settings.UPLOAD_RATE, rates['uploads'], rates['reprocess'])")
    result = run_manage("shell", "--no-imports", "-c", code, env_extra={"UPLOAD_RATE": "7/hour",
                                                                        "REPROCESS_RATE": "5/hour"})
    assert result.stdout.split() == ["7/hour", "7/hour", "5/hour"], result.stderr


def spoofed(i):
    return {"HTTP_X_FORWARDED_FOR": f"10.{i}.{i}.{i}", "REMOTE_ADDR": "203.0.113.5"}


def test_a_spoofed_forwarded_for_does_not_reset_the_anonymous_limit(three_per_minute, settings):
    settings.NUM_PROXIES = 0
    api = APIClient()
    codes = [api.get("/api/v1/topics/", **spoofed(i)).status_code for i in range(8)]
    assert codes == [200, 200, 200] + [429] * 5
    assert api.get("/api/v1/topics/", REMOTE_ADDR="192.0.2.7").status_code == 200  # another client


def test_behind_one_trusted_proxy_each_client_has_its_own_anonymous_count(three_per_minute, settings):
    settings.NUM_PROXIES = 1
    api = APIClient()
    via_proxy = [api.get("/api/v1/topics/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=f"10.{i}.0.1, 203.0.113.5")
                 .status_code for i in range(5)]
    assert via_proxy == [200, 200, 200, 429, 429]  # what the client wrote before the proxy's entry is ignored
    assert api.get("/api/v1/topics/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="192.0.2.7").status_code == 200


def test_a_spoofed_forwarded_for_does_not_reset_the_upload_limits(client, editor, editor_api, three_per_minute,
                                                                   settings, monkeypatch):
    """Upload limits count per account (page and API together), so no header changes them."""
    monkeypatch.setattr("ingest.services.dispatch", lambda source_id: None)
    settings.NUM_PROXIES = 0
    client.force_login(editor)
    page = [client.post("/ingest/upload/", {"text": ARTICLE.format(i)}, **spoofed(i)).status_code for i in range(2)]
    api = [editor_api.post("/api/v1/sources/", {"text": ARTICLE.format(10 + i)}, format="json", **spoofed(10 + i))
           .status_code for i in range(3)]
    assert page == [302, 302] and api == [202, 429, 429]
    refused = client.post("/ingest/upload/", {"text": ARTICLE.format(20)}, **spoofed(20))
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0


def test_reprocess_is_throttled_per_user(client, editor, editor_api, three_per_minute, monkeypatch):
    from django.urls import reverse

    from tests.factories import SourceFactory

    queued = []
    monkeypatch.setattr("ingest.services.dispatch", queued.append)  # stored as pending; not processed here
    source = SourceFactory()
    codes = [editor_api.post(f"/api/v1/sources/{source.pk}/reprocess/").status_code for _ in range(4)]
    assert codes == [202, 202, 202, 429]
    refused = editor_api.post(f"/api/v1/sources/{source.pk}/reprocess/")
    assert refused.json()["error"]["code"] == "throttled" and int(refused["Retry-After"]) > 0
    # The admin's action counts in the same budget.
    client.force_login(editor)
    response = client.post(reverse("admin:statements_source_changelist"),
                           {"action": "reprocess_selected", "_selected_action": [source.pk]}, follow=True)
    assert "Too many reprocess requests" in response.content.decode()
