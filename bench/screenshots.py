"""Issue 21's before/after screenshots: the same pages rendered by an older commit and by the work tree.

    .venv/bin/python bench/screenshots.py [--before 71ae056] [--out test-output/screenshots/issue21] [--keep]

For each side ("before": git ref --before, exported with `git archive` to a temporary folder, nothing in the work
tree changes; "after": the work tree), with this virtualenv's Python and that side's own code: a fresh PostgreSQL
database (st_shots_before / st_shots_after on PG_ADMIN_URL, default postgres://postgres@127.0.0.1:5432), migrated,
the same articles ingested in process (`manage.py ingest`, tasks eager: the sample article and the BBC sample less
the speaker audit's held-out draw), an editor (`manage.py createeditor`), then `manage.py runserver --noreload
--insecure` (DEBUG off; --insecure serves the static files) on a free port.

Chromium (Debian's, through Playwright) saves full-page screenshots at 1280 and 390 px of the home page, a search,
the page of the actor with the most statements (chosen on the after side), the list of sources (578 px wide at
390 px when the issue was filed), the sample article's source page, the permalink of its first statement (the same
actor, source and statement on both sides, matched by name, file name and words, never by id), the admin's review
queue and the upload page (these two signed in as the editor), to <out>/<side>/<page>-<width>.png. <out>/index.html
shows before and after side by side; <out>/overflow.jsonl has a line per shot with the page's scrollWidth against
the viewport's width (and the page's height), printed at the end as a table. The databases are dropped at the end
unless --keep. The held-out articles are left out so that no screenshot shows the text the audit judges blind.
"""
from __future__ import annotations

import argparse
import contextlib
import html
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLE = SHARED / "samples" / "sana-lavrov-peskov.txt"
CORPUS = SHARED / "corpora" / "bbc-sample"
HELD_OUT = ROOT / "bench" / "results" / "speaker_audit_sample.json"  # never shown: the audit judges these blind
CHROMIUM = "/usr/bin/chromium"
WIDTHS = (1280, 390)
PAGES = ("home", "search", "actor", "sources", "source", "permalink", "review-queue", "upload")
SIGNED_IN = {"review-queue", "upload"}
EDITOR, PASSWORD = "shots-editor", "a-long-screenshot-password"
SIDES = ("before", "after")

# Run by `manage.py shell -c` with each side's code: the URLs of the pages to shoot, as one JSON line.
# SHOTS_WANT names the actor and the statement's words to find (empty: the busiest actor, the first statement).
PICK = """
import json, os
from django.db.models import Count
from actors.models import Actor
from statements.models import Source
want = json.loads(os.environ["SHOTS_WANT"])
actors = Actor.objects.annotate(n=Count("statements")).order_by("-n", "name")
actor = (want.get("actor") and actors.filter(name=want["actor"]).first()) or actors.first()
source = Source.objects.get(original_name=want["source_file"])
statements = source.statements.order_by("content_start", "pk")
statement = (want.get("statement") and statements.filter(content=want["statement"]).first()) or statements.first()
print("PICKED " + json.dumps({
    "actor": actor.name, "actor_statements": actor.n, "statement": statement.content, "source_title": source.title,
    "urls": {"home": "/", "search": "/search/?q=growth", "actor": actor.get_absolute_url(),
             "sources": "/sources/", "source": source.get_absolute_url(), "permalink": statement.get_absolute_url(),
             "review-queue": "/admin/statements/statement/review-queue/", "upload": "/ingest/upload/"}}))
"""


def articles() -> list[Path]:
    """The sample article, then the BBC sample in name order without the speaker audit's held-out draw."""
    held_out = set(json.loads(HELD_OUT.read_text())["articles"]) if HELD_OUT.exists() else set()
    bbc = sorted(p for p in CORPUS.rglob("*.txt") if p.relative_to(CORPUS).as_posix() not in held_out)
    return [SAMPLE, *bbc]


