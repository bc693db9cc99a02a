"""Start the embedded demo: migrate, ingest the sample article, create a demo editor, serve."""
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import BaseCommand, call_command

from ingest import services

DEMO_ARTICLE = Path(settings.BASE_DIR) / "demo" / "sana-lavrov-peskov.txt"


class Command(BaseCommand):
    help = "Run the app on the embedded default with the sample article ingested, and print its URL."

    def add_arguments(self, parser):
        parser.add_argument("--addrport", default="127.0.0.1:8000")
        parser.add_argument("--no-serve", action="store_true", help="prepare the database, do not serve")

    def handle(self, *args, addrport, no_serve, **options):
        Path(settings.VAR_DIR).mkdir(parents=True, exist_ok=True)
        call_command("migrate", interactive=False, verbosity=0)
        submission = services.submit_article(
            raw=DEMO_ARTICLE.read_bytes(), filename=DEMO_ARTICLE.name, content_type="text/plain", publisher="SANA"
        )
        source = submission.source
        source.refresh_from_db()
        if source.status != source.Status.DONE:
            source = services.process_source(source_id=source.pk)
        self.stdout.write(f"Sample article: {source.title!r}: {source.status}, {source.statements.count()} statements")
        password = self._demo_editor()
        host, _, port = addrport.rpartition(":")
        url = f"http://{host or '127.0.0.1'}:{port}/"
        self.stdout.write(self.style.SUCCESS(f"Statement Tracker is at {url}  (admin: {url}admin/)"))
        if password:
            self.stdout.write(f"Demo editor: user 'demo', password '{password}' (created now; shown once)")
        if not no_serve:
            call_command("runserver", addrport, use_reloader=False)

    def _demo_editor(self) -> str | None:
        User = get_user_model()
        if User.objects.filter(username="demo").exists():
            return None
        password = secrets.token_urlsafe(9)
        User.objects.create_superuser("demo", "demo@example.invalid", password)
        return password
