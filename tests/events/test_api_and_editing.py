"""
Events for API clients (the occurrences endpoint and the pages API) and for
editors (categories, changes to single dates, the home page's section).
"""

import datetime
import re

import pytest
from django.db.models import Q
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from events.models import EventCategory, EventOccurrenceOverride, EventPage
from tests import site
from tests.factories import EventPageFactory

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


def occurrences(client, **params):
    response = client.get("/api/v2/events/", params)
    assert response.status_code == 200, response.content
    return response.json()


class TestOccurrencesAPI:
    def test_an_occurrence_carries_what_a_calendar_client_needs(self, client, events_index):
        event = EventPageFactory(
            parent=events_index,
            title="API town hall",
            start=datetime.datetime(2027, 8, 3, 9, tzinfo=UTC),
            end=datetime.datetime(2027, 8, 3, 11, tzinfo=UTC),
            city="Dakar",
            country="SN",
            registration_url="https://example.org/register",
            category=EventCategory.objects.get(slug="conference", locale__language_code="en"),
        )
        data = occurrences(client, **{"from": "2027-08-01", "to": "2027-09-01"})
        (item,) = [item for item in data["items"] if item["title"] == "API town hall"]
        assert item["start"] == "2027-08-03T09:00:00+00:00" and item["end"] == "2027-08-03T11:00:00+00:00"
        assert item["category"] == {"slug": "conference", "name": "Conference"}
        assert (item["city"], item["country"], item["recurring"]) == ("Dakar", "SN", False)
        assert item["registration_url"] == "https://example.org/register" and item["online_url"] is None
        assert item["ics_url"] == event.full_url + "event.ics"
        assert client.get(item["ics_url"].removeprefix("http://localhost")).status_code == 200
        assert data["meta"]["from"] == "2027-08-01" and data["meta"]["to"] == "2027-09-01"

    def test_all_day_dates_are_dates_and_titles_follow_the_locale(self, client):
        data = occurrences(client, locale="fr", **{"from": "2027-04-01", "to": "2027-05-01"})
        (observance,) = [item for item in data["items"] if item["all_day"]]
        assert observance["title"] == site.TEXT["observance"]["fr"]
        assert (observance["start"], observance["end"], observance["locale"]) == ("2027-04-22", "2027-04-22", "fr")

    def test_category_filter_and_paging(self, client, events_index):
        webinar = EventCategory.objects.get(slug="webinar", locale__language_code="en")
        for day in (1, 2, 3):
            when = datetime.datetime(2028, 2, day, 12, tzinfo=UTC)
            EventPageFactory(parent=events_index, title=f"February webinar {day}", category=webinar, start=when)
        EventPageFactory(
            parent=events_index,
            title="February draft",
            category=webinar,
            live=False,
            start=datetime.datetime(2028, 2, 4, 12, tzinfo=UTC),
        )
        window = {"from": "2028-02-01", "to": "2028-03-01", "category": "webinar"}
        first = occurrences(client, limit=2, **window)
        assert first["meta"]["total_count"] == 3
        assert [item["title"] for item in first["items"]] == ["February webinar 1", "February webinar 2"]
        rest = occurrences(client, limit=2, offset=2, **window)
        assert [item["title"] for item in rest["items"]] == ["February webinar 3"]

    @pytest.mark.parametrize(
        "params",
        [
            {"from": "1999-12-31"},
            {"to": "2101-01-01"},
            {"from": "2027-02-30"},
            {"include_cancelled": "maybe"},
            {"category": "not a slug!"},
        ],
    )
    def test_bad_parameters_are_a_400_with_a_message(self, client, params):
        response = client.get("/api/v2/events/", params)
        assert response.status_code == 400
        assert response.json()["message"]


