from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationWorkflowConfig(AppConfig):
    """Translation teams, per-language moderation, machine translation and the translations dashboard."""

    name = "translation_workflow"
    verbose_name = _("Translation workflow")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import notifications

        notifications.connect()
