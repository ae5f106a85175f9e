"""
Edges of the calendar that readers meet: a weekly event across the daylight
saving changes (on its page, in the API and in its .ics file), the first and
last months the grid can show, empty lists in each of the six languages
(right to left in Arabic), and a subscription link that keeps every filter.
"""

import datetime
import re
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.utils import translation
from django.utils.translation import gettext

from events.models import FIRST_YEAR, EventPage
from events.views import LAST_YEAR
from tests import site
from tests.factories import EventPageFactory

pytestmark = pytest.mark.django_db

ZURICH = ZoneInfo("Europe/Zurich")
SYDNEY = ZoneInfo("Australia/Sydney")


def html_direction(content, language):
    direction = "rtl" if language == "ar" else "ltr"
    return re.search(rf'<html[^>]* lang="{language}"[^>]* dir="{direction}"', content) is not None


@pytest.fixture
def spring_circle(events_index):
    """Tuesdays at 10:00 in Zurich, from two weeks before the clocks go forward (28 March 2027) to after."""
    start = datetime.datetime(2027, 3, 16, 10, tzinfo=ZURICH)
    return site.publish(
        EventPageFactory(
            parent=events_index,
            title="Zurich morning circle",
            slug="zurich-morning-circle",
            start=start,
            end=start + datetime.timedelta(hours=1),
            time_zone="Europe/Zurich",
            recurrence="FREQ=WEEKLY;BYDAY=TU;COUNT=4",
        )
    )


@pytest.fixture
def autumn_call(events_index):
    """Mondays at 18:00 in Sydney, across the end of Sydney's summer time (4 April 2027)."""
    start = datetime.datetime(2027, 3, 22, 18, tzinfo=SYDNEY)
    return site.publish(
        EventPageFactory(
            parent=events_index,
            title="Sydney evening call",
            slug="sydney-evening-call",
            start=start,
            end=start + datetime.timedelta(minutes=90),
            time_zone="Australia/Sydney",
            recurrence="FREQ=WEEKLY;BYDAY=MO;COUNT=4",
        )
    )


def api_starts(client, title, **window):
    items = client.get("/api/v2/events/", {"locale": "en", **window}).json()["items"]
    return [datetime.datetime.fromisoformat(item["start"]) for item in items if item["title"] == title]


class TestDaylightSaving:
    def test_the_api_keeps_the_wall_clock_time_as_the_offset_changes(self, client, spring_circle):
        starts = api_starts(client, spring_circle.title, **{"from": "2027-03-01", "to": "2027-05-01"})
        assert [start.astimezone(ZURICH).strftime("%a %H:%M") for start in starts] == ["Tue 10:00"] * 4
        assert [start.astimezone(datetime.UTC).hour for start in starts] == [9, 9, 8, 8]

    def test_the_southern_hemisphere_change_goes_the_other_way(self, client, autumn_call):
        starts = api_starts(client, autumn_call.title, **{"from": "2027-03-01", "to": "2027-05-01"})
        assert [start.astimezone(SYDNEY).strftime("%a %H:%M") for start in starts] == ["Mon 18:00"] * 4
        assert [start.astimezone(datetime.UTC).hour for start in starts] == [7, 7, 8, 8]

    def test_the_ics_file_gives_one_local_time_and_its_zone(self, client, spring_circle):
        calendar = icalendar.Calendar.from_ical(client.get(spring_circle.url + "event.ics").content)
        event = next(iter(calendar.walk("VEVENT")))
        start = event.decoded("dtstart")
        assert start.replace(tzinfo=None) == datetime.datetime(2027, 3, 16, 10)
        assert event["dtstart"].params["TZID"] == "Europe/Zurich"
        assert any(zone["tzid"] == "Europe/Zurich" for zone in calendar.walk("VTIMEZONE"))

    def test_the_month_grid_puts_each_date_on_its_tuesday(self, client, events_index, spring_circle):
        content = client.get(events_index.url, {"month": "2027-03"}).content.decode()
        assert days_showing(content, spring_circle.title) == ["2027-03-16", "2027-03-23", "2027-03-30"]
        april = client.get(events_index.url, {"month": "2027-04"}).content.decode()
        assert days_showing(april, spring_circle.title) == ["2027-04-06"]

    def test_the_event_page_lists_every_date_at_ten(self, client, spring_circle):
        content = client.get(spring_circle.url).content.decode()
        starts = re.findall(r'<time datetime="(2027-0[34]-\d\dT[^"]+)"', content)
        local = [datetime.datetime.fromisoformat(value).astimezone(ZURICH) for value in starts]
        assert {moment.strftime("%a %H:%M") for moment in local} == {"Tue 10:00"}
        assert {moment.date().isoformat() for moment in local} == {
            "2027-03-16",
            "2027-03-23",
            "2027-03-30",
            "2027-04-06",
        }