def overflow_table(rows: list[dict]) -> str:
    """Rows of overflow.jsonl as a text table: per page and width, scrollWidth (with how far it passes the viewport)
    and page height, before and after."""
    by_key = {(r["page"], r["width"], r["side"]): r for r in rows}

    def cell(r: dict | None, key: str) -> str:
        if r is None:
            return "-"
        extra = f" (+{r['overflow']})" if key == "scroll_width" and r["overflow"] > 0 else ""
        return f"{r[key]}{extra}"

    lines = [f"{'page':13} {'width':>5}  {'scrollWidth before':>18}  {'after':>10}  {'height before':>13}  {'after':>6}"]
    for page in dict.fromkeys(r["page"] for r in rows):
        for width in dict.fromkeys(r["width"] for r in rows):
            before, after = by_key.get((page, width, "before")), by_key.get((page, width, "after"))
            lines.append(f"{page:13} {width:>5}  {cell(before, 'scroll_width'):>18}  {cell(after, 'scroll_width'):>10}"
                         f"  {cell(before, 'height'):>13}  {cell(after, 'height'):>6}")
    return "\n".join(lines)


def write_index(out: Path, rows: list[dict], picked: dict, before: str) -> None:
    by_key = {(r["page"], r["width"], r["side"]): r for r in rows}
    parts = [f"<!doctype html><meta charset=utf-8><title>Issue 21: before ({html.escape(before)}) and after</title>",
             "<style>body{font-family:sans-serif} td{vertical-align:top;padding:4px} img{border:1px solid #ccc}"
             " .w1280 img{width:600px} .w390 img{width:300px} .over{color:#b00;font-weight:bold}</style>",
             f"<h1>Issue 21: before ({html.escape(before)}) and after (work tree)</h1>"]
    for side in SIDES:
        p = picked[side]
        parts.append(f"<p>{side}: actor {html.escape(p['actor'])} ({p['actor_statements']} statements), source "
                     f"{html.escape(p['source_title'])}, statement &ldquo;{html.escape(p['statement'][:80])}&rdquo;</p>")
    for page in PAGES:
        for width in WIDTHS:
            parts.append(f"<h2>{page} at {width} px</h2><table class=w{width}><tr>")
            for side in SIDES:
                r = by_key.get((page, width, side))
                if r is None:
                    parts.append(f"<td>{side}: not taken</td>")
                    continue
                note = f"scrollWidth {r['scroll_width']} / viewport {r['viewport']}"
                css = " class=over" if r["overflow"] > 0 else ""
                parts.append(f"<td><b>{side}</b> <span{css}>{note}</span> · <small>{html.escape(r['url'])}</small><br>"
                             f"<a href='{side}/{page}-{width}.png'><img src='{side}/{page}-{width}.png'></a></td>")
            parts.append("</tr></table>")
    (out / "index.html").write_text("\n".join(parts), encoding="utf-8")


def side_env(database: str, var_dir: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("CACHE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")}
    env.update(DATABASE_URL=database, DJANGO_SETTINGS_MODULE="config.settings.local", DEBUG="false",
               CELERY_BROKER_URL="", CELERY_TASK_ALWAYS_EAGER="true", STATEMENT_TRACKER_VAR_DIR=str(var_dir),
               LOG_LEVEL="WARNING", EDITOR_PASSWORD=PASSWORD, PYTHONUNBUFFERED="1")
    return env


def manage(code: Path, env: dict, *args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "manage.py", *args], cwd=code, env=env, check=True, **kwargs)


