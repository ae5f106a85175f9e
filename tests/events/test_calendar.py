"""The calendar a reader uses: upcoming list, month grid, past events, filters."""

import datetime
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from events.models import EventCategory, EventIndexPage, EventPage
from home.models import HomePage, StandardPage
from tests.factories import EventPageFactory


def titles(response):
    return re.findall(r'class="occurrence__title"><a href="[^"]+">([^<]+)</a>', response.content.decode())


class TestEventPageRules(WagtailPageTestCase):
    def test_events_live_only_under_the_calendar(self):
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage})
        self.assertAllowedParentPageTypes(EventIndexPage, {HomePage})
        self.assertCanNotCreateAt(StandardPage, EventPage)

    def test_editor_types_times_on_the_events_own_clock(self):
        self.login()
        index = EventIndexPage.objects.get(locale__language_code="en")
        self.assertCanCreate(
            index,
            EventPage,
            nested_form_data(
                {
                    "title": "Evening reception",
                    "slug": "evening-reception",
                    "summary": "Drinks after the session.",
                    "start": "2027-03-20 18:00",
                    "end": "2027-03-20 20:00",
                    "time_zone": "America/New_York",
                    "recurrence": "",
                    "occurrence_overrides": inline_formset([]),
                    "body": streamfield([]),
                }
            ),
        )
        event = EventPage.objects.get(slug="evening-reception")
        assert event.start == datetime.datetime(2027, 3, 20, 22, 0, tzinfo=datetime.UTC)  # 18:00 EDT

    def test_invalid_recurrence_rule_and_time_zone_are_refused(self):
        self.login()
        index = EventIndexPage.objects.get(locale__language_code="en")
        data = nested_form_data(
            {
                "title": "Broken",
                "slug": "broken",
                "summary": "x",
                "start": "2027-03-20 18:00",
                "end": "2027-03-20 17:00",
                "time_zone": "Mars/Olympus_Mons",
                "recurrence": "FREQ=SOMETIMES",
                "occurrence_overrides": inline_formset([]),
                "body": streamfield([]),
            }
        )
        response = self.client.post(f"/admin/pages/add/events/eventpage/{index.pk}/", data)
        assert response.status_code == 200
        errors = response.context["form"].errors
        assert "recurrence" in errors
        assert "time_zone" in errors
        assert not EventPage.objects.filter(slug="broken").exists()


@pytest.mark.django_db
class TestUpcomingList:
    def test_lists_upcoming_occurrences_in_time_order(self, client, events_index):
        soon = EventPageFactory(parent=events_index, title="Soon", start=timezone.now() + datetime.timedelta(days=1))
        later = EventPageFactory(parent=events_index, title="Later", start=timezone.now() + datetime.timedelta(days=3))
        found = titles(client.get(events_index.url))
        assert found.index(soon.title) < found.index(later.title)
        assert "Launch of the Global Network of Women ICT Decision Makers" not in found  # 2011: past

    def test_drafts_are_not_listed(self, client, events_index):
        EventPageFactory(parent=events_index, title="Secret planning meeting", live=False)
        assert "Secret planning meeting" not in client.get(events_index.url).content.decode()

    def test_times_show_the_events_zone_abbreviation_and_a_local_time_hook(self, client, events_index):
        start = (timezone.now() + datetime.timedelta(days=20)).replace(hour=23, minute=0, second=0, microsecond=0)
        EventPageFactory(
            parent=events_index,
            title="Tokyo briefing",
            time_zone="Asia/Tokyo",
            start=start,
            end=start + datetime.timedelta(hours=1),
        )
        content = client.get(events_index.url).content.decode()
        assert re.search(r"8:00 AM–9:00 AM JST", content)
        assert "data-local-time" in content and "local-time.js" in content

    def test_filter_by_category_and_country(self, client, events_index):
        webinar = EventCategory.objects.get(slug="webinar", locale__language_code="en")
        EventPageFactory(parent=events_index, title="Online chat", category=webinar)
        EventPageFactory(parent=events_index, title="Accra meetup", country="GH")
        by_category = titles(client.get(events_index.url, {"category": "webinar"}))
        by_country = titles(client.get(events_index.url, {"country": "gh"}))
        assert "Online chat" in by_category and "Accra meetup" not in by_category
        assert by_country == ["Accra meetup"]

    @pytest.mark.parametrize(
        "params", [{"category": "nope"}, {"country": "ZZ"}, {"country": "ÿ"}, {"page": "-3"}, {"category": "x" * 5000}]
    )
    def test_bad_filter_values_give_an_empty_or_first_page_not_an_error(self, client, events_index, params):
        assert client.get(events_index.url, params).status_code == 200

    def test_nul_characters_get_a_400_with_a_message(self, client, events_index):
        response = client.get(events_index.url, {"country": "\x00"})
        assert response.status_code == 400
        assert "NUL character" in response.content.decode()

    def test_query_count_does_not_grow_with_the_number_of_events(self, client, events_index, settings):
        settings.PAGE_CACHE_SECONDS = 0  # counts rendering, not the page cache
        client.get(events_index.url)  # the menus and site roots, cached on any running site

        def queries():
            with CaptureQueriesContext(connection) as context:
                assert client.get(events_index.url).status_code == 200
            return len(context.captured_queries)

        EventPageFactory(parent=events_index)
        few = queries()
        for _n in range(15):
            EventPageFactory(parent=events_index, recurrence="FREQ=WEEKLY;COUNT=3")
        assert queries() == few


