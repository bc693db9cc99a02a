"""A deployment that works the first time: production settings under gunicorn, as the README and docker-compose
run them — static files served without a collectstatic step, signing in through a TLS-terminating proxy, plain
HTTP redirected (health checks excepted), and the operator's switch for a trial over plain HTTP."""
from __future__ import annotations

import http.client
import re
import secrets
import subprocess
import sys
import urllib.parse
from pathlib import Path

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.contrib.auth.models import User
from django.db import connection

from tests.reliability.test_load_smoke import load_module
from tests.workers import worker_env

ROOT = Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "test-output" / "security"
PASSWORD = "a long enough deployment password 42"
# Files a page needs that the app does not hold itself: the admin's, the API docs' (drf-spectacular-sidecar)
# and the site's own.
STATIC_PATHS = ["/static/admin/css/base.css", "/static/js/site.js", "/static/css/site.css",
                "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js"]


@pytest.fixture
def production_server(transactional_db, tmp_path):
    """Start gunicorn with config.settings.production on a free loopback port; yields (port, start)."""
    load = load_module()
    OUTPUT.mkdir(parents=True, exist_ok=True)
    started = []

    def start(**env_extra):
        env = worker_env() | {
            "DJANGO_SETTINGS_MODULE": "config.settings.production", "SECRET_KEY": secrets.token_urlsafe(64),
            "ALLOWED_HOSTS": "127.0.0.1", "STATIC_ROOT": str(tmp_path / "static"), "LOG_LEVEL": "WARNING",
        } | env_extra
        port = load.free_port()
        started.append(load.start_gunicorn(env, port, OUTPUT / f"deployment-{port}.log", workers=1))
        return port

    try:
        yield start
    finally:
        for process in started:
            load.stop(process)
        connection.close()


def get(port, path, headers=None, method="GET", body=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request(method, path, body=body, headers=headers or {})
    response = conn.getresponse()
    response.read()
    conn.close()
    return response


def cookies(response) -> dict[str, str]:
    """name -> the whole Set-Cookie header, for each cookie the response sets."""
    return {header.split("=", 1)[0]: header for header in response.headers.get_all("Set-Cookie") or []}


def sign_in(port, *, https: bool) -> tuple[int, dict[str, str]]:
    """The admin login as a browser does it; `https` says whether a TLS proxy stands in front."""
    scheme = "https" if https else "http"
    proxy = {"X-Forwarded-Proto": "https"} if https else {}
    page = get(port, "/admin/login/", proxy)
    assert page.status == 200
    set_cookies = cookies(page)
    csrf_cookie = set_cookies["csrftoken"].split(";")[0]
    body = urllib.parse.urlencode({
        "username": "deployer", "password": PASSWORD, "next": "/admin/",
        "csrfmiddlewaretoken": csrf_cookie.split("=", 1)[1],  # the form also accepts the cookie's value
    })
    origin = f"{scheme}://127.0.0.1:{port}"
    response = get(port, "/admin/login/", {
        **proxy, "Cookie": csrf_cookie, "Origin": origin, "Referer": origin + "/admin/login/",
        "Content-Type": "application/x-www-form-urlencoded",
    }, method="POST", body=body)
    return response.status, set_cookies | cookies(response)


@pytest.fixture
def deployer(transactional_db):
    # Hashed as production hashes (the test settings use a fast hasher that production does not accept).
    user = User.objects.create_superuser("deployer", "deployer@example.org")
    user.password = PBKDF2PasswordHasher().encode(PASSWORD, PBKDF2PasswordHasher().salt())
    user.save(update_fields=["password"])
    return user


def test_static_files_are_served_without_collectstatic(production_server):
    port = production_server()
    for path in STATIC_PATHS:
        assert get(port, path, {"X-Forwarded-Proto": "https"}).status == 200, path


def test_static_files_after_collectstatic_come_compressed(production_server, tmp_path):
    env = worker_env() | {"DJANGO_SETTINGS_MODULE": "config.settings.production", "SECRET_KEY": secrets.token_urlsafe(64),
                          "ALLOWED_HOSTS": "127.0.0.1", "STATIC_ROOT": str(tmp_path / "static")}
    collected = subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput"], cwd=ROOT, env=env,
                               capture_output=True, text=True, timeout=300)
    assert collected.returncode == 0, collected.stderr
    port = production_server()
    response = get(port, "/static/admin/css/base.css", {"X-Forwarded-Proto": "https", "Accept-Encoding": "gzip"})
    assert response.status == 200 and response.headers["Content-Encoding"] == "gzip"


def test_sign_in_through_a_tls_proxy_works_with_secure_cookies(production_server, deployer):
    port = production_server()
    status, set_cookies = sign_in(port, https=True)
    assert status == 302, "the login was refused (a CSRF 403 means the proxy's scheme was not trusted)"
    assert "sessionid" in set_cookies
    assert re.search(r";\s*Secure", set_cookies["sessionid"]) and re.search(r";\s*Secure", set_cookies["csrftoken"])
    session = set_cookies["sessionid"].split(";")[0]
    assert get(port, "/admin/", {"X-Forwarded-Proto": "https", "Cookie": session}).status == 200


def test_plain_http_is_redirected_to_https_but_health_checks_are_answered(production_server):
    port = production_server()
    response = get(port, "/admin/login/")
    assert response.status == 301 and response.headers["Location"].startswith("https://")
    assert get(port, "/healthz").status == 200


def test_plain_http_trial_is_an_explicit_operator_choice(production_server, deployer):
    port = production_server(SECURE_SSL_REDIRECT="false", SESSION_COOKIE_SECURE="false")
    status, set_cookies = sign_in(port, https=False)
    assert status == 302 and "sessionid" in set_cookies
    assert not re.search(r";\s*Secure", set_cookies["sessionid"])