def days_showing(content, title):
    """The days of the month grid whose cell lists `title`."""
    cells = re.findall(r"<td[^>]*>(.*?)</td>", content, re.S)
    return [re.search(r'<time datetime="([\d-]+)"', cell).group(1) for cell in cells if title in cell]


class TestMonthBounds:
    def test_the_first_month_has_no_way_further_back(self, client, events_index):
        content = client.get(events_index.url, {"month": f"{FIRST_YEAR}-01"}).content.decode()
        assert 'rel="prev"' not in content
        assert f'rel="next" href="?month={FIRST_YEAR}-02"' in content

    def test_the_last_month_has_no_way_further_on(self, client, events_index):
        response = client.get(events_index.url, {"month": f"{LAST_YEAR}-12"})
        assert response.status_code == 200
        content = response.content.decode()
        assert 'rel="next"' not in content
        assert f'rel="prev" href="?month={LAST_YEAR}-11"' in content

    @pytest.mark.parametrize("value", [f"{FIRST_YEAR - 1}-12", f"{LAST_YEAR + 1}-01", "2027-00", "2027-13"])
    def test_a_month_just_outside_is_a_friendly_400(self, client, events_index, value):
        response = client.get(events_index.url, {"month": value})
        assert response.status_code == 400
        assert "Show this month" in response.content.decode()

    def test_december_leads_to_january_of_the_next_year(self, client, events_index):
        content = client.get(events_index.url, {"month": "2027-12"}).content.decode()
        assert 'rel="next" href="?month=2028-01"' in content
        assert 'rel="prev" href="?month=2027-11"' in content

    def test_a_leap_february_has_its_29th(self, client, events_index):
        leap = client.get(events_index.url, {"month": "2028-02"}).content.decode()
        common = client.get(events_index.url, {"month": "2027-02"}).content.decode()
        assert 'datetime="2028-02-29"' in leap
        assert 'datetime="2027-02-29"' not in common


@pytest.mark.parametrize("language", site.LANGUAGES)
class TestEmptyInEveryLanguage:
    def test_no_upcoming_events_match(self, client, events_index, locales, language):
        index = events_index.get_translation(locales[language])
        content = client.get(index.url, {"country": "AQ"}).content.decode()
        with translation.override(language):
            expected = gettext("No upcoming events match. Try another category or country, or look at past events.")
        assert expected in content
        assert html_direction(content, language)

    def test_no_past_events_match(self, client, events_index, locales, language):
        index = events_index.get_translation(locales[language])
        content = client.get(index.url + "past/", {"category": "no-such-category"}).content.decode()
        with translation.override(language):
            expected = gettext("No past events match.")
        assert expected in content
        assert html_direction(content, language)

    def test_a_month_without_events(self, client, events_index, locales, language):
        index = events_index.get_translation(locales[language])
        content = client.get(index.url, {"month": "2003-02"}).content.decode()
        with translation.override(language):
            expected = gettext("No events this month.")
        assert expected in content
        assert html_direction(content, language)


class TestSubscriptionLink:
    def subscription(self, client, url, **params):
        content = client.get(url, params).content.decode()
        with translation.override("en"):
            label = gettext("Subscribe to this calendar (iCalendar)")
        href = re.search(rf'<a href="([^"]+)">{re.escape(label)}</a>', content)
        assert href, "no subscription link"
        return href.group(1).replace("&amp;", "&")

    def test_it_keeps_the_chosen_country(self, client, events_index):
        href = self.subscription(client, events_index.url, country="CH")
        calendar = icalendar.Calendar.from_ical(client.get(href).content)
        titles = {str(event["summary"]) for event in calendar.walk("VEVENT")}
        assert titles == {site.EVENT["conference"]["title"]["en"]}

    def test_it_keeps_category_and_country_together(self, client, events_index):
        href = self.subscription(client, events_index.url, category="conference", country="CH")
        calendar = icalendar.Calendar.from_ical(client.get(href).content)
        titles = {str(event["summary"]) for event in calendar.walk("VEVENT")}
        assert titles == {site.EVENT["conference"]["title"]["en"]}

    def test_without_filters_it_is_the_whole_calendar(self, client, events_index):
        href = self.subscription(client, events_index.url)
        calendar = icalendar.Calendar.from_ical(client.get(href).content)
        live = EventPage.objects.child_of(events_index).live().count()
        assert len({str(event["uid"]) for event in calendar.walk("VEVENT")}) == live


def test_an_event_page_names_its_time_zone_in_every_language(client, events_index, locales):
    conference = EventPage.objects.get(slug=site.EVENT["conference"]["slug"], locale=locales["en"])
    for language in site.LANGUAGES:
        page = conference.get_translation(locales[language])
        response = client.get(page.url)
        assert response.status_code == 200
        content = response.content.decode()
        assert site.EVENT["conference"]["title"][language] in content
        assert html_direction(content, language)
