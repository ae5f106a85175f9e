"""
What a reader sees on the calendar's pages and on an event's own page: paging,
filters, the month grid in every language and time zone, and the when, where
and registration of one event.
"""

import datetime
import json
import re
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from django.utils.html import escape
from wagtail.models import PageViewRestriction

from events.models import EVENTS_PER_PAGE, EventCategory, EventOccurrenceOverride
from tests import site
from tests.factories import EventPageFactory

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


def listed(content, events):
    """The titles of `events` that the page links to, in the order it shows them."""
    found = []
    for event in events:
        match = re.search(rf'<a href="{re.escape(event.url)}"[^>]*>', content)
        if match:
            found.append((match.start(), event.title))
    return [title for _position, title in sorted(found)]


def json_ld(content):
    return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', content, re.S).group(1))


def soon(days, hour=10):
    return (timezone.now() + datetime.timedelta(days=days)).replace(hour=hour, minute=0, second=0, microsecond=0)


def category(slug, language="en"):
    return EventCategory.objects.get(slug=slug, locale__language_code=language)


class TestUpcoming:
    def test_a_long_list_is_paged_and_the_second_page_holds_the_rest(self, client, events_index):
        already = len(events_index.upcoming_occurrences())  # the test site's own upcoming dates
        assert already < EVENTS_PER_PAGE
        made = [
            EventPageFactory(parent=events_index, title=f"Paged event {n:02d}", start=soon(200 + n))
            for n in range(EVENTS_PER_PAGE + 1)
        ]
        first = client.get(events_index.url).content.decode()
        second = client.get(events_index.url, {"page": 2}).content.decode()
        assert "Page 1 of 2" in first and "Page 2 of 2" in second
        on_first, on_second = listed(first, made), listed(second, made)
        assert on_first == [event.title for event in made[: len(on_first)]]  # soonest first
        assert set(on_first) | set(on_second) == {event.title for event in made}
        assert not set(on_first) & set(on_second)
        # A page past the end shows the last page rather than an error.
        assert listed(client.get(events_index.url, {"page": 99}).content.decode(), made) == on_second

    def test_filters_offer_the_categories_in_the_readers_language_and_the_events_countries(
        self, client, events_index, locales
    ):
        french = events_index.get_translation(locales["fr"])
        content = client.get(french.url, {"category": "webinar"}).content.decode()
        for names in site.CATEGORIES.values():
            assert names["fr"] in content
        assert '<option value="webinar" selected>' in content
        assert '<option value="CH">Suisse</option>' in content  # the conference takes place in Geneva
        assert '<option value="GH">' not in content  # no event in Ghana

    def test_a_filter_that_matches_nothing_says_so(self, client, events_index):
        content = client.get(events_index.url, {"category": "no-such-category"}).content.decode()
        assert "No upcoming events match." in content
        assert site.EVENT["conference"]["title"]["en"] not in content

    def test_the_subscription_link_follows_the_chosen_category(self, client, events_index):
        content = client.get(events_index.url, {"category": "webinar"}).content.decode()
        assert f'href="{events_index.url}feed.ics?category=webinar"' in content
        assert f'type="text/calendar" title="{events_index.title} (iCalendar)" href="{events_index.url}feed.ics"' in (
            content
        )

    def test_a_series_whose_next_date_is_cancelled_is_listed_as_cancelled_with_the_note(self, client, events_index):
        series = EventPageFactory(
            parent=events_index, title="Mentoring call", start=soon(5), recurrence="FREQ=WEEKLY;COUNT=4"
        )
        EventOccurrenceOverride.objects.create(
            page=series,
            locale=series.locale,
            occurrence_date=series.start.date(),
            status="cancelled",
            note="Speaker ill",
        )
        content = client.get(events_index.url).content.decode()
        entry = re.search(r"<article[^>]*>(?:(?!</article>).)*Mentoring call.*?</article>", content, re.S).group(0)
        assert "Cancelled" in entry and "Speaker ill" in entry and "and 3 more dates" in entry

    def test_private_and_draft_events_are_nowhere_in_the_calendar(self, client, events_index):
        when = datetime.datetime(2027, 9, 14, 9, tzinfo=UTC)
        EventPageFactory(parent=events_index, title="Draft board meeting", start=when, live=False)
        private = EventPageFactory(parent=events_index, title="Restricted board meeting", start=when)
        PageViewRestriction.objects.create(page=private, restriction_type="login")
        past = datetime.datetime(2025, 9, 14, 9, tzinfo=UTC)
        EventPageFactory(parent=events_index, title="Old draft meeting", start=past, end=past, live=False)
        for path, params in [("", {}), ("", {"month": "2027-09"}), ("past/", {}), ("", {"month": "2025-09"})]:
            content = client.get(events_index.url + path, params).content.decode()
            for title in ("Draft board meeting", "Restricted board meeting", "Old draft meeting"):
                assert title not in content, (path, params, title)


