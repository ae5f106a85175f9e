import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Create the 'admin' superuser if no superuser exists. The password is "
        "ADMIN_PASSWORD if set, otherwise a random one printed once."
    )

    def handle(self, *args, **options):
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write(
                "The admin user exists already. Forgotten its password? Set a new one with\n"
                "  .venv/bin/python manage.py changepassword admin"
            )
            return
        password = os.environ.get("ADMIN_PASSWORD") or secrets.token_urlsafe(12)
        User.objects.create_superuser("admin", "admin@localhost", password)
        self.stdout.write(self.style.SUCCESS("Created the admin user for http://127.0.0.1:8000/admin/"))
        self.stdout.write(f"  username: admin\n  password: {password}")
        if not os.environ.get("ADMIN_PASSWORD"):
            self.stdout.write("  (shown only this once: note it down)")
