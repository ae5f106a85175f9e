"""
The schema.org Event data in an event page's head describes the date the page
shows readers: search engines list that date, so a series whose next date is
cancelled must not be announced as cancelled while the page shows the date
after it.
"""

import datetime
import json
import re

import pytest
from django.utils import timezone

from events.models import EventOccurrenceOverride
from tests.factories import EventPageFactory

pytestmark = pytest.mark.django_db


def json_ld(content):
    return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', content, re.S).group(1))


def shown_date(content):
    return re.search(r'event-when__next">\s*<time datetime="([^"]+)"', content).group(1)


def weekly_series(events_index, weeks=4):
    start = (timezone.now() + datetime.timedelta(days=3)).replace(hour=14, minute=0, second=0, microsecond=0)
    return start, EventPageFactory(
        parent=events_index,
        title="Weekly mentoring circle",
        start=start,
        end=start + datetime.timedelta(hours=1),
        recurrence=f"FREQ=WEEKLY;COUNT={weeks}",
    )


def cancel(series, day):
    EventOccurrenceOverride.objects.create(page=series, locale=series.locale, occurrence_date=day, status="cancelled")


def test_a_cancelled_next_date_leaves_the_series_scheduled_on_the_date_the_page_shows(client, events_index):
    start, series = weekly_series(events_index)
    cancel(series, start.date())
    content = client.get(series.url).content.decode()
    following = start + datetime.timedelta(weeks=1)
    assert shown_date(content) == following.isoformat()
    data = json_ld(content)
    assert data["startDate"] == following.isoformat()
    assert data["eventStatus"] == "https://schema.org/EventScheduled"


def test_a_series_with_every_upcoming_date_cancelled_is_announced_as_cancelled(client, events_index):
    start, series = weekly_series(events_index, weeks=2)
    cancel(series, start.date())
    cancel(series, (start + datetime.timedelta(weeks=1)).date())
    data = json_ld(client.get(series.url).content.decode())
    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    assert data["startDate"] == start.isoformat()
