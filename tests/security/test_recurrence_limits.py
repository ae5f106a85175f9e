"""
Recurrence rules that could run away: refused when typed or imported, and
bounded when one is already stored, so that no page waits on an expansion.
"""

import datetime
import time

import pytest
from django.core.exceptions import ValidationError
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from events.models import EventIndexPage, EventPage
from events.recurrence import check_rule, expand, validate_recurrence
from tests.factories import EventPageFactory

START = datetime.datetime(2027, 3, 1, 10, 0)

NEVER_MATCHING = [
    "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30",
    "FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=31",
    "FREQ=MONTHLY;BYMONTH=6;BYMONTHDAY=-31",
    "FREQ=YEARLY;BYWEEKNO=1;BYMONTH=7",
    "FREQ=YEARLY;INTERVAL=4;BYMONTH=2;BYMONTHDAY=29",  # from 2027: 2031, 2035… never a leap year
]


@pytest.mark.parametrize("rule", NEVER_MATCHING)
def test_rules_that_never_match_are_refused_quickly(rule):
    validate_recurrence(rule)  # well formed…
    began = time.perf_counter()
    with pytest.raises(ValidationError) as refusal:
        check_rule(rule, START)
    assert refusal.value.code == "no_occurrence"
    assert time.perf_counter() - began < 2


@pytest.mark.parametrize(
    "rule",
    ["FREQ=SECONDLY", "FREQ=MINUTELY;COUNT=10", "FREQ=HOURLY", "FREQ=DAILY;BYHOUR=0,1,2,3", "FREQ=DAILY;BYMINUTE=5"],
)
def test_rules_repeating_within_a_day_are_refused(rule):
    with pytest.raises(ValidationError):
        validate_recurrence(rule)


def test_until_before_the_start_is_refused():
    with pytest.raises(ValidationError) as refusal:
        check_rule("FREQ=WEEKLY;UNTIL=20200101T000000", START)
    assert refusal.value.code == "no_occurrence"


def test_ordinary_rules_and_a_huge_count_are_accepted():
    assert check_rule("FREQ=YEARLY;BYMONTH=4;BYDAY=4TH", START)
    assert check_rule("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", START)  # leap years only: 2028
    assert check_rule("FREQ=DAILY;COUNT=2000000000", START)


@pytest.mark.django_db
class TestEventsWithRunawayRules:
    def test_the_admin_form_refuses_a_rule_that_never_matches(self, admin_client):
        index = EventIndexPage.objects.get(locale__language_code="en")
        data = nested_form_data(
            {
                "title": "Never",
                "slug": "never",
                "summary": "Never happens.",
                "start": "2027-03-20 18:00",
                "end": "2027-03-20 19:00",
                "time_zone": "UTC",
                "recurrence": "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30",
                "occurrence_overrides": inline_formset([]),
                "body": streamfield([]),
            }
        )
        response = admin_client.post(f"/admin/pages/add/events/eventpage/{index.pk}/", data)
        assert response.status_code == 200
        assert "recurrence" in response.context["form"].errors
        assert not EventPage.objects.filter(slug="never").exists()

    def test_a_rule_whose_until_is_before_the_events_start_is_refused_by_the_page(self):
        index = EventIndexPage.objects.get(locale__language_code="en")
        event = EventPage(
            title="Backwards",
            slug="backwards",
            summary="x",
            start=datetime.datetime(2027, 5, 1, 9, tzinfo=datetime.UTC),
            end=datetime.datetime(2027, 5, 1, 10, tzinfo=datetime.UTC),
            recurrence="FREQ=WEEKLY;UNTIL=20270101",
            locale=index.locale,
        )
        with pytest.raises(ValidationError) as refusal:
            event.full_clean(exclude=["path", "depth", "url_path", "translation_key"])
        assert "recurrence" in refusal.value.message_dict

    @pytest.mark.parametrize("rule", ["FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", "FREQ=MINUTELY", "FREQ=SECONDLY"])
    def test_a_runaway_rule_already_stored_does_not_hold_up_the_site(self, client, rule):
        index = EventIndexPage.objects.get(locale__language_code="en")
        event = EventPageFactory(parent=index, title="Stored before validation", slug="stored-runaway")
        # Written straight into the database, as data from before validation would be.
        EventPage.objects.filter(pk=event.pk).update(recurrence=rule)
        event.refresh_from_db()
        for url in ["/en/", "/en/events/", event.url, "/en/events/past/"]:
            began = time.perf_counter()
            response = client.get(url)
            assert response.status_code == 200, url
            assert time.perf_counter() - began < 6, url  # 7.6 to 21 s before the bound; room for a busy machine
        # The event shows its own date, not a flood of minutes or nothing at all.
        window = (event.start - datetime.timedelta(days=1), event.start + datetime.timedelta(days=30))
        assert [o.start for o in expand(event, *window)] == [event.start]

    def test_a_huge_count_expands_to_a_bounded_number_of_occurrences(self):
        index = EventIndexPage.objects.get(locale__language_code="en")
        event = EventPageFactory(parent=index, recurrence="FREQ=DAILY;COUNT=2000000000")
        began = time.perf_counter()
        occurrences = event.occurrences_between(event.start, event.start + datetime.timedelta(days=365 * 40))
        assert 0 < len(occurrences) <= 5000
        assert time.perf_counter() - began < 2
