from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        from home import page_cache

        from .models import EventCategory

        page_cache.purge_on_change(EventCategory, category_tags)


def category_tags(category):
    return ["event-categories"]