class TestPast:
    def test_past_events_newest_first_with_earlier_dates_of_a_series_counted(self, client, events_index):
        older = EventPageFactory(
            parent=events_index,
            title="Older forum",
            start=datetime.datetime(2024, 5, 6, 9, tzinfo=UTC),
            end=datetime.datetime(2024, 5, 6, 11, tzinfo=UTC),
        )
        series = EventPageFactory(
            parent=events_index,
            title="Spring series",
            start=datetime.datetime(2025, 3, 4, 9, tzinfo=UTC),
            end=datetime.datetime(2025, 3, 4, 10, tzinfo=UTC),
            recurrence="FREQ=WEEKLY;COUNT=3",
        )
        content = client.get(events_index.url + "past/").content.decode()
        assert "Past events" in content
        assert listed(content, [older, series]) == ["Spring series", "Older forum"]
        assert "and 2 earlier dates" in content

    def test_past_events_filtered_by_category_and_country(self, client, events_index):
        past = datetime.datetime(2025, 2, 3, 9, tzinfo=UTC)
        workshop = EventPageFactory(
            parent=events_index, title="Past webinar", category=category("webinar"), start=past, end=past
        )
        meeting = EventPageFactory(
            parent=events_index, title="Past Nairobi meeting", country="KE", start=past, end=past
        )
        by_category = client.get(events_index.url + "past/", {"category": "webinar"}).content.decode()
        assert listed(by_category, [workshop, meeting]) == ["Past webinar"]
        by_country = client.get(events_index.url + "past/", {"country": "ke"}).content.decode()
        assert listed(by_country, [workshop, meeting]) == ["Past Nairobi meeting"]
        nothing = client.get(events_index.url + "past/", {"country": "ZW"}).content.decode()
        assert "No past events match." in nothing


