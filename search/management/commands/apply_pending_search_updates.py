from django.core.management.base import BaseCommand

from search import index


class Command(BaseCommand):
    help = "Apply the search index updates that were queued while the search engine was unreachable."

    def handle(self, **options):
        applied = index.apply_pending(limit=100_000)
        self.stdout.write(f"{applied} queued search index updates applied.")
