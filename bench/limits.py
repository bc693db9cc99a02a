"""Probe the request limits from outside, as issue 22's probe did: gunicorn with 2 workers on loopback, the
default rates, the broker's Redis for counts (no CACHE_URL), and an attacker who spoofs X-Forwarded-For.

Measures: anonymous API requests let through out of 300 with a random X-Forwarded-For each (API_ANON_RATE
120/minute); uploads accepted out of 150 by one editor (UPLOAD_RATE 60/minute); reprocess requests accepted out
of 40 (REPROCESS_RATE 30/minute); the answers to 96 wrong passwords for one editor and then the right one
(LOGIN_FAILURE_LIMIT 10). Requests spread over both workers by 8 threads. Writes bench/results/limits.json.

    DATABASE_URL is not read: the probe makes its own database (--database) and uses --redis as the broker.
    .venv/bin/python bench/limits.py [--database st_limits] [--redis redis://127.0.0.1:6379/11]
"""
from __future__ import annotations

import argparse
import collections
import http.cookiejar
import json
import random
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from load import ROOT, free_port, fresh_site, manage, start_gunicorn, stop  # noqa: E402


def send(base, path, token=None, body=None):
    """One request with a made-up X-Forwarded-For; the answer's status."""
    request = urllib.request.Request(base + path, data=json.dumps(body).encode() if body is not None else None,
                                     method="POST" if body is not None else "GET")
    request.add_header("Content-Type", "application/json")
    request.add_header("X-Forwarded-For", ".".join(str(random.randint(1, 254)) for _ in range(4)))
    if token:
        request.add_header("Authorization", f"Token {token}")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def login(base, username, password):
    """One sign-in through the admin's login form (its CSRF token and cookie), with a spoofed X-Forwarded-For."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
    page = opener.open(base + "/admin/login/", timeout=30).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    form = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "username": username, "password": password,
                                   "next": "/admin/"}).encode()
    request = urllib.request.Request(base + "/admin/login/", data=form, method="POST")
    request.add_header("X-Forwarded-For", ".".join(str(random.randint(1, 254)) for _ in range(4)))
    try:
        with opener.open(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def tally(codes):
    return dict(sorted(collections.Counter(codes).items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", default="st_limits")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/11")
    parser.add_argument("--out", default=str(ROOT / "bench" / "results" / "limits.json"))
    args = parser.parse_args()

    log_dir = ROOT / "test-output" / "limits"
    env = fresh_site(args.database, args.redis, log_dir, drop=(
        "CELERY_", "DJANGO_", "API_", "UPLOAD_", "REPROCESS_", "LOGIN_", "CACHE_", "NUM_PROXIES"))
    token, source = manage(env, "shell", "--no-imports", "-c", (
        "from django.contrib.auth.models import User, Permission; from rest_framework.authtoken.models import Token;"
        "from statements.models import Source;"
        "u = User.objects.create_user('probe', password='the-Right-one-42', is_staff=True);"
        "u.user_permissions.add(*Permission.objects.filter(codename__in=['add_source', 'change_source']));"
        "s = Source.objects.create(title='t', text='The minister said that talks would resume.', content_hash='x');"
        "print(Token.objects.create(user=u).key, s.pk)")).stdout.split()
    import redis

    redis.Redis.from_url(args.redis).flushdb()
    port = free_port()
    web = start_gunicorn(env, port, log_dir / "gunicorn.log")
    base = f"http://127.0.0.1:{port}"
    started = time.monotonic()
    try:
        with ThreadPoolExecutor(8) as pool:
            anonymous = list(pool.map(lambda _: send(base, "/api/v1/topics/"), range(300)))
            uploads = list(pool.map(lambda i: send(base, "/api/v1/sources/", token, {
                "text": f"Probe {i}\n\nThe minister said that talks would resume, number {i}."}), range(150)))
            reprocess = list(pool.map(lambda _: send(base, f"/api/v1/sources/{source}/reprocess/", token, {}),
                                      range(40)))
        wrong = [login(base, "probe", f"guess-{i}") for i in range(96)]
        right = login(base, "probe", "the-Right-one-42")
    finally:
        stop(web)
        redis.Redis.from_url(args.redis).flushdb()
    result = {
        "seconds": round(time.monotonic() - started, 1), "gunicorn_workers": 2, "threads": 8,
        "anonymous_300_spoofed_xff": tally(anonymous), "uploads_150_one_editor": tally(uploads),
        "reprocess_40_one_editor": tally(reprocess), "login_96_wrong": tally(wrong),
        "login_first_429_at": wrong.index(429) + 1 if 429 in wrong else None, "login_right_after": right,
    }
    Path(args.out).write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
