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
import functools
from collections.abc import Sequence

from django.template import engines
from django.utils import translation
from django.utils.formats import date_format, get_format, localize, time_format
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext, pgettext
from django_countries.fields import Country

from home import page_cache
from home.templatetags.site_tags import name_in_its_script

from .listing import SeriesEntry
from .recurrence import Occurrence
from .templatetags.event_tags import WhenWriter

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
    from .models import events_shown

    variant = f"{translation.get_language()}:{request.scheme}://{request.get_host()}:{view}:{heading_level}"
    items = {f"event-card:{variant}:{_occurrence_key(entry)}": entry for entry in entries}
    shown = {}
    # Each event is a child of the calendar, at its address plus the event's
    # slug: one URL worked out for the listing rather than two for each card.
    index_url = index.get_url(request)
    values = CardValues(index_url, view, heading_level)

    def prepare(missing):
        shown.update(events_shown({entry.event.pk for entry in missing}))

    writer = CardWriter()

    def render(entry):
        event = shown[entry.event.pk]
        page_cache.shows_page(event)
        page_cache.depends_on("event-categories")
        return writer.write(values(entry.occurrence, event, entry.more))

    cards = page_cache.remembered_many(items, render, prepare=prepare)
    return [cards[key] for key in items]


class CardWriter:
    """
    CARD_TEMPLATE written in Python, byte for byte, from CardValues: a
    listing's twenty cards cost a fraction of twenty template renders. Every
    value is escaped; the words are translated once for the listing, in the
    language active when the writer is made. The picture, when there is one,
    is still Wagtail's {% picture %} tag (PICTURE_TEMPLATE). Change both
    together: tests/events compare them.
    """

    def __init__(self):
        self.cancelled = conditional_escape(gettext("Cancelled"))
        self.moved = conditional_escape(gettext("Moved"))
        self.online = conditional_escape(gettext("Online"))
        self.separator = conditional_escape(pgettext("list separator", ", "))

    def more(self, view, more):
        if view == "past":
            text = ngettext("and %(counter)s earlier date", "and %(counter)s earlier dates", more)
        else:
            text = ngettext("and %(counter)s more date", "and %(counter)s more dates", more)
        return text % {"counter": conditional_escape(localize(more))}

    def write(self, values):
        url = conditional_escape(values["url"])
        cancelled, image = values["cancelled"], values["image"]
        level = conditional_escape(localize(values["heading_level"]))
        when = conditional_escape(values["when"])
        parts = [
            '\n<article class="occurrence',
            " occurrence--cancelled" if cancelled else "",
            " occurrence--with-image" if image else "",
            '">\n    ',
            f'<div class="occurrence__media">{_picture(image)}</div>' if image else "",
            f'\n    <h{level} class="occurrence__title"><a href="{url}">{conditional_escape(values["title"])}</a></h{level}>\n',
            '    <p class="occurrence__when">\n        ',
            f'<strong class="badge badge--cancelled">{self.cancelled}</strong>'
            if cancelled
            else (f'<strong class="badge">{self.moved}</strong>' if values["moved"] else ""),
            f'\n        <time datetime="{conditional_escape(values["start"])}"',
            "" if values["all_day"] else " data-local-time",
            f">{f'<s>{when}</s>' if cancelled else when}</time>\n    </p>\n    ",
            f'<p class="occurrence__note">{conditional_escape(values["note"])}</p>' if values["note"] else "",
            "\n    ",
        ]
        if more := values["more"]:
            parts.append(
                '\n        <p class="occurrence__more">\n'
                f'            <a href="{url}#dates">{self.more(values["view"], more)}</a>\n'
                "        </p>\n    "
            )
        parts.append('\n    <p class="meta">\n        ')
        if values["category"]:
            parts.append(conditional_escape(values["category"]))
        parts.append("\n        ")
        city, has_country = values["city"], values["has_country"]
        if city or has_country:
            parts.append(
                f" · {conditional_escape(city)}{self.separator if city and has_country else ''}{conditional_escape(values['country'])}"
            )
        parts.append("\n        ")
        if values["online"]:
            parts.append(f" · {self.online}")
        parts.append("\n    </p>\n</article>\n")
        return mark_safe("".join(parts))  # noqa: S308 (every value above is escaped)


