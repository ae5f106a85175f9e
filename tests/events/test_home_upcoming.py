"""
The home page's "Upcoming events": the three soonest events of the coming
year at their next date that takes place, each series once, read in the
upcoming list's stored order as far as those three, whatever the size of the
calendar.
"""

import datetime
import re

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone

from events.models import EventOccurrenceOverride, EventPage
from home import page_cache
from tests.factories import EventPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def empty_calendar(events_index):
    EventPage.objects.child_of(events_index).update(live=False)
    page_cache.clear()
    return events_index


def home_section():
    content = Client().get("/en/").content.decode()
    match = re.search(r"<h2[^>]*>Upcoming events</h2>.*?</section>", content, re.S)
    if match is None:
        return []
    return re.findall(
        r'class="card__title"><a href="([^"]+)">([^<]+)</a></h3>\s*<p class="card__meta">([^<]*)</p>', match.group(0)
    )


def soon(days):
    return (timezone.now() + datetime.timedelta(days=days)).replace(hour=9, minute=0, second=0, microsecond=0)


def cancel(event, day):
    EventOccurrenceOverride.objects.create(
        page=event, locale=event.locale, occurrence_date=day.date(), status=EventOccurrenceOverride.Status.CANCELLED
    )


def test_cancelled_dates_give_way_and_a_series_shows_its_next_date_that_takes_place(empty_calendar):
    circle = EventPageFactory(parent=empty_calendar, title="Weekly circle", start=soon(1), recurrence="FREQ=WEEKLY")
    cancel(circle, soon(1))
    called_off = EventPageFactory(parent=empty_calendar, title="Called-off forum", start=soon(2))
    cancel(called_off, soon(2))
    EventPageFactory(parent=empty_calendar, title="Regional forum", start=soon(3))
    EventPageFactory(parent=empty_calendar, title="Policy lab", start=soon(5))
    EventPageFactory(parent=empty_calendar, title="Later summit", start=soon(12))
    page_cache.clear()

    cards = home_section()

    assert [title for _url, title, _meta in cards] == ["Regional forum", "Policy lab", "Weekly circle"]
    url, _title, meta = cards[2]
    assert url == circle.url
    # The circle's second week, not its cancelled first date.
    assert str(soon(8).day) in meta and str(soon(1).day) not in meta.split(",")[0]


def test_an_event_more_than_a_year_ahead_is_not_shown(empty_calendar):
    EventPageFactory(parent=empty_calendar, title="Next year's congress", start=soon(400))
    EventPageFactory(parent=empty_calendar, title="Autumn forum", start=soon(40))
    page_cache.clear()
    assert [title for _url, title, _meta in home_section()] == ["Autumn forum"]


def event_rows_read(url):
    """How many rows of events the page reads from the database."""
    rows = []

    def count(execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        if "events_eventpage" in sql:
            rows.append(context["cursor"].rowcount)
        return result

    page_cache.clear()
    with connection.execute_wrapper(count):
        response = Client().get(url)
    assert response.status_code == 200
    return sum(rows)


def test_the_home_page_reads_as_many_events_whatever_the_size_of_the_calendar(empty_calendar):
    for day in range(1, 31):
        EventPageFactory(parent=empty_calendar, start=soon(day))
    smaller = event_rows_read("/en/")
    for day in range(31, 91):
        EventPageFactory(parent=empty_calendar, start=soon(day))
    larger = event_rows_read("/en/")
    assert len(home_section()) == 3
    assert larger == smaller
