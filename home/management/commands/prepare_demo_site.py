import os

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site


class Command(BaseCommand):
    help = (
        "What `make run` needs before serving, in one process (each Django start costs seconds): "
        "migrate, load the demo content, make sure there is an admin user."
    )

    def handle(self, *args, **options):
        self.stdout.write("make run: preparing the database")
        call_command("migrate", interactive=False, verbosity=0)
        # How long depends on the machine (minutes on a busy shared one): the loader prints each step's time.
        self.stdout.write("make run: loading the demo content (the first time takes a few minutes)")
        call_command("load_demo_content", stdout=self.stdout)
        call_command("ensure_admin", stdout=self.stdout)
        self.serve_on_port(os.environ.get("PORT", "8000"))

    def serve_on_port(self, port):
        """
        The demo Site record names the port the server listens on, so that
        canonical links, og:url and the sitemap (built from the Site) agree
        with the hreflang alternates (built from the request) on PORT=8765.
        """
        if not port.isdigit() or not 0 < int(port) < 65536:
            raise CommandError(f"PORT must be a port number, not {port!r}")
        Site.objects.filter(is_default_site=True, hostname="127.0.0.1").update(port=int(port))