def recreate_database(admin_url: str, name: str, *, drop_only: bool = False) -> None:
    import psycopg

    with psycopg.connect(f"{admin_url}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if not drop_only:
            conn.execute(f'CREATE DATABASE "{name}"')


def prepare(code: Path, env: dict) -> None:
    """Migrate, ingest the articles in process and create the editor, with this side's code."""
    manage(code, env, "migrate", "--verbosity", "0")
    started = time.monotonic()
    # `ingest` exits 1 when an article failed; the rest are stored all the same, so the pages can still be shot.
    ingest = subprocess.run([sys.executable, "manage.py", "ingest", *map(str, articles())], cwd=code, env=env,
                            capture_output=True, text=True)
    print(ingest.stdout.strip(), ingest.stderr.strip()[-2000:] if ingest.returncode else "", sep="\n", flush=True)
    print(f"ingested in {time.monotonic() - started:.0f} s", flush=True)
    manage(code, env, "createeditor", EDITOR, "--password-from-env")


def pick(code: Path, env: dict, want: dict) -> dict:
    result = manage(code, {**env, "SHOTS_WANT": json.dumps(want)}, "shell", "-c", PICK, capture_output=True,
                    text=True)
    line = next(line for line in result.stdout.splitlines() if line.startswith("PICKED "))
    return json.loads(line.removeprefix("PICKED "))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def server(code: Path, env: dict, log: Path):
    """`runserver` for this side on a free port, until the block ends; yields its base URL."""
    port = free_port()
    with open(log, "w") as out:
        proc = subprocess.Popen([sys.executable, "manage.py", "runserver", "--noreload", "--insecure",
                                 f"127.0.0.1:{port}"], cwd=code, env=env, stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(base + "/", timeout=5)
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"runserver did not answer on {base}; see {log}")
                time.sleep(0.5)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def shoot_side(browser, base: str, side: str, urls: dict, out: Path) -> list[dict]:
    rows = []
    (out / side).mkdir(parents=True, exist_ok=True)
    for width in WIDTHS:
        context = browser.new_context(base_url=base, viewport={"width": width, "height": 900 if width > 600 else 844})
        page = context.new_page()
        page.set_default_timeout(30_000)
        signed_in = False
        for name in PAGES:  # the public pages as a visitor sees them, then the editor's
            if name in SIGNED_IN and not signed_in:
                sign_in(page)
                signed_in = True
            response = page.goto(urls[name])
            page.wait_for_load_state("load")
            scroll_width, viewport = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
            page.screenshot(path=str(out / side / f"{name}-{width}.png"), full_page=True)
            rows.append({"side": side, "page": name, "width": width, "url": urls[name],
                         "status": response.status if response else None, "scroll_width": scroll_width,
                         "viewport": viewport, "overflow": scroll_width - viewport,
                         "height": page.evaluate("document.documentElement.scrollHeight")})
        context.close()
    return rows


def sign_in(page) -> None:
    page.goto("/admin/login/?next=/admin/")
    page.fill("#id_username", EDITOR)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--before", default="71ae056", help="git ref of the 'before' side (default: issue 21's filing)")
    ap.add_argument("--out", default="test-output/screenshots/issue21", help="folder for the screenshots")
    ap.add_argument("--keep", action="store_true", help="leave st_shots_before/st_shots_after for inspection")
    args = ap.parse_args(argv)
    out = (ROOT / args.out).resolve() if not Path(args.out).is_absolute() else Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    admin_url = os.environ.get("PG_ADMIN_URL", "postgres://postgres@127.0.0.1:5432").rstrip("/")

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="screenshots_") as tmp:
        tmp = Path(tmp)
        before_code = tmp / "before-code"
        before_code.mkdir()
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.before], check=True, capture_output=True)
        subprocess.run(["tar", "-x", "-C", str(before_code)], input=archive.stdout, check=True)
        codes = {"before": before_code, "after": ROOT}
        envs = {side: side_env(f"{admin_url}/st_shots_{side}", tmp / f"{side}-var") for side in SIDES}
        try:
            for side in SIDES:
                print(f"--- {side}: {codes[side]}", flush=True)
                recreate_database(admin_url, f"st_shots_{side}")
                prepare(codes[side], envs[side])
            picked = {"after": pick(codes["after"], envs["after"], {"source_file": SAMPLE.name})}
            want = {"source_file": SAMPLE.name, "actor": picked["after"]["actor"],
                    "statement": picked["after"]["statement"]}
            picked["before"] = pick(codes["before"], envs["before"], want)
            for side in SIDES:
                print(f"{side}: {json.dumps({k: v for k, v in picked[side].items() if k != 'urls'})}", flush=True)
            rows = []
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"], headless=True)
                for side in SIDES:
                    with server(codes[side], envs[side], out / f"runserver-{side}.log") as base:
                        rows += shoot_side(browser, base, side, picked[side]["urls"], out)
                browser.close()
        finally:
            if not args.keep:
                for side in SIDES:
                    recreate_database(admin_url, f"st_shots_{side}", drop_only=True)
    with open(out / "overflow.jsonl", "w") as f:
        f.writelines(json.dumps(r) + "\n" for r in rows)
    write_index(out, rows, picked, args.before)
    bad = [r for r in rows if r["status"] != 200]
    for r in bad:
        print(f"note: {r['side']} {r['page']} at {r['width']} px answered {r['status']} ({r['url']})")
    print(f"\n{len(rows)} screenshots in {out}; open {out / 'index.html'}\n")
    print(overflow_table(rows))


if __name__ == "__main__":
    main()
