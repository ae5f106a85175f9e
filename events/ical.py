"""iCalendar (RFC 5545) export and import, with the icalendar library."""

import datetime
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vRecur
from wagtail.coreutils import find_available_slug

from home.richtext import paragraph_blocks

from .recurrence import (
    TIME_ZONE_NAMES,
    YEARS_ACCEPTED,
    check_rule,
    first_occurrence,
    local_naive,
    parse_rule,
    usable_rule,
    zone,
)
from .rule_fields import rule_fields

PRODUCT_ID = "-//Global Network of Women ICT Decision Makers//Events//EN"
MAX_IMPORT_BYTES = 2 * 1024 * 1024
MAX_IMPORT_EVENTS = 500
MAX_IMPORT_LINES = 40_000


def series_uid(event):
    """One UID per series, the same in every language."""
    return event.ical_uid or f"event-{event.translation_key}@gnwict"


def _rrule_for_ics(event, tz):
    """
    The event's RRULE with UNTIL in UTC, as RFC 5545 requires for a DTSTART
    with TZID; None if the stored rule is not one events may use.
    """
    if usable_rule(event.recurrence, local_naive(event.start, tz)) is None:
        return None
    try:
        rule = vRecur.from_ical(event.recurrence.removeprefix("RRULE:"))
    except ValueError:
        return None
    if "UNTIL" in rule:
        parsed = parse_rule(event.recurrence, local_naive(event.start, tz))
        until = rule_fields(parsed).until  # the last allowed local start, as dateutil read it
        rule["UNTIL"] = [until.date() if event.all_day else until.replace(tzinfo=tz).astimezone(datetime.UTC)]
    return rule


def _original_start(event, override, tz):
    local = datetime.datetime.combine(override.occurrence_date, local_naive(event.start, tz).time())
    return override.occurrence_date if event.all_day else local.replace(tzinfo=tz)


def _add_times(component, start, end, all_day):
    if all_day:
        component.add("dtstart", start.date())
        component.add("dtend", end.date() + datetime.timedelta(days=1))
    else:
        component.add("dtstart", start)
        component.add("dtend", end)


def event_components(event, request=None):
    tz = zone(event.time_zone)
    start, end = event.start.astimezone(tz), event.end.astimezone(tz)
    uid = series_uid(event)
    stamp = event.last_published_at or event.latest_revision_created_at or timezone.now()
    url = event.get_full_url(request)
    location = ", ".join(p for p in [event.venue_name, event.city, str(event.country.name or "")] if p)

    master = Event()
    master.add("uid", uid)
    master.add("dtstamp", stamp)
    master.add("summary", event.title)
    master.add("description", f"{event.summary}\n\n{url}" if url else event.summary)
    if url:
        master.add("url", url)
    if location or event.online_url:
        master.add("location", location or event.online_url)
    if event.category:
        master.add("categories", [event.category.name])
    if event.organiser:
        master.add("x-organiser-name", event.organiser)
    components = [master]

    # A rule stored before it was validated (or straight into the database)
    # is left out, as on the event's page: the event keeps its first date and
    # the rest of the feed is still served.
    rule = _rrule_for_ics(event, tz) if event.recurrence else None
    duration = local_naive(event.end, tz) - local_naive(event.start, tz)
    if rule is not None:
        # RFC 5545 counts DTSTART as an occurrence even where the rule does
        # not match it (a start on Tuesday 1 December for "the first Wednesday
        # of each month"), whereas the site's dates skip it: calendar apps get
        # the series' first real date as DTSTART, so they show the same dates.
        first = first_occurrence(usable_rule(event.recurrence, local_naive(event.start, tz)))
        if first is not None and first != local_naive(event.start, tz):
            start, end = first.replace(tzinfo=tz), (first + duration).replace(tzinfo=tz)
    _add_times(master, start, end, event.all_day)
    if rule is not None:
        master.add("rrule", rule)
        for override in event.occurrence_overrides.all():
            original = _original_start(event, override, tz)
            if override.status in (override.Status.EXCLUDED, override.Status.CANCELLED):
                master.add("exdate", original)
            elif override.status == override.Status.MOVED and override.new_date:
                new_time = override.new_start_time or local_naive(event.start, tz).time()
                new_start = datetime.datetime.combine(override.new_date, new_time)
                moved = Event()
                moved.add("uid", uid)
                moved.add("dtstamp", stamp)
                moved.add("recurrence-id", original)
                moved.add("summary", event.title)
                if override.note:
                    moved.add("comment", override.note)
                _add_times(
                    moved, new_start.replace(tzinfo=tz), (new_start + duration).replace(tzinfo=tz), event.all_day
                )
                components.append(moved)
    return components


