from django.core.management.base import BaseCommand
from django.utils import translation
from wagtail import hooks


class Command(BaseCommand):
    help = (
        "Build the demo site in the six UN languages: home, About, and whatever each "
        "section app contributes. Safe to run again: existing content is left as it is."
    )

    def handle(self, *args, **options):
        with translation.override("en"):
            for load in hooks.get_hooks("load_demo_content"):
                # One line before each section, so a long first load shows progress.
                self.stdout.write(f"Demo content: {load.__module__.split('.')[0]}…")
                self.stdout.flush()
                load(self.stdout)
