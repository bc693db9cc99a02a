"""Production: no embedded defaults for secrets, HTTPS by default (cookies, redirect, HSTS). Passes `check --deploy`.

Every security switch comes from the environment with the safe value as default; an operator who turns one off
(e.g. SESSION_COOKIE_SECURE=false for a trial over plain HTTP on an intranet) gets `check --deploy` warnings.
"""
import zlib

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F401,F403
from .base import STATIC_ROOT, env

MIN_SECRET_KEY_LENGTH = 50
MIN_SECRET_KEY_DISTINCT = 10


def secret_key_problem(key: str) -> str:
    """Why `key` is not a usable production key, or "" when it is.

    Length alone lets "a" * 50 through; a key must also vary (distinct characters) and not repeat itself
    (a repeated pattern compresses to a fraction of its length, random text does not).
    """
    if key.startswith(("embedded-", "django-insecure")):
        return "it is a demo or insecure placeholder key"
    if len(key) < MIN_SECRET_KEY_LENGTH:
        return f"it has {len(key)} characters, fewer than {MIN_SECRET_KEY_LENGTH}"
    if len(set(key)) < MIN_SECRET_KEY_DISTINCT:
        return f"it uses only {len(set(key))} different characters (at least {MIN_SECRET_KEY_DISTINCT})"
    if len(zlib.compress(key.encode("utf-8"), 9)) < 0.8 * len(key):
        return "it repeats a pattern"
    return ""


SECRET_KEY = env("SECRET_KEY", default="")
_key_problem = secret_key_problem(SECRET_KEY) if SECRET_KEY else "it is not set"
if _key_problem:
    raise ImproperlyConfigured(
        f"SECRET_KEY must be set to a random value of at least {MIN_SECRET_KEY_LENGTH} characters in production "
        f"({_key_problem}); generate one with python -c 'import secrets; print(secrets.token_urlsafe(64))'."
    )
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")

# Behind a TLS-terminating proxy (docker-compose's Caddy, nginx, a load balancer) that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=True)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=SESSION_COOKIE_SECURE)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
# Preloading is a commitment made for the whole domain at hstspreload.org and slow to undo: the operator opts in.
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
if not SECURE_HSTS_PRELOAD:
    SILENCED_SYSTEM_CHECKS = ["security.W021"]  # "not preloaded": a deliberate default, see above
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
# Health checks (compose, load balancers) call the app directly over HTTP, inside the proxy.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# Static files: `collectstatic` (README, Dockerfile) gathers them, compressed, into STATIC_ROOT. A deployment that
# skipped it still serves them (uncompressed) from the apps instead of answering 404 for the admin's CSS, the
# pages' scripts and the API docs' assets.
WHITENOISE_USE_FINDERS = not any(STATIC_ROOT.iterdir())

# Webhooks may not call private, loopback or reserved addresses in production (alerts.webhooks.check_url).
ALERT_WEBHOOK_ALLOW_PRIVATE = env.bool("ALERT_WEBHOOK_ALLOW_PRIVATE", default=False)
