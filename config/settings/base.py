"""Settings shared by every environment; every value can come from the environment.

With nothing set the app runs embedded: SQLite under var/, Celery tasks executed in process.
Set DATABASE_URL and CELERY_BROKER_URL to run on PostgreSQL, Redis and Celery workers.
"""
from pathlib import Path

import environ

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
    "actors",
    "statements",
    "ingest",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
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

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'statement_tracker.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
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

# Uploads: one article file may be this large; larger ones are refused with a message.
MAX_ARTICLE_BYTES = env.int("MAX_ARTICLE_BYTES", default=5 * 1024 * 1024)
# Longer texts are not single news articles, and the parser's memory grows with length.
MAX_ARTICLE_CHARS = env.int("MAX_ARTICLE_CHARS", default=200_000)
DATA_UPLOAD_MAX_MEMORY_SIZE = MAX_ARTICLE_BYTES + 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = MAX_ARTICLE_BYTES + 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FILES = env.int("MAX_FILES_PER_UPLOAD", default=100)
# Upload requests (page and API) one user may make; "" turns the limit off. Format: number/second|minute|hour|day.
UPLOAD_RATE = env("UPLOAD_RATE", default="60/minute") or None
# Throttle counts live in the cache: per process by default; CACHE_URL=redis://host:6379/1 shares them.
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}

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
    "DEFAULT_SCHEMA_CLASS": "config.api_errors.ApiAutoSchema",
    "EXCEPTION_HANDLER": "config.api_errors.exception_handler",
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    # JSON with its nesting depth checked before parsing (API_MAX_JSON_DEPTH), forms, multipart files.
    "DEFAULT_PARSER_CLASSES": [
        "config.api_parsers.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_THROTTLE_CLASSES": ["rest_framework.throttling.AnonRateThrottle"],
    # "uploads": POST /api/v1/sources/ per user (ScopedRateThrottle in ingest.api); the upload page uses the
    # same rate through the cache (ingest.views). Both count in CACHES: set CACHE_URL with several web workers.
    "DEFAULT_THROTTLE_RATES": {"anon": env("API_ANON_RATE", default="120/minute"), "uploads": UPLOAD_RATE},
    "PAGE_SIZE": 50,
    "DEFAULT_PAGINATION_CLASS": "config.api_support.PageNumberPages",
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

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}

# The sweep re-dispatches sources left pending (broker down at upload) or stuck (worker died).
# A source counts as stuck once untouched for SWEEP_OLDER_THAN_SECONDS; a worker killed mid-article leaves it
# "processing" (Redis would re-deliver its message only after CELERY_VISIBILITY_TIMEOUT, an hour).
CELERY_BEAT_SCHEDULE = {
    "sweep-pending-sources": {
        "task": "ingest.sweep_pending", "schedule": env.float("SWEEP_SECONDS", default=60.0),
        "kwargs": {"older_than_seconds": env.float("SWEEP_OLDER_THAN_SECONDS", default=120.0)},
    },
}
