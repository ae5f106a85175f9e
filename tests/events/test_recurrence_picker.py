"""Editors pick how an event repeats; the picker says it in words and shows the next dates on the event's clock."""

import pytest
from wagtail.users.models import UserProfile

pytestmark = pytest.mark.django_db

PREVIEW = "/admin/events/recurrence-preview/"


def preview(client, rule, start="2027-04-22 09:00", time_zone="Europe/Zurich"):
    return client.get(PREVIEW, {"rule": rule, "start": start, "time_zone": time_zone})


def test_event_editor_offers_the_picker_beside_the_rule(admin_client, observance):
    event = observance
    content = admin_client.get(f"/admin/pages/{event.pk}/edit/").content.decode()
    assert "data-recurrence-picker" in content
    assert 'data-preview-url="/admin/events/recurrence-preview/"' in content
    assert "events/recurrence-picker.js" in content
    assert 'name="recurrence"' in content and 'value="FREQ=YEARLY;BYMONTH=4;BYDAY=4TH"' in content
    for option in ("DAILY", "WEEKLY", "MONTHLY", "YEARLY"):
        assert f'<option value="{option}">' in content


def test_fourth_thursday_of_april_in_words_and_dates(admin_client):
    data = preview(admin_client, "FREQ=YEARLY;BYMONTH=4;BYDAY=4TH").json()
    assert data["summary"] == "Every year, in April, on the fourth Thursday."
    assert data["dates"] == [
        "April 22, 2027, 9:00 AM CEST",
        "April 27, 2028, 9:00 AM CEST",
        "April 26, 2029, 9:00 AM CEST",
        "April 25, 2030, 9:00 AM CEST",
        "April 24, 2031, 9:00 AM CEST",
    ]


def test_dates_stay_on_the_events_clock_across_daylight_saving(admin_client):
    # Clocks in New York go forward on Sunday, March 14, 2027.
    data = preview(
        admin_client, "FREQ=WEEKLY;BYDAY=TU;COUNT=3", start="2027-03-09 18:00", time_zone="America/New_York"
    ).json()
    assert data["summary"] == "Every week, on Tuesday, 3 times in all."
    assert data["dates"] == ["March 9, 2027, 6:00 PM EST", "March 16, 2027, 6:00 PM EDT", "March 23, 2027, 6:00 PM EDT"]


def test_weekdays_interval_and_end_date_in_words(admin_client):
    data = preview(admin_client, "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;UNTIL=20271231T235959").json()
    assert data["summary"] == "Every 2 weeks, on Monday, Wednesday, until December 31, 2027."
    data = preview(admin_client, "FREQ=MONTHLY;BYMONTHDAY=15;COUNT=1").json()
    assert data["summary"] == "Every month, on day 15, 1 time in all."
    assert preview(admin_client, "").json()["summary"] == "Does not repeat."


def test_summary_is_in_the_editors_language(admin_client, admin_user):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "fr"
    profile.save()
    data = preview(admin_client, "FREQ=YEARLY;BYMONTH=4;BYDAY=4TH").json()
    assert data["summary"] == "Chaque année, en avril, le quatrième jeudi."
    assert data["dates"][0] == "22 avril 2027, 09:00 CEST"


def test_a_rule_that_never_matches_answers_quickly_with_no_dates(admin_client):
    data = preview(admin_client, "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30").json()
    assert data["dates"] == []


@pytest.mark.parametrize(
    "params",
    [
        {"rule": "FREQ=SOMETIMES"},
        {"rule": "FREQ=HOURLY"},
        {"rule": "FREQ=DAILY", "time_zone": "Mars/Olympus"},
        {"rule": "FREQ=DAILY;" + "BYDAY=MO;" * 100},
    ],
)
def test_bad_input_gets_a_400_with_the_reason(admin_client, params):
    response = admin_client.get(PREVIEW, {"start": "2027-04-22 09:00", "time_zone": "UTC", **params})
    assert response.status_code == 400
    assert response.json()["error"]


def test_a_missing_start_still_gives_the_words(admin_client):
    response = admin_client.get(PREVIEW, {"rule": "FREQ=DAILY", "start": "soon", "time_zone": "UTC"})
    assert response.status_code == 200
    assert response.json() == {"summary": "Every day.", "dates": []}


def test_readers_cannot_use_the_preview(client):
    response = client.get(PREVIEW, {"rule": "FREQ=DAILY"})
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
