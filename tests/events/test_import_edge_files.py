"""
More .ics files an editor may be handed, uploaded through the admin as she
would: each broken one is refused with the reason and the event at fault,
leaving nothing behind; each unusual but valid one becomes the drafts it
describes, in the calendar she chose, and nowhere else.
"""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import GroupPagePermission

from events.models import CalendarImport, EventIndexPage, EventPage

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")


def calendar(*events, header="BEGIN:VCALENDAR", footer="END:VCALENDAR"):
    body = "".join(
        "BEGIN:VEVENT\r\nDTSTAMP:20261101T000000Z\r\n" + "".join(f"{line}\r\n" for line in lines) + "END:VEVENT\r\n"
        for lines in events
    )
    return f"{header}\r\nVERSION:2.0\r\nPRODID:-//Edge tests//EN\r\n{body}{footer}\r\n".encode()


def event(*extra, uid="edge-1@example.org", summary="Partner briefing", start="DTSTART:20270115T100000Z"):
    lines = [f"UID:{uid}" if uid else None, f"SUMMARY:{summary}" if summary else None, start, *extra]
    return [line for line in lines if line]


def upload(client, index, data, capture, name="partner.ics"):
    with capture(execute=True):
        return client.post(
            "/admin/events/import/",
            {"calendar": index.pk, "file": SimpleUploadedFile(name, data, "text/calendar")},
        )


@pytest.fixture
def english(events_index):
    return events_index


@pytest.fixture
def french(events_index, locales):
    return EventIndexPage.objects.get(pk=events_index.get_translation(locales["fr"]).pk)


BROKEN = {
    "duration-over-a-year": (calendar(event("DURATION:P400D")), "longer than a year"),
    "ends-before-it-starts": (calendar(event("DTEND:20270114T100000Z")), "ends before it starts"),
    "lasts-over-a-year": (calendar(event("DTEND:20290115T100000Z")), "lasts longer than a year"),
    "date-start-timed-end": (
        calendar(event("DTEND:20270116T100000Z", start="DTSTART;VALUE=DATE:20270115")),
        "both be dates or both be times",
    ),
    "no-title": (calendar(event("DTEND:20270115T120000Z", summary="")), "no UID or no title"),
    "no-start": (calendar(event("DTEND:20270115T120000Z", start="LOCATION:Geneva")), "DTSTART is missing"),
    "start-in-1800": (calendar(event(start="DTSTART:18000115T100000Z")), "outside the years"),
    "start-in-2500": (calendar(event(start="DTSTART:25000115T100000Z")), "outside the years"),
    "a-vcard": (
        b"BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ada Lovelace\r\nEND:VCARD\r\n",
        "not a valid iCalendar",
    ),
    "a-rule-that-never-matches": (
        calendar(event("DTEND:20270115T120000Z", "RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30")),
        "RRULE cannot be used",
    ),
    "a-rule-too-long": (
        calendar(event("DTEND:20270115T120000Z", "RRULE:FREQ=WEEKLY;BYDAY=" + ",".join(["MO,TU,WE,TH,FR"] * 40))),
        "RRULE",
    ),
    "truncated": (calendar(event("DTEND:20270115T120000Z"))[:-30], "not a valid iCalendar"),
    "latin-1": (
        calendar(event("DTEND:20270115T120000Z", summary="Réunion")).decode().encode("latin-1"),
        "not in UTF-8",
    ),
}


@pytest.mark.parametrize("data,reason", BROKEN.values(), ids=BROKEN.keys())
def test_a_broken_file_is_refused_with_its_reason_and_nothing_is_imported(
    admin_client, english, django_capture_on_commit_callbacks, data, reason
):
    events, imports = EventPage.objects.count(), CalendarImport.objects.count()
    response = upload(admin_client, english, data, django_capture_on_commit_callbacks)
    assert response.status_code == 400
    assert reason in response.content.decode()
    assert EventPage.objects.count() == events
    assert CalendarImport.objects.count() == imports


def test_the_event_at_fault_is_named_by_its_place_and_title(admin_client, english, django_capture_on_commit_callbacks):
    good = event("DTEND:20270115T120000Z", uid="fine@example.org", summary="A fine briefing")
    bad = event("DTEND:20270114T120000Z", uid="bad@example.org", summary="The broken one")
    content = upload(admin_client, english, calendar(good, bad), django_capture_on_commit_callbacks).content.decode()
    assert "Event 2" in content and "The broken one" in content
    assert not EventPage.objects.filter(ical_uid="fine@example.org").exists()


def imported(ical_uid, index):
    return EventPage.objects.get(ical_uid=ical_uid, locale=index.locale)


def test_a_file_saved_with_a_byte_order_mark_imports(admin_client, english, django_capture_on_commit_callbacks):
    data = "\ufeff".encode() + calendar(event("DTEND:20270115T120000Z", uid="bom@example.org"))
    response = upload(admin_client, english, data, django_capture_on_commit_callbacks)
    assert response.status_code == 302, response.content.decode()[-1500:]
    assert imported("bom@example.org", english).title == "Partner briefing"


def test_lines_folded_as_the_standard_allows_are_read_whole(admin_client, english, django_capture_on_commit_callbacks):
    data = calendar(
        event("DTEND:20270115T120000Z", "DESCRIPTION:A long description that a calendar", "  folded onto two lines.")
    )
    upload(admin_client, english, data, django_capture_on_commit_callbacks)
    assert (
        imported("edge-1@example.org", english).summary == "A long description that a calendar folded onto two lines."
    )


