"""Production settings: secrets only from the environment, no embedded or literal key, deploy checks pass.
(tests/test_settings.py covers the refusal without a key and `check --deploy`.)"""
import ast
from pathlib import Path

import pytest

from tests.test_settings import run_manage

ROOT = Path(__file__).resolve().parents[2]
GOOD_KEY = "Zq8-" * 15
PRODUCTION_ENV = {"SECRET_KEY": GOOD_KEY, "ALLOWED_HOSTS": "example.org",
                  "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/statement_tracker"}


@pytest.mark.parametrize("key", ["embedded-demo-key-not-for-production", "django-insecure-" + "x" * 50, "short"])
def test_production_refuses_demo_insecure_or_short_keys(key):
    result = run_manage("check", settings="config.settings.production",
                        env_extra={**PRODUCTION_ENV, "SECRET_KEY": key})
    assert result.returncode != 0 and "SECRET_KEY must be set" in result.stderr


def test_production_takes_the_key_and_hosts_from_the_environment_and_is_locked_down():
    code = (
        "from django.conf import settings as s; import json; print(json.dumps([s.SECRET_KEY, s.ALLOWED_HOSTS, "
        "s.DEBUG, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, "
        "s.X_FRAME_OPTIONS, s.SESSION_COOKIE_HTTPONLY, s.SECRET_KEY_FALLBACKS]))"
    )
    result = run_manage("shell", "--no-imports", "-c", code, settings="config.settings.production",
                        env_extra=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    import json

    key, hosts, debug, session_secure, csrf_secure, ssl, hsts, frame, httponly, fallbacks = json.loads(
        result.stdout.strip().splitlines()[-1])
    assert key == GOOD_KEY and hosts == ["example.org"] and debug is False
    assert session_secure and csrf_secure and ssl and hsts >= 31536000 and frame == "DENY" and httponly
    assert fallbacks == []


def test_production_needs_allowed_hosts():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "ALLOWED_HOSTS"}
    assert run_manage("check", settings="config.settings.production", env_extra=env).returncode != 0


def test_no_secret_literal_in_settings():
    """Every setting named like a secret is read from the environment; the one literal key is the embedded
    demo default, which production refuses."""
    suspicious = ("SECRET", "PASSWORD", "TOKEN", "API_KEY", "PRIVATE")
    for path in sorted((ROOT / "config" / "settings").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if not isinstance(node, ast.Assign):
                continue
            names = [t.id for t in node.targets if isinstance(t, ast.Name)]
            if any(word in name for name in names for word in suspicious):
                if isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
                    pytest.fail(f"{path.name}: {names} is a string literal")
    literal_urls = [line for line in (ROOT / "config" / "settings" / "production.py").read_text().splitlines()
                    if "://" in line and "@" in line]
    assert not literal_urls, literal_urls  # no credentials in a URL


def test_demo_key_is_only_the_embedded_default():
    base = (ROOT / "config" / "settings" / "base.py").read_text()
    assert 'env("SECRET_KEY", default="embedded-demo-key-not-for-production")' in base
    production = (ROOT / "config" / "settings" / "production.py").read_text()
    assert 'env("SECRET_KEY", default="")' in production
