"""Bulk ingest: files, folders and globs of .txt/.html articles, or JSON Lines of article objects."""
from __future__ import annotations

import glob
import json
import os
import time
from collections import Counter
from pathlib import Path

from django.core.management import BaseCommand, CommandError
from tqdm import tqdm

from ingest import services
from ingest.services import ArticleRejected
from statements.models import Source

ARTICLE_SUFFIXES = {".txt", ".text", ".md", ".html", ".htm", ".xhtml"}
# Plain strings: Enum members hash by name, so they would not find "done" in a Counter of values.
FINAL = {Source.Status.DONE.value, Source.Status.FAILED.value, Source.Status.DUPLICATE.value}
DONE, FAILED = Source.Status.DONE.value, Source.Status.FAILED.value


def expand(paths: list[str]) -> list[Path]:
    """Files named, files under folders named (recursively), and glob matches, in a stable order."""
    found: list[Path] = []
    for raw in paths:
        matches = [Path(p) for p in sorted(glob.glob(raw, recursive=True))] or [Path(raw)]
        for path in matches:
            if path.is_dir():
                found += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES | {".jsonl"})
            elif path.is_file():
                found.append(path)
            else:
                raise CommandError(f"{raw}: no such file or folder.")
    return list(dict.fromkeys(found))


class Command(BaseCommand):
    help = "Ingest articles from files, folders, globs or JSON Lines (one article object per line)."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="files, folders or glob patterns")
        parser.add_argument("--publisher", default="", help="publisher for articles that do not name one")
        parser.add_argument("--wait", action="store_true", help="block until the workers have processed every article")
        parser.add_argument("--timeout", type=float, default=3600, help="seconds --wait waits at most")

    def handle(self, *args, paths, publisher, wait, timeout, **options):
        files = expand(paths)
        if not files:
            raise CommandError("No article files found (accepted: .txt, .md, .html, .htm, .jsonl).")
        counts: Counter = Counter()
        source_ids: list[int] = []
        rejected: list[str] = []
        started = time.monotonic()
        with tqdm(desc="submitted", unit="article", disable=None) as bar, \
                services.queue_failures(logged=False) as queue_failures:
            for path, submit in self._submissions(files, publisher, rejected):
                try:
                    submission = submit()
                except ArticleRejected as exc:
                    rejected.append(f"{path}: {exc}")
                else:
                    source_ids.append(submission.source.pk)
                    counts["new" if submission.created else "already stored"] += 1
                bar.update(1)
        source_ids = list(dict.fromkeys(source_ids))  # the same article in two files is one source
        if wait and not queue_failures.error:  # nothing to wait for while the queue is down
            self._wait(source_ids, timeout)
        statuses = Counter(Source.objects.filter(pk__in=source_ids).values_list("status", flat=True))
        elapsed = time.monotonic() - started
        self._summary(counts, statuses, rejected, source_ids, elapsed)
        if queue_failures.error:
            # Stored, not lost: exit status 75 (EX_TEMPFAIL) tells a script the processing is deferred.
            raise CommandError(queue_failures.message(), returncode=os.EX_TEMPFAIL)
        if statuses.get(FAILED) or rejected:
            raise CommandError("Some articles were not ingested; see the messages above.")

    def _submissions(self, files, publisher, rejected):
        for path in files:
            if path.suffix.lower() == ".jsonl":
                yield from self._jsonl(path, publisher, rejected)
                continue
            raw = path.read_bytes()
            yield path, lambda raw=raw, path=path: services.submit_article(
                raw=raw, filename=path.name, content_type="", publisher=publisher
            )

    def _jsonl(self, path: Path, publisher: str, rejected: list[str]):
        with path.open(encoding="utf-8", errors="replace") as lines:
            for number, line in enumerate(lines, 1):
                if not line.strip():
                    continue
                where = f"{path}:{number}"
                try:
                    item = json.loads(line)
                except json.JSONDecodeError as exc:
                    rejected.append(f"{where}: not valid JSON ({exc.msg}); each line must be one article object.")
                    continue
                except RecursionError:  # `[[[[…`: json parses recursively; the interpreter's limit stopped it
                    rejected.append(f"{where}: nested too deeply; each line must be one article object.")
                    continue
                body = item.get("text") or item.get("html") if isinstance(item, dict) else None
                if not isinstance(body, str):
                    rejected.append(f"{where}: an article object needs a 'text' or 'html' string.")
                    continue
                is_html = not item.get("text")
                yield where, lambda item=item, body=body, is_html=is_html: services.submit_article(
                    raw=body.encode("utf-8"),
                    filename="article.html" if is_html else "article.txt",
                    content_type="text/html" if is_html else "text/plain",
                    # url and published are checked by the service (ingest.validation), as from every door
                    title=str(item.get("title") or ""), url=str(item.get("url") or ""),
                    publisher=str(item.get("publisher") or publisher), published=item.get("published"),
                )

    def _wait(self, source_ids: list[int], timeout: float) -> None:
        deadline = time.monotonic() + timeout
        started = time.monotonic()
        with tqdm(total=len(source_ids), desc="processed", unit="article", disable=None) as bar:
            while True:
                statuses = Counter(Source.objects.filter(pk__in=source_ids).values_list("status", flat=True))
                finished = sum(statuses[s] for s in FINAL)
                bar.n = finished
                rate = finished / max(time.monotonic() - started, 1e-6)
                bar.set_postfix(done=statuses[DONE], failed=statuses[FAILED], rate=f"{rate:.1f}/s")
                bar.refresh()
                if finished >= len(source_ids):
                    return
                if time.monotonic() > deadline:
                    raise CommandError(f"Timed out after {timeout:.0f}s with {len(source_ids) - finished} articles unprocessed; are workers running?")
                time.sleep(0.5)

    def _summary(self, counts, statuses, rejected, source_ids, elapsed):
        from statements.models import Statement

        out = self.stdout
        out.write(f"Submitted: {counts['new']} new, {counts['already stored']} already stored, {len(rejected)} rejected")
        out.write("Status: " + ", ".join(f"{status} {n}" for status, n in sorted(statuses.items())))
        statements = Statement.objects.filter(source_id__in=source_ids)
        speakers = statements.exclude(speaker=None).values("speaker").distinct().count()
        out.write(f"Statements: {statements.count()} by {speakers} speakers; {len(source_ids) / max(elapsed, 1e-6):.2f} articles/s")
        for message in rejected:
            out.write(self.style.ERROR(f"rejected {message}"))
        for source in Source.objects.filter(pk__in=source_ids, status=Source.Status.FAILED):
            out.write(self.style.ERROR(f"failed {source.original_name or source.pk}: {source.error}"))