class TestMonthGrid:
    def test_filters_narrow_the_grid_and_stay_on_the_month_links(self, client, events_index):
        when = datetime.datetime(2027, 6, 15, 9, tzinfo=UTC)
        EventPageFactory(parent=events_index, title="June webinar", category=category("webinar"), start=when)
        EventPageFactory(parent=events_index, title="June conference", category=category("conference"), start=when)
        content = client.get(events_index.url, {"month": "2027-06", "category": "webinar", "country": "ke"})
        content = content.content.decode()
        assert "June webinar" not in content  # no webinar in Kenya
        content = client.get(events_index.url, {"month": "2027-06", "category": "webinar"}).content.decode()
        assert "June webinar" in content and "June conference" not in content
        assert 'href="?month=2027-05&amp;category=webinar"' in content
        assert 'href="?month=2027-07&amp;category=webinar"' in content
        assert '<input type="hidden" name="month" value="2027-06">' in content  # filtering keeps the month

    def test_an_event_is_on_the_day_of_its_own_clock(self, client, events_index):
        auckland = ZoneInfo("Pacific/Auckland")
        start = datetime.datetime(2027, 9, 1, 0, 30, tzinfo=auckland)  # 31 August in UTC
        EventPageFactory(
            parent=events_index,
            title="Auckland breakfast briefing",
            time_zone="Pacific/Auckland",
            start=start,
            end=start + datetime.timedelta(hours=1),
        )
        september = client.get(events_index.url, {"month": "2027-09"}).content.decode()
        august = client.get(events_index.url, {"month": "2027-08"}).content.decode()
        day = re.search(r'<time datetime="2027-09-01">.*?</td>', september, re.S).group(0)  # the cell of 1 September
        assert "12:30 AM Auckland breakfast briefing" in day
        assert "Auckland breakfast briefing" not in august

    def test_the_grid_marks_cancelled_and_moved_dates_of_a_series(self, client, events_index):
        new_york = ZoneInfo("America/New_York")
        series = EventPageFactory(
            parent=events_index,
            title="Evening clinic",
            time_zone="America/New_York",
            start=datetime.datetime(2027, 10, 5, 18, tzinfo=new_york),
            end=datetime.datetime(2027, 10, 5, 19, tzinfo=new_york),
            recurrence="FREQ=WEEKLY;COUNT=4",
        )
        for kwargs in [
            {"occurrence_date": datetime.date(2027, 10, 12), "status": "cancelled"},
            {"occurrence_date": datetime.date(2027, 10, 19), "status": "excluded"},
            {
                "occurrence_date": datetime.date(2027, 10, 26),
                "status": "moved",
                "new_date": datetime.date(2027, 10, 28),
            },
        ]:
            EventOccurrenceOverride.objects.create(page=series, locale=series.locale, **kwargs)
        content = client.get(events_index.url, {"month": "2027-10"}).content.decode()

        def cell(day):
            return re.search(rf'<time datetime="2027-10-{day:02d}">.*?</td>', content, re.S).group(0)

        assert "6:00 PM Evening clinic" in cell(5) and "Cancelled" not in cell(5)
        assert "Evening clinic" in cell(12) and "Cancelled" in cell(12)
        assert "Evening clinic" not in cell(19)  # left out
        assert "Evening clinic" not in cell(26) and "Moved" in cell(28)

    @pytest.mark.parametrize(
        ("language", "heading"),
        [
            ("en", "April 2027"),
            ("fr", "avril 2027"),
            ("es", "abril de 2027"),
            ("ru", "Апрель 2027 г."),
            ("ar", "إبريل 2027"),
            ("zh-hans", "2027年4月"),
        ],
    )
    def test_the_month_is_named_in_the_readers_language(self, client, events_index, locales, language, heading):
        page = events_index.get_translation(locales[language])
        content = client.get(page.url, {"month": "2027-04"}).content.decode()
        assert f'<h2 id="month-heading">{heading}</h2>' in content
        assert re.search(rf"<title>{re.escape(heading)} · ", content)
        assert escape(site.TEXT["observance"][language]) in content  # 22 April 2027, in her language


