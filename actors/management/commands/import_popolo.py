"""manage.py import_popolo FILE [--dry-run]

Loads a roster in the Popolo JSON standard (persons, organizations, memberships with posts and dates,
other_names, Wikidata identifiers) into actors, aliases and roles: see actors/popolo.py for what is read and
actors.services.import_popolo for how it is matched. All or nothing: a malformed file imports nothing and the
error names the place. Running it again changes nothing; a changed date is updated.
"""
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from actors import services
from actors.popolo import PopoloError, load_file


class _DryRun(Exception):
    pass


class Command(BaseCommand):
    help = "Import a Popolo JSON roster (persons, organizations, memberships) into actors, aliases and roles."

    def add_arguments(self, parser):
        parser.add_argument("file", help="A Popolo JSON file.")
        parser.add_argument("--dry-run", action="store_true", help="Check and count, then roll everything back.")

    def handle(self, *args, file, dry_run, **options):
        try:
            roster = load_file(file)
        except PopoloError as exc:
            raise CommandError(f"Nothing imported: {exc}") from None
        try:
            with transaction.atomic():
                summary = services.import_popolo(roster)
                if dry_run:
                    raise _DryRun
        except _DryRun:
            pass
        for kind, counts in summary.items():
            self.stdout.write(f"{kind}: " + ", ".join(f"{n} {what}" for what, n in counts.items()))
        if dry_run:
            self.stdout.write("Dry run: nothing was written.")
        else:
            self.stdout.write(self.style.SUCCESS(
                f"Imported {len(roster.entities)} persons and organizations, {len(roster.memberships)} roles."))
