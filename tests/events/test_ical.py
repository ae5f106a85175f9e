"""iCalendar feeds and import, checked by parsing them back with independent libraries."""

import datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events

from events.ical import import_calendar
from events.models import EventCategory, EventOccurrenceOverride, EventPage
from tests import site
from tests.factories import EventPageFactory

NEW_YORK = ZoneInfo("America/New_York")
WINDOW = (datetime.datetime(2011, 1, 1, tzinfo=datetime.UTC), datetime.datetime(2031, 1, 1, tzinfo=datetime.UTC))


def instants(values):
    return sorted(value if isinstance(value, datetime.datetime) else value for value in values)


def parse(response):
    assert response["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.content)


@pytest.fixture
def webinar(events_index):
    event = EventPageFactory(
        parent=events_index,
        title="Policy webinar; with, commas",
        summary="Line one\nLine two, with a comma; and a semicolon",
        time_zone="America/New_York",
        start=datetime.datetime(2027, 1, 6, 18, tzinfo=NEW_YORK),
        end=datetime.datetime(2027, 1, 6, 19, 30, tzinfo=NEW_YORK),
        recurrence="FREQ=WEEKLY;UNTIL=20270331T235959",
    )
    EventOccurrenceOverride.objects.create(
        page=event, locale=event.locale, occurrence_date=datetime.date(2027, 2, 3), status="cancelled"
    )
    EventOccurrenceOverride.objects.create(
        page=event,
        locale=event.locale,
        occurrence_date=datetime.date(2027, 3, 10),
        status="moved",
        new_date=datetime.date(2027, 3, 11),
    )
    return event


@pytest.mark.django_db
class TestEventIcs:
    def test_round_trip_gives_the_models_occurrences(self, client, webinar):
        calendar = parse(client.get(webinar.url + "event.ics"))
        expanded = recurring_ical_events.of(calendar).between(*WINDOW)
        from_ics = instants(event["DTSTART"].dt for event in expanded)
        from_model = instants(o.start for o in webinar.occurrences_between(*WINDOW, include_cancelled=False))
        assert from_ics == from_model
        assert datetime.datetime(2027, 3, 11, 18, tzinfo=NEW_YORK) in from_ics  # moved
        assert datetime.datetime(2027, 2, 3, 18, tzinfo=NEW_YORK) not in from_ics  # cancelled
        # Across the March change the wall clock stays at 18:00.
        assert {d.astimezone(NEW_YORK).hour for d in from_ics} == {18}

    def test_rfc5545_shape(self, client, webinar):
        text = client.get(webinar.url + "event.ics").content.decode()
        calendar = icalendar.Calendar.from_ical(text)
        master, moved = calendar.walk("VEVENT")
        assert master["UID"] == moved["UID"]  # one UID per series
        assert master["RRULE"]["UNTIL"][0].tzinfo is not None  # UNTIL in UTC with a TZID start
        assert "EXDATE;TZID=America/New_York:20270203T180000" in text
        assert "RECURRENCE-ID;TZID=America/New_York:20270310T180000" in text
        assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["America/New_York"]
        assert str(master["SUMMARY"]) == "Policy webinar; with, commas"
        assert "SUMMARY:Policy webinar\\; with\\, commas" in text  # escaped
        assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))  # folded
        assert text.endswith("END:VCALENDAR\r\n")

    def test_uid_is_the_same_in_every_language(self, client, locales, side_event):
        event = side_event
        french = event.get_translation(locales["fr"])
        english_uid = parse(client.get(event.url + "event.ics")).walk("VEVENT")[0]["UID"]
        french_ics = parse(client.get(french.url + "event.ics")).walk("VEVENT")[0]
        assert french_ics["UID"] == english_uid
        assert str(french_ics["SUMMARY"]).startswith("Événement parallèle")

    def test_all_day_observance(self, client, observance):
        event = observance
        calendar = parse(client.get(event.url + "event.ics"))
        dates = [e["DTSTART"].dt for e in recurring_ical_events.of(calendar).between(*WINDOW)]
        assert dates == [o.start.date() for o in event.occurrences_between(*WINDOW)]

    def test_draft_and_private_events_have_no_ics(self, client, events_index):
        draft = EventPageFactory(parent=events_index, live=False)
        assert client.get(f"{events_index.url}{draft.slug}/event.ics").status_code == 404


@pytest.mark.django_db
class TestFeed:
    def test_feed_per_language_holds_every_live_series(self, client, events_index, webinar):
        calendar = parse(client.get(events_index.url + "feed.ics"))
        uids = {str(e["UID"]) for e in calendar.walk("VEVENT")}
        live = EventPage.objects.live().child_of(events_index)
        assert len(uids) == live.count()
        assert calendar["X-WR-CALNAME"] == events_index.title

    def test_feed_per_category(self, client, events_index, observance):
        category = EventCategory.objects.create(slug="anniversary", name="Anniversary", locale=events_index.locale)
        observance.category = category
        observance.save_revision().publish()
        EventPageFactory(parent=events_index, title="In no category")
        calendar = parse(client.get(events_index.url + "feed.ics", {"category": "anniversary"}))
        assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == [observance.title]

    def test_feed_in_arabic(self, client, events_index, locales):
        calendar = parse(client.get(events_index.get_translation(locales["ar"]).url + "feed.ics"))
        assert site.TEXT["observance"]["ar"] in {str(e["SUMMARY"]) for e in calendar.walk("VEVENT")}


