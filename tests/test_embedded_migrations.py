"""The embedded mode (`make run`: SQLite, no broker) must migrate from nothing: a migration that works on
PostgreSQL can fail on SQLite (a NOT NULL AddField rebuilds the table there, and the triggers of statements'
migration 0007 broke that rebuild), and the test suite runs on PostgreSQL only."""
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_migration_applies_to_a_fresh_embedded_sqlite_database(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "CELERY_BROKER_URL", "CACHE_URL")}
    env.update(DJANGO_SETTINGS_MODULE="config.settings.local", STATEMENT_TRACKER_VAR_DIR=str(tmp_path))
    done = subprocess.run([sys.executable, "manage.py", "migrate", "--noinput"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-3000:]
    assert (tmp_path / "statement_tracker.sqlite3").exists()
    check = subprocess.run([sys.executable, "manage.py", "makemigrations", "--check", "--dry-run"], cwd=ROOT,
                           env=env, capture_output=True, text=True, timeout=300)
    assert check.returncode == 0, check.stdout + check.stderr


CLASSIFY_CHECK = """
from actors.models import Actor, Role
office = Actor.objects.create(name="Home Office", slug="home-office", kind="organization")
clinton = Actor.objects.create(name="Hillary Clinton", slug="hillary-clinton", kind="person")
for actor, title in [(office, "spokesman"), (clinton, "through advisers"), (clinton, "Secretary of State")]:
    Role.objects.create(actor=actor, title=title)
"""


def test_the_role_kinds_migration_classifies_rows_on_sqlite(tmp_path):
    """ingest 0001 (roles that are voices, not titles held) run again over rows on SQLite: the embedded mode's
    existing databases are classified as PostgreSQL's are (tests/ingest/test_role_kinds.py)."""
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "CELERY_BROKER_URL", "CACHE_URL")}
    env.update(DJANGO_SETTINGS_MODULE="config.settings.local", STATEMENT_TRACKER_VAR_DIR=str(tmp_path))

    def manage(*args):
        done = subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True,
                              timeout=300)
        assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-3000:]
        return done.stdout

    manage("migrate", "--noinput")
    manage("shell", "-c", CLASSIFY_CHECK)
    manage("migrate", "ingest", "zero", "--noinput")
    manage("migrate", "--noinput")
    kinds = manage("shell", "-c", "from actors.models import Role; "
                   "print(sorted(Role.objects.values_list('title', 'kind')))")
    assert kinds.strip().splitlines()[-1] == str(sorted([("spokesman", "voice"), ("through advisers", "voice"),
                                        ("Secretary of State", "held")]))
