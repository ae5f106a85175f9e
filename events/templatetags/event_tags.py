from django import template
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from ..zones import zone_label

register = template.Library()


class WhenWriter:
    """
    occurrence_when for the occurrences of a listing, in the language active
    when it is made. A listing repeats dates, times of day and zones: each is
    written once (Django's date_format parses its format and translates month
    names and "a.m." anew on every call). The keys name the clock too: the
    same instant reads differently in another zone.
    """

    def __init__(self):
        texts = _texts_in(translation.get_language())
        self._dates, self._times, self._zones, self._patterns = texts["dates"], texts["times"], texts["zones"], {}

    def date(self, moment):
        key = (moment.date(), moment.utcoffset(), moment.tzname())
        if (text := self._dates.get(key)) is None:
            text = self._dates[key] = _kept(self._dates, date_format(moment, "DATE_FORMAT"))
        return text

    def time(self, moment):
        key = (moment.time(), moment.utcoffset(), moment.tzname())
        if (text := self._times.get(key)) is None:
            text = self._times[key] = _kept(self._times, date_format(moment, "TIME_FORMAT"))
        return text

    def zone(self, moment):
        key = (moment.utcoffset(), moment.tzname())
        if (text := self._zones.get(key)) is None:
            text = self._zones[key] = _kept(self._zones, zone_label(moment))
        return text

    def pattern(self, kind):
        if (text := self._patterns.get(kind)) is None:
            text = self._patterns[kind] = PATTERNS[kind]()
        return text

    def __call__(self, occurrence):
        """
        When `occurrence` takes place, on the clock where it happens: 'April 23, 2026, 6:00 PM–8:00 PM EDT',
        in the reader's language, punctuated as her language is (see cms/formats).
        """
        return self.write(occurrence.start, occurrence.end, occurrence.event.all_day)

    def write(self, start, end, all_day):
        if all_day:
            if start.date() == end.date():
                return self.date(start)
            return self.pattern("days") % {"start": self.date(start), "end": self.date(end)}
        if start.date() == end.date():
            return self.pattern("one day") % {
                "date": self.date(start),
                "start": self.time(start),
                "end": self.time(end),
                "zone": self.zone(start),
            }
        return self.pattern("several days") % {
            "start_date": self.date(start),
            "start": self.time(start),
            "end_date": self.date(end),
            "end": self.time(end),
            "zone": self.zone(start),
        }


# The dates, times of day and zones written, per language and process: what
# they read depends on code alone (the language's formats, month names and
# zone labels), never on content. Each table is emptied when it grows past
# KEPT_TEXTS, and all of them when a setting changes (tests override formats).
KEPT_TEXTS = 4096
_TEXTS = {}


def _texts_in(language):
    if (texts := _TEXTS.get(language)) is None:
        texts = _TEXTS[language] = {"dates": {}, "times": {}, "zones": {}}
    return texts


def _kept(table, text):
    if len(table) >= KEPT_TEXTS:
        table.clear()
    return text


@receiver(setting_changed)
def _forget_texts(**kwargs):
    _TEXTS.clear()


# Translated in the language active when a writer first uses them.
PATTERNS = {
    "days": lambda: _("%(start)s to %(end)s"),
    # Translators: an event on one day: "January 6, 2027, 6:00 PM–8:00 PM EST". Use your language's comma.
    "one day": lambda: _("%(date)s, %(start)s–%(end)s %(zone)s"),
    # Translators: an event over several days: "January 6, 2027, 6:00 PM – January 7, 2027, 2:00 AM EST".
    "several days": lambda: _("%(start_date)s, %(start)s – %(end_date)s, %(end)s %(zone)s"),
}


@register.simple_tag
def occurrence_when(occurrence):
    """When `occurrence` takes place (WhenWriter: a listing keeps one writer for all its occurrences)."""
    return WhenWriter()(occurrence)


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
