"""
Imported calendars are untrusted input: text stays text, malformed files are
refused with the event at fault named, and limits keep any file cheap.
"""

import time

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile

from events.imports import progress_key
from events.models import CalendarImport, EventIndexPage, EventPage


def calendar(*events):
    body = "".join(
        "BEGIN:VEVENT\r\nDTSTAMP:20261101T000000Z\r\n" + "".join(f"{line}\r\n" for line in lines) + "END:VEVENT\r\n"
        for lines in events
    )
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Tests//EN\r\n{body}END:VCALENDAR\r\n".encode()


def event(uid="hostile-1@example.org", summary="Partner meeting", start="20270115T100000Z", extra=()):
    return [f"UID:{uid}", f"SUMMARY:{summary}", f"DTSTART:{start}", "DTEND:20270115T120000Z", *extra]


@pytest.fixture
def index(db):
    return EventIndexPage.objects.get(locale__language_code="en")


def upload(client, index, data, capture):
    with capture(execute=True):
        return client.post(
            "/admin/events/import/",
            {"calendar": index.pk, "file": SimpleUploadedFile("feed.ics", data, "text/calendar")},
        )


@pytest.mark.django_db
class TestHostileText:
    def test_markup_in_a_description_is_shown_as_text_everywhere(
        self, admin_client, client, index, django_capture_on_commit_callbacks
    ):
        hostile = 'Agenda <meta http-equiv="refresh" content="0;url=https://evil.example/"><script>alert(1)</script>'
        response = upload(
            admin_client,
            index,
            calendar(event(extra=[f"DESCRIPTION:{hostile}"])),
            django_capture_on_commit_callbacks,
        )
        assert response.status_code == 302
        page = EventPage.objects.get(ical_uid="hostile-1@example.org")
        page.save_revision().publish()
        html = client.get(page.url).content.decode()
        assert "<meta http-equiv" not in html and "<script>alert" not in html
        assert "&lt;meta http-equiv" in html
        api = client.get(f"/api/v2/pages/{page.pk}/").json()
        body_html = "".join(block["value"] for block in api["body"])
        assert "<script>" not in body_html and "<meta" not in body_html
        assert "&lt;script&gt;" in body_html

    def test_a_description_with_angle_brackets_keeps_the_edit_page_working(
        self, admin_client, index, django_capture_on_commit_callbacks
    ):
        upload(
            admin_client,
            index,
            calendar(event(extra=["DESCRIPTION:Bring your <optional> laptop"])),
            django_capture_on_commit_callbacks,
        )
        page = EventPage.objects.get(ical_uid="hostile-1@example.org")
        assert admin_client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200

    def test_control_characters_are_dropped_not_a_server_error(
        self, admin_client, index, django_capture_on_commit_callbacks
    ):
        response = upload(
            admin_client,
            index,
            calendar(event(summary="Null\x00byte", extra=["DESCRIPTION:Bell\x07 and NUL\x00"])),
            django_capture_on_commit_callbacks,
        )
        assert response.status_code == 302
        page = EventPage.objects.get(ical_uid="hostile-1@example.org")
        assert page.title == "Nullbyte" and page.summary == "Bell and NUL"


@pytest.mark.django_db
class TestMalformedFiles:
    @pytest.mark.parametrize(
        "events,named",
        [
            ([event(), event(uid="two", summary="Second", start="2027BAD")], "Second"),
            ([["UID:long", "SUMMARY:Long", "DTSTART:20270115T100000Z", "DURATION:P99999999D"]], "DURATION"),
            ([event(start="99991231T235959Z")], "DTSTART"),
            ([event(extra=["RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30"])], "RRULE"),
            ([event(extra=["RRULE:FREQ=MINUTELY"])], "RRULE"),
            ([event(extra=["EXDATE:not-a-date"])], "EXDATE"),
        ],
        ids=["bad-dtstart", "huge-duration", "year-9999", "never-matching-rule", "minutely", "bad-exdate"],
    )
    def test_a_malformed_event_is_named_and_nothing_is_imported(
        self, admin_client, index, events, named, django_capture_on_commit_callbacks
    ):
        before = EventPage.objects.count()
        response = upload(admin_client, index, calendar(*events), django_capture_on_commit_callbacks)
        assert response.status_code == 400
        text = response.content.decode()
        assert named in text
        assert EventPage.objects.count() == before
        assert not CalendarImport.objects.exists()

    def test_tens_of_thousands_of_exdates_are_refused_at_once(
        self, admin_client, index, django_capture_on_commit_callbacks
    ):
        exdates = [
            f"EXDATE:{2027 + day // 365}{(day % 12) + 1:02d}{(day % 28) + 1:02d}T100000Z" for day in range(33_600)
        ]
        data = calendar(event(extra=["RRULE:FREQ=DAILY", *exdates]))
        assert len(data) > 500_000
        began = time.perf_counter()
        response = upload(admin_client, index, data, django_capture_on_commit_callbacks)
        assert time.perf_counter() - began < 20  # past the 30 s worker timeout before the limit
        assert response.status_code == 400
        assert "EXDATE" in response.content.decode()

    def test_too_many_events_are_refused(self, admin_client, index, django_capture_on_commit_callbacks):
        data = calendar(*[event(uid=f"e{n}", summary=f"Event {n}") for n in range(501)])
        response = upload(admin_client, index, data, django_capture_on_commit_callbacks)
        assert response.status_code == 400
        assert "too many events" in response.content.decode()


