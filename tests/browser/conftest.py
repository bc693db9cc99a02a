"""Tests in this folder drive the analysts' pages in Chromium; fixtures are in tests/browser_support.py."""
import os

import pytest


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)
