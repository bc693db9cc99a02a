"""manage.py cluster_statements [--rebuild]: put statements stored before clusters existed into clusters."""
from django.core.management.base import BaseCommand

from statements.clustering import services as clustering


class Command(BaseCommand):
    help = ("Give every statement in no cluster one (statements stored before clusters existed), oldest first. "
            "--rebuild drops every cluster first and builds them all again (editors' split and merge decisions "
            "are kept and applied).")

    def add_arguments(self, parser):
        parser.add_argument("--rebuild", action="store_true", help="drop every cluster first and build all again")
        parser.add_argument("--batch", type=int, default=2000, help="statements assigned per round")

    def handle(self, *args, rebuild=False, batch=2000, **options):
        count = clustering.cluster_unclustered(batch=batch, rebuild=rebuild)
        self.stdout.write(f"{count} statements assigned to clusters.")
