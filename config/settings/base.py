"""Settings shared by every environment; every value can come from the environment.

With nothing set the app runs embedded: SQLite under var/, Celery tasks executed in process.
Set DATABASE_URL and CELERY_BROKER_URL to run on PostgreSQL, Redis and Celery workers.
"""
import datetime as dt
from pathlib import Path

import environ
from celery.schedules import crontab

BASE_DIR = Path(__file__).resolve().parent.parent.parent
env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env") if (BASE_DIR / ".env").exists() else None

VAR_DIR = Path(env("STATEMENT_TRACKER_VAR_DIR", default=str(BASE_DIR / "var")))

DEBUG = env.bool("DEBUG", default=True)
# Embedded/dev key only; production.py refuses to start without a real SECRET_KEY.
SECRET_KEY = env("SECRET_KEY", default="embedded-demo-key-not-for-production")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.humanize",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "dalf",
    "actors",
    "statements",
    "ingest",
    "alerts",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

POSTGRES_KEEPALIVES = "-c tcp_keepalives_idle=30 -c tcp_keepalives_interval=10 -c tcp_keepalives_count=3"
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'statement_tracker.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
elif "postgresql" in DATABASES["default"]["ENGINE"]:
    # A worker holds its article's row lock for the whole transaction; the sweep takes an unlocked "processing"
    # row for an abandoned one. If the worker's machine vanishes without closing the connection, the server keeps
    # the lock until it notices the dead client: ask it to probe after 30 s idle (about a minute in all) instead
    # of the operating system's default of two hours. Per connection, so no server configuration is needed.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("options", POSTGRES_KEEPALIVES)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = env("TIME_ZONE", default="UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env("STATIC_ROOT", default=str(VAR_DIR / "static")))
# WhiteNoise reads STATIC_ROOT at start-up and warns when it is missing (before the first collectstatic).
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

LOGIN_URL = "admin:login"

# Content-Security-Policy (django-csp): scripts, styles, images and fonts from this site only; no inline script
# or event handler, no plugins, no <base>, no framing, forms post here only. A page that needs more says so with
# csp.decorators (the ReDoc page: its library injects <style> elements).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        # exactly one style attribute, in django-simple-history's history page: style="border-top: 0"
        "style-src-attr": ["'unsafe-hashes'", "'sha256-XMXSevYjgSjXgRafBFDvtjwX+yyWLrxfso9DcNZ9UXM='"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    },
}

# Uploads: one article file may be this large; larger ones are refused with a message.
MAX_ARTICLE_BYTES = env.int("MAX_ARTICLE_BYTES", default=5 * 1024 * 1024)
# Longer texts are not single news articles, and the parser's memory grows with length.
MAX_ARTICLE_CHARS = env.int("MAX_ARTICLE_CHARS", default=200_000)
# A passage this long without a sentence end is no real sentence (the longest in 1,121 real articles: 979
# characters) and costs the parser seconds for nothing: such an article fails with a message (ingest.parsing).
MAX_SENTENCE_CHARS = env.int("MAX_SENTENCE_CHARS", default=5_000)
DATA_UPLOAD_MAX_MEMORY_SIZE = MAX_ARTICLE_BYTES + 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = MAX_ARTICLE_BYTES + 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FILES = env.int("MAX_FILES_PER_UPLOAD", default=100)
# Upload requests (page and API) one user may make; "" turns the limit off. Format: number/second|minute|hour|day.
UPLOAD_RATE = env("UPLOAD_RATE", default="60/minute") or None

# Celery: a broker URL means real workers; without one tasks run in process (embedded mode).
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="")
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=not CELERY_BROKER_URL)
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND", default=None)
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Celery's Django fixup closes the database connection before and after every task unless this is set: a new
# PostgreSQL backend (connect, then its catalog caches warmed again) per article. With it, a worker keeps its
# connection (Celery closes it every CELERY_DB_REUSE_MAX / 2 tasks), and config.celery closes it between tasks
# only when Django would (after an error, e.g. a PostgreSQL restart, or once older than CONN_MAX_AGE).
CELERY_DB_REUSE_MAX = env.int("CELERY_DB_REUSE_MAX", default=1000)
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=300)
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=240)
# acks_late needs the visibility timeout above the longest task, or Redis re-delivers running tasks.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=3600),
    # A broker that is down or silent must not hold an upload: connect and socket timeouts bound every
    # publish (without socket_timeout a half-open connection waits forever), and the article stays pending
    # for the sweep. Kept above kombu's 1 s BRPOP timeout, which workers use to poll the queue.
    "socket_connect_timeout": env.float("CELERY_BROKER_CONNECT_TIMEOUT", default=2.0),
    "socket_timeout": env.float("CELERY_BROKER_SOCKET_TIMEOUT", default=3.0),
}
CELERY_BROKER_CONNECTION_TIMEOUT = env.float("CELERY_BROKER_CONNECT_TIMEOUT", default=2.0)
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Publishing (upload -> queue) tries twice, then gives up quickly; sweep_pending sends it later.
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.5, "interval_max": 0.5}

