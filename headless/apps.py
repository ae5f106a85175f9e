from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HeadlessConfig(AppConfig):
    """The API base classes and schema, previews on a separate front end, and webhooks."""

    name = "headless"
    verbose_name = _("Headless front end")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import webhooks

        webhooks.connect()
