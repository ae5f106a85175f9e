"""
Recurrence rules in words, for editors: "Every year in April, on the fourth
Thursday, until December 31, 2030", and the next few dates on the event's own
clock. Shown by the recurrence picker (events/widgets.py) as the editor
builds a rule.
"""

import datetime
from zoneinfo import ZoneInfo

from django.utils import formats
from django.utils.dates import MONTHS, WEEKDAYS
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from . import recurrence
from .zones import zone_label

WEEKDAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
# How far ahead the preview looks for the next dates: a rule that matches
# nothing sooner (FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30) shows none, quickly.
PREVIEW_YEARS = 10


def rule_parts(text):
    """{"FREQ": "WEEKLY", "BYDAY": "TU,TH", …} from an RRULE string."""
    text = text.strip()
    if text.upper().startswith("RRULE:"):
        text = text[6:]
    parts = {}
    for item in text.split(";"):
        name, _sep, value = item.partition("=")
        if name:
            parts[name.strip().upper()] = value.strip().upper()
    return parts


def _join(items):
    # Translators: the separator between items of a list ("Monday, Wednesday").
    return pgettext("list separator", ", ").join(str(item) for item in items)


def _frequency(freq, interval):
    phrases = {
        "DAILY": lambda n: ngettext("Every day", "Every %(count)s days", n),
        "WEEKLY": lambda n: ngettext("Every week", "Every %(count)s weeks", n),
        "MONTHLY": lambda n: ngettext("Every month", "Every %(count)s months", n),
        "YEARLY": lambda n: ngettext("Every year", "Every %(count)s years", n),
    }
    return phrases[freq](interval) % {"count": interval}


def _nth_weekday(position, weekday):
    phrases = {
        1: _("on the first %(weekday)s"),
        2: _("on the second %(weekday)s"),
        3: _("on the third %(weekday)s"),
        4: _("on the fourth %(weekday)s"),
        5: _("on the fifth %(weekday)s"),
        -1: _("on the last %(weekday)s"),
        -2: _("on the second-to-last %(weekday)s"),
    }
    if position in phrases:
        return phrases[position] % {"weekday": weekday}
    return _("on %(weekday)s number %(position)s") % {"weekday": weekday, "position": position}


def _days(value):
    """'on Tuesday, Thursday' or 'on the fourth Thursday' from a BYDAY value."""
    plain, numbered = [], []
    for item in value.split(","):
        code = item[-2:]
        if code not in WEEKDAY_CODES:
            raise ValueError(item)
        weekday = WEEKDAYS[WEEKDAY_CODES.index(code)]
        position = item[:-2].lstrip("+")
        if position:
            numbered.append(_nth_weekday(int(position), weekday))
        else:
            plain.append(weekday)
    phrases = list(numbered)
    if plain:
        phrases.insert(0, _("on %(days)s") % {"days": _join(plain)})
    return phrases


def _until(value):
    day = datetime.datetime.strptime(value[:8], "%Y%m%d").date()
    return _("until %(date)s") % {"date": formats.date_format(day, "DATE_FORMAT")}


def describe(text):
    """The rule in the admin's language; a rule beyond what the words cover is told as such."""
    if not text:
        return _("Does not repeat.")
    parts = rule_parts(text)
    words = []
    try:
        interval = int(parts.pop("INTERVAL", "1") or 1)
        words.append(_frequency(parts.pop("FREQ"), interval))
        if "BYMONTH" in parts:
            months = [MONTHS[int(month)] for month in parts.pop("BYMONTH").split(",")]
            words.append(_("in %(months)s") % {"months": _join(months)})
        if "BYMONTHDAY" in parts:
            days = parts.pop("BYMONTHDAY").split(",")
            words.append(ngettext("on day %(days)s", "on days %(days)s", len(days)) % {"days": _join(days)})
        if "BYDAY" in parts:
            words.extend(_days(parts.pop("BYDAY")))
        if "COUNT" in parts:
            count = int(parts.pop("COUNT"))
            words.append(ngettext("%(count)s time in all", "%(count)s times in all", count) % {"count": count})
        if "UNTIL" in parts:
            words.append(_until(parts.pop("UNTIL")))
        parts.pop("WKST", None)
    except (KeyError, ValueError, IndexError):
        return _("A custom rule: %(rule)s") % {"rule": text}
    sentence = _join(words)
    if parts:  # BYSETPOS, BYWEEKNO…: say there is more than the words tell
        sentence = _("%(rule)s (with further conditions)") % {"rule": sentence}
    return _("%(sentence)s.") % {"sentence": sentence}


def next_dates(text, local_start, time_zone, count=5):
    """
    The first `count` dates of the series that starts at `local_start` (a
    naive time on the event's clock), as aware datetimes in `time_zone`.
    """
    zone = ZoneInfo(time_zone)
    if not text:
        return [local_start.replace(tzinfo=zone)]
    rule = recurrence.parse_rule(text, local_start)
    # between() stops at the horizon; iterating the rule itself would search
    # up to the year 9999 for a rule that matches nothing.
    horizon = local_start + datetime.timedelta(days=365 * PREVIEW_YEARS)
    return [moment.replace(tzinfo=zone) for moment in rule.between(local_start, horizon, inc=True)[:count]]


def describe_moment(moment):
    """'January 6, 2027, 6:00 PM EST': a date on the event's clock, with its zone."""
    return _("%(date)s, %(time)s %(zone)s") % {
        "date": formats.date_format(moment, "DATE_FORMAT"),
        "time": formats.time_format(moment, "TIME_FORMAT"),
        "zone": zone_label(moment),
    }
