"""`manage.py reprocess [--all | SOURCE_ID...]`: re-run extraction; editor-touched statements survive."""
import os

from django.core.management import BaseCommand, CommandError

from ingest import services


class Command(BaseCommand):
    help = "Queue re-extraction of sources (all, or the ids given). Verified/corrected/rejected statements are kept."

    def add_arguments(self, parser):
        parser.add_argument("source_ids", nargs="*", type=int)
        parser.add_argument("--all", action="store_true", help="every source")

    def handle(self, *args, source_ids, all, **options):
        if not source_ids and not all:
            raise CommandError("Name source ids, or pass --all to reprocess every source.")
        with services.queue_failures(logged=False) as failures:
            count = services.reprocess(source_ids=None if all else source_ids, requested_by="manage.py reprocess")
        if failures.error:
            raise CommandError(failures.message("source"), returncode=os.EX_TEMPFAIL)
        self.stdout.write(f"Queued {count} sources for reprocessing.")
