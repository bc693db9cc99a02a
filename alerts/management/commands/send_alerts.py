from django.core.management.base import BaseCommand

from alerts import services
from alerts.models import Alert


class Command(BaseCommand):
    help = ("Match the statements stored since the last run against every alert and send what is due "
            "(what Celery beat runs on a schedule; use it where no beat runs, e.g. the embedded mode, from cron).")

    def add_arguments(self, parser):
        parser.add_argument("--frequency", choices=Alert.Frequency.values, action="append",
                            help="Send only alerts of this frequency (repeatable); default: all that are due.")

    def handle(self, *args, frequency=None, **options):
        queued = services.match_recent()
        sent = sum(services.send_due(frequency=f) for f in (frequency or Alert.Frequency.values))
        self.stdout.write(f"{queued} statement(s) matched, {sent} sent.")
