import time

from django.core.management.base import BaseCommand
from django.utils import translation
from wagtail import hooks


class Command(BaseCommand):
    help = (
        "Build the demo site in the six UN languages: home, About, and whatever each "
        "section app contributes. Safe to run again: existing content is left as it is."
    )

    def handle(self, *args, **options):
        loaders = hooks.get_hooks("load_demo_content")
        started = time.monotonic()
        with translation.override("en"):
            for number, load in enumerate(loaders, start=1):
                # Each section says what it is building before it starts (its
                # docstring), so a minute of loading is never a silent one.
                what = (load.__doc__ or load.__name__).strip().splitlines()[0].rstrip(".")
                self.say(f"[{number}/{len(loaders)}] {what}…")
                section_started = time.monotonic()
                load(self.stdout)
                self.say(f"      ({time.monotonic() - section_started:.0f} s)")
        self.say(f"Demo content ready in {time.monotonic() - started:.0f} s.")

    def say(self, line):
        self.stdout.write(line)
        self.stdout.flush()  # shown at once, even when the output is a pipe (make run)
