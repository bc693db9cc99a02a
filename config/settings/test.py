"""Test settings: PostgreSQL on this machine unless DATABASE_URL says otherwise; tasks eager by default
(tests that need a real worker start one and switch the app to the Redis broker)."""
from .base import *  # noqa: F401,F403
from .base import POSTGRES_KEEPALIVES, REST_FRAMEWORK, STORAGES, env

DATABASES = {
    "default": env.db("DATABASE_URL", default="postgres://postgres@127.0.0.1:5432/statement_tracker")
    | {"OPTIONS": {"options": POSTGRES_KEEPALIVES}},
}
CELERY_TASK_ALWAYS_EAGER = True
TEST_BROKER_URL = env("TEST_BROKER_URL", default="redis://127.0.0.1:6379/15")
# A Redis database the shared-limit tests may flush (their gunicorn's cache).
TEST_CACHE_URL = env("TEST_CACHE_URL", default="redis://127.0.0.1:6379/14")

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
UPLOAD_RATE = "100000/minute"
REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"] = {"anon": "100000/minute", "uploads": UPLOAD_RATE, "reprocess": "100000/minute"}
# Each test process counts in its own memory (tests that need Redis start their own servers with CACHE_URL).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