@pytest.mark.django_db
class TestMonthGrid:
    def test_month_with_a_yearly_observance(self, client, events_index, observance):
        content = client.get(events_index.url, {"month": "2027-04"}).content.decode()
        assert "April 2027" in content
        assert 'datetime="2027-04-22"' in content
        assert observance.title in content
        assert 'rel="prev" href="?month=2027-03"' in content and 'rel="next" href="?month=2027-05"' in content

    def test_month_without_events(self, client, events_index):
        response = client.get(events_index.url, {"month": "2030-08"})
        assert response.status_code == 200
        assert "No events this month." in response.content.decode()

    @pytest.mark.parametrize(
        "value", ["2027-13", "2027-00", "abc", "", "1999-12", "2101-01", "2027-4", "2027-04-01", "９９９９-01", "-1"]
    )
    def test_bad_months_get_a_friendly_400(self, client, events_index, value):
        response = client.get(events_index.url, {"month": value})
        assert response.status_code == 400
        assert "We could not understand that month" in response.content.decode()

    def test_week_starts_on_the_readers_first_day(self, client, events_index, locales):
        english = client.get(events_index.url, {"month": "2027-04"}).content.decode()
        french = client.get(events_index.get_translation(locales["fr"]).url, {"month": "2027-04"}).content.decode()
        assert re.search(r"<th scope=\"col\"><abbr title=\"Sunday\">", english)
        assert re.search(r"<th scope=\"col\"><abbr title=\"lundi\">", french)


@pytest.mark.django_db
def test_past_events_archive_shows_a_2011_launch_and_past_years_of_a_series(client, events_index, observance):
    launch = EventPageFactory(
        parent=events_index,
        title="Launch of the Network",
        start=datetime.datetime(2011, 2, 25, 10, tzinfo=datetime.UTC),
        end=datetime.datetime(2011, 2, 25, 12, tzinfo=datetime.UTC),
    )
    found = titles(client.get(events_index.url + "past/"))
    assert launch.title in found
    assert observance.title in found  # the yearly observance, every past year


@pytest.mark.django_db
class TestEventPage:
    def test_json_ld_event_and_calendar_links(self, client, events_index):
        event = EventPageFactory(
            parent=events_index,
            title="Cairo roundtable",
            city="Cairo",
            country="EG",
            venue_name="Smart Village",
            time_zone="Africa/Cairo",
        )
        content = client.get(event.url).content.decode()
        data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', content, re.S).group(1))
        assert data["@type"] == "Event"
        assert data["location"]["address"]["addressCountry"] == "EG"
        assert data["eventAttendanceMode"].endswith("OfflineEventAttendanceMode")
        assert f'href="{event.url}event.ics"' in content
        assert "https://calendar.google.com/calendar/render?action=TEMPLATE" in content
        assert "ctz=Africa%2FCairo" in content

    def test_translations_follow_the_source_dates(self, locales, side_event):
        event = side_event
        french = event.get_translation(locales["fr"])
        assert (french.start, french.end, french.time_zone, french.country) == (
            event.start,
            event.end,
            event.time_zone,
            event.country,
        )
        assert french.title != event.title
