from django.core.management.base import BaseCommand

from home import page_cache


class Command(BaseCommand):
    help = (
        "Forget every stored page and page part (after a deploy that changes templates, say). "
        "Site-wide caches (site root paths, menus, renditions, rate limits) are kept."
    )

    def handle(self, *args, **options):
        page_cache.clear()
        self.stdout.write("The page cache is empty; pages are rendered afresh on their next request.")
