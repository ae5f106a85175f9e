"""
/api/v2/events/ as a calendar client uses it: the window it asks for (and
the ones it may not), occurrences that were moved or cancelled, a country
filter, links to each event's .ics file, and a calendar readers may not see.
"""

import datetime

import icalendar
import pytest
from wagtail.models import PageViewRestriction

from events.models import EventOccurrenceOverride
from tests import site
from tests.factories import EventPageFactory

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
API = "/api/v2/events/"


def items(client, **params):
    response = client.get(API, {"locale": "en", "limit": 100, **params})
    assert response.status_code == 200, response.content
    return response.json()


@pytest.fixture
def fortnightly(events_index, locales):
    """Thursdays every other week at 15:00 UTC in 2031: the second moved to Friday, the third cancelled."""
    start = datetime.datetime(2031, 1, 2, 15, tzinfo=UTC)
    event = EventPageFactory(
        parent=events_index,
        title="Fortnightly policy clinic",
        start=start,
        end=start + datetime.timedelta(hours=1),
        recurrence="FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;COUNT=4",
        country="KE",
        online_url="https://example.org/clinic",
    )
    event.occurrence_overrides.add(
        EventOccurrenceOverride(
            occurrence_date=datetime.date(2031, 1, 16),
            status="moved",
            new_date=datetime.date(2031, 1, 17),
            note="Moved for the holiday",
            locale=locales["en"],
        )
    )
    event.occurrence_overrides.add(
        EventOccurrenceOverride(occurrence_date=datetime.date(2031, 1, 30), status="cancelled", locale=locales["en"])
    )
    event.save()
    return site.publish(event)


JANUARY_2031 = {"from": "2031-01-01", "to": "2031-02-01"}


def clinic(data):
    return [item for item in data["items"] if item["title"] == "Fortnightly policy clinic"]


def test_the_window_holds_the_series_dates_in_order(client, fortnightly):
    dates = [item["start"][:10] for item in clinic(items(client, **JANUARY_2031))]
    assert dates == ["2031-01-02", "2031-01-17", "2031-01-30"]


def test_a_moved_date_says_where_it_came_from_and_why(client, fortnightly):
    moved = clinic(items(client, **JANUARY_2031))[1]
    assert moved["moved"] is True and moved["cancelled"] is False
    assert moved["original_start"].startswith("2031-01-16T15:00")
    assert moved["start"].startswith("2031-01-17T15:00")
    assert moved["note"] == "Moved for the holiday"


def test_cancelled_dates_are_marked_or_left_out_on_request(client, fortnightly):
    marked = clinic(items(client, **JANUARY_2031))
    assert [item["cancelled"] for item in marked] == [False, False, True]
    left_out = clinic(items(client, include_cancelled="false", **JANUARY_2031))
    assert [item["start"][:10] for item in left_out] == ["2031-01-02", "2031-01-17"]


def test_the_window_end_is_exclusive(client, fortnightly):
    dates = [item["start"][:10] for item in clinic(items(client, **{"from": "2031-01-02", "to": "2031-01-17"}))]
    assert dates == ["2031-01-02"]


def test_a_country_filter_keeps_the_events_there(client, fortnightly):
    kenya = items(client, country="ke", **JANUARY_2031)
    assert kenya["items"] and {item["country"] for item in kenya["items"]} == {"KE"}
    assert clinic(items(client, country="CH", **JANUARY_2031)) == []


def test_each_occurrence_links_to_an_ics_file_of_its_event(client, fortnightly):
    first = clinic(items(client, **JANUARY_2031))[0]
    assert first["online_url"] == "https://example.org/clinic"
    assert first["recurring"] is True
    path = first["ics_url"].split("testserver", 1)[-1].split("localhost", 1)[-1]
    calendar = icalendar.Calendar.from_ical(client.get(path).content)
    assert [str(event["summary"]) for event in calendar.walk("VEVENT")][0] == "Fortnightly policy clinic"


def test_the_meta_says_which_window_was_read(client, fortnightly):
    data = items(client, **JANUARY_2031)
    assert data["meta"]["from"] == "2031-01-01"
    assert data["meta"]["to"] == "2031-02-01"
    assert data["meta"]["total_count"] == len(data["items"])


def test_without_dates_the_window_is_the_coming_year(client, events_index):
    data = items(client)
    start = datetime.date.fromisoformat(data["meta"]["from"])
    end = datetime.date.fromisoformat(data["meta"]["to"])
    assert start == datetime.datetime.now(UTC).date()
    assert (end - start).days == 366


@pytest.mark.parametrize(
    ("window", "message"),
    [
        ({"from": "2031-02-01", "to": "2031-01-01"}, "to must be after from."),
        ({"from": "2031-01-01", "to": "2031-01-01"}, "to must be after from."),
        ({"from": "2030-01-01", "to": "2036-01-02"}, "The window can be at most five years long."),
    ],
)
def test_a_window_that_cannot_be_read_is_a_400_saying_why(client, window, message):
    response = client.get(API, window)
    assert response.status_code == 400
    assert response.json()["message"] == message


def test_a_window_of_five_years_is_accepted(client, fortnightly):
    data = items(client, **{"from": "2030-01-01", "to": "2034-12-31"})
    assert len(clinic(data)) == 4


def test_a_private_calendar_gives_no_events(client, events_index, fortnightly):
    PageViewRestriction.objects.create(page=events_index, restriction_type=PageViewRestriction.LOGIN)
    assert clinic(items(client, **JANUARY_2031)) == []


def test_a_draft_event_gives_no_occurrences(client, fortnightly):
    fortnightly.unpublish()
    assert clinic(items(client, **JANUARY_2031)) == []


def test_each_language_gives_its_own_titles(client, events_index, locales):
    conference = site.EVENT["conference"]
    for language in ("fr", "ar", "zh-hans"):
        data = items(client, locale=language)
        titles = {item["title"] for item in data["items"]}
        assert conference["title"][language] in titles
        assert conference["title"]["en"] not in titles
        assert {item["locale"] for item in data["items"]} == {language}
