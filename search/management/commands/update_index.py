"""
Rebuild every search index: Wagtail's own (admin search, API ?search=), the
site search's documents on the database, and its per-language indexes on the
engine, each built aside and swapped in atomically so readers never search a
half-built index.
"""

from modelsearch.management.commands.rebuild_modelsearch_index import Command as WagtailUpdateIndex

from search import database, index
from search.connection import long_deadline


class Command(WagtailUpdateIndex):
    help = "Rebuild Wagtail's search index and the site search's per-language indexes, with progress."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--site-search-only", action="store_true", help="Rebuild only the site search's language indexes."
        )
        parser.add_argument(
            "--if-stale",
            action="store_true",
            help="Rebuild only if an index is missing or holds another number of documents than the database "
            "(what `make run` does on every start).",
        )

    def handle(self, **options):
        with long_deadline():
            self._handle(options)

    def _handle(self, options):
        if options.pop("if_stale", False) and index.up_to_date():
            self.stdout.write("Search indexes are up to date.")
            applied = index.apply_pending(limit=100_000)
            if applied:
                self.stdout.write(f"Site search: {applied} queued updates applied.")
            return
        # The database search first: it needs no engine, and readers fall back to it.
        self.stdout.write("Site search: building the database search")
        total = database.rebuild(stdout=self.stdout)
        self.stdout.write(f"Site search: {total} documents in the database search.")
        if not options.pop("site_search_only", False):
            super().handle(**options)
        if not index.enabled():
            self.stdout.write("Site search: SEARCH_URL is not set, readers search the database.")
            return
        self.stdout.write("Site search: building one index per language")
        total = index.rebuild(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS(f"Site search: {total} documents indexed and swapped in."))
        applied = index.apply_pending()
        if applied:
            self.stdout.write(f"Site search: {applied} queued updates applied.")