def test_a_duration_gives_the_end(admin_client, english, django_capture_on_commit_callbacks):
    start = "DTSTART;TZID=Europe/Paris:20270115T100000"
    upload(admin_client, english, calendar(event("DURATION:PT2H30M", start=start)), django_capture_on_commit_callbacks)
    page = imported("edge-1@example.org", english)
    assert page.time_zone == "Europe/Paris"
    assert page.start == datetime.datetime(2027, 1, 15, 10, tzinfo=PARIS)
    assert page.end - page.start == datetime.timedelta(hours=2, minutes=30)


def test_a_time_without_end_or_duration_is_a_moment(admin_client, english, django_capture_on_commit_callbacks):
    upload(admin_client, english, calendar(event()), django_capture_on_commit_callbacks)
    page = imported("edge-1@example.org", english)
    assert page.start == page.end == datetime.datetime(2027, 1, 15, 10, tzinfo=datetime.UTC)
    assert page.time_zone == "UTC"


def test_a_date_without_end_is_one_whole_day(admin_client, english, django_capture_on_commit_callbacks):
    upload(
        admin_client, english, calendar(event(start="DTSTART;VALUE=DATE:20270301")), django_capture_on_commit_callbacks
    )
    page = imported("edge-1@example.org", english)
    assert page.all_day
    assert page.start.date() == page.end.date() == datetime.date(2027, 3, 1)


def test_an_address_that_is_not_a_web_link_is_left_out(admin_client, english, django_capture_on_commit_callbacks):
    data = calendar(event("DTEND:20270115T120000Z", "URL:javascript:alert(1)"))
    upload(admin_client, english, data, django_capture_on_commit_callbacks)
    assert imported("edge-1@example.org", english).online_url == ""


def test_a_web_link_becomes_the_online_address(admin_client, english, django_capture_on_commit_callbacks):
    data = calendar(event("DTEND:20270115T120000Z", "URL:https://partner.example.org/briefing"))
    upload(admin_client, english, data, django_capture_on_commit_callbacks)
    assert imported("edge-1@example.org", english).online_url == "https://partner.example.org/briefing"


def test_a_very_long_title_is_cut_to_fit(admin_client, english, django_capture_on_commit_callbacks):
    data = calendar(event("DTEND:20270115T120000Z", summary="Briefing " * 60))
    response = upload(admin_client, english, data, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    title = imported("edge-1@example.org", english).title
    assert title.startswith("Briefing Briefing") and len(title) <= 255


def test_the_same_file_in_two_languages_makes_a_draft_in_each(
    admin_client, english, french, django_capture_on_commit_callbacks
):
    data = calendar(event("DTEND:20270115T120000Z", uid="twice@example.org"))
    upload(admin_client, english, data, django_capture_on_commit_callbacks)
    upload(admin_client, french, data, django_capture_on_commit_callbacks)
    pages = EventPage.objects.filter(ical_uid="twice@example.org")
    assert {page.locale.language_code for page in pages} == {"en", "fr"}
    assert {page.get_parent().pk for page in pages} == {english.pk, french.pk}
    upload(
        admin_client,
        french,
        data.replace(b"Partner briefing", b"Point partenaires"),
        django_capture_on_commit_callbacks,
    )
    assert imported("twice@example.org", french).get_latest_revision_as_object().title == "Point partenaires"
    assert imported("twice@example.org", english).get_latest_revision_as_object().title == "Partner briefing"


@pytest.fixture
def french_calendar_editor(django_user_model, french):
    """She may add events to the French calendar only."""
    user = django_user_model.objects.create_user("fr-calendar", password="x")  # noqa: S106
    group = Group.objects.create(name="French calendar editors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page"):
        GroupPagePermission.objects.create(
            group=group, page=french, permission=Permission.objects.get(codename=codename)
        )
    user.groups.add(group)
    return user


def test_an_editor_can_import_only_into_a_calendar_she_may_add_to(
    client, english, french, french_calendar_editor, django_capture_on_commit_callbacks
):
    client.force_login(french_calendar_editor)
    form = client.get("/admin/events/import/").content.decode()
    assert f'value="{french.pk}"' in form
    assert f'value="{english.pk}"' not in form
    data = calendar(event("DTEND:20270115T120000Z", uid="elsewhere@example.org"))
    response = upload(client, english, data, django_capture_on_commit_callbacks)
    assert response.status_code == 400
    assert not EventPage.objects.filter(ical_uid="elsewhere@example.org").exists()
    assert upload(client, french, data, django_capture_on_commit_callbacks).status_code == 302
    assert imported("elsewhere@example.org", french).owner == french_calendar_editor


def test_someone_elses_import_report_is_closed_to_an_editor_of_another_calendar(
    admin_client, client, english, french_calendar_editor, django_capture_on_commit_callbacks
):
    data = calendar(event("DTEND:20270115T120000Z", uid="report@example.org"))
    response = upload(admin_client, english, data, django_capture_on_commit_callbacks)
    report = response["Location"]
    assert "Imported" in admin_client.get(report).content.decode()
    client.force_login(french_calendar_editor)
    refused = client.get(report)
    # Wagtail's admin turns a refusal into a message on its dashboard.
    assert refused.status_code == 302 and refused["Location"] == "/admin/"


def test_an_unknown_import_report_is_not_found(admin_client):
    assert admin_client.get("/admin/events/import/999999/").status_code == 404
