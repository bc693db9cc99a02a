"""A corpus of bad input through every way in: the upload page, the admin add form, the REST API and the
`ingest` command. Each gets a message a person can act on, and the app keeps serving.

tests/ingest/test_bad_input.py checks the same kinds of input at the service layer; this checks what the
person at each door is shown.
"""
from __future__ import annotations

import html
import importlib
import json
from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from statements.models import Source

pytestmark = pytest.mark.django_db(transaction=True)

ENGLISH = "Minister speaks\n\nThe minister said that the new bridge would open in May, officials said on Monday.\n"
FRENCH = (
    "Le ministre parle\n\nLe ministre des Affaires étrangères a déclaré lundi que les États-Unis refusaient "
    "de mettre en œuvre leur accord avec la Russie sur la séparation des groupes armés.\n"
)
SCRIPTED = (
    "<html><head><title>Budget</title><script>alert('x')</script></head><body><article>"
    "<p onclick=\"alert(2)\">The minister said that the budget <img src=x onerror=alert(1)> would be balanced.</p>"
    "<p>Opposition leaders said the plan was a fantasy that could never work in practice.</p>"
    "<iframe src=\"javascript:alert(3)\"></iframe></article></body></html>"
)

# name: (bytes, filename, content type, what the person must be told, source status or None if refused)
CORPUS = {
    "empty": (b"", "empty.txt", "text/plain", "empty", None),
    "whitespace": (b"  \n\t \r\n ", "blank.txt", "text/plain", "empty", None),
    "png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "photo.png", "image/png", "type .png are not accepted", None),
    "binary noise": (bytes(range(256)) * 40, "noise.txt", "text/plain", "could not be decoded", "failed"),
    "legacy encoding": (ENGLISH.replace("bridge", "café bridge").encode("cp1252"), "cp1252.txt", "text/plain",
                        None, "done"),
    "utf-16 without BOM": (ENGLISH.encode("utf-16-le"), "utf16.txt", "text/plain", None, "done"),
    "over the byte limit": (b"word " * 1_100_000, "huge.txt", "text/plain", "over the limit", None),
    "1 MB single line": (b"word " * 210_000, "line.txt", "text/plain", "over the limit of 200,000", "failed"),
    # 145 KB without a sentence end: refused by MAX_SENTENCE_CHARS in milliseconds, not 15-25 s of parsing
    "145 KB single sentence": (b"A long read\n\n" + b"word " * 29_000, "sentence.txt", "text/plain",
                               "MAX_SENTENCE_CHARS", "failed"),
    "deeply nested html": (("<html><body>" + "<div>" * 5000 + "<p>" + ENGLISH + "</p>" + "</div>" * 5000
                            + "</body></html>").encode(), "deep.html", "text/html", "no readable main text", "failed"),
    "scripts and handlers": (SCRIPTED.encode(), "scripted.html", "text/html", None, "done"),
    "french": (FRENCH.encode(), "fr.txt", "text/plain", "French", "failed"),
    "no statements": (b"Weather\n\nRain is expected across the north tomorrow, with sunny spells later.\n",
                      "weather.txt", "text/plain", None, "done"),
}
ERRORS = {"empty": "empty", "whitespace": "empty"}  # the message for the two kinds refused at the door


@pytest.fixture
def editor(settings):
    settings.MAX_ARTICLE_BYTES = 5 * 1024 * 1024
    settings.MAX_ARTICLE_CHARS = 200_000
    importlib.import_module("statements.migrations.0003_editor_groups").create_editor_groups(apps)
    user = User.objects.create_user("eddie", password="correct-Horse-9", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def seen(response) -> str:
    return html.unescape(response.content.decode("utf-8", errors="replace"))


def via_page(client, editor, raw, filename, content_type, tmp_path):
    client.force_login(editor)
    upload = SimpleUploadedFile(filename, raw, content_type=content_type)
    response = client.post("/ingest/upload/", {"files": [upload]}, follow=True)
    assert response.status_code == 200
    return seen(response)


def via_admin(client, editor, raw, filename, content_type, tmp_path):
    client.force_login(editor)
    upload = SimpleUploadedFile(filename, raw, content_type=content_type)
    response = client.post("/admin/statements/source/add/", {"file": upload}, follow=True)
    assert response.status_code == 200
    return seen(response)


def via_api(client, editor, raw, filename, content_type, tmp_path):
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=editor)[0].key}")
    upload = SimpleUploadedFile(filename, raw, content_type=content_type)
    response = api.post("/api/v1/sources/", {"file": upload}, format="multipart")
    assert response.status_code in (200, 202, 400, 413), response.content[:500]
    body = response.json()
    if response.status_code in (200, 202):
        body = api.get(f"/api/v1/sources/{body['id']}/").json()
    return json.dumps(body)


def via_cli(client, editor, raw, filename, content_type, tmp_path):
    path = tmp_path / filename.replace(".png", ".txt")  # the command takes only article suffixes from folders
    path.write_bytes(raw)
    out, err = StringIO(), StringIO()
    try:
        call_command("ingest", str(path), stdout=out, stderr=err)
    except CommandError as exc:
        return out.getvalue() + err.getvalue() + str(exc)
    return out.getvalue() + err.getvalue()


DOORS = {"page": via_page, "admin": via_admin, "api": via_api, "cli": via_cli}
# Known defect, reported (ingest/admin.py is not this suite's to change): a whitespace-only *file* passes
# SourceAddForm.clean, then submit_article refuses it in save_model and the admin answers 500.
KNOWN = {("admin", "whitespace")}


def check(client, editor, tmp_path, door, case) -> str | None:
    """What is wrong with `case` through `door`, or None."""
    raw, filename, content_type, message, status = CORPUS[case]
    if door == "cli" and case == "png":
        filename = "photo.txt"  # the command picks article suffixes only; the magic number still tells
        message, status = "PNG image", "failed"  # so it is stored, then failed, not refused by its suffix
    shown = DOORS[door](client, editor, raw, filename, content_type, tmp_path)
    if message and message.lower() not in shown.lower():
        return f"did not say {message!r}: {shown[-400:]!r}"
    sources = list(Source.objects.all())
    if status is None and sources:
        return "should be refused at the door"
    if status is not None:
        if [s.status for s in sources] != [status]:
            return f"status {[(s.status, s.error) for s in sources]}, expected {status}"
        if bytes(sources[0].original) != raw:
            return "not stored as sent"
        if status == "failed" and (not sources[0].error or "Traceback" in sources[0].error):
            return f"unhelpful error {sources[0].error!r}"
        if case == "scripts and handlers" and any(
            bad in sources[0].text for bad in ("alert", "onerror", "onclick", "javascript:")
        ):
            return "script text kept"
    if client.get("/").status_code != 200:
        return "the app stopped serving"
    return None


@pytest.mark.parametrize("door", DOORS)
def test_bad_input_through_every_door(client, editor, tmp_path, door):
    problems = {}
    for case in CORPUS:
        if (door, case) in KNOWN:
            continue
        try:
            problem = check(client, editor, tmp_path, door, case)
        except Exception as exc:  # noqa: BLE001 - report every case, not only the first
            problem = f"raised {exc.__class__.__name__}: {exc}"
        if problem:
            problems[case] = problem
        Source.objects.all().delete()
    assert not problems, problems


def test_whitespace_file_through_the_admin(client, editor, tmp_path):
    assert check(client, editor, tmp_path, "admin", "whitespace") is None
