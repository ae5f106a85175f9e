from django.core.management.base import BaseCommand

from translation_workflow.teams import set_up_teams


class Command(BaseCommand):
    help = (
        "Create the 'Translators – <language>' groups (each may edit and publish only its own "
        "language's pages and snippets), 'Editors' for the source language and 'Moderators'."
    )

    def handle(self, **options):
        for group in set_up_teams():
            self.stdout.write(f"  {group.name}")
        self.stdout.write(self.style.SUCCESS("Translation teams are ready."))
