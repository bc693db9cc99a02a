"""Production settings: secrets only from the environment, no embedded or literal key, deploy checks pass.
(tests/test_settings.py covers the refusal without a key and `check --deploy`.)"""
import ast
import secrets
from pathlib import Path

import pytest

from tests.test_settings import run_manage

ROOT = Path(__file__).resolve().parents[2]
GOOD_KEY = "vM3q_8ZrT-2kLw9xPa7dN4fHc1sYg6bJ0uEoQiWtXz5nRy" + "Kp2Vd8"  # 52 characters, no pattern
PRODUCTION_ENV = {"SECRET_KEY": GOOD_KEY, "ALLOWED_HOSTS": "example.org",
                  "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/statement_tracker"}


@pytest.mark.parametrize("key", [
    "embedded-demo-key-not-for-production", "django-insecure-" + "x" * 50, "short",
    "a" * 50,  # long enough, one character
    "Zq8-" * 15,  # four characters
    "abcdefghijkl" * 5,  # twelve different characters, one pattern repeated
])
def test_production_refuses_demo_insecure_short_or_low_variety_keys(key):
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


@pytest.mark.parametrize("key", [secrets.token_urlsafe(64), secrets.token_hex(25),
                                 "correct horse battery staple is a fine passphrase to use ok"])
def test_production_accepts_random_keys_and_passphrases(key):
    result = run_manage("check", settings="config.settings.production", env_extra={**PRODUCTION_ENV, "SECRET_KEY": key})
    assert result.returncode == 0, result.stderr


def production_setting(names: list[str], **env_extra):
    code = f"from django.conf import settings as s; import json; print(json.dumps([getattr(s, n) for n in {names!r}]))"
    result = run_manage("shell", "--no-imports", "-c", code, settings="config.settings.production",
                        env_extra={**PRODUCTION_ENV, **env_extra})
    assert result.returncode == 0, result.stderr
    import json

    return json.loads(result.stdout.strip().splitlines()[-1])


def test_hsts_preload_is_the_operators_choice_and_deploy_check_stays_clean_either_way():
    names = ["SECURE_HSTS_PRELOAD", "SECURE_HSTS_INCLUDE_SUBDOMAINS"]
    assert production_setting(names) == [False, True]
    assert production_setting(names, SECURE_HSTS_PRELOAD="true", SECURE_HSTS_INCLUDE_SUBDOMAINS="false") == [True, False]
    for env_extra in ({}, {"SECURE_HSTS_PRELOAD": "true"}):
        result = run_manage("check", "--deploy", "--fail-level", "WARNING", settings="config.settings.production",
                            env_extra={**PRODUCTION_ENV, **env_extra})
        assert result.returncode == 0, result.stdout + result.stderr


def test_insecure_cookie_choice_is_reported_by_the_deploy_check():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", settings="config.settings.production",
                        env_extra={**PRODUCTION_ENV, "SESSION_COOKIE_SECURE": "false"})
    assert result.returncode != 0 and "SESSION_COOKIE_SECURE" in result.stdout + result.stderr
