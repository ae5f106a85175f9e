"""
Editors type an event's times as the clock where it happens shows them,
whatever time zone their own admin profile is set to: on creating, on
editing again, for the registration deadline, across a daylight saving
change, and when only the event's zone changes.
"""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail.users.models import UserProfile

from events.models import EventPage
from home.translations import translate_object
from tests.factories import EventPageFactory

pytestmark = pytest.mark.django_db

NEW_YORK = ZoneInfo("America/New_York")
TOKYO = "Asia/Tokyo"


@pytest.fixture
def tokyo_editor(admin_client, admin_user):
    """The administrator, with her admin set to Tokyo time."""
    profile = UserProfile.get_for_user(admin_user)
    profile.current_time_zone = TOKYO
    profile.save()
    return admin_client


def event_form(**changes):
    data = {
        "title": "Evening side event",
        "slug": "evening-side-event",
        "summary": "Ministers meet after the session.",
        "start": "2027-03-20 18:00",
        "end": "2027-03-20 20:00",
        "time_zone": "America/New_York",
        "recurrence": "",
        "registration_deadline": "",
        "occurrence_overrides": inline_formset([]),
        "body": streamfield([]),
        "action-publish": "publish",
    }
    data.update(changes)
    return nested_form_data(data)


def create(client, index, **changes):
    response = client.post(f"/admin/pages/add/events/eventpage/{index.pk}/", event_form(**changes))
    assert response.status_code == 302, response.content.decode()[-2000:]
    return EventPage.objects.get(slug=changes.get("slug", "evening-side-event"))


def edit_form_values(client, event):
    content = client.get(f"/admin/pages/{event.pk}/edit/").content.decode()
    return {
        name: re.search(rf'name="{name}"[^>]*value="([^"]*)"', content).group(1)
        for name in ("start", "end")
        if re.search(rf'name="{name}"[^>]*value="([^"]*)"', content)
    }


def test_an_editor_in_tokyo_types_new_york_times(tokyo_editor, events_index):
    event = create(tokyo_editor, events_index)
    assert event.start == datetime.datetime(2027, 3, 20, 18, tzinfo=NEW_YORK)
    assert event.end - event.start == datetime.timedelta(hours=2)


def test_the_edit_form_shows_the_events_own_clock_to_an_editor_in_tokyo(tokyo_editor, events_index):
    event = EventPageFactory(
        parent=events_index,
        start=datetime.datetime(2027, 3, 20, 18, tzinfo=NEW_YORK),
        end=datetime.datetime(2027, 3, 20, 20, tzinfo=NEW_YORK),
        time_zone="America/New_York",
    )
    values = edit_form_values(tokyo_editor, event)
    assert values["start"].startswith("2027-03-20 18:00")
    assert values["end"].startswith("2027-03-20 20:00")


def test_saving_again_without_changes_keeps_the_times(tokyo_editor, events_index):
    event = create(tokyo_editor, events_index)
    start = event.start
    response = tokyo_editor.post(f"/admin/pages/{event.pk}/edit/", event_form())
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.start == start


def test_the_registration_deadline_is_on_the_events_clock_too(tokyo_editor, events_index):
    event = create(tokyo_editor, events_index, registration_deadline="2027-03-19 23:59")
    assert event.registration_deadline == datetime.datetime(2027, 3, 19, 23, 59, tzinfo=NEW_YORK)


@pytest.mark.parametrize(
    ("day", "utc_hour"),
    [("2027-03-13", 23), ("2027-03-15", 22)],  # the Saturday before the clocks change, and the Monday after
)
def test_the_same_time_either_side_of_a_clock_change_is_a_different_utc_hour(tokyo_editor, events_index, day, utc_hour):
    event = create(tokyo_editor, events_index, start=f"{day} 18:00", end=f"{day} 19:00", slug=f"meeting-{day}")
    assert event.start.astimezone(datetime.UTC).hour == utc_hour


def test_changing_only_the_zone_keeps_the_time_typed(admin_client, events_index):
    event = create(admin_client, events_index)
    response = admin_client.post(f"/admin/pages/{event.pk}/edit/", event_form(time_zone="Europe/London"))
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.time_zone == "Europe/London"
    assert event.start == datetime.datetime(2027, 3, 20, 18, tzinfo=ZoneInfo("Europe/London"))


def test_readers_see_the_time_as_it_was_typed(tokyo_editor, client, events_index):
    event = create(tokyo_editor, events_index)
    content = client.get(event.url).content.decode()
    assert "6 p.m." in content or "18:00" in content
    assert "EDT" in content


def test_an_unknown_zone_is_refused_and_nothing_is_saved(admin_client, events_index):
    response = admin_client.post(
        f"/admin/pages/add/events/eventpage/{events_index.pk}/", event_form(time_zone="Atlantis/Capital")
    )
    assert response.status_code == 200
    assert "time_zone" in response.context["form"].errors
    assert not EventPage.objects.filter(slug="evening-side-event").exists()


def test_a_translators_copy_keeps_the_source_times(admin_client, events_index, locales):
    event = create(admin_client, events_index)
    translate_object(event, "fr", {event.title: "Événement du soir"})
    response = admin_client.post(f"/admin/pages/{event.pk}/edit/", event_form(start="2027-03-20 19:00"))
    assert response.status_code == 302
    # The translator's next sync (wagtail-localize's "Sync translated pages").
    french = translate_object(EventPage.objects.get(pk=event.pk), "fr", {event.title: "Événement du soir"})
    assert french.start == datetime.datetime(2027, 3, 20, 19, tzinfo=NEW_YORK)
    assert french.time_zone == "America/New_York"