def build_calendar(events, name, request=None):
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    for event in events:
        for component in event_components(event, request):
            calendar.add_component(component)
    calendar.add_missing_timezones()
    return calendar


def calendar_response(request, events, name, filename):
    response = HttpResponse(
        build_calendar(events, name, request).to_ical(), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class CalendarImportError(Exception):
    """The file cannot be imported; the message says why, for the editor."""


# An .ics file is untrusted input: these bound what one import may ask of the
# server (the "Calendar import" row of the README's limits table).
MAX_EXDATES_PER_EVENT = 500
MAX_EVENT_LENGTH = datetime.timedelta(days=366)
# Every control character but tab and line breaks (PostgreSQL refuses NUL).
CONTROL_CHARACTERS = dict.fromkeys(c for c in range(32) if c not in (9, 10, 13)) | {127: None}


def _zone_name(value):
    tzinfo = getattr(value, "tzinfo", None)
    key = getattr(tzinfo, "key", None) or getattr(tzinfo, "zone", None)
    if key in TIME_ZONE_NAMES:
        return key
    if tzinfo is not None and value.utcoffset() == datetime.timedelta(0):
        return "UTC"
    return None


def _as_aware(value, zone_name):
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            return value.replace(tzinfo=ZoneInfo(zone_name))
        return value.astimezone(ZoneInfo(zone_name))
    return datetime.datetime.combine(value, datetime.time(0, 0), tzinfo=ZoneInfo(zone_name))


def _as_list(value):
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _local_date(value, zone_name):
    """The date of a DATE or DATE-TIME value, on the clock of the event's zone."""
    if isinstance(value, datetime.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(ZoneInfo(zone_name))
        return value.date()
    return value


def clean_text(value, limit):
    """A text property as plain text: no control characters, at most `limit` characters."""
    return str(value or "").translate(CONTROL_CHARACTERS).strip()[:limit]


class _Component:
    """One VEVENT being read; errors name it so the editor can find it in the file."""

    def __init__(self, component, number):
        self.component = component
        self.number = number
        self.uid = clean_text(component.get("uid"), 255)
        self.title = clean_text(component.get("summary"), 255)

    def error(self, message):
        label = _("Event %(number)s") % {"number": self.number}
        if self.title:
            label += f" (“{self.title[:60]}”)"
        return CalendarImportError(f"{label}: {message}")

    def date(self, name, required=True):
        """A DATE or DATE-TIME property, checked: icalendar keeps unreadable values as text."""
        if name not in self.component:
            if required:
                raise self.error(_("%(property)s is missing.") % {"property": name.upper()})
            return None
        bad = [prop for prop, _message in getattr(self.component, "errors", []) if prop.lower() == name]
        try:
            value = self.component.decoded(name)
        except (ValueError, TypeError, KeyError, IndexError, OverflowError) as error:
            raise self.error(_("%(property)s cannot be read.") % {"property": name.upper()}) from error
        if bad or not isinstance(value, datetime.date):
            raise self.error(_("%(property)s cannot be read.") % {"property": name.upper()})
        if value.year not in YEARS_ACCEPTED:
            raise self.error(
                _("%(property)s is outside the years %(first)s to %(last)s.")
                % {"property": name.upper(), "first": YEARS_ACCEPTED[0], "last": YEARS_ACCEPTED[-1]}
            )
        return value


def parse_calendar(data):
    """
    Read the events in an .ics file. Returns a list of dicts, one per series,
    or raises CalendarImportError, naming the event at fault, without
    touching the database. Text stays plain text; it is escaped wherever it
    becomes HTML.
    """
    if len(data) > MAX_IMPORT_BYTES:
        raise CalendarImportError(_("The file is too large (2 MB at most)."))
    try:
        # utf-8-sig: a byte order mark, which some calendar exporters write, is not content.
        text = data.decode("utf-8-sig") if isinstance(data, bytes) else data.removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        # iCalendar files are UTF-8 (RFC 5545): reading another encoding as
        # UTF-8 would import names with replacement characters in them.
        raise CalendarImportError(
            _("The file is not in UTF-8, the encoding iCalendar files use. Export or save it again as UTF-8.")
        ) from error
    # Reading costs time per line: a file within the size limit can hold
    # hundreds of thousands of short lines that no calendar of ours needs.
    lines = text.count("\n")
    if lines > MAX_IMPORT_LINES:
        raise CalendarImportError(
            _("The file has too many lines (%(limit)s at most).") % {"limit": f"{MAX_IMPORT_LINES:,}"}
        )
    try:
        calendar = Calendar.from_ical(text)
    except (ValueError, IndexError, KeyError, TypeError, UnicodeDecodeError) as error:
        raise CalendarImportError(_("This is not a valid iCalendar (.ics) file.")) from error
    if not isinstance(calendar, Calendar) or calendar.name != "VCALENDAR":
        raise CalendarImportError(_("This is not a valid iCalendar (.ics) file."))
    components = list(calendar.walk("VEVENT"))
    if not components:
        raise CalendarImportError(_("The file contains no events."))
    if len(components) > MAX_IMPORT_EVENTS:
        raise CalendarImportError(_("The file contains too many events (500 at most)."))

    series, moved = {}, []
    for number, raw in enumerate(components, start=1):
        component = _Component(raw, number)
        if not component.uid or not component.title:
            raise component.error(_("it has no UID or no title."))
        start = component.date("dtstart")
        try:
            if "dtend" in raw:
                end = component.date("dtend")
            elif "duration" in raw:
                duration = raw.decoded("duration")
                if not isinstance(duration, datetime.timedelta) or abs(duration) > MAX_EVENT_LENGTH:
                    raise component.error(_("its DURATION is longer than a year."))
                end = start + duration
            else:
                end = start + (
                    datetime.timedelta(days=1) if not isinstance(start, datetime.datetime) else datetime.timedelta()
                )
        except (ValueError, TypeError, KeyError, OverflowError) as error:
            raise component.error(_("DTEND or DURATION cannot be read.")) from error
        all_day = not isinstance(start, datetime.datetime)
        if all_day == isinstance(end, datetime.datetime):
            raise component.error(_("DTSTART and DTEND must both be dates or both be times."))
        zone_name = _zone_name(start) or "UTC"
        _check_time_zone(component, "dtstart", start)
        if isinstance(end, datetime.datetime) and "dtend" in raw:
            _check_time_zone(component, "dtend", end)
        if "rdate" in raw:
            raise component.error(
                _("it has extra dates (RDATE), which cannot be imported: add them as separate events.")
            )
        if "recurrence-id" in raw:
            moved.append(
                {"uid": component.uid, "original": component.date("recurrence-id"), "start": start, "zone": zone_name}
            )
            continue
        item = {
            "uid": component.uid,
            "title": component.title,
            "summary": clean_text(raw.get("description"), 600) or component.title[:600],
            "all_day": all_day,
            "time_zone": zone_name,
            "start": _as_aware(start, zone_name),
            "end": _as_aware(end, zone_name) - (datetime.timedelta(days=1) if all_day else datetime.timedelta()),
            "location": clean_text(raw.get("location"), 200),
            "url": clean_text(raw.get("url"), 200),
            "recurrence": "",
            "excluded": [],
            "moved": [],
        }
        if item["end"] < item["start"]:
            raise component.error(_("it ends before it starts."))
        if item["end"] - item["start"] > MAX_EVENT_LENGTH:
            raise component.error(_("it lasts longer than a year."))
        if "rrule" in raw:
            item["recurrence"] = _recurrence(component, item)
        exdates = []
        try:
            for exdate in _as_list(raw.get("exdate")):
                exdates.extend(value.dt for value in exdate.dts)
        except (AttributeError, TypeError, ValueError) as error:
            raise component.error(_("EXDATE cannot be read.")) from error
        if len(exdates) > MAX_EXDATES_PER_EVENT:
            raise component.error(
                _("it leaves out more than %(limit)s dates (EXDATE).") % {"limit": MAX_EXDATES_PER_EVENT}
            )
        if not all(isinstance(value, datetime.date) for value in exdates):
            raise component.error(_("EXDATE cannot be read."))
        item["excluded"] = sorted({_local_date(value, zone_name) for value in exdates})
        series[component.uid] = item
    for change in moved:
        if change["uid"] in series:
            item = series[change["uid"]]
            event_zone = ZoneInfo(item["time_zone"])
            new = change["start"]
            if isinstance(new, datetime.datetime) and new.tzinfo is not None:
                new = new.astimezone(event_zone)
            item["moved"].append(
                {
                    "occurrence_date": _local_date(change["original"], item["time_zone"]),
                    "new_date": new.date() if isinstance(new, datetime.datetime) else new,
                    "new_start_time": new.time() if isinstance(new, datetime.datetime) else None,
                }
            )
    return list(series.values())


def _check_time_zone(component, name, value):
    """
    A time given with a TZID that is not a known zone and has no VTIMEZONE
    in the file reads as a time without zone: it would become UTC, hours off,
    without anyone knowing. Refused, naming the zone.
    """
    tzid = component.component[name].params.get("TZID") if name in component.component else None
    if tzid and isinstance(value, datetime.datetime) and value.tzinfo is None:
        raise component.error(
            _("its time zone “%(zone)s” is not known: use a name such as Europe/Paris, or include its VTIMEZONE.")
            % {"zone": clean_text(tzid, 60)}
        )


def _recurrence(component, item):
    """The event's RRULE as text, with UNTIL on the event's own clock, if events may use it."""
    rules = component.component.get("rrule")
    rule = rules[0] if isinstance(rules, list) else rules
    try:
        if "UNTIL" in rule:
            until = rule["UNTIL"][0]
            if isinstance(until, datetime.datetime) and until.tzinfo is not None:
                rule["UNTIL"] = [until.astimezone(ZoneInfo(item["time_zone"])).replace(tzinfo=None)]
        text = rule.to_ical().decode()
    except (AttributeError, TypeError, ValueError, KeyError, IndexError, OverflowError) as error:
        raise component.error(_("RRULE cannot be read.")) from error
    if len(text) > 500:
        raise component.error(_("RRULE is too long."))
    try:
        check_rule(text, local_naive(item["start"], ZoneInfo(item["time_zone"])))
    except ValidationError as error:
        raise component.error(
            _("its RRULE cannot be used: %(reason)s") % {"reason": " ".join(error.messages)}
        ) from error
    return text


def _web_address(value):
    try:
        URLValidator(schemes=["http", "https"])(value)
    except ValidationError:
        return ""
    return value


@transaction.atomic
def import_calendar(data, index, user=None, progress=None):
    """
    Create or update draft events under `index` from an .ics file, matched by
    UID so that importing again updates rather than duplicates. All or nothing.
    `progress(done)` is told after each event. Returns (created, updated) counts.
    """
    from .models import EventOccurrenceOverride, EventPage

    created = updated = 0
    for done, item in enumerate(parse_calendar(data), start=1):
        page = EventPage.objects.filter(ical_uid=item["uid"], locale=index.locale).first()
        is_new = page is None
        if is_new:
            page = EventPage(ical_uid=item["uid"], locale=index.locale, live=False, owner=user)
        page.title = item["title"]
        page.summary = item["summary"]
        page.start, page.end = item["start"], item["end"]
        page.time_zone = item["time_zone"]
        page.all_day = item["all_day"]
        page.recurrence = item["recurrence"]
        page.venue_name = item["location"]
        if address := _web_address(item["url"]):
            page.online_url = address
        if not page.body:
            page.body = paragraph_blocks(item["summary"])
        overrides = [
            EventOccurrenceOverride(
                occurrence_date=day, status=EventOccurrenceOverride.Status.EXCLUDED, locale=index.locale
            )
            for day in item["excluded"]
        ] + [
            EventOccurrenceOverride(status=EventOccurrenceOverride.Status.MOVED, locale=index.locale, **change)
            for change in item["moved"]
        ]
        page.occurrence_overrides = overrides
        if is_new:
            page.slug = find_available_slug(index, slugify(item["title"])[:80] or "event")
            index.add_child(instance=page)
            created += 1
        else:
            updated += 1
        page.save_revision(user=user, log_action=True)
        if progress is not None:
            progress(done)
    return created, updated
