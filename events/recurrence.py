"""
Occurrences of events: recurrence rules expanded in each event's own time
zone with python-dateutil, so that an event at 18:00 in New York stays at
18:00 New York time on both sides of a daylight-saving change.
"""

import datetime
import functools
import math
from dataclasses import dataclass, replace
from zoneinfo import ZoneInfo, available_timezones

from dateutil.rrule import DAILY, MONTHLY, WEEKLY, YEARLY, rrule, rrulestr
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .rule_fields import rule_fields

# How many occurrences one expansion may produce before we stop counting.
MAX_OCCURRENCES = 5000
# A rule is accepted only if its first date falls within this many years of
# the event's start.
RULE_HORIZON_YEARS = 10
# Rule parts an event may use. Times come from the event's start, so the
# parts that repeat an event within a day (BYHOUR, BYMINUTE, BYSECOND) are
# refused, as is dateutil's non-standard BYEASTER.
ALLOWED_PARTS = frozenset(
    {
        "FREQ",
        "INTERVAL",
        "COUNT",
        "UNTIL",
        "BYDAY",
        "BYMONTHDAY",
        "BYMONTH",
        "BYYEARDAY",
        "BYWEEKNO",
        "BYSETPOS",
        "WKST",
    }
)
# COUNT and INTERVAL are RFC 5545 INTEGERs (32-bit): the calendar feed cannot
# write a larger one, and a client could not read it.
RFC5545_INTEGER_MAX = 2**31 - 1
# The Gregorian calendar, weekdays and leap years included, repeats every 400
# years: that many periods of each frequency.
CALENDAR_CYCLE_YEARS = 400
CYCLE_PERIODS = {YEARLY: 400, MONTHLY: 4800, WEEKLY: 20871, DAILY: 146097}
TIME_ZONE_NAMES = frozenset(available_timezones())
TIME_ZONE_CHOICES = sorted((name, name.replace("_", " ")) for name in TIME_ZONE_NAMES)
# Events take place in these years (on their own clock). Python and psycopg
# read dates from year 1 to 9999 only, and a time near either end moves past
# it when converted to UTC for storage: the row could then not be read again.
YEARS_ACCEPTED = range(1900, 2101)


def validate_time_zone(value):
    if value not in TIME_ZONE_NAMES:
        raise ValidationError(_("“%(value)s” is not a known time zone."), params={"value": value})


def validate_year(value):
    """A date or time of an event, on its own clock, must fall in YEARS_ACCEPTED."""
    if value is not None and value.year not in YEARS_ACCEPTED:
        raise ValidationError(
            _("Choose a date between the years %(first)s and %(last)s."),
            params={"first": YEARS_ACCEPTED[0], "last": YEARS_ACCEPTED[-1]},
            code="year_out_of_range",
        )


def on_clock(value, tz):
    """An aware time on the clock of `tz`; a time that would pass year 1 or 9999 on the way stays as it is."""
    if value is None:
        return None
    try:
        return value.astimezone(tz)
    except OverflowError:
        return value


@functools.cache
def zone(name):
    """
    The event's time zone. A name that is not a known zone (stored before it
    was checked, or through a route that does not validate) reads as UTC
    rather than breaking every page that shows the event. Kept per process:
    ZoneInfo keeps only the last few zones it made, and reads a file from the
    system's zone database for any other (a few hundred names at most).
    """
    return ZoneInfo(name if name in TIME_ZONE_NAMES else "UTC")


def parse_rule(text, local_start):
    """The dateutil rule for an RRULE string, anchored at a naive local start."""
    text = text.strip()
    if text.upper().startswith("RRULE:"):
        text = text[6:]
    rule = rrulestr(f"RRULE:{text}", dtstart=local_start, ignoretz=True)
    if not isinstance(rule, rrule):
        raise ValueError("one RRULE expected")
    return rule


def _rule_parts(text):
    text = text.strip()
    if text.upper().startswith("RRULE:"):
        text = text[6:]
    return {part.split("=", 1)[0].strip().upper() for part in text.split(";") if part.strip()}


