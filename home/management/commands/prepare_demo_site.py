from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "What `make run` needs before serving, in one process (each Django start costs seconds): "
        "migrate, load the demo content, make sure there is an admin user."
    )

    def handle(self, *args, **options):
        self.stdout.write("make run: preparing the database")
        call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write("make run: loading the demo content (the first time takes about a minute)")
        call_command("load_demo_content", stdout=self.stdout)
        call_command("ensure_admin", stdout=self.stdout)
