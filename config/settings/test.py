"""Test settings: PostgreSQL on this machine unless DATABASE_URL says otherwise; tasks eager by default
(tests that need a real worker start one and switch the app to the Redis broker)."""
from .base import *  # noqa: F401,F403
from .base import REST_FRAMEWORK, STORAGES, env

DATABASES = {
    "default": env.db("DATABASE_URL", default="postgres://postgres@127.0.0.1:5432/statement_tracker"),
}
CELERY_TASK_ALWAYS_EAGER = True
TEST_BROKER_URL = env("TEST_BROKER_URL", default="redis://127.0.0.1:6379/15")

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
UPLOAD_RATE = "100000/minute"
REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"] = {"anon": "100000/minute", "uploads": UPLOAD_RATE}
