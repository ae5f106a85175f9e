from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils import translation
from wagtail import hooks

from home import page_cache
from home.demo.generate import muted_signals


class Command(BaseCommand):
    help = (
        "Add a large corpus in the six languages for the benchmark: ARTICLES articles, EVENTS events and "
        "MEMBERS members in each language. Run again, it adds only what is missing. Rebuilds the search "
        "indexes (unless --no-index) and clears the cache afterwards."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=1000)
        parser.add_argument("--events", type=int, default=200)
        parser.add_argument("--members", type=int, default=300)
        parser.add_argument("--no-index", action="store_true", help="Do not rebuild the search indexes.")

    def handle(self, *args, **options):
        call_command("load_demo_content", stdout=self.stdout)
        with translation.override("en"), muted_signals():
            for generate in hooks.get_hooks("generate_content"):
                generate(options, self.stdout)
        if not options["no_index"]:
            call_command("update_index", stdout=self.stdout)
        cache.clear()
        page_cache.clear()
        self.stdout.write("Generated content is in place.")
