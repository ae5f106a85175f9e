"""Occurrence expansion: time zones, daylight saving, recurrence rules and exceptions."""

import calendar
import datetime
from zoneinfo import ZoneInfo

import pytest

from events.models import EventOccurrenceOverride
from tests.factories import EventPageFactory

NEW_YORK = ZoneInfo("America/New_York")
UTC = datetime.UTC


def at(year, month, day, hour=0, minute=0, tz=UTC):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=tz)


def fourth_thursday_of_april(year):
    thursdays = [week[calendar.THURSDAY] for week in calendar.monthcalendar(year, 4) if week[calendar.THURSDAY]]
    return datetime.date(year, 4, thursdays[3])


@pytest.mark.django_db
class TestExpansion:
    def test_weekly_event_stays_at_six_pm_in_new_york_across_the_march_change(self, events_index):
        event = EventPageFactory(
            parent=events_index,
            time_zone="America/New_York",
            start=at(2027, 3, 3, 18, tz=NEW_YORK),
            end=at(2027, 3, 3, 19, 30, tz=NEW_YORK),
            recurrence="FREQ=WEEKLY;COUNT=4",
        )
        occurrences = event.occurrences_between(at(2027, 3, 1), at(2027, 4, 1))
        local = [o.start.astimezone(NEW_YORK) for o in occurrences]
        assert [d.date() for d in local] == [datetime.date(2027, 3, d) for d in (3, 10, 17, 24)]
        assert {(d.hour, d.minute) for d in local} == {(18, 0)}
        # Daylight saving starts on 14 March 2027: 23:00 UTC before, 22:00 UTC after.
        assert [o.start.astimezone(UTC).hour for o in occurrences] == [23, 23, 22, 22]
        assert all(o.end - o.start == datetime.timedelta(minutes=90) for o in occurrences)

    def test_same_wall_clock_time_across_the_november_change(self, events_index):
        event = EventPageFactory(
            parent=events_index,
            time_zone="America/New_York",
            start=at(2027, 10, 27, 18, tz=NEW_YORK),
            end=at(2027, 10, 27, 19, tz=NEW_YORK),
            recurrence="FREQ=WEEKLY;COUNT=3",
        )
        occurrences = event.occurrences_between(at(2027, 10, 1), at(2027, 12, 1))
        # Daylight saving ends on 7 November 2027.
        assert [o.start.astimezone(UTC).hour for o in occurrences] == [22, 22, 23]
        assert {o.start.astimezone(NEW_YORK).hour for o in occurrences} == {18}

    def test_yearly_observance_is_the_fourth_thursday_of_april_2011_to_2030(self, observance):
        event = observance
        dates = [o.start.date() for o in event.occurrences_between(at(2011, 1, 1), at(2031, 1, 1))]
        assert dates == [fourth_thursday_of_april(year) for year in range(2011, 2031)]
        assert datetime.date(2027, 4, 22) in dates  # and not 28 April: BYDAY=4TH, not "last"

    def test_single_event_has_one_occurrence_in_its_window_only(self, events_index):
        event = EventPageFactory(parent=events_index, start=at(2027, 6, 1, 9), end=at(2027, 6, 1, 11))
        assert len(event.occurrences_between(at(2027, 5, 1), at(2027, 7, 1))) == 1
        assert event.occurrences_between(at(2027, 7, 1), at(2027, 8, 1)) == []
        # An event in progress at the window's start is included.
        assert len(event.occurrences_between(at(2027, 6, 1, 10), at(2027, 6, 2))) == 1

    def test_until_ends_the_series(self, events_index):
        event = EventPageFactory(
            parent=events_index,
            start=at(2027, 1, 1, 9),
            end=at(2027, 1, 1, 10),
            recurrence="FREQ=MONTHLY;UNTIL=20270401T000000",
        )
        assert len(event.occurrences_between(at(2026, 1, 1), at(2030, 1, 1))) == 3
        assert event.series_end == at(2027, 3, 1, 10)

    def test_open_ended_series_has_no_end(self, observance):
        event = observance
        assert event.series_end is None


@pytest.mark.django_db
class TestExceptions:
    @pytest.fixture
    def webinar(self, events_index):
        event = EventPageFactory(
            parent=events_index,
            time_zone="America/New_York",
            start=at(2027, 1, 6, 18, tz=NEW_YORK),
            end=at(2027, 1, 6, 19, tz=NEW_YORK),
            recurrence="FREQ=MONTHLY;BYDAY=1WE;COUNT=4",
        )
        for kwargs in [
            {"occurrence_date": datetime.date(2027, 2, 3), "status": "excluded"},
            {"occurrence_date": datetime.date(2027, 3, 3), "status": "cancelled", "note": "Speaker unwell"},
            {
                "occurrence_date": datetime.date(2027, 4, 7),
                "status": "moved",
                "new_date": datetime.date(2027, 4, 9),
                "new_start_time": datetime.time(10, 0),
            },
        ]:
            EventOccurrenceOverride.objects.create(page=event, locale=event.locale, **kwargs)
        return event

    def test_excluded_cancelled_and_moved_occurrences(self, webinar):
        occurrences = webinar.occurrences_between(at(2027, 1, 1), at(2027, 12, 31))
        summary = [(o.start.astimezone(NEW_YORK).strftime("%m-%d %H:%M"), o.cancelled, o.moved) for o in occurrences]
        assert summary == [
            ("01-06 18:00", False, False),
            ("03-03 18:00", True, False),
            ("04-09 10:00", False, True),
        ]
        assert occurrences[1].note == "Speaker unwell"

    def test_cancelled_occurrences_can_be_left_out(self, webinar):
        occurrences = webinar.occurrences_between(at(2027, 1, 1), at(2027, 12, 31), include_cancelled=False)
        assert [o.start.astimezone(NEW_YORK).day for o in occurrences] == [6, 9]

    def test_cancelled_and_moved_are_shown_on_the_event_page(self, client, webinar, settings):
        content = client.get(webinar.url).content.decode()
        # Nothing in the series is upcoming by the time this test may run, so
        # look at the month grids instead, which show any month.
        march = client.get(webinar.get_parent().url, {"month": "2027-03"}).content.decode()
        april = client.get(webinar.get_parent().url, {"month": "2027-04"}).content.decode()
        assert "Cancelled" in march and webinar.title in march
        assert "Moved" in april and "10:00 AM" in april
        assert webinar.title in content
