"""
The .ics files a reader subscribes to or downloads: only live public events,
in her language, read back with independent iCalendar libraries as a calendar
app would read them.
"""

import datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events
from wagtail.models import PageViewRestriction

from events.models import EventCategory
from tests import site
from tests.factories import EventPageFactory

pytestmark = pytest.mark.django_db

WINDOW = (datetime.datetime(2011, 1, 1, tzinfo=datetime.UTC), datetime.datetime(2031, 1, 1, tzinfo=datetime.UTC))


def calendar_of(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def summaries(calendar):
    return {str(component["SUMMARY"]) for component in calendar.walk("VEVENT")}


def as_instant(value):
    """A date stays a date (an all-day event); a time becomes a UTC instant, to the second as iCalendar has it."""
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.UTC).replace(microsecond=0)
    return value


def test_the_feed_expands_to_exactly_the_dates_the_calendar_shows(client, events_index):
    """Every live series of the test site (yearly, monthly with a cancelled date, weekly, single)."""
    feed = calendar_of(client.get(events_index.url + "feed.ics"))
    from_feed = sorted(
        (str(item["SUMMARY"]), as_instant(item["DTSTART"].dt))
        for item in recurring_ical_events.of(feed).between(*WINDOW)
    )
    occurrences = events_index.events().occurrences(*WINDOW, include_cancelled=False)
    from_site = sorted((o.event.title, o.start.date() if o.event.all_day else as_instant(o.start)) for o in occurrences)
    assert from_feed == from_site
    assert len({title for title, _start in from_feed}) == 5


def test_only_live_public_events_are_in_the_feed(client, events_index):
    EventPageFactory(parent=events_index, title="Draft strategy retreat", live=False)
    private = EventPageFactory(parent=events_index, title="Members-only strategy retreat")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    public = EventPageFactory(parent=events_index, title="Open strategy forum")
    found = summaries(calendar_of(client.get(events_index.url + "feed.ics")))
    assert public.title in found
    assert "Draft strategy retreat" not in found and "Members-only strategy retreat" not in found
    assert client.get(private.url + "event.ics").status_code == 404


def test_a_private_calendar_has_no_feed(client, events_index):
    PageViewRestriction.objects.create(page=events_index, restriction_type="login")
    assert client.get(events_index.url + "feed.ics").status_code == 404
    conference = events_index.get_children().get(slug=site.EVENT["conference"]["slug"])
    assert client.get(conference.url + "event.ics").status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/en/events/test-conference/feed.ics",  # an event has no feed
        "/en/events/event.ics",  # a calendar is not one event
        "/en/about/feed.ics",  # nor is any other page a calendar
        "/en/no-such-page/event.ics",
    ],
)
def test_ics_addresses_of_the_wrong_kind_of_page_are_not_found(client, path):
    assert client.get(path).status_code == 404


def test_the_feed_is_per_language_with_one_uid_per_series(client, events_index, locales):
    english = calendar_of(client.get(events_index.url + "feed.ics"))
    french = calendar_of(client.get(events_index.get_translation(locales["fr"]).url + "feed.ics"))
    assert site.EVENT["conference"]["title"]["fr"] in summaries(french)
    assert site.EVENT["conference"]["title"]["fr"] not in summaries(english)
    assert french["X-WR-CALNAME"] == site.TEXT["events"]["fr"]
    # A translated series keeps its UID, so a reader who subscribes to both feeds sees it once.
    english_uids = {str(item["UID"]) for item in english.walk("VEVENT")}
    french_uids = {str(item["UID"]) for item in french.walk("VEVENT")}
    assert french_uids and french_uids < english_uids  # the weekly circle is in English only


def test_the_feed_can_be_narrowed_to_a_country(client, events_index):
    EventPageFactory(parent=events_index, title="Nairobi meetup", country="KE")
    found = summaries(calendar_of(client.get(events_index.url + "feed.ics", {"country": "ke"})))
    assert found == {"Nairobi meetup"}


