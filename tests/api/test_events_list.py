"""
/api/v2/events/ expands every event in its window from their times alone and
reads in full only the events on the page asked for: what it lists must be
what the calendar's own occurrences() gives, page after page.
"""

import datetime
from zoneinfo import ZoneInfo

import pytest

from events.models import EventOccurrenceOverride, EventPage
from home.visibility import public_pages
from tests.factories import EventPageFactory

START = datetime.datetime(2027, 1, 1, tzinfo=datetime.UTC)
END = datetime.datetime(2027, 7, 1, tzinfo=datetime.UTC)


@pytest.fixture
def calendar(events_index):
    nairobi = ZoneInfo("Africa/Nairobi")
    weekly = EventPageFactory(
        parent=events_index,
        title="Weekly mentoring hour",
        start=datetime.datetime(2027, 1, 4, 17, tzinfo=nairobi),
        end=datetime.datetime(2027, 1, 4, 18, tzinfo=nairobi),
        time_zone="Africa/Nairobi",
        recurrence="FREQ=WEEKLY;COUNT=10",
    )
    for day, status in ((datetime.date(2027, 1, 11), "excluded"), (datetime.date(2027, 1, 18), "cancelled")):
        weekly.occurrence_overrides.add(
            EventOccurrenceOverride(occurrence_date=day, status=status, locale=weekly.locale)
        )
    weekly.save_revision().publish()
    for n in range(3):  # the same start as an occurrence of the series: ordered by title
        EventPageFactory(
            parent=events_index,
            title=f"Panel {n}",
            start=datetime.datetime(2027, 2, 1, 14, tzinfo=nairobi),
            end=datetime.datetime(2027, 2, 1, 15, tzinfo=nairobi),
            time_zone="Africa/Nairobi",
        )
    EventPageFactory(parent=events_index, title="Draft", start=START + datetime.timedelta(days=3), live=False)


@pytest.mark.django_db
@pytest.mark.parametrize("include_cancelled", ["true", "false"])
def test_events_list_pages_through_the_calendars_occurrences(client, calendar, locales, include_cancelled):
    expected = public_pages(EventPage.objects.filter(locale=locales["en"])).occurrences(
        START, END, include_cancelled=include_cancelled == "true"
    )
    expected = [
        (o.event.pk, o.event.title, (o.start.date() if o.event.all_day else o.start).isoformat(), o.cancelled)
        for o in expected
    ]
    listed = []
    for offset in range(0, len(expected) + 3, 3):
        response = client.get(
            "/api/v2/events/",
            {
                "from": "2027-01-01",
                "to": "2027-07-01",
                "limit": 3,
                "offset": offset,
                "include_cancelled": include_cancelled,
            },
            headers={"accept": "application/json"},
        )
        body = response.json()
        assert body["meta"]["total_count"] == len(expected)
        listed += [(i["id"], i["title"], i["start"], i["cancelled"]) for i in body["items"]]
    assert listed == expected
    assert len({pk for pk, *_rest in listed}) >= 4