def test_the_pages_api_gives_an_events_next_date_past_a_cancelled_one(client, events_index):
    start = (timezone.now() + datetime.timedelta(days=2)).replace(microsecond=0)
    series = EventPageFactory(
        parent=events_index,
        title="API series",
        start=start,
        end=start + datetime.timedelta(hours=1),
        recurrence="FREQ=WEEKLY;COUNT=3",
        country="KE",
    )
    EventOccurrenceOverride.objects.create(
        page=series, locale=series.locale, occurrence_date=start.date(), status="cancelled"
    )
    data = client.get(f"/api/v2/pages/{series.pk}/").json()
    following = start + datetime.timedelta(weeks=1)
    assert data["next_occurrence"] == {
        "start": following.isoformat(),
        "end": (following + datetime.timedelta(hours=1)).isoformat(),
    }
    assert data["country_code"] == "KE" and data["category_detail"] is None
    assert data["recurrence"] == "FREQ=WEEKLY;COUNT=3"


def test_an_editor_adds_a_category_that_readers_can_filter_by(admin_client, client, events_index):
    response = admin_client.post(
        "/admin/snippets/events/eventcategory/add/?locale=en", {"name": "Hackathon", "slug": "hackathon"}
    )
    assert response.status_code == 302
    category = EventCategory.objects.get(slug="hackathon")
    assert "Hackathon" in admin_client.get("/admin/snippets/events/eventcategory/").content.decode()
    EventPageFactory(parent=events_index, title="Open data hackathon", category=category)
    content = client.get(events_index.url, {"category": "hackathon"}).content.decode()
    assert '<option value="hackathon" selected>Hackathon</option>' in content
    assert "Open data hackathon" in content


def event_form(**changes):
    data = {
        "title": "Edited event",
        "slug": "edited-event",
        "summary": "For the editing tests.",
        "start": "2027-03-03 18:00",
        "end": "2027-03-03 19:00",
        "time_zone": "UTC",
        "recurrence": "FREQ=WEEKLY;COUNT=4",
        "occurrence_overrides": inline_formset([]),
        "body": streamfield([]),
    }
    data.update(changes)
    return nested_form_data(data)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"end": "2027-03-03 17:00"}, "The event cannot end before it starts."),
        (
            {
                "occurrence_overrides": inline_formset(
                    [{"occurrence_date": "2027-03-10", "status": "moved", "note": ""}]
                )
            },
            "Say which date the occurrence moves to.",
        ),
    ],
)
def test_the_editor_is_told_what_to_fix_and_nothing_is_saved(admin_client, events_index, changes, message):
    response = admin_client.post(f"/admin/pages/add/events/eventpage/{events_index.pk}/", event_form(**changes))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not EventPage.objects.filter(slug="edited-event").exists()


def test_an_editor_moves_one_date_and_readers_see_it_moved(admin_client, client, events_index):
    overrides = inline_formset(
        [{"occurrence_date": "2027-03-10", "status": "moved", "new_date": "2027-03-11", "note": "Room change"}]
    )
    response = admin_client.post(
        f"/admin/pages/add/events/eventpage/{events_index.pk}/",
        {**event_form(occurrence_overrides=overrides), "action-publish": "publish"},
    )
    assert response.status_code == 302
    assert EventPage.objects.get(slug="edited-event").live
    grid = client.get(events_index.url, {"month": "2027-03"}).content.decode()
    day = re.search(r'<time datetime="2027-03-11">.*?</td>', grid, re.S).group(0)
    assert "Edited event" in day and "Moved" in day
    assert "Edited event" not in re.search(r'<time datetime="2027-03-10">.*?</td>', grid, re.S).group(0)


def test_the_home_page_has_no_events_section_when_nothing_is_coming(client, events_index, settings):
    assert "Upcoming events" in client.get("/en/").content.decode()
    coming = (
        EventPage.objects.child_of(events_index)
        .live()
        .filter(Q(start__gte=timezone.now() - datetime.timedelta(days=1)) | Q(recurrence__gt=""))
    )
    for event in coming:
        event.unpublish()  # as an editor would: the stored home page and its parts are purged
    assert "Upcoming events" not in client.get("/en/").content.decode()