def check_rule(value, local_start, require_occurrence=True):
    """
    The dateutil rule for `value`, anchored at `local_start`, if events may
    use it; raises ValidationError saying why not. Costs a bounded amount of
    work whatever the rule says.
    """
    invalid = ValidationError(
        _("This is not a valid recurrence rule (RFC 5545 RRULE), e.g. FREQ=YEARLY;BYMONTH=4;BYDAY=4TH."),
        code="invalid_rule",
    )
    try:
        rule = parse_rule(value, local_start)
    except (ValueError, TypeError, OverflowError, KeyError, IndexError) as error:
        raise invalid from error
    fields = rule_fields(rule)
    if fields.freq not in CYCLE_PERIODS:  # HOURLY, MINUTELY, SECONDLY
        raise ValidationError(_("Events can repeat at most daily."), code="too_frequent")
    if fields.interval < 1:  # INTERVAL=0 would repeat on one date forever
        raise ValidationError(_("INTERVAL must be a whole number of at least 1."), code="invalid_interval")
    for name, number in (("INTERVAL", fields.interval), ("COUNT", fields.count)):
        if number is not None and not 1 <= number <= RFC5545_INTEGER_MAX:
            raise ValidationError(
                _("%(part)s must be a whole number from 1 to %(most)s."),
                params={"part": name, "most": RFC5545_INTEGER_MAX},
                code="number_out_of_range",
            )
    if not _rule_parts(value) <= ALLOWED_PARTS:
        raise ValidationError(
            _("Events repeat at the time they start: leave BYHOUR, BYMINUTE, BYSECOND and BYEASTER out of the rule."),
            code="unsupported_part",
        )
    if require_occurrence and first_occurrence(rule) is None:
        raise ValidationError(
            _("This rule gives no date in the %(years)d years after the event's start. Check the rule and the start."),
            params={"years": RULE_HORIZON_YEARS},
            code="no_occurrence",
        )
    return rule


def first_occurrence(rule):
    """
    The rule's first date within RULE_HORIZON_YEARS of its start, or None.

    dateutil stops looking only at a date that matches the rule or at the
    year 9999, so a rule that never matches (FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30)
    walks through eight millennia. The question is asked instead in a copy
    moved forward by whole 400-year calendar cycles (whole intervals too),
    which matches on the same dates and leaves at most a few cycles to walk.
    """
    fields = rule_fields(rule)
    start = fields.dtstart
    interval = fields.interval
    step = CALENDAR_CYCLE_YEARS * interval // math.gcd(CYCLE_PERIODS[fields.freq], interval)
    room = datetime.MAXYEAR - 1 - RULE_HORIZON_YEARS - start.year
    shift = room // step * step if room > 0 else 0
    try:
        moved_start = start.replace(year=start.year + shift)
        moved = rule.replace(dtstart=moved_start, until=_shift(fields.until, shift))
        horizon = moved_start.replace(year=moved_start.year + RULE_HORIZON_YEARS)
        found = next(iter(moved.xafter(moved_start, count=1, inc=True)), None)
    except (ValueError, OverflowError):
        return None
    if found is None or found > horizon:
        return None
    return found.replace(year=found.year - shift)


def _shift(value, years):
    return value.replace(year=value.year + years) if value is not None else None


@functools.lru_cache(maxsize=2048)
def usable_rule(value, local_start):
    """
    The rule an event's occurrences are expanded from, or None when the stored
    rule is not one events may use (written before it was validated, or
    straight into the database): such an event shows its first date only.
    Remembered per process, so the check costs once.
    """
    try:
        return check_rule(value, local_start)
    except ValidationError:
        return None


def validate_recurrence(value):
    """Field validator: the rule's form. Whether it gives dates depends on the event's start (EventPage.clean)."""
    if value:
        check_rule(value, datetime.datetime(2000, 1, 1, 12, 0), require_occurrence=False)


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
    tz = zone(event.time_zone)
    local_start = local_naive(event.start, tz)
    duration = local_naive(event.end, tz) - local_start
    if overrides is None:
        overrides = {o.occurrence_date: o for o in event.occurrence_overrides.all()}

    rule = usable_rule(event.recurrence, local_start) if event.recurrence else None
    if rule is not None:
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
        aware_start, aware_end = start.replace(tzinfo=tz), (start + duration).replace(tzinfo=tz)
        if override is None:
            # The usual case, checked before an occurrence is made: the
            # widened window above finds dates that fall outside this one.
            if aware_end > window_start and aware_start < window_end:
                result.append(Occurrence(event, aware_start, aware_end, aware_start))
            continue
        occurrence = Occurrence(event=event, start=aware_start, end=aware_end, original_start=aware_start)
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
                original_start=aware_start,
                moved=True,
                note=override.note,
            )
        if occurrence.end > window_start and occurrence.start < window_end:
            result.append(occurrence)
    result.sort(key=lambda o: o.start)
    return result


def series_end(event):
    """
    When the last occurrence ends, or None for a series without end, or one
    that goes on past MAX_OCCURRENCES or the last year events may take place
    in (treated as endless: a stored end must stay within the dates the
    database can give back).
    """
    if not event.recurrence:
        return event.end
    tz = zone(event.time_zone)
    local_start = local_naive(event.start, tz)
    rule = usable_rule(event.recurrence, local_start)
    if rule is None:
        return event.end
    fields = rule_fields(rule)
    if fields.count is None and fields.until is None:
        return None
    last, seen = None, 0
    for seen, last in enumerate(rule.xafter(local_start, inc=True, count=MAX_OCCURRENCES), start=1):  # noqa: B007
        if last.year > YEARS_ACCEPTED[-1]:
            return None
    if last is None:
        return event.end
    if seen == MAX_OCCURRENCES:
        return None
    end = last + (local_naive(event.end, tz) - local_start)
    return None if end.year > YEARS_ACCEPTED[-1] else aware(end, tz)
