from django import template
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from ..zones import zone_label

register = template.Library()


@register.simple_tag
def occurrence_when(occurrence):
    """
    When an occurrence takes place, on the clock where it happens: 'April 23, 2026, 6:00 PM–8:00 PM EDT',
    in the reader's language, punctuated as her language is (see cms/formats).
    """
    start, end = occurrence.start, occurrence.end
    if occurrence.event.all_day:
        if start.date() == end.date():
            return date_format(start, "DATE_FORMAT")
        return _("%(start)s to %(end)s") % {
            "start": date_format(start, "DATE_FORMAT"),
            "end": date_format(end, "DATE_FORMAT"),
        }
    if start.date() == end.date():
        # Translators: an event on one day: "January 6, 2027, 6:00 PM–8:00 PM EST". Use your language's comma.
        return _("%(date)s, %(start)s–%(end)s %(zone)s") % {
            "date": date_format(start, "DATE_FORMAT"),
            "start": date_format(start, "TIME_FORMAT"),
            "end": date_format(end, "TIME_FORMAT"),
            "zone": zone_label(start),
        }
    # Translators: an event over several days: "January 6, 2027, 6:00 PM – January 7, 2027, 2:00 AM EST".
    return _("%(start_date)s, %(start)s – %(end_date)s, %(end)s %(zone)s") % {
        "start_date": date_format(start, "DATE_FORMAT"),
        "start": date_format(start, "TIME_FORMAT"),
        "end_date": date_format(end, "DATE_FORMAT"),
        "end": date_format(end, "TIME_FORMAT"),
        "zone": zone_label(start),
    }


@register.simple_tag
def moment_pattern():
    """
    How a single moment is written ("%(date)s, %(time)s %(zone)s"), for the
    reader's-local-time hint that local-time.js composes in the browser.
    """
    # Translators: a date and time with its time zone: "January 6, 2027, 6:00 PM GMT+1". Use your language's comma.
    return _("%(date)s, %(time)s %(zone)s")


@register.filter
def iso(value):
    return value.isoformat()


@register.filter
def google_calendar_url(event, occurrence):
    return event.google_calendar_url(occurrence)
