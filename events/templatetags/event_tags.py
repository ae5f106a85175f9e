from django import template
from django.utils.formats import date_format
from django.utils.translation import gettext as _

register = template.Library()


def _zone_abbreviation(value):
    return value.strftime("%Z")


@register.simple_tag
def occurrence_when(occurrence):
    """
    When an occurrence takes place, on the clock where it happens: 'April 23, 2026, 18:00–20:00 EDT'
    (formatted for the reader's language).
    """
    start, end = occurrence.start, occurrence.end
    if occurrence.event.all_day:
        if start.date() == end.date():
            return date_format(start, "DATE_FORMAT")
        return _("%(start)s to %(end)s") % {
            "start": date_format(start, "DATE_FORMAT"),
            "end": date_format(end, "DATE_FORMAT"),
        }
    day = date_format(start, "DATE_FORMAT")
    times = f"{date_format(start, 'TIME_FORMAT')}–{date_format(end, 'TIME_FORMAT')}"
    if start.date() != end.date():
        times = (
            f"{date_format(start, 'TIME_FORMAT')} – {date_format(end, 'DATE_FORMAT')} {date_format(end, 'TIME_FORMAT')}"
        )
    return f"{day}, {times} {_zone_abbreviation(start)}"


@register.filter
def iso(value):
    return value.isoformat()


@register.filter
def google_calendar_url(event, occurrence):
    return event.google_calendar_url(occurrence)
