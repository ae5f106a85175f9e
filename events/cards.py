"""
The parts of the calendar's pages that cost most to render, each kept in the
shared cache (home.page_cache.remembered / remembered_many) while the page
cache is off or misses.

An occurrence card (events/includes/occurrence.html) shows its event (title,
address, picture, category, place: tags `page:<pk>`, purged when the event is
published, unpublished, moved or its picture changes, and
`event-categories`) and one occurrence of it. Everything the occurrence
contributes, which depends on "now" and on the changes to single dates, is
named in the key (its times, cancelled or moved, its note, how many more
dates the listing holds), so a card never outlives the listing that chose
it. Only the events whose cards are missing are read as pages.

A month grid (events/includes/month_grid.html) shows the calendar's events of
one month whatever "now" is: it is kept per calendar, month, filters,
language and site until an event of the calendar changes (its children tag,
which publishing, unpublishing, moving an event and a change to one of its
dates purge) or a category does.
"""

import calendar
import datetime
from collections.abc import Sequence

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.formats import get_format, time_format

from home import page_cache

from .listing import SeriesEntry, with_series_shown
from .recurrence import Occurrence

CARD_TEMPLATE = "events/includes/occurrence.html"
GRID_TEMPLATE = "events/includes/month_grid.html"


def _occurrence_key(entry):
    occurrence = entry.occurrence
    return ":".join(
        (
            str(occurrence.event.pk),
            occurrence.start.isoformat(),
            str(occurrence.start.tzinfo),
            occurrence.end.isoformat(),
            str(int(occurrence.cancelled)),
            str(int(occurrence.moved)),
            str(entry.more),
            occurrence.note or "",
        )
    )


def occurrence_cards(request, index, entries, *, view, heading_level=2):
    """[card HTML] for a listing's `entries` (events.listing.SeriesEntry) of the calendar `index`, in their order."""
    variant = f"{translation.get_language()}:{request.scheme}://{request.get_host()}:{view}:{heading_level}"
    items = {f"event-card:{variant}:{_occurrence_key(entry)}": entry for entry in entries}
    shown = {}
    # Each event is a child of the calendar, at its address plus the event's
    # slug: one URL worked out for the listing rather than two for each card.
    index_url = index.get_url(request)

    def prepare(missing):
        shown.update(zip(map(id, missing), with_series_shown(missing), strict=True))

    def render(entry):
        entry = shown[id(entry)]
        page_cache.shows_page(entry.event)
        page_cache.depends_on("event-categories")
        context = {
            "occurrence": entry.occurrence,
            "url": f"{index_url}{entry.event.slug}/",
            "more": entry.more,
            "heading_level": heading_level,
            "view": view,
        }
        return render_to_string(CARD_TEMPLATE, context, request=request)

    cards = page_cache.remembered_many(items, render, prepare=prepare)
    return [cards[key] for key in items]


def month_grid(request, index, first):
    """(grid HTML, whether the month has events) for the month starting on `first`, with the request's filters."""
    category = request.GET.get("category", "").strip()[:50]
    country = request.GET.get("country", "").strip()[:2].upper()
    key = (
        f"events:month-grid:{index.pk}:{first:%Y-%m}:{translation.get_language()}:"
        f"{request.scheme}://{request.get_host()}:{category}:{country}"
    )
    return page_cache.remembered(key, lambda: _month_grid(request, index, first))


def _month_grid(request, index, first):
    page_cache.depends_on("event-categories")  # the category filter matches by slug
    year, month = first.year, first.month
    following = (first + datetime.timedelta(days=32)).replace(day=1)
    # Widen by a day each side: an occurrence on the 1st in Auckland starts on
    # the last day of the previous month in UTC.
    window_start = datetime.datetime.combine(first - datetime.timedelta(days=1), datetime.time(), datetime.UTC)
    window_end = datetime.datetime.combine(following + datetime.timedelta(days=1), datetime.time(), datetime.UTC)
    by_day = {}
    occurrences = index.filtered_events(request).occurrence_times(window_start, window_end)
    # The grid shows titles and links: the plain rows the dates were expanded
    # from have the titles, and each event is a child of the calendar, at its
    # address plus the event's slug. No page is read. What each entry shows
    # is worked out here, once for each time of day, rather than by filters
    # for each entry in the template.
    index_url = index.get_url(request)
    times = {}
    for occurrence in occurrences:
        day = occurrence.start.date()  # the date on the clock where the event happens
        if first <= day < following:
            event = occurrence.event
            by_day.setdefault(day, []).append(
                {
                    "url": f"{index_url}{event.slug}/",
                    "title": event.title,
                    "time": "" if event.all_day else _time_of_day(occurrence.start, times),
                    "cancelled": occurrence.cancelled,
                    "moved": occurrence.moved,
                }
            )

    # Django counts weekdays from Sunday (0), Python's calendar from Monday (0).
    first_weekday = (int(get_format("FIRST_DAY_OF_WEEK")) - 1) % 7
    weeks = [
        [
            {"date": day, "iso": day.isoformat(), "in_month": day.month == month, "entries": by_day.get(day, [])}
            for day in week
        ]
        for week in calendar.Calendar(first_weekday).monthdatescalendar(year, month)
    ]
    context = {"weeks": weeks, "weekdays": [day["date"] for day in weeks[0]]}
    return render_to_string(GRID_TEMPLATE, context, request=request), bool(by_day)


def _time_of_day(start, known):
    """`start`'s time in the reader's language (TIME_FORMAT), on its own clock; `known` keeps those worked out."""
    key = (start.time(), start.utcoffset(), start.tzname())
    if key not in known:
        known[key] = time_format(start, "TIME_FORMAT")
    return known[key]


# The upcoming list's page asked for, kept as a part (EventIndexPage.upcoming_route).


class EventRef:
    """An event by its id alone: what a kept entry needs to find its card (or, missing, its page)."""

    __slots__ = ("pk",)

    def __init__(self, pk):
        self.pk = pk


def kept_entries(entries):
    """`entries` (SeriesEntry) as plain values for the cache."""
    return [
        (
            entry.event.pk,
            entry.occurrence.start,
            entry.occurrence.end,
            entry.occurrence.original_start,
            entry.occurrence.cancelled,
            entry.occurrence.moved,
            entry.occurrence.note,
            entry.more,
        )
        for entry in entries
    ]


class KeptPage(Sequence):
    """
    A list of `total` entries of which only those starting at `offset` are
    kept (kept_entries): for Django's Paginator, which asks for that page.
    """

    def __init__(self, total, offset, rows):
        self.total, self.offset = total, offset
        self.entries = [SeriesEntry(Occurrence(EventRef(pk), *fields), more=more) for pk, *fields, more in rows]

    def __len__(self):
        return self.total

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop, _step = index.indices(self.total)
        if start != self.offset:
            raise IndexError("only the kept page can be read")
        return self.entries[: stop - start]


def upcoming_page_key(index, request):
    """What the upcoming list's page depends on besides its tags: the calendar, the filters, the page asked for."""
    category = request.GET.get("category", "").strip()[:50]
    country = request.GET.get("country", "").strip()[:2].upper()
    number = request.GET.get("page", "1")[:20]
    return f"events:upcoming:{index.pk}:{category}:{country}:{number}"