class TestEventPage:
    def test_a_past_event_shows_its_date_and_no_calendar_buttons(self, client, events_index):
        event = EventPageFactory(
            parent=events_index,
            title="Spring summit",
            start=datetime.datetime(2025, 5, 6, 10, tzinfo=UTC),
            end=datetime.datetime(2025, 5, 6, 12, tzinfo=UTC),
        )
        content = client.get(event.url).content.decode()
        assert "May 6, 2025, 10:00 AM–12:00 PM UTC" in content
        assert "Past event" in content
        assert "Add to Google Calendar" not in content

    def test_an_event_over_several_days_names_both_days(self, client, events_index):
        zurich = ZoneInfo("Europe/Zurich")
        event = EventPageFactory(
            parent=events_index,
            title="Three-day academy",
            time_zone="Europe/Zurich",
            start=datetime.datetime(2027, 6, 1, 9, tzinfo=zurich),
            end=datetime.datetime(2027, 6, 3, 17, tzinfo=zurich),
        )
        content = client.get(event.url).content.decode()
        assert "June 1, 2027, 9:00 AM – June 3, 2027, 5:00 PM CEST" in content
        assert "Times are shown in the event's time zone (Europe/Zurich)." in content

    def test_an_all_day_event_over_several_days(self, client, events_index):
        event = EventPageFactory(
            parent=events_index,
            title="Hackathon weekend",
            all_day=True,
            start=datetime.datetime(2027, 6, 4, tzinfo=UTC),
            end=datetime.datetime(2027, 6, 6, tzinfo=UTC),
        )
        content = client.get(event.url).content.decode()
        assert "June 4, 2027 to June 6, 2027" in content
        assert "data-local-time" not in re.search(r'<p class="event-when__next">.*?</p>', content, re.S).group(0)
        # Google Calendar reads an all-day end as exclusive: the day after the last.
        assert "dates=20270604%2F20270607" in content
        data = json_ld(content)
        assert (data["startDate"], data["endDate"]) == ("2027-06-04", "2027-06-06")

    def test_registration_link_and_deadline_on_the_events_clock(self, client, events_index):
        event = EventPageFactory(
            parent=events_index,
            title="Tokyo forum",
            time_zone="Asia/Tokyo",
            organiser="UN Women",
            registration_url="https://example.org/register",
            registration_deadline=datetime.datetime(2027, 5, 20, 23, 0, tzinfo=UTC),  # 8:00 on 21 May in Tokyo
        )
        content = client.get(event.url).content.decode()
        assert "Organised by UN Women" in content
        assert 'href="https://example.org/register"' in content
        assert "Registration closes May 21, 2027, 8:00 AM" in content
        assert json_ld(content)["organizer"] == {"@type": "Organization", "name": "UN Women"}

    @pytest.mark.parametrize(
        ("place", "mode", "locations"),
        [
            ({"online_url": "https://example.org/live"}, "Online", ["VirtualLocation"]),
            ({"online_url": "https://example.org/live", "city": "Kigali"}, "Mixed", ["Place", "VirtualLocation"]),
            ({"venue_name": "Kigali Convention Centre", "country": "RW"}, "Offline", ["Place"]),
        ],
    )
    def test_where_it_takes_place_online_in_person_or_both(self, client, events_index, place, mode, locations):
        event = EventPageFactory(parent=events_index, title="Kigali dialogue", **place)
        content = client.get(event.url).content.decode()
        data = json_ld(content)
        assert data["eventAttendanceMode"] == f"https://schema.org/{mode}EventAttendanceMode"
        found = data["location"] if isinstance(data["location"], list) else [data["location"]]
        assert [location["@type"] for location in found] == locations
        assert ("Join online" in content) == ("online_url" in place)
        if "country" in place:
            assert "Rwanda" in content

    def test_a_series_lists_its_upcoming_dates_with_changes(self, client, events_index):
        start = soon(3, hour=14)
        series = EventPageFactory(
            parent=events_index,
            title="Weekly coding club",
            start=start,
            end=start + datetime.timedelta(hours=1),
            recurrence="FREQ=WEEKLY;COUNT=4",
        )
        EventOccurrenceOverride.objects.create(
            page=series, locale=series.locale, occurrence_date=start.date(), status="cancelled", note="Room closed"
        )
        moved_from = (start + datetime.timedelta(weeks=2)).date()
        EventOccurrenceOverride.objects.create(
            page=series,
            locale=series.locale,
            occurrence_date=moved_from,
            status="moved",
            new_date=moved_from + datetime.timedelta(days=1),
        )
        content = client.get(series.url).content.decode()
        dates = re.search(r"Upcoming dates in this series.*?</ul>", content, re.S).group(0)
        assert dates.count("<li") == 4
        assert "Cancelled" in dates and "Room closed" in dates and "Moved" in dates
        # The next date shown is the first that takes place, a week after the cancelled one.
        following = start + datetime.timedelta(weeks=1)
        assert re.search(r'event-when__next">\s*<time datetime="([^"]+)"', content).group(1) == following.isoformat()
