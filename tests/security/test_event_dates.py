"""
Event dates at the edges of the calendar: refused by the form (nothing
saved), refused by the database however they arrive, and never a server
error on the pages, feeds and API that show events.
"""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.test import Client
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from events.models import EventIndexPage, EventPage
from tests.factories import EventPageFactory


@pytest.fixture
def index(db):
    return EventIndexPage.objects.get(locale__language_code="en")


def event_form(**overrides):
    data = {
        "title": "Edge of time",
        "slug": "edge-of-time",
        "summary": "An event at the end of the calendar.",
        "start": "2027-03-20 18:00",
        "end": "2027-03-20 19:00",
        "time_zone": "UTC",
        "recurrence": "",
        "occurrence_overrides": inline_formset([]),
        "body": streamfield([]),
        "action-publish": "action-publish",
    }
    data.update(overrides)
    return nested_form_data(data)


@pytest.mark.django_db
class TestTheForm:
    @pytest.mark.parametrize(
        "start,end,zone",
        [
            ("9999-12-31 20:00", "9999-12-31 21:00", "America/Los_Angeles"),
            ("0001-01-01 01:00", "0001-01-01 02:00", "Asia/Tokyo"),
            ("2150-06-01 10:00", "2150-06-01 11:00", "UTC"),
        ],
        ids=["year-10000-in-utc", "before-year-1-in-utc", "after-2100"],
    )
    def test_a_date_outside_the_accepted_years_is_refused_and_nothing_saved(
        self, admin_client, index, start, end, zone
    ):
        admin_client.raise_request_exception = False
        before = EventPage.objects.count()
        response = admin_client.post(
            f"/admin/pages/add/events/eventpage/{index.pk}/", event_form(start=start, end=end, time_zone=zone)
        )
        assert response.status_code == 200
        errors = response.context["form"].errors
        assert "start" in errors and "1900" in str(errors["start"])
        assert EventPage.objects.count() == before

    @pytest.mark.parametrize("rule", ["FREQ=DAILY;INTERVAL=0", "FREQ=WEEKLY;INTERVAL=0", "FREQ=YEARLY;INTERVAL=0"])
    def test_a_rule_with_interval_zero_is_refused(self, admin_client, index, rule):
        admin_client.raise_request_exception = False
        response = admin_client.post(f"/admin/pages/add/events/eventpage/{index.pk}/", event_form(recurrence=rule))
        assert response.status_code == 200
        assert "recurrence" in response.context["form"].errors
        assert not EventPage.objects.filter(slug="edge-of-time").exists()

    def test_dates_inside_the_range_are_kept(self, admin_client, index):
        response = admin_client.post(
            f"/admin/pages/add/events/eventpage/{index.pk}/",
            event_form(start="2100-12-31 20:00", end="2100-12-31 21:00", time_zone="America/Los_Angeles"),
        )
        assert response.status_code == 302
        event = EventPage.objects.get(slug="edge-of-time")
        assert event.start == datetime.datetime(2101, 1, 1, 4, 0, tzinfo=datetime.UTC)


@pytest.mark.django_db
class TestTheDatabase:
    def test_no_route_can_store_a_date_the_database_could_not_give_back(self, index):
        event = EventPageFactory(parent=index, slug="stored-edge")
        with pytest.raises(IntegrityError), transaction.atomic():
            EventPage.objects.filter(pk=event.pk).update(
                start=datetime.datetime(9999, 12, 31, 20, tzinfo=datetime.timezone(datetime.timedelta(hours=-8))),
                end=datetime.datetime(9999, 12, 31, 21, tzinfo=datetime.timezone(datetime.timedelta(hours=-8))),
            )

    def test_a_long_series_near_the_last_year_is_saved_as_endless(self, index):
        event = EventPageFactory(
            parent=index,
            slug="long-series",
            start=datetime.datetime(2099, 6, 1, 10, tzinfo=datetime.UTC),
            end=datetime.datetime(2099, 6, 1, 11, tzinfo=datetime.UTC),
            recurrence="FREQ=DAILY;COUNT=2000",
        )
        event.refresh_from_db()
        assert event.series_end is None

    def test_every_page_that_shows_events_answers(self, index):
        EventPageFactory(
            parent=index,
            slug="last-night",
            time_zone="America/Los_Angeles",
            start=datetime.datetime(2100, 12, 31, 20, tzinfo=datetime.timezone(datetime.timedelta(hours=-8))),
            end=datetime.datetime(2100, 12, 31, 21, tzinfo=datetime.timezone(datetime.timedelta(hours=-8))),
        ).save_revision().publish()
        reader = Client(raise_request_exception=False)
        for url in [
            "/sitemap.xml",
            "/en/events/feed.ics",
            "/api/v2/pages/?type=events.EventPage&fields=*",
            "/en/events/last-night/",
            "/en/events/",
        ]:
            assert reader.get(url).status_code == 200, url
