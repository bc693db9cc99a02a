"""One validation for every door (ingest.validation, called by submit_article): an article's URL, date, type and
count are refused the same way by the `ingest` command (JSON Lines), the REST API, the upload page and the
admin, each with a message saying what was wrong and what to do, and nothing stored.
"""
import datetime as dt
import html
import json
import re
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone

from ingest.services import ArticleRejected, submit_text
from ingest.validation import NOT_ONLY_WHITESPACE
from statements.models import Source
from tests.factories import SourceFactory

ARTICLE = "Talks resume\n\nThe foreign minister said that talks would resume in May. He added that no date was set.\n"
HOSTILE_URLS = [
    "javascript:alert(document.domain)",
    " JavaScript:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "ftp://files.example/article.txt",
]
# What every door must say: the scheme rule and what to give instead.
SAYS = "only http:// and https:// addresses are accepted"


def shown(response) -> str:
    return html.unescape(response.content.decode())


def ingest_jsonl(tmp_path, *items) -> str:
    path = tmp_path / "articles.jsonl"
    path.write_text("".join(json.dumps(item) + "\n" for item in items), encoding="utf-8")
    out = StringIO()
    with pytest.raises(CommandError, match="not ingested"):
        call_command("ingest", str(path), stdout=out, stderr=StringIO())
    return out.getvalue()


# --- the URL ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_the_service_refuses_every_scheme_but_http_and_https(db, url):
    with pytest.raises(ArticleRejected, match=SAYS) as refused:
        submit_text(text=ARTICLE, url=url)
    assert (refused.value.code, refused.value.field) == ("invalid_url", "url")
    assert not Source.objects.exists()


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_cli_jsonl_line_with_a_hostile_url_is_refused(db, tmp_path, url):
    out = ingest_jsonl(tmp_path, {"text": ARTICLE, "url": url, "title": "Talks"})
    assert "articles.jsonl:1" in out and SAYS in out
    assert not Source.objects.exists()


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_api_refuses_a_hostile_url(db, editor_api, url):
    response = editor_api.post("/api/v1/sources/", {"text": ARTICLE, "url": url}, format="json")
    assert response.status_code == 400, response.json()
    said = " ".join(response.json()["error"]["fields"]["url"])
    # The serializer's URLField (ingest.api, being reworked on another branch) still answers first for what
    # Django's URLValidator refuses; what it lets through (ftp://) gets the service's message.
    assert SAYS in said or said == "Enter a valid URL.", said
    assert not Source.objects.exists()


def test_api_gives_the_service_message_for_a_url_the_serializer_lets_through(db, editor_api):
    response = editor_api.post("/api/v1/sources/", {"text": ARTICLE, "url": "ftp://files.example/a.txt"}, format="json")
    assert response.status_code == 400, response.json()
    assert response.json()["error"]["fields"]["url"] == [
        "The article's URL uses the ftp: scheme; only http:// and https:// addresses are accepted. Give the address "
        "of the article's web page (https://…), or leave it empty."
    ]
    assert not Source.objects.exists()


FORMS = {"upload page": ("/ingest/upload/", "text"), "admin add form": ("/admin/statements/source/add/", "pasted_text")}


@pytest.mark.parametrize("door", FORMS)
@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_upload_page_and_admin_add_form_refuse_a_hostile_url(client, editor, door, url):
    path, text_field = FORMS[door]
    client.force_login(editor)
    response = client.post(path, {text_field: ARTICLE, "url": url})
    assert response.status_code == 200
    assert SAYS in shown(response)
    assert not Source.objects.exists()


def test_admin_change_form_refuses_a_hostile_url(client, editor):
    client.force_login(editor)
    source = SourceFactory(url="https://news.example/talks")
    form = {"title": "Talks", "publisher": "SANA", "url": "javascript:alert(document.domain)", "published": "",
            "dateline": "", "byline": "", "language": "en"}
    response = client.post(f"/admin/statements/source/{source.pk}/change/", form)
    assert response.status_code == 200
    assert SAYS in shown(response)
    source.refresh_from_db()
    assert source.url == "https://news.example/talks"


def test_a_stored_javascript_url_is_shown_but_never_linked(client, db):
    """A row stored before the check (or written around it) is shown as text on its page, not as a link."""
    bad = SourceFactory(url="javascript:alert(document.domain)")
    good = SourceFactory(url="https://news.example/talks?a=1&b=2")
    page = client.get(f"/sources/{bad.pk}/").content.decode()
    assert "javascript:alert(document.domain)" in page
    assert 'href="javascript' not in page.replace(" ", "").lower()
    assert '<a href="https://news.example/talks?a=1&amp;b=2"' in client.get(f"/sources/{good.pk}/").content.decode()


def test_a_url_read_from_the_article_is_kept_only_when_it_is_http():
    from ingest import validation

    assert validation.document_url(" https://news.example/a ") == "https://news.example/a"
    for url in HOSTILE_URLS:
        assert validation.document_url(url) == ""


# --- the publication date -----------------------------------------------------------------------------------------

def test_cli_refuses_a_date_in_the_future(db, tmp_path):
    out = ingest_jsonl(tmp_path, {"text": ARTICLE, "published": "9999-12-31"})
    assert "9999-12-31 is in the future" in out
    assert not Source.objects.exists()


