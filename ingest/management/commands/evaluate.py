"""`manage.py evaluate GOLD.json [--only-speech]`: detection, attribution and who-said-what figures."""
import json

from django.core.management import BaseCommand

from ingest.evaluation import evaluate


class Command(BaseCommand):
    help = "Score the extractor against gold annotations (same figures as shared/eval/score.py)."
    requires_system_checks = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        parser.add_argument("gold", help="gold JSON file (a document or a list of documents)")
        parser.add_argument("--only-speech", action="store_true", help="score speech statements with a speaker only")

    def handle(self, *args, gold, only_speech, **options):
        self.stdout.write(json.dumps(evaluate(gold, only_speech=only_speech), indent=1))
