"""
An editor imports a partner's .ics file in the admin: what she may do, what
the import reports, and the drafts it leaves for her to publish.
"""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile

from events.ical import MAX_IMPORT_BYTES, import_calendar
from events.imports import run_calendar_import
from events.models import CalendarImport, EventPage

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")
WINDOW = (datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC), datetime.datetime(2029, 1, 1, tzinfo=datetime.UTC))


def ics(*events):
    body = "".join(
        "BEGIN:VEVENT\r\nDTSTAMP:20261101T000000Z\r\n" + "".join(f"{line}\r\n" for line in lines) + "END:VEVENT\r\n"
        for lines in events
    )
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Partner//EN\r\n{body}END:VCALENDAR\r\n".encode()


PARTNER = ics(
    [
        "UID:clinic@partner.example.org",
        "SUMMARY:Digital clinic",
        "DESCRIPTION:Bring your questions.",
        "URL:https://partner.example.org/clinic",
        "DTSTART;TZID=Europe/Paris:20270105T170000",
        "DURATION:PT90M",
        "RRULE:FREQ=WEEKLY;UNTIL=20270126T160000Z",
    ],
    [
        "UID:clinic@partner.example.org",
        "SUMMARY:Digital clinic",
        "RECURRENCE-ID;TZID=Europe/Paris:20270112T170000",
        "DTSTART;TZID=Europe/Paris:20270114T090000",
        "DURATION:PT90M",
    ],
    [
        "UID:fair@partner.example.org",
        "SUMMARY:Careers fair",
        "LOCATION:Lyon",
        "DTSTART;VALUE=DATE:20270301",
        "DTEND;VALUE=DATE:20270303",
    ],
)


@pytest.fixture
def editor(django_user_model):
    """A member of Wagtail's Editors group: she may add pages anywhere, but is no superuser."""
    user = django_user_model.objects.create_user("calendar-editor", password="x")  # noqa: S106
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def reviewer(django_user_model):
    """She may open the admin, and nothing more."""
    user = django_user_model.objects.create_user("reviewer", password="x")  # noqa: S106
    group = Group.objects.create(name="Admin readers")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    return user


def upload(client, index, data, capture):
    with capture(execute=True):
        return client.post(
            "/admin/events/import/",
            {"calendar": index.pk, "file": SimpleUploadedFile("partner.ics", data, "text/calendar")},
        )


def test_an_editor_imports_drafts_that_readers_see_once_published(
    client, editor, events_index, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    form = client.get("/admin/events/import/").content.decode()
    assert f"{events_index.title} (English)" in form
    assert "Import events" in client.get("/admin/").content.decode()  # in her menu

    response = upload(client, events_index, PARTNER, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    status = client.get(response["Location"]).content.decode()
    assert "2 new draft events, 0 updated" in status
    assert f"/admin/pages/{events_index.pk}/" in status  # "See the events"

    clinic = EventPage.objects.get(ical_uid="clinic@partner.example.org")
    assert clinic.owner == editor and not clinic.live
    assert "Digital clinic" not in client.get(events_index.url, {"month": "2027-01"}).content.decode()
    clinic.get_latest_revision().publish()
    assert "Digital clinic" in client.get(events_index.url, {"month": "2027-01"}).content.decode()


def test_what_the_file_says_becomes_the_event(events_index, admin_user):
    import_calendar(PARTNER, events_index, admin_user)
    clinic = EventPage.objects.get(ical_uid="clinic@partner.example.org")
    assert (clinic.time_zone, clinic.summary, clinic.online_url) == (
        "Europe/Paris",
        "Bring your questions.",
        "https://partner.example.org/clinic",
    )
    assert "Bring your questions." in str(clinic.body)
    starts = [o.start.astimezone(PARIS) for o in clinic.occurrences_between(*WINDOW)]
    # Weekly on Tuesdays at 17:00 until 26 January 17:00 Paris time (UNTIL in UTC); the 12th moved to the 14th at 9:00.
    assert [(s.day, s.hour) for s in starts] == [(5, 17), (14, 9), (19, 17), (26, 17)]
    assert all(o.end - o.start == datetime.timedelta(minutes=90) for o in clinic.occurrences_between(*WINDOW))
    fair = EventPage.objects.get(ical_uid="fair@partner.example.org")
    assert fair.all_day and fair.venue_name == "Lyon"
    (occurrence,) = fair.occurrences_between(*WINDOW)
    assert (occurrence.start.date(), occurrence.end.date()) == (datetime.date(2027, 3, 1), datetime.date(2027, 3, 2))


def test_someone_who_cannot_add_events_cannot_import(client, reviewer, events_index, admin_user):
    client.force_login(reviewer)
    record = CalendarImport.objects.create(calendar=events_index, user=admin_user, data=b"", total=1)
    for path in ("/admin/events/import/", f"/admin/events/import/{record.pk}/"):
        response = client.get(path)
        # Wagtail's admin turns a refusal into a message on its dashboard.
        assert response.status_code == 302 and response["Location"] == "/admin/", path
    assert "Import events" not in client.get("/admin/").content.decode()


def test_readers_are_sent_to_log_in(client):
    response = client.get("/admin/events/import/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_a_file_over_the_size_limit_is_refused_with_the_reason(
    admin_client, events_index, django_capture_on_commit_callbacks
):
    data = PARTNER + b" " * MAX_IMPORT_BYTES
    response = upload(admin_client, events_index, data, django_capture_on_commit_callbacks)
    assert response.status_code == 400
    assert "The file is too large (2 MB at most)." in response.content.decode()
    assert not CalendarImport.objects.exists()


def test_an_import_that_fails_in_the_background_says_why_and_imports_nothing(admin_client, events_index, admin_user):
    # A file checked when it was sent, then refused by the task (here, one
    # whose second event has no end that fits: it ends before it starts).
    data = ics(
        ["UID:ok@partner.example.org", "SUMMARY:Fine event", "DTSTART:20270105T170000Z"],
        [
            "UID:bad@partner.example.org",
            "SUMMARY:Backwards event",
            "DTSTART:20270105T170000Z",
            "DTEND:20270105T160000Z",
        ],
    )
    record = CalendarImport.objects.create(calendar=events_index, user=admin_user, data=data, total=2)
    run_calendar_import.call(record.pk)
    record.refresh_from_db()
    assert record.status == CalendarImport.Status.FAILED and record.finished_at
    status = admin_client.get(f"/admin/events/import/{record.pk}/").content.decode()
    assert "Nothing was imported:" in status
    assert "Event 2 (“Backwards event”): it ends before it starts." in status
    assert not EventPage.objects.filter(ical_uid__endswith="@partner.example.org").exists()
