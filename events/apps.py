from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        from wagtail.models import PageViewRestriction
        from wagtail.signals import post_page_move

        from home import page_cache

        from .models import EventCategory

        page_cache.purge_on_change(EventCategory, category_tags)
        # A restriction or a move above a calendar withdraws or brings back
        # its events, which purges their pages but not the lists of every
        # event (EVENTS_TAG).
        page_cache.purge_on_change(PageViewRestriction, events_tags)
        post_page_move.connect(page_moved_above_events, dispatch_uid="events-page-moved")


def category_tags(category):
    return ["event-categories"]


def events_tags(_instance):
    from .models import EVENTS_TAG

    return [EVENTS_TAG]


def page_moved_above_events(sender, instance, **kwargs):
    from home import page_cache

    page_cache.purge(*events_tags(instance))
