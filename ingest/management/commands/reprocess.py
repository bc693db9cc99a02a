"""`manage.py reprocess [--all | SOURCE_ID...] [--tidy-actors]`: re-run extraction; editor-touched statements
survive; with --tidy-actors, once every source queued is processed, the actors left without statements are merged
into the actor their name now resolves to, or removed (actors.services.tidy_actors)."""
import os
import time

from django.core.management import BaseCommand, CommandError

from actors import services as actor_services
from ingest import services
from statements.models import Source


class Command(BaseCommand):
    help = "Queue re-extraction of sources (all, or the ids given). Verified/corrected/rejected statements are kept."

    def add_arguments(self, parser):
        parser.add_argument("source_ids", nargs="*", type=int)
        parser.add_argument("--all", action="store_true", help="every source")
        parser.add_argument("--tidy-actors", action="store_true",
                            help="wait until the sources are processed, then merge or remove the actors left "
                                 "without statements (as manage.py tidy_actors)")
        parser.add_argument("--wait", type=float, default=3600.0, metavar="SECONDS",
                            help="how long --tidy-actors waits for the workers (default 3600)")

    def handle(self, *args, source_ids, all, tidy_actors, wait, **options):
        if not source_ids and not all:
            raise CommandError("Name source ids, or pass --all to reprocess every source.")
        with services.queue_failures(logged=False) as failures:
            count = services.reprocess(source_ids=None if all else source_ids, requested_by="manage.py reprocess")
        if failures.error:
            raise CommandError(failures.message("source"), returncode=os.EX_TEMPFAIL)
        self.stdout.write(f"Queued {count} sources for reprocessing.")
        if tidy_actors:
            self._wait_for(None if all else source_ids, wait)
            self.stdout.write(actor_services.describe_tidy(actor_services.tidy_actors()))

    def _wait_for(self, source_ids, seconds: float) -> None:
        busy = Source.objects.filter(status__in=[Source.Status.PENDING, Source.Status.PROCESSING])
        if source_ids is not None:
            busy = busy.filter(pk__in=source_ids)
        deadline = time.monotonic() + seconds
        while (left := busy.count()):
            if time.monotonic() > deadline:
                raise CommandError(
                    f"{left} sources are still waiting for a worker after {seconds:.0f} s; actors were not tidied. "
                    "Run `manage.py tidy_actors` once the workers have processed them.")
            time.sleep(1)
