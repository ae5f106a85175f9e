from django.core.management.base import BaseCommand, CommandError

from home import purge_outbox


class Command(BaseCommand):
    help = (
        "Send the cache purges that did not reach Redis during an outage (kept in the "
        "database by home.purge_outbox) and delete them. Run it once Redis answers again; "
        "fails, keeping them, while it does not."
    )

    def handle(self, *args, **options):
        sent, unsent = purge_outbox.send()
        if unsent:
            raise CommandError(
                f"{unsent} cache purge(s) could not be sent: the shared cache does not answer. "
                "They are kept; run this again once it does."
            )
        self.stdout.write(self.style.SUCCESS(f"{sent} cache purge(s) sent, none left."))
