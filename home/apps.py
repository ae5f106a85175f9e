from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Site")

    def ready(self):
        from . import permissions, query_deadline, signals

        signals.connect()
        query_deadline.connect()
        permissions.register_translatable_snippet_policies()