def test_cli_refuses_a_date_that_does_not_exist_instead_of_dropping_it(db, tmp_path):
    out = ingest_jsonl(tmp_path, {"text": ARTICLE, "published": "2024-02-30"},
                       {"text": ARTICLE + " Again.", "published": "yesterday"})
    assert "articles.jsonl:1: The publication date '2024-02-30' is not a real date" in out
    assert "articles.jsonl:2: The publication date 'yesterday' is not a date written as YYYY-MM-DD" in out
    assert not Source.objects.exists()


def test_cli_keeps_dates_and_timestamps_that_are_real(db, tmp_path):
    path = tmp_path / "ok.jsonl"
    tomorrow = timezone.localdate() + dt.timedelta(days=1)  # someone's today, in another time zone
    path.write_text(
        json.dumps({"text": ARTICLE, "published": "2024-02-29T10:00:00Z", "url": "https://news.example/1"}) + "\n"
        + json.dumps({"text": ARTICLE + " More.", "published": tomorrow.isoformat()}) + "\n",
        encoding="utf-8",
    )
    call_command("ingest", str(path), stdout=StringIO(), stderr=StringIO())
    assert sorted(Source.objects.values_list("published", flat=True)) == [dt.date(2024, 2, 29), tomorrow]


def test_upload_page_refuses_a_date_in_the_future(client, editor):
    client.force_login(editor)
    response = client.post("/ingest/upload/", {"text": ARTICLE, "published": "2999-01-01"})
    assert "2999-01-01 is in the future" in shown(response)
    assert not Source.objects.exists()


# --- file types ---------------------------------------------------------------------------------------------------

JSONL = (json.dumps({"text": ARTICLE}) + "\n").encode()


def test_api_refuses_a_jsonl_file_at_the_door(db, editor_api):
    upload = SimpleUploadedFile("articles.jsonl", JSONL, "application/jsonl")
    response = editor_api.post("/api/v1/sources/", {"file": upload}, format="multipart")
    assert response.status_code == 400, response.json()
    assert "manage.py ingest" in " ".join(response.json()["error"]["fields"]["file"])
    assert not Source.objects.exists()


def test_upload_page_refuses_a_jsonl_file_and_does_not_offer_one(client, editor):
    client.force_login(editor)
    picker = client.get("/ingest/upload/").content.decode()
    assert 'accept=".htm,.html,.md,.text,.txt,.xhtml"' in picker and ".jsonl" not in picker
    upload = SimpleUploadedFile("articles.jsonl", JSONL, "application/jsonl")
    response = client.post("/ingest/upload/", {"files": [upload]}, follow=True)
    assert "articles.jsonl: A JSON Lines file (.jsonl) holds many articles" in shown(response)
    assert "manage.py ingest FILE.jsonl" in shown(response)
    assert not Source.objects.exists()


# --- counts -------------------------------------------------------------------------------------------------------

def many_files(n):
    return [SimpleUploadedFile(f"a{i}.txt", f"{ARTICLE} Number {i}.".encode(), "text/plain") for i in range(n)]


@pytest.mark.parametrize("enforce_csrf", [False, True])
def test_more_files_than_one_upload_takes_get_a_message(db, editor, settings, enforce_csrf):
    """As a browser sends it (the CSRF check reads the form first) and without the check (the view reads it)."""
    settings.DATA_UPLOAD_MAX_NUMBER_FILES = 100
    client = Client(enforce_csrf_checks=enforce_csrf)
    client.force_login(editor)
    client.get("/ingest/upload/")
    token = client.cookies["csrftoken"].value if enforce_csrf else ""
    response = client.post("/ingest/upload/", {"files": many_files(101), "csrfmiddlewaretoken": token})
    assert response.status_code == 400
    page = shown(response)
    assert "one upload takes at most 100 (MAX_FILES_PER_UPLOAD)" in page, page[:500]
    assert "manage.py ingest FOLDER" in page and 'href="/ingest/upload/"' in page
    assert not Source.objects.exists()


def test_as_many_files_as_one_upload_takes_are_stored(db, editor, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FILES = 3
    client = Client()
    client.force_login(editor)
    response = client.post("/ingest/upload/", {"files": many_files(3)})
    assert response.status_code == 302
    assert Source.objects.count() == 3


def test_more_files_than_the_api_takes_get_the_error_shape(db, editor_api, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FILES = 2
    response = editor_api.post("/api/v1/sources/", {"file": many_files(3)}, format="multipart")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "too_many_files" and "at most 2" in error["message"]


def test_every_refusal_has_a_code_the_api_can_map(settings):
    """The interface the doors share: `code` (413 for "too_large", else 400) and the message; "invalid" by default."""
    from ingest.validation import check_size

    assert (ArticleRejected("Something else.").code, str(ArticleRejected("Something else."))) == ("invalid", "Something else.")
    settings.MAX_ARTICLE_BYTES = 1000
    with pytest.raises(ArticleRejected) as refused:
        check_size(1001)
    assert refused.value.code == "too_large"
    assert str(refused.value) == refused.value.message
    assert refused.value.message.startswith("The article is 1,001 bytes, over the limit of 1,000 bytes.")


# --- an empty article ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [" \n\t", "\u2003\xa0\n", "\x1c\x1f \x85"])
def test_the_service_refuses_an_article_of_nothing_but_white_space_as_the_api_schema_does(db, text):
    assert not re.search(NOT_ONLY_WHITESPACE, text)  # what the API's schema pattern refuses
    with pytest.raises(ArticleRejected, match="The article is empty") as refused:
        submit_text(text=text)
    assert refused.value.code == "empty"
    assert not Source.objects.exists()
