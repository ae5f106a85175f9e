from django.core.management.base import BaseCommand

from headless.webhooks import retry_due


class Command(BaseCommand):
    help = "Retry webhook deliveries that are due (run from cron when tasks run immediately)."

    def handle(self, **options):
        self.stdout.write(f"{retry_due()} webhook deliveries attempted.")
