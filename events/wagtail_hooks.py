import datetime

from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.images import get_image_model
from wagtail.snippets.models import register_snippet

from home.models import HOME_PAGE_SECTIONS_HOOK
from home.prepared import PreparedQuery
from home.snippet_views import TranslatableSnippetViewSet

from . import views
from .models import (
    EventCategory,
    EventIndexPage,
    EventPage,
    expire_when_occurrences_change,
)
from .templatetags.event_tags import occurrence_when


class EventCategoryViewSet(TranslatableSnippetViewSet):
    model = EventCategory
    icon = "calendar-alt"
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]


register_snippet(EventCategoryViewSet)


@hooks.register("register_admin_urls")
def register_import_url():
    return [
        path("events/import/", views.import_ical, name="events_import_ical"),
        path("events/import/<int:pk>/", views.import_status, name="events_import_status"),
        path("events/recurrence-preview/", views.recurrence_preview, name="events_recurrence_preview"),
    ]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return views.indexes_user_can_add_to(request.user).exists()


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(gettext_lazy("Import events"), reverse("events_import_ical"), icon_name="calendar", order=350)


@hooks.register(HOME_PAGE_SECTIONS_HOOK, order=20)
def upcoming_events(home, request):
    index = home.section_index(EventIndexPage, request)
    if index is None:
        return None
    # The next date of each event that takes place (a weekly series takes
    # one place, not three), the three soonest in the coming year: read in
    # the upcoming list's stored order (events.upcoming) as far as those
    # three, not every event of the year expanded.
    series = index.upcoming_series(stop_hint=3, fields=("summary", "image"), counted=False)
    occurrences = series.first_taking_place(3, before=series.now + datetime.timedelta(days=365))
    expire_when_occurrences_change(occurrences, series.now)
    if not occurrences:
        return None
    # A card shows the title, summary and picture read with the times: no
    # event is read as a page. Each event is a child of the calendar, at its
    # address plus the event's slug. The home page reads the pictures'
    # renditions, with its own.
    image_ids = sorted({o.event.image for o in occurrences if o.event.image is not None})
    images = {image.pk: image for image in _images(image_ids)} if image_ids else {}
    url = index.url
    return {
        "title": _("Upcoming events"),
        "url": url,
        "more_label": _("All events"),
        "items": [
            {
                "title": o.event.title,
                "url": f"{url}{o.event.slug}/",
                "image": images.get(o.event.image),
                "summary": o.event.summary,
                "meta": occurrence_when(o),
            }
            for o in occurrences
        ],
    }


@PreparedQuery
def _images(pks):
    return get_image_model().objects.filter(pk__in=pks).order_by()


@hooks.register("load_demo_content", order=20)
def load_events_demo_content(stdout):
    """Events calendar: categories and events with their pictures."""
    from .demo import loader

    loader.load(stdout)


def event_search_document(page):
    from search.documents import base_page_document, is_public_page

    if not is_public_page(page):
        return None
    document = base_page_document(
        page, "event", summary=page.summary, body_fields=("body", "organiser", "venue_name", "city")
    )
    now = timezone.now()
    upcoming = [o for o in page.occurrences_between(now, now + datetime.timedelta(days=365 * 5)) if not o.cancelled]
    when = upcoming[0] if upcoming else None
    start = when.start if when else page.start
    document["country"] = page.country.code or None
    document["date"] = start.date().isoformat()
    document["year"] = start.year
    document["extra"] = {
        "next_occurrence": when.start.isoformat() if when else None,
        "time_zone": page.time_zone,
        "city": page.city,
        "category": page.category.name if page.category else None,
    }
    return document


@hooks.register("register_search_document_types")
def register_event_search():
    from home.visibility import public_pages
    from search.documents import SearchDocumentType

    return [
        SearchDocumentType(
            kind="event",
            label=gettext_lazy("Events"),
            model=EventPage,
            build=event_search_document,
            queryset=lambda: public_pages(EventPage.objects.all()).with_occurrence_data(),
        )
    ]


@hooks.register("generate_content")
def generate_events(options, stdout):
    from .demo import generate

    generate.generate(options["events"], stdout)