# The spaCy pipeline used by extraction; the official en_core_web_sm is used when installed.
SPACY_MODEL = env("SPACY_MODEL", default="")

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "common.api.errors.ApiAutoSchema",
    "EXCEPTION_HANDLER": "common.api.errors.exception_handler",
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    # JSON with its nesting depth checked before parsing (API_MAX_JSON_DEPTH), forms, multipart files.
    "DEFAULT_PARSER_CLASSES": [
        "common.api.parsers.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_THROTTLE_CLASSES": ["rest_framework.throttling.AnonRateThrottle"],
    # "uploads": per user, API and upload page in one count. Throttle classes, NUM_PROXIES and the "reprocess"
    # rate are set under "Limits that hold across processes" below (common.throttling).
    "DEFAULT_THROTTLE_RATES": {"anon": env("API_ANON_RATE", default="120/minute"), "uploads": UPLOAD_RATE},
    "PAGE_SIZE": 50,
    "DEFAULT_PAGINATION_CLASS": "common.api.support.PageNumberPages",
}

# JSON request bodies (and cursors) nesting arrays and objects deeper than this are refused with a 400 before
# they are parsed: Python's json parses recursively, and `[` x 100,000 was a RecursionError (a 500). The API's
# own bodies nest 2 deep (an object holding a list); 32 leaves room for any future body while staying far from
# the interpreter's recursion limit (1,000 frames, of which Django, DRF and the error handler use ~150).
API_MAX_JSON_DEPTH = env.int("API_MAX_JSON_DEPTH", default=32)

SPECTACULAR_SETTINGS = {
    "TITLE": "Statement Tracker API",
    "DESCRIPTION": "Who said what in the news: actors, statements, topics and sources.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SCHEMA_PATH_PREFIX": r"/api/v[0-9]+",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "ActorKindEnum": "actors.models.Actor.Kind",
        "StatementKindEnum": "statements.models.Statement.Kind",
        "SourceStatusEnum": "statements.models.Source.Status",
    },
    "TAGS": [
        {"name": "statements", "description": "Who said what: filter, search, and correct (editors)."},
        {"name": "actors", "description": "People and organizations, with aliases and roles; merge (editors)."},
        {"name": "topics", "description": "What statements are about."},
        {"name": "sources", "description": "Articles: list, read, upload and reprocess (editors)."},
    ],
}

# --- Limits that hold across processes: the client's address, the shared cache, throttles, login lockout ---
# Reverse proxies in front of the app that append to X-Forwarded-For (0: none, the header is ignored). Used by
# DRF's throttles, django-axes and the upload page alike (common.throttling.client_address).
NUM_PROXIES = env.int("NUM_PROXIES", default=0)
# Throttle counts and cached page aggregates live in Redis whenever one is configured: CACHE_URL, else the
# broker's Redis (same database; clear() deletes only keys under CACHE_KEY_PREFIX, never the queue). Local
# memory (per process) only in the embedded mode, with no broker.
_cache_url = env("CACHE_URL", default="") or (
    CELERY_BROKER_URL if CELERY_BROKER_URL.startswith(("redis://", "rediss://")) else "locmemcache://"
)
CACHES = {"default": env.cache_url_config(_cache_url)}
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    CACHES["default"].update({
        "BACKEND": "common.cache.SharedRedisCache",
        "KEY_PREFIX": env("CACHE_KEY_PREFIX", default="statement-tracker-cache"),
    })
    CACHES["default"].setdefault("OPTIONS", {}).update({
        "socket_connect_timeout": env.float("CACHE_SOCKET_TIMEOUT", default=1.0),
        "socket_timeout": env.float("CACHE_SOCKET_TIMEOUT", default=1.0),
    })
REPROCESS_RATE = env("REPROCESS_RATE", default="30/minute") or None
REST_FRAMEWORK["NUM_PROXIES"] = NUM_PROXIES
REST_FRAMEWORK["DEFAULT_THROTTLE_CLASSES"] = ["common.throttling.AnonThrottle"]
REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["reprocess"] = REPROCESS_RATE
# Login lockout (django-axes, every login form: they all go through authenticate()): LOGIN_FAILURE_LIMIT wrong
# passwords for one account from one address pause that account at that address, the right password included,
# for LOGIN_COOLOFF_MINUTES; LOGIN_ACCOUNT_FAILURE_LIMIT failures from all addresses pause it for addresses its
# owner has not used; LOGIN_ADDRESS_FAILURE_LIMIT failures from one address, any accounts, pause that address
# (these two: 0 turns them off). Why these keys: common.login_limits.
INSTALLED_APPS.append("axes")
MIDDLEWARE.append("axes.middleware.AxesMiddleware")
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=10)
AXES_COOLOFF_TIME = dt.timedelta(minutes=env.float("LOGIN_COOLOFF_MINUTES", default=15.0))
LOGIN_ACCOUNT_FAILURE_LIMIT = env.int("LOGIN_ACCOUNT_FAILURE_LIMIT", default=100)
LOGIN_ADDRESS_FAILURE_LIMIT = env.int("LOGIN_ADDRESS_FAILURE_LIMIT", default=50)
# Whether a role title is a representative its actor spoke through ("spokeswoman for the RAD" of the RAD) rather
# than a title held: the extraction's test, for descriptions editors link (actors.services.description_kind)
VOICE_TITLE_TEST = "ingest.extraction.speakers.sources.is_voice_title"
AXES_LOCKOUT_PARAMETERS = "common.login_limits.lockout_parameters"
AXES_CLIENT_IP_CALLABLE = "common.throttling.client_address"
AXES_LOCKOUT_CALLABLE = "common.login_limits.locked_out"
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False  # the lockout ends when the page said it would
AXES_VERBOSE = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}