def test_an_events_file_carries_where_what_and_a_link_back(client, events_index, locales):
    webinar = EventCategory.objects.get(slug="webinar", locale=locales["en"])
    event = EventPageFactory(
        parent=events_index,
        title="Broadband town hall",
        slug="broadband-town-hall",
        summary="Questions to the regulators.",
        category=webinar,
        venue_name="Main hall",
        city="Accra",
        country="GH",
    )
    response = client.get(event.url + "event.ics")
    assert response["Content-Disposition"] == 'attachment; filename="broadband-town-hall.ics"'
    (component,) = calendar_of(response).walk("VEVENT")
    assert str(component["LOCATION"]) == "Main hall, Accra, Ghana"
    assert str(component["URL"]) == event.full_url
    assert str(component["DESCRIPTION"]) == f"Questions to the regulators.\n\n{event.full_url}"
    assert [str(name) for name in component["CATEGORIES"].cats] == ["Webinar"]


def test_an_online_event_gives_its_link_as_the_location(client, events_index):
    event = EventPageFactory(parent=events_index, online_url="https://example.org/room")
    (component,) = calendar_of(client.get(event.url + "event.ics")).walk("VEVENT")
    assert str(component["LOCATION"]) == "https://example.org/room"


def test_an_all_day_event_over_several_days_ends_the_day_after_its_last(client, events_index):
    event = EventPageFactory(
        parent=events_index,
        title="Three-day hackathon",
        all_day=True,
        start=datetime.datetime(2027, 6, 4, tzinfo=datetime.UTC),
        end=datetime.datetime(2027, 6, 6, tzinfo=datetime.UTC),
    )
    (component,) = calendar_of(client.get(event.url + "event.ics")).walk("VEVENT")
    assert component["DTSTART"].dt == datetime.date(2027, 6, 4)
    assert component["DTEND"].dt == datetime.date(2027, 6, 7)  # exclusive, as RFC 5545 says


def test_a_moved_date_of_an_all_day_series_is_on_its_new_day(client, events_index):
    from events.models import EventOccurrenceOverride

    zurich = ZoneInfo("Europe/Zurich")
    series = EventPageFactory(
        parent=events_index,
        title="Monthly open day",
        all_day=True,
        time_zone="Europe/Zurich",
        start=datetime.datetime(2027, 1, 8, tzinfo=zurich),
        end=datetime.datetime(2027, 1, 8, tzinfo=zurich),
        recurrence="FREQ=MONTHLY;COUNT=3",
    )
    EventOccurrenceOverride.objects.create(
        page=series,
        locale=series.locale,
        occurrence_date=datetime.date(2027, 2, 8),
        status="moved",
        new_date=datetime.date(2027, 2, 10),
        note="Hall booked",
    )
    calendar = calendar_of(client.get(series.url + "event.ics"))
    days = [item["DTSTART"].dt for item in recurring_ical_events.of(calendar).between(*WINDOW)]
    assert days == [datetime.date(2027, 1, 8), datetime.date(2027, 2, 10), datetime.date(2027, 3, 8)]
    moved = next(item for item in calendar.walk("VEVENT") if "RECURRENCE-ID" in item)
    assert str(moved["COMMENT"]) == "Hall booked"


def test_a_series_starting_on_a_day_its_rule_skips_gives_calendar_apps_the_same_dates(client, events_index):
    """RFC 5545 counts DTSTART as an occurrence even where the rule does not match it."""
    series = EventPageFactory(
        parent=events_index,
        title="First-Wednesday webinar",
        start=datetime.datetime(2027, 6, 1, 14, tzinfo=datetime.UTC),  # a Tuesday
        end=datetime.datetime(2027, 6, 1, 15, tzinfo=datetime.UTC),
        recurrence="FREQ=MONTHLY;BYDAY=1WE;COUNT=3",
    )
    calendar = calendar_of(client.get(series.url + "event.ics"))
    from_ics = [item["DTSTART"].dt.date() for item in recurring_ical_events.of(calendar).between(*WINDOW)]
    assert from_ics == [o.start.date() for o in series.occurrences_between(*WINDOW)]
    assert from_ics == [datetime.date(2027, 6, 2), datetime.date(2027, 7, 7), datetime.date(2027, 8, 4)]
