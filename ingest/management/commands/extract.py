"""`manage.py extract --format jsonl FILE...`: the extraction core on plain-text files, no database."""
from django.conf import settings
from django.core.management import BaseCommand

from ingest.extraction.__main__ import main


class Command(BaseCommand):
    help = "Extract statements from plain-text articles; one JSON line per file (see shared/eval/README.md)."
    requires_system_checks = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE")
        parser.add_argument("--format", choices=["jsonl"], default="jsonl")
        parser.add_argument("--published", help="publication date (YYYY-MM-DD) to resolve 'on Monday'")

    def handle(self, *args, files, format, published, **options):
        argv = ["--format", format, *files]
        if published:
            argv += ["--published", published]
        if settings.SPACY_MODEL:
            argv += ["--model", settings.SPACY_MODEL]
        main(argv, stdout=self.stdout._out)
