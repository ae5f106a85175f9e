"""
Occurrences of events: recurrence rules expanded in each event's own time
zone with python-dateutil, so that an event at 18:00 in New York stays at
18:00 New York time on both sides of a daylight-saving change.
"""

import datetime
from dataclasses import dataclass, replace
from zoneinfo import ZoneInfo, available_timezones

from dateutil.rrule import rrule, rrulestr
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# How far ahead an open-ended series is shown, and how many occurrences a
# rule may produce before we stop counting (a guard against FREQ=SECONDLY).
MAX_OCCURRENCES = 5000
TIME_ZONE_NAMES = frozenset(available_timezones())
TIME_ZONE_CHOICES = sorted((name, name.replace("_", " ")) for name in TIME_ZONE_NAMES)


def validate_time_zone(value):
    if value not in TIME_ZONE_NAMES:
        raise ValidationError(_("“%(value)s” is not a known time zone."), params={"value": value})


def parse_rule(text, local_start):
    """The dateutil rule for an RRULE string, anchored at a naive local start."""
    text = text.strip()
    if text.upper().startswith("RRULE:"):
        text = text[6:]
    rule = rrulestr(f"RRULE:{text}", dtstart=local_start, ignoretz=True)
    if not isinstance(rule, rrule):
        raise ValueError("one RRULE expected")
    return rule


def validate_recurrence(value):
    if not value:
        return
    try:
        rule = parse_rule(value, datetime.datetime(2000, 1, 1, 12, 0))
    except (ValueError, TypeError, OverflowError) as error:
        raise ValidationError(
            _("This is not a valid recurrence rule (RFC 5545 RRULE), e.g. FREQ=YEARLY;BYMONTH=4;BYDAY=4TH.")
        ) from error
    if rule._freq > 3:  # HOURLY, MINUTELY, SECONDLY  # noqa: SLF001
        raise ValidationError(_("Events can repeat at most daily."))


@dataclass(frozen=True)
class Occurrence:
    """One date of an event, in the event's own time zone."""

    event: object
    start: datetime.datetime
    end: datetime.datetime
    original_start: datetime.datetime
    cancelled: bool = False
    moved: bool = False
    note: str = ""

    @property
    def time_zone(self):
        return self.start.tzinfo

    @property
    def is_recurring(self):
        return bool(self.event.recurrence)


def local_naive(value, tz):
    return value.astimezone(tz).replace(tzinfo=None)


def aware(local, tz):
    return local.replace(tzinfo=tz)


def expand(event, window_start, window_end, overrides=None, include_cancelled=True):
    """
    The occurrences of `event` that overlap [window_start, window_end), in
    order. `overrides` maps the local date of an occurrence to its override
    (cancelled, excluded or moved); pass it to avoid a query per event.
    """
    tz = ZoneInfo(event.time_zone)
    local_start = local_naive(event.start, tz)
    duration = local_naive(event.end, tz) - local_start
    if overrides is None:
        overrides = {o.occurrence_date: o for o in event.occurrence_overrides.all()}

    if event.recurrence:
        rule = parse_rule(event.recurrence, local_start)
        # Widen the window by a day and the duration so that occurrences
        # crossing its edges in any time zone are found; filter exactly below.
        low = local_naive(window_start, tz) - duration - datetime.timedelta(days=1)
        high = local_naive(window_end, tz) + datetime.timedelta(days=1)
        starts = []
        for start in rule.xafter(max(low, local_start), inc=True, count=MAX_OCCURRENCES):
            if start > high:
                break
            starts.append(start)
    else:
        starts = [local_start]

    result = []
    for start in starts:
        override = overrides.get(start.date())
        occurrence = Occurrence(
            event=event, start=aware(start, tz), end=aware(start + duration, tz), original_start=aware(start, tz)
        )
        if override is not None:
            if override.status == override.Status.EXCLUDED:
                continue
            if override.status == override.Status.CANCELLED:
                if not include_cancelled:
                    continue
                occurrence = replace(occurrence, cancelled=True, note=override.note)
            elif override.status == override.Status.MOVED and override.new_date:
                new_time = override.new_start_time or start.time()
                new_start = datetime.datetime.combine(override.new_date, new_time)
                occurrence = Occurrence(
                    event=event,
                    start=aware(new_start, tz),
                    end=aware(new_start + duration, tz),
                    original_start=aware(start, tz),
                    moved=True,
                    note=override.note,
                )
        if occurrence.end > window_start and occurrence.start < window_end:
            result.append(occurrence)
    result.sort(key=lambda o: o.start)
    return result


def series_end(event):
    """When the last occurrence ends, or None for a series without end."""
    if not event.recurrence:
        return event.end
    tz = ZoneInfo(event.time_zone)
    local_start = local_naive(event.start, tz)
    rule = parse_rule(event.recurrence, local_start)
    if rule._count is None and rule._until is None:  # noqa: SLF001
        return None
    last = None
    for last in rule.xafter(local_start, inc=True, count=MAX_OCCURRENCES):  # noqa: B007
        pass
    if last is None:
        return event.end
    return aware(last + (local_naive(event.end, tz) - local_start), tz)
