"""/api/v2/events/: occurrences in a window, recurring events expanded."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from headless.api import SectionAPIView
from home import page_cache
from home.parameters import (
    FORMAT,
    LOCALE,
    PAGINATION,
    Choice,
    Date,
    ParameterError,
    Parameters,
    country,
    slug,
)
from home.visibility import public_pages

from . import recurrence
from .models import EVENTS_TAG, EventPage

MAX_WINDOW_DAYS = 366 * 5
KEPT_ROWS = 100
FIRST_DAY = datetime.date(2000, 1, 1)
LAST_DAY = datetime.date(2100, 12, 31)


def midnight(day):
    return datetime.datetime.combine(day, datetime.time(), datetime.UTC)


# The columns event_json reads of an event (Wagtail builds a page's address from its url_path).
EVENT_JSON_FIELDS = (
    "title",
    "summary",
    "url_path",
    "locale",
    "category",
    "all_day",
    "time_zone",
    "recurrence",
    "venue_name",
    "city",
    "country",
    "online_url",
    "registration_url",
)


def event_json(event, request=None):
    """What an item shows of its event, whichever of its occurrences it is (see item_json)."""
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
        "all_day": event.all_day,
        "time_zone": event.time_zone,
        "recurring": bool(event.recurrence),
        "venue": event.venue_name,
        "city": event.city,
        "country": event.country.code or None,
        "online_url": event.online_url or None,
        "registration_url": event.registration_url or None,
        "ics_url": url + "event.ics" if url else None,
    }


def item_json(event, occurrence):
    """An item of the list: `event` (event_json) at `occurrence`, fields in their documented order."""
    all_day = event["all_day"]
    return {
        **{name: event[name] for name in ("id", "title", "summary", "url", "locale", "category")},
        "start": (occurrence.start.date() if all_day else occurrence.start).isoformat(),
        "end": (occurrence.end.date() if all_day else occurrence.end).isoformat(),
        "all_day": all_day,
        "time_zone": event["time_zone"],
        "cancelled": occurrence.cancelled,
        "moved": occurrence.moved,
        "original_start": occurrence.original_start.isoformat(),
        "note": occurrence.note,
        **{
            name: event[name]
            for name in ("recurring", "venue", "city", "country", "online_url", "registration_url", "ics_url")
        },
    }


def occurrences_in_window(events, start, end, include_cancelled, key=None):
    """
    EventPageQuerySet.occurrences, for a list that shows a page of them: every
    event in the window is read to expand and count its occurrences, so read
    only its times (occurrence_times); events_json reads the few on the page
    in full. `key`: what `events` depends on (its SQL is kept under it).
    """
    return events.occurrence_times(start, end, include_cancelled, key=key)


def events_json(request, occurrences):
    """
    [event_json] for the events of `occurrences`, each kept as a part in the
    shared cache (tags: the event's page, the categories, the sites its
    address is built from) and read in full only when missing.
    """
    variant = f"{request.scheme}://{request.get_host()}"
    items = {f"events:api-event:{pk}:{variant}": pk for pk in dict.fromkeys(o.event for o in occurrences)}
    read = {}

    def prepare(missing):
        events = public_pages(EventPage.objects.filter(pk__in=missing))
        # What event_json reads (the address from url_path alone), not the page's other columns.
        events = events.only(*EVENT_JSON_FIELDS).select_related("category", "locale")
        read.update(events.in_bulk())

    def compute(pk):
        page_cache.depends_on(f"page:{pk}", "event-categories", "sites")
        # None: withdrawn since the window was read (which that purged too).
        return event_json(read[pk], request) if pk in read else None

    found = page_cache.remembered_many(items, compute, prepare=prepare)
    by_pk = {pk: found[key] for key, pk in items.items()}
    return [by_pk[o.event] for o in occurrences]


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
        include_cancelled = params["include_cancelled"] == "true"

        offset, limit = params["offset"], params["limit"]
        # The first KEPT_ROWS occurrences of a window are kept whatever page a
        # client asks for (clients page from the start): pages beyond have
        # their own parts.
        beyond = offset + limit > KEPT_ROWS
        rows_shown = slice(offset, offset + limit) if beyond else slice(0, KEPT_ROWS)

        def window():
            # Every event of the language in the window is expanded to count and
            # order its dates: kept until an event, a calendar's place or a view
            # restriction (EVENTS_TAG) or a category changes. The window's bounds
            # are dates, so time passing within a day changes nothing; the next
            # day asks for another window.
            page_cache.depends_on(EVENTS_TAG, "event-categories")
            occurrences = occurrences_in_window(
                events, start, end, include_cancelled=include_cancelled, key=("api", locale.pk, category, country_code)
            )
            return [
                (o.event.pk, o.start, o.end, o.original_start, o.cancelled, o.moved, o.note)
                for o in occurrences[rows_shown]
            ], len(occurrences)

        key = ":".join(
            map(
                str,
                (
                    "events:api-window",
                    locale.pk,
                    params["category"],
                    params["country"],
                    start.isoformat(),
                    end.isoformat(),
                    include_cancelled,
                    *((offset, limit) if beyond else ()),
                ),
            )
        )
        rows, total = page_cache.remembered(key, window)
        rows = rows if beyond else rows[offset : offset + limit]
        occurrences = [recurrence.Occurrence(pk, *fields) for pk, *fields in rows]
        return {
            "meta": {"total_count": total, "from": start.date().isoformat(), "to": end.date().isoformat()},
            "items": [
                item_json(event, occurrence)
                for event, occurrence in zip(events_json(request, occurrences), occurrences, strict=True)
                if event is not None
            ],
        }
