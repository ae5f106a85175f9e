"""The events calendar of the demo site."""

import datetime
from zoneinfo import ZoneInfo

from wagtail.models import Locale

from events.models import EventCategory, EventIndexPage, EventOccurrenceOverride, EventPage
from home.demo import pictures
from home.demo.loader import english, home_page, publish, section_content, translate_missing
from home.translations import translate_object

from .content import CATEGORIES, EVENTS, SECTION


def index_page(home):
    index = EventIndexPage.objects.child_of(home).first()
    if index is None:
        title, intro = SECTION["en"]
        index = EventIndexPage(title=title, slug="events", intro=intro, show_in_menus=True)
        home.add_child(instance=index)
        publish(index)
    translate_missing(index, section_content(SECTION))
    return index


def categories():
    for slug, names in CATEGORIES.items():
        category = EventCategory.objects.filter(slug=slug, locale=english()).first()
        if category is None:
            category = EventCategory.objects.create(slug=slug, name=names["en"], locale=english())
        for code, name in names.items():
            if code != "en" and not category.has_translation(Locale.objects.get(language_code=code)):
                translate_object(category, code, {names["en"]: name})


# The demo's upcoming events are written for 2027. Loaded in a later year,
# they move forward by whole 52-week years, which keeps their weekdays (and so
# rules such as "first Wednesday of the month"), so that they stay upcoming.
UPCOMING_FROM = 2027
SHIFT = datetime.timedelta(weeks=52) * max(0, datetime.date.today().year - (UPCOMING_FROM - 1))


def shifted(day):
    return day + SHIFT if day.year >= UPCOMING_FROM else day


def moment(value, zone):
    """'2027-01-06T18:00' or '2011-04-28' on the clock of `zone` (upcoming ones shifted, see SHIFT)."""
    return shifted(datetime.datetime.fromisoformat(value)).replace(tzinfo=ZoneInfo(zone))


def event(index, data):
    existing = EventPage.objects.child_of(index).filter(slug=data["slug"]).first()
    if existing is not None:
        return existing
    title, summary = data["text"]["en"]
    page = EventPage(
        title=title,
        slug=data["slug"],
        summary=summary,
        category=EventCategory.objects.get(slug=data["category"], locale=english()),
        organiser=data.get("organiser", ""),
        start=moment(data["start"], data["time_zone"]),
        end=moment(data["end"], data["time_zone"]),
        time_zone=data["time_zone"],
        all_day=data.get("all_day", False),
        recurrence=data.get("recurrence", ""),
        venue_name=data.get("venue_name", ""),
        city=data.get("city", ""),
        country=data.get("country", ""),
        online_url=data.get("online_url", ""),
        registration_url=data.get("registration_url", ""),
        image=pictures.event_image(data["category"], data["slug"]),
        image_alt=pictures.EVENT_ALT[data["category"]]["en"],
    )
    for override in data.get("overrides", []):
        page.occurrence_overrides.add(
            EventOccurrenceOverride(
                occurrence_date=shifted(datetime.date.fromisoformat(override["occurrence_date"])),
                status=override["status"],
                new_date=shifted(datetime.date.fromisoformat(override["new_date"]))
                if override.get("new_date")
                else None,
                note=override["note"]["en"],
                locale=index.locale,
            )
        )
    index.add_child(instance=page)
    return publish(page)


def strings(data, code):
    title, summary = data["text"]["en"]
    translated_title, translated_summary = data["text"][code]
    pairs = {title: translated_title, summary: translated_summary}
    # Organisers, venues and cities keep their own names in the demo.
    for name in ("organiser", "venue_name", "city"):
        if data.get(name):
            pairs.setdefault(data[name], data[name])
    for override in data.get("overrides", []):
        pairs[override["note"]["en"]] = override["note"][code]
    alt = pictures.EVENT_ALT[data["category"]]
    pairs[alt["en"]] = alt[code]
    return pairs


def load(stdout):
    index = index_page(home_page())
    categories()
    for data in EVENTS:
        page = event(index, data)
        for code in data["text"]:
            if code != "en" and not page.has_translation(Locale.objects.get(language_code=code)):
                translate_object(page, code, strings(data, code))
    stdout.write(f"Events ready: {len(EVENTS)} events in six languages.")
