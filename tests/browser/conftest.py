"""Tests in this folder drive the analysts' pages in Chromium; fixtures are in tests/browser_support.py."""
import os

import pytest
from django.contrib.auth.models import Permission, User


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture
def uploader_page(page, transactional_db):
    """`page`, signed in through the admin's login form as an editor who may upload, on the upload page."""
    user = User.objects.create_user("editor", password="a-long-test-password", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="add_source", content_type__app_label="statements"))
    page.goto("/admin/login/?next=/ingest/upload/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "a-long-test-password")
    page.click("input[type=submit]")
    page.wait_for_url("**/ingest/upload/")
    return page
