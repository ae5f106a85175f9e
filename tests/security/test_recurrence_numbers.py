"""
COUNT and INTERVAL past RFC 5545's 32-bit INTEGER: refused in the event
form and in a translator's override, as the .ics import refuses them; and a
rule stored before that check never breaks the calendar feeds.
"""

from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import Group
from icalendar import Calendar
from wagtail.models import Locale
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail_localize.models import OverridableSegment, SegmentOverride, Translation, TranslationSource

from events.models import EventIndexPage, EventPage
from tests.factories import EventPageFactory
from translation_workflow.teams import translators_group_name

HUGE_RULES = [
    "FREQ=DAILY;COUNT=99999999999999999999",
    "FREQ=DAILY;INTERVAL=99999999999999",
    "FREQ=WEEKLY;COUNT=2147483648",
]


def member_of(django_user_model, username, group_name):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "password")  # noqa: S106
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def english_index(db):
    return EventIndexPage.objects.get(locale__language_code="en")


@pytest.mark.django_db
@pytest.mark.parametrize("rule", HUGE_RULES)
def test_an_editor_cannot_save_a_rule_with_a_huge_number(client, django_user_model, english_index, rule):
    client.force_login(member_of(django_user_model, "numbers-editor", "Editors"))
    data = nested_form_data(
        {
            "title": "Huge",
            "slug": "huge-rule",
            "summary": "Repeats too often to write down.",
            "start": "2027-03-20 18:00",
            "end": "2027-03-20 19:00",
            "time_zone": "UTC",
            "recurrence": rule,
            "occurrence_overrides": inline_formset([]),
            "body": streamfield([]),
            "action-publish": "action-publish",
        }
    )
    response = client.post(f"/admin/pages/add/events/eventpage/{english_index.pk}/", data)
    assert response.status_code == 200
    assert "2147483647" in " ".join(response.context["form"].errors["recurrence"])
    assert not EventPage.objects.filter(slug="huge-rule").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("rule", ["FREQ=DAILY;INTERVAL=99999999999999", "FREQ=DAILY;COUNT=99999999999999999999"])
def test_a_translator_cannot_override_the_rule_with_a_huge_number(
    client, django_user_model, english_index, locales, django_capture_on_commit_callbacks, rule
):
    event = EventPageFactory(
        parent=english_index, title="Webinar series", slug="webinar-series", recurrence="FREQ=WEEKLY;COUNT=3"
    )
    event.save_revision().publish()
    source, _created = TranslationSource.update_or_create_from_instance(event)
    translation = Translation.objects.create(source=source, target_locale=locales["fr"], enabled=True)
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    segment = OverridableSegment.objects.get(source=source, context__path="recurrence")
    client.force_login(
        member_of(
            django_user_model, "numbers-translator", translators_group_name(Locale.objects.get(language_code="fr"))
        )
    )
    response = client.put(
        f"/admin/localize/translate/{translation.pk}/overrides/{segment.pk}/edit/",
        urlencode({"value": rule}),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 400
    assert "2147483647" in response.json()["error"]
    assert not SegmentOverride.objects.filter(locale=locales["fr"]).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("rule", HUGE_RULES)
def test_a_stored_rule_with_a_huge_number_leaves_the_feeds_working(client, english_index, rule):
    good = EventPageFactory(
        parent=english_index, title="Weekly call", slug="weekly-call", recurrence="FREQ=WEEKLY;COUNT=3"
    )
    bad = EventPageFactory(
        parent=english_index, title="Stored earlier", slug="stored-earlier", recurrence="FREQ=DAILY;COUNT=2"
    )
    for event in (good, bad):
        event.save_revision().publish()
    # Written before the form checked the numbers: straight into the row.
    EventPage.objects.filter(pk=bad.pk).update(recurrence=rule)

    feed = client.get(english_index.url + "feed.ics")
    assert feed.status_code == 200
    events = {str(c["summary"]): c for c in Calendar.from_ical(feed.content).walk("VEVENT")}
    assert "RRULE" in events["Weekly call"]
    assert "RRULE" not in events["Stored earlier"]  # its first date only, as on its page

    single = client.get(EventPage.objects.get(pk=bad.pk).url + "event.ics")
    assert single.status_code == 200
    assert [str(c["summary"]) for c in Calendar.from_ical(single.content).walk("VEVENT")] == ["Stored earlier"]