# The sweep re-dispatches sources left pending (broker down at upload or reprocess) and those a worker left
# "processing" when it died (a killed worker's message would come back only after CELERY_VISIBILITY_TIMEOUT, an
# hour). A "processing" source whose row no worker holds locked for SWEEP_ABANDONED_AFTER_SECONDS has no live
# worker: it is queued again at the next sweep (a worker that starts does it at once). A pending source may have
# its message waiting in a backlog, so it is queued again only once untouched for SWEEP_OLDER_THAN_SECONDS.
# The sweep is one indexed query (its message waits behind any backlog in the queue, like the articles).
SWEEP_SECONDS = env.float("SWEEP_SECONDS", default=10.0)

# Alerts by email (alerts app). Mail goes out through Django's email backend: EMAIL_URL, e.g.
# smtp+tls://user:password@smtp.example.org:587 (django-environ's email_url); with none set, messages are printed
# to the console (embedded mode). SITE_URL is the address links in messages point to.
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000")
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=30)  # seconds; a mail server that hangs must not hold a worker
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Statement Tracker <alerts@localhost>")
ALERT_MESSAGE_ID_DOMAIN = env("ALERT_MESSAGE_ID_DOMAIN", default="statement-tracker.local")
ALERT_IMMEDIATE_SECONDS = env.float("ALERT_IMMEDIATE_SECONDS", default=300.0)
ALERT_DIGEST_HOUR = env.int("ALERT_DIGEST_HOUR", default=6)
ALERT_MAX_STATEMENTS_PER_MESSAGE = env.int("ALERT_MAX_STATEMENTS_PER_MESSAGE", default=200)
# Webhooks: POST timeout, the wait after a first failure (doubled after each next one), failures in a row before a
# webhook is turned off, and whether private/loopback addresses are allowed (production.py: not by default).
ALERT_WEBHOOK_TIMEOUT = env.float("ALERT_WEBHOOK_TIMEOUT", default=10.0)
ALERT_WEBHOOK_RETRY_SECONDS = env.float("ALERT_WEBHOOK_RETRY_SECONDS", default=60.0)
ALERT_WEBHOOK_MAX_FAILURES = env.int("ALERT_WEBHOOK_MAX_FAILURES", default=8)
ALERT_WEBHOOK_ALLOW_PRIVATE = env.bool("ALERT_WEBHOOK_ALLOW_PRIVATE", default=True)
ALERT_SEND_BATCH = env.int("ALERT_SEND_BATCH", default=200)  # alerts per sending task: workers share a run
# Asking for alerts (each sends a confirmation message): per address and per client address (common.throttling).
ALERT_REQUEST_RATE_PER_ADDRESS = env("ALERT_REQUEST_RATE_PER_ADDRESS", default="5/hour") or None
ALERT_REQUEST_RATE_PER_CLIENT = env("ALERT_REQUEST_RATE_PER_CLIENT", default="30/hour") or None
CELERY_BEAT_SCHEDULE = {
    # Alerts (alerts.tasks): new statements matched and "immediate" alerts sent every ALERT_IMMEDIATE_SECONDS;
    # daily digests at ALERT_DIGEST_HOUR (UTC), weekly ones on Mondays at the same hour.
    "alerts-match-and-send": {"task": "alerts.match_and_send", "schedule": ALERT_IMMEDIATE_SECONDS},
    "alerts-daily-digest": {
        "task": "alerts.send_digests", "schedule": crontab(minute=0, hour=ALERT_DIGEST_HOUR), "args": ["daily"],
    },
    "alerts-weekly-digest": {
        "task": "alerts.send_digests", "schedule": crontab(minute=0, hour=ALERT_DIGEST_HOUR, day_of_week=1),
        "args": ["weekly"],
    },
    "sweep-pending-sources": {
        "task": "ingest.sweep_pending", "schedule": SWEEP_SECONDS,
        "kwargs": {
            "older_than_seconds": env.float("SWEEP_OLDER_THAN_SECONDS", default=120.0),
            "abandoned_after_seconds": env.float("SWEEP_ABANDONED_AFTER_SECONDS", default=5.0),
        },
    },
}