@pytest.mark.django_db
class TestBackgroundImport:
    def test_the_import_runs_as_a_task_and_reports_when_done(
        self, admin_client, index, django_capture_on_commit_callbacks
    ):
        data = calendar(*[event(uid=f"bulk-{n}", summary=f"Bulk event {n}") for n in range(30)])
        response = upload(admin_client, index, data, django_capture_on_commit_callbacks)
        record = CalendarImport.objects.get()
        assert response["Location"] == f"/admin/events/import/{record.pk}/"
        assert (record.status, record.total, record.created) == ("done", 30, 30)
        status = admin_client.get(response["Location"]).content.decode()
        assert "30 new draft events" in status
        assert EventPage.objects.filter(ical_uid__startswith="bulk-").count() == 30

    def test_the_status_page_shows_progress_while_the_task_runs(self, admin_client, index, admin_user):
        record = CalendarImport.objects.create(
            calendar=index, user=admin_user, data=b"", total=120, status=CalendarImport.Status.RUNNING
        )
        cache.set(progress_key(record.pk), 45)
        page = admin_client.get(f"/admin/events/import/{record.pk}/").content.decode()
        assert "45 of 120" in page
        assert 'http-equiv="refresh"' in page


@pytest.mark.django_db
class TestFilesTheTesterSent:
    @pytest.mark.parametrize("frequency", ["DAILY", "WEEKLY", "YEARLY"])
    def test_interval_zero_is_named_not_a_server_error(
        self, admin_client, index, frequency, django_capture_on_commit_callbacks
    ):
        admin_client.raise_request_exception = False
        data = calendar(event(extra=[f"RRULE:FREQ={frequency};INTERVAL=0"]))
        response = upload(admin_client, index, data, django_capture_on_commit_callbacks)
        assert response.status_code == 400
        assert "RRULE" in response.content.decode() and "INTERVAL" in response.content.decode()
        assert not EventPage.objects.filter(ical_uid="hostile-1@example.org").exists()

    def test_a_file_that_is_not_utf8_is_refused_not_mangled(
        self, admin_client, index, django_capture_on_commit_callbacks
    ):
        data = calendar(event(summary="Réunion à Genève")).decode().encode("latin-1")
        response = upload(admin_client, index, data, django_capture_on_commit_callbacks)
        assert response.status_code == 400
        assert "UTF-8" in response.content.decode()
        assert not EventPage.objects.filter(ical_uid="hostile-1@example.org").exists()

    def test_extra_dates_are_refused_rather_than_left_out(
        self, admin_client, index, django_capture_on_commit_callbacks
    ):
        data = calendar(event(extra=["RDATE:20270120T100000Z"]))
        response = upload(admin_client, index, data, django_capture_on_commit_callbacks)
        assert response.status_code == 400
        assert "RDATE" in response.content.decode()

    def test_an_unknown_time_zone_is_named_rather_than_read_as_utc(
        self, admin_client, index, django_capture_on_commit_callbacks
    ):
        data = calendar(
            [
                "UID:zone@example.org",
                "SUMMARY:Somewhere",
                "DTSTART;TZID=Mars/Olympus:20270115T100000",
                "DTEND;TZID=Mars/Olympus:20270115T120000",
            ]
        )
        response = upload(admin_client, index, data, django_capture_on_commit_callbacks)
        assert response.status_code == 400
        assert "Mars/Olympus" in response.content.decode()
        assert not EventPage.objects.filter(ical_uid="zone@example.org").exists()

    def test_a_known_time_zone_is_kept(self, admin_client, index, django_capture_on_commit_callbacks):
        data = calendar(
            [
                "UID:paris@example.org",
                "SUMMARY:In Paris",
                "DTSTART;TZID=Europe/Paris:20270115T100000",
                "DTEND;TZID=Europe/Paris:20270115T120000",
            ]
        )
        assert upload(admin_client, index, data, django_capture_on_commit_callbacks).status_code == 302
        assert EventPage.objects.get(ical_uid="paris@example.org").time_zone == "Europe/Paris"

    def test_a_file_of_countless_short_lines_is_refused_at_once(
        self, admin_client, index, django_capture_on_commit_callbacks
    ):
        data = calendar(event(extra=[f"X-F{n}:x" for n in range(150_000)]))
        assert len(data) < 2 * 1024 * 1024  # within the size limit
        began = time.perf_counter()
        response = upload(admin_client, index, data, django_capture_on_commit_callbacks)
        assert time.perf_counter() - began < 3
        assert response.status_code == 400
        assert "too many lines" in response.content.decode()
