"""/api/v2/events/: occurrences in a window, recurring events expanded."""

import datetime
from dataclasses import dataclass, replace

from django.utils import timezone
from django.utils.translation import gettext as _

from headless.api import SectionAPIView
from home.parameters import (
    FORMAT,
    LOCALE,
    PAGINATION,
    Choice,
    Date,
    ParameterError,
    Parameters,
    country,
    paginate,
    slug,
)
from home.visibility import public_pages

from . import recurrence
from .models import EventOccurrenceOverride, EventPage

MAX_WINDOW_DAYS = 366 * 5
FIRST_DAY = datetime.date(2000, 1, 1)
LAST_DAY = datetime.date(2100, 12, 31)


def midnight(day):
    return datetime.datetime.combine(day, datetime.time(), datetime.UTC)


def occurrence_json(occurrence, request=None):
    event = occurrence.event
    # With the request, Wagtail reads the site root paths once per request
    # (the `full_url` property reads them from the shared cache each time).
    url = event.get_full_url(request)
    return {
        "id": event.pk,
        "title": event.title,
        "summary": event.summary,
        "url": url,
        "locale": event.locale.language_code,
        "category": event.category_detail,
        "start": (occurrence.start.date() if event.all_day else occurrence.start).isoformat(),
        "end": (occurrence.end.date() if event.all_day else occurrence.end).isoformat(),
        "all_day": event.all_day,
        "time_zone": event.time_zone,
        "cancelled": occurrence.cancelled,
        "moved": occurrence.moved,
        "original_start": occurrence.original_start.isoformat(),
        "note": occurrence.note,
        "recurring": bool(event.recurrence),
        "venue": event.venue_name,
        "city": event.city,
        "country": event.country.code or None,
        "online_url": event.online_url or None,
        "registration_url": event.registration_url or None,
        "ics_url": url + "event.ics" if url else None,
    }


@dataclass(frozen=True)
class EventTimes:
    """What expanding an event's occurrences and ordering them reads: not a whole page row."""

    pk: int
    title: str
    start: datetime.datetime
    end: datetime.datetime
    time_zone: str
    recurrence: str


def occurrences_in_window(events, start, end, include_cancelled):
    """
    EventPageQuerySet.occurrences, for a list that shows a page of them: every
    event in the window is read to expand and count its occurrences, so read
    only its times; with_full_events reads the few on the page in full.
    """
    events = events.overlapping(start, end)
    overrides = {}
    for override in EventOccurrenceOverride.objects.filter(page__in=events.values("pk")):
        overrides.setdefault(override.page_id, {})[override.occurrence_date] = override
    found = []
    for row in events.values_list("pk", "title", "start", "end", "time_zone", "recurrence"):
        event = EventTimes(*row)
        found.extend(recurrence.expand(event, start, end, overrides.get(event.pk, {}), include_cancelled))
    found.sort(key=lambda occurrence: (occurrence.start, occurrence.event.title))
    return found


def with_full_events(occurrences):
    """The occurrences with their events read in full, in one query."""
    ids = {occurrence.event.pk for occurrence in occurrences}
    events = EventPage.objects.filter(pk__in=ids).defer("body").select_related("category", "locale").in_bulk()
    return [replace(occurrence, event=events[occurrence.event.pk]) for occurrence in occurrences]


class EventsAPIView(SectionAPIView):
    parameters = Parameters(
        LOCALE,
        Date("from", "Start of the window (default: today).", first=FIRST_DAY, last=LAST_DAY),
        Date(
            "to",
            "End of the window, exclusive (default: a year after from; at most five years).",
            first=FIRST_DAY,
            last=LAST_DAY,
        ),
        slug("category", "Category slug, e.g. webinar.", max_length=50),
        country(),
        Choice("include_cancelled", "Include cancelled occurrences.", choices=("true", "false"), default="true"),
        *PAGINATION,
        FORMAT,
    )

    def get_data(self, request):
        params = self.params
        locale = self.locale()
        start = (
            midnight(params["from"])
            if params["from"]
            else timezone.now().replace(hour=0, minute=0, second=0, microsecond=0)
        )
        end = midnight(params["to"]) if params["to"] else start + datetime.timedelta(days=366)
        if end <= start:
            raise ParameterError("to", _("to must be after from."))
        if (end - start).days > MAX_WINDOW_DAYS:
            raise ParameterError("to", _("The window can be at most five years long."))
        events = public_pages(EventPage.objects.filter(locale=locale))
        if category := params["category"]:
            events = events.filter(category__slug=category)
        if country_code := params["country"]:
            events = events.filter(country=country_code.upper())
        occurrences = occurrences_in_window(events, start, end, include_cancelled=params["include_cancelled"] == "true")
        items, total = paginate(params, occurrences)
        items = with_full_events(items)
        return {
            "meta": {"total_count": total, "from": start.date().isoformat(), "to": end.date().isoformat()},
            "items": [occurrence_json(o, request) for o in items],
        }