PICTURE_TEMPLATE = (
    "{% load image_tags %}"
    '{% picture image format-{webp,jpeg} fill-{400x225,800x450} sizes="12rem" alt="" loading="lazy" %}'
)


@functools.cache
def _picture_template():
    return engines["django"].from_string(PICTURE_TEMPLATE)


def _picture(image):
    return _picture_template().render({"image": image})


class CardValues:
    """
    What an occurrence card (CARD_TEMPLATE) shows, as plain values: worked
    out here rather than looked up in the template, each date, time, city
    and country written once for the listing (in the active language).
    """

    def __init__(self, index_url, view, heading_level):
        self.index_url, self.view, self.heading_level = index_url, view, heading_level or 3
        self.when = WhenWriter()
        self._cities, self._names_of_countries = {}, {}

    def city(self, name):
        if (text := self._cities.get(name)) is None:
            text = self._cities[name] = name_in_its_script(name)
        return text

    def country(self, code):
        if (name := self._names_of_countries.get(code)) is None:
            name = self._names_of_countries[code] = Country(code).name if code else ""
        return name

    def __call__(self, occurrence, event, more):
        return {
            "url": f"{self.index_url}{event.slug}/",
            "title": event.title,
            "image": event.image,
            "heading_level": self.heading_level,
            "view": self.view,
            "cancelled": occurrence.cancelled,
            "moved": occurrence.moved,
            "start": occurrence.start.isoformat(),
            "all_day": event.all_day,
            "when": self.when.write(occurrence.start, occurrence.end, event.all_day),
            "note": occurrence.note,
            "more": more,
            "category": event.category or "",
            "city": self.city(event.city),
            "has_country": bool(event.country),
            "country": self.country(event.country),
            "online": bool(event.online_url),
        }


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
    occurrences = index.occurrence_times(window_start, window_end, request)
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
    return write_month_grid(weeks, [day["date"] for day in weeks[0]]), bool(by_day)


def write_month_grid(weeks, weekdays):
    """
    GRID_TEMPLATE written in Python, byte for byte, for `weeks` and
    `weekdays` (its context, as _month_grid makes it): every value escaped,
    the words translated once. Change both together: tests/events compare
    them.
    """
    cancelled = f'<span class="badge badge--cancelled">{conditional_escape(gettext("Cancelled"))}</span>'
    moved = f'<span class="badge">{conditional_escape(gettext("Moved"))}</span>'
    parts = ['\n\n<table class="month-grid" aria-labelledby="month-heading">\n    <thead>\n        <tr>']
    for day in weekdays:
        long, short = conditional_escape(date_format(day, "l")), conditional_escape(date_format(day, "D"))
        parts.append(f'<th scope="col"><abbr title="{long}">{short}</abbr></th>')
    parts.append("</tr>\n    </thead>\n    <tbody>\n        ")
    for week in weeks:
        parts.append("\n            <tr>\n                ")
        for cell in week:
            entries = cell["entries"]
            parts.append(
                '\n                    <td class="'
                f"{'' if cell['in_month'] else 'month-grid__other'}{' month-grid__busy' if entries else ''}"
                '">\n                        <span class="month-grid__day">'
                f'<time datetime="{conditional_escape(cell["iso"])}">{conditional_escape(localize(cell["date"].day))}</time>'
                "</span>\n                        "
            )
            if entries:
                parts.append("\n                            <ul>\n                                ")
                for entry in entries:
                    time = f"{conditional_escape(entry['time'])} " if entry["time"] else ""
                    badge = cancelled if entry["cancelled"] else (moved if entry["moved"] else "")
                    parts.append(
                        "\n                                    <li"
                        f"{' class="occurrence--cancelled"' if entry['cancelled'] else ''}>\n"
                        f'                                        <a href="{conditional_escape(entry["url"])}">'
                        f"{time}{conditional_escape(entry['title'])}</a>\n"
                        f"                                        {badge}\n"
                        "                                    </li>\n                                "
                    )
                parts.append("\n                            </ul>\n                        ")
            parts.append("\n                    </td>\n                ")
        parts.append("\n            </tr>\n        ")
    parts.append("\n    </tbody>\n</table>\n\n")
    return mark_safe("".join(parts))  # noqa: S308 (every value above is escaped)


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