ICS = b"""BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//Example//Partner calendar//EN\r
BEGIN:VEVENT\r
UID:partner-1@example.org\r
DTSTAMP:20261101T000000Z\r
DTSTART;TZID=Europe/Paris:20270115T100000\r
DTEND;TZID=Europe/Paris:20270115T120000\r
SUMMARY:Partner workshop\r
DESCRIPTION:Hands-on workshop\r
LOCATION:Paris\r
RRULE:FREQ=MONTHLY;COUNT=3\r
EXDATE;TZID=Europe/Paris:20270215T100000\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:partner-2@example.org\r
DTSTAMP:20261101T000000Z\r
DTSTART;VALUE=DATE:20270301\r
SUMMARY:Partner open day\r
END:VEVENT\r
END:VCALENDAR\r
"""


@pytest.mark.django_db
class TestImport:
    def test_import_creates_drafts_and_reimport_updates_them(self, events_index, admin_user):
        assert import_calendar(ICS, events_index, admin_user) == (2, 0)
        workshop = EventPage.objects.get(ical_uid="partner-1@example.org")
        assert not workshop.live
        assert workshop.time_zone == "Europe/Paris"
        assert workshop.recurrence == "FREQ=MONTHLY;COUNT=3"
        occurrences = workshop.occurrences_between(*WINDOW)
        assert [o.start.date().isoformat() for o in occurrences] == ["2027-01-15", "2027-03-15"]
        assert EventPage.objects.get(ical_uid="partner-2@example.org").all_day

        count = EventPage.objects.count()
        changed = ICS.replace(b"SUMMARY:Partner workshop", b"SUMMARY:Partner workshop (new room)")
        assert import_calendar(changed, events_index, admin_user) == (0, 2)
        assert EventPage.objects.count() == count
        revision = EventPage.objects.get(ical_uid="partner-1@example.org").get_latest_revision_as_object()
        assert revision.title == "Partner workshop (new room)"

    @pytest.mark.parametrize(
        "data",
        [
            b"this is not a calendar",
            b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n",
            ICS.replace(b"UID:partner-2@example.org\r\n", b""),  # the second event has no UID
            ICS.replace(b"RRULE:FREQ=MONTHLY;COUNT=3", b"RRULE:FREQ=SECONDLY"),
            ICS.replace(b"DTSTART;VALUE=DATE:20270301", b"DTSTART;VALUE=DATE:2027-99-99"),
            b"\xff\xfe\x00garbage",
        ],
        ids=["not-ics", "no-events", "missing-uid", "secondly", "bad-date", "binary"],
    )
    def test_bad_files_import_nothing(self, events_index, admin_user, data):
        from events.ical import CalendarImportError

        before = EventPage.objects.count()
        with pytest.raises(CalendarImportError):
            import_calendar(data, events_index, admin_user)
        assert EventPage.objects.count() == before

    def test_admin_upload_view(self, admin_client, events_index, django_capture_on_commit_callbacks):
        from django.core.files.uploadedfile import SimpleUploadedFile

        page = admin_client.get("/admin/events/import/")
        assert page.status_code == 200
        bad = admin_client.post(
            "/admin/events/import/",
            {"calendar": events_index.pk, "file": SimpleUploadedFile("x.ics", b"nonsense", "text/calendar")},
        )
        assert bad.status_code == 400
        assert "not a valid iCalendar" in bad.content.decode()
        with django_capture_on_commit_callbacks(execute=True):
            good = admin_client.post(
                "/admin/events/import/",
                {"calendar": events_index.pk, "file": SimpleUploadedFile("x.ics", ICS, "text/calendar")},
            )
        assert good.status_code == 302
        assert EventPage.objects.filter(ical_uid="partner-1@example.org").exists()

    def test_round_trip_export_then_import(self, client, events_index, webinar, admin_user):
        exported = client.get(webinar.url + "event.ics").content
        webinar.ical_uid = ""
        EventPage.objects.filter(pk=webinar.pk).update(ical_uid="")
        created, updated = import_calendar(exported, events_index, admin_user)
        assert (created, updated) == (1, 0)
        copy = EventPage.objects.exclude(pk=webinar.pk).get(title=webinar.title)
        assert [o.start for o in copy.occurrences_between(*WINDOW)] == [
            o.start for o in webinar.occurrences_between(*WINDOW, include_cancelled=False)
        ]
