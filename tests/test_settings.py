"""Configuration: embedded defaults, production refusal, deploy checks, migrations in step with models."""
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run_manage(*args, env_extra=None, settings="config.settings.local"):
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "CELERY_BROKER_URL", "SECRET_KEY", "CELERY_TASK_ALWAYS_EAGER", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}}
    env["DJANGO_SETTINGS_MODULE"] = settings
    env.update(env_extra or {})
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_embedded_default_uses_sqlite_and_in_process_tasks(tmp_path):
    code = (
        "from django.conf import settings;"
        "print(settings.DATABASES['default']['ENGINE'], settings.CELERY_TASK_ALWAYS_EAGER)"
    )
    result = run_manage("shell", "--no-imports", "-c", code, env_extra={"STATEMENT_TRACKER_VAR_DIR": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["django.db.backends.sqlite3", "True"]


def test_broker_url_switches_to_real_workers(tmp_path):
    code = "from django.conf import settings; print(settings.CELERY_TASK_ALWAYS_EAGER)"
    result = run_manage(
        "shell", "--no-imports", "-c", code,
        env_extra={"STATEMENT_TRACKER_VAR_DIR": str(tmp_path), "CELERY_BROKER_URL": "redis://127.0.0.1:6379/0"},
    )
    assert result.stdout.strip() == "False", result.stderr


def test_production_refuses_to_start_without_secret_key():
    result = run_manage("check", settings="config.settings.production", env_extra={"ALLOWED_HOSTS": "example.org"})
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_passes_check_deploy():
    result = run_manage(
        "check", "--deploy", "--fail-level", "WARNING",
        settings="config.settings.production",
        env_extra={"SECRET_KEY": secrets.token_urlsafe(64), "ALLOWED_HOSTS": "example.org",
                   "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/statement_tracker"},
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_is_clean_and_migrations_match_models(tmp_path):
    env = {"STATEMENT_TRACKER_VAR_DIR": str(tmp_path)}
    check = run_manage("check", "--fail-level", "WARNING", env_extra=env)
    assert check.returncode == 0, check.stdout + check.stderr
    makemigrations = run_manage("makemigrations", "--check", "--dry-run", env_extra=env)
    assert makemigrations.returncode == 0, makemigrations.stdout + makemigrations.stderr


@pytest.mark.django_db
def test_database_under_test_is_postgresql():
    from django.db import connection

    assert connection.vendor == "postgresql"


@pytest.mark.django_db
def test_database_connections_ask_for_tcp_keepalives():
    """A vanished worker's row lock is released within about a minute (docs/reliability.md, "Weak or missing")."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW tcp_keepalives_idle")
        assert cursor.fetchone()[0] in {"30", "30s"}
