"""/api/v2/events/: occurrences in a window, recurring events expanded."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.api.v2.utils import BadRequestError

from headless.api import LIMIT_PARAMETERS, LOCALE_PARAMETER, Parameter, SectionAPIView, paginate
from home.visibility import public_pages

from .models import EventPage

MAX_WINDOW_DAYS = 366 * 5


def read_day(value, name):
    try:
        day = datetime.date.fromisoformat(value)
    except ValueError as error:
        raise BadRequestError(_("%(name)s must be a date like 2027-04-01.") % {"name": name}) from error
    if not 2000 <= day.year <= 2100:
        raise BadRequestError(_("%(name)s must be between 2000 and 2100.") % {"name": name})
    return datetime.datetime.combine(day, datetime.time(), datetime.UTC)


def occurrence_json(occurrence):
    event = occurrence.event
    return {
        "id": event.pk,
        "title": event.title,
        "summary": event.summary,
        "url": event.full_url,
        "locale": event.locale.language_code,
        "category": event.category_detail,
        "start": (occurrence.start.date() if event.all_day else occurrence.start).isoformat(),
        "end": (occurrence.end.date() if event.all_day else occurrence.end).isoformat(),
        "all_day": event.all_day,
        "time_zone": event.time_zone,
        "cancelled": occurrence.cancelled,
        "moved": occurrence.moved,
        "original_start": occurrence.original_start.isoformat(),
        "note": occurrence.note,
        "recurring": bool(event.recurrence),
        "venue": event.venue_name,
        "city": event.city,
        "country": event.country.code or None,
        "online_url": event.online_url or None,
        "registration_url": event.registration_url or None,
        "ics_url": event.full_url + "event.ics" if event.full_url else None,
    }


class EventsAPIView(SectionAPIView):
    parameters = [
        LOCALE_PARAMETER,
        Parameter("from", "Start of the window (default: today).", {"type": "string", "format": "date"}),
        Parameter(
            "to",
            "End of the window, exclusive (default: a year after from; at most five years).",
            {"type": "string", "format": "date"},
        ),
        Parameter("category", "Category slug, e.g. webinar.", {"type": "string", "pattern": r"^[-\w]+$"}),
        Parameter("country", "ISO 3166 alpha-2 country code.", {"type": "string", "pattern": "^[A-Za-z]{2}$"}),
        Parameter(
            "include_cancelled",
            "Include cancelled occurrences (default true).",
            {"type": "string", "enum": ["true", "false"]},
        ),
        *LIMIT_PARAMETERS,
    ]

    def get_data(self, request):
        params = request.GET
        locale = self.locale(request)
        start = (
            read_day(params["from"], "from")
            if params.get("from")
            else timezone.now().replace(hour=0, minute=0, second=0, microsecond=0)
        )
        end = read_day(params["to"], "to") if params.get("to") else start + datetime.timedelta(days=366)
        if end <= start:
            raise BadRequestError(_("to must be after from."))
        if (end - start).days > MAX_WINDOW_DAYS:
            raise BadRequestError(_("The window can be at most five years long."))
        include = params.get("include_cancelled", "true")
        if include not in ("true", "false"):
            raise BadRequestError(_("include_cancelled must be true or false."))
        events = public_pages(EventPage.objects.filter(locale=locale))
        if category := params.get("category"):
            events = events.filter(category__slug=category[:50])
        if country := params.get("country"):
            if len(country) != 2 or not country.isalpha():
                raise BadRequestError(_("country must be a two-letter ISO 3166 code."))
            events = events.filter(country=country.upper())
        occurrences = events.occurrences(start, end, include_cancelled=include == "true")
        items, total = paginate(request, occurrences)
        return {
            "meta": {"total_count": total, "from": start.date().isoformat(), "to": end.date().isoformat()},
            "items": [occurrence_json(o) for o in items],
        }
