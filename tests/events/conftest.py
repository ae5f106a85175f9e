import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from home.translations import translate_object
from tests.factories import EventPageFactory


@pytest.fixture
def observance(events_index):
    """An all-day observance on the fourth Thursday of April every year since 2011, on Geneva's clock."""
    geneva = ZoneInfo("Europe/Zurich")
    return EventPageFactory(
        parent=events_index,
        title="Day of women in ICT",
        slug="day-of-women-in-ict",
        start=datetime.datetime(2011, 4, 28, tzinfo=geneva),
        end=datetime.datetime(2011, 4, 28, tzinfo=geneva),
        all_day=True,
        time_zone="Europe/Zurich",
        recurrence="FREQ=YEARLY;BYMONTH=4;BYDAY=4TH",
    )


@pytest.fixture
def side_event(events_index):
    """A meeting in New York next month, translated into French."""
    new_york = ZoneInfo("America/New_York")
    start = (
        (timezone.now() + datetime.timedelta(days=30))
        .astimezone(new_york)
        .replace(hour=13, minute=0, second=0, microsecond=0)
    )
    event = EventPageFactory(
        parent=events_index,
        title="Side event at the Commission",
        slug="side-event",
        summary="Women ministers meet.",
        start=start,
        end=start + datetime.timedelta(hours=2),
        time_zone="America/New_York",
        venue_name="Conference Room 6",
        city="New York",
        country="US",
    )
    translate_object(
        event,
        "fr",
        {event.title: "Événement parallèle à la Commission", event.summary: "Des ministres se réunissent."},
    )
    return event
