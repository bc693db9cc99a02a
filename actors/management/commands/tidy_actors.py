"""`manage.py tidy_actors [--dry-run]`: merge or remove the actors reprocessing left without statements."""
from django.core.management import BaseCommand

from actors import services


class Command(BaseCommand):
    help = ("Merge each actor left without statements (and nothing an editor or a roster entered) into the actor "
            "its name now resolves to, or remove it when it resolves to none. Run after `reprocess` has finished "
            "(or use `reprocess --tidy-actors`).")

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="only list what would be merged or removed")

    def handle(self, *args, dry_run, **options):
        self.stdout.write(services.describe_tidy(services.tidy_actors(dry_run=dry_run), dry_run=dry_run))

