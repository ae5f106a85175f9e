"""
The upcoming list orders events by a date each event stores (events.upcoming):
the stored date stays right when an editor changes the rule, publishes or
unpublishes, and the list stays right when time moves past what was stored.
"""

import datetime
import importlib
import re
from unittest import mock

import pytest
from django.apps import apps
from django.utils import timezone

from events.listing import one_per_event
from events.models import EVENTS_PER_PAGE, EventOccurrenceOverride, EventPage
from tests.factories import EventPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    # Each request below must be worked out, not served from the page cache.
    settings.PAGE_CACHE_SECONDS = 0


def titles(content):
    return re.findall(r'class="occurrence__title"><a href="[^"]+">([^<]+)</a>', content)


def stored(event):
    return EventPage.objects.values_list("listed_start", "listed_from", "listed_until").get(pk=event.pk)


def soon(**kwargs):
    return (timezone.now() + datetime.timedelta(**kwargs)).replace(second=0, microsecond=0)


def expected_titles(index, page=1):
    """The list as expanding every event of the window gives it (the reference the stored dates must match)."""
    entries = one_per_event(index.upcoming_occurrences())
    return [entry.event.title for entry in entries][(page - 1) * EVENTS_PER_PAGE : page * EVENTS_PER_PAGE]


def moved_clock(days):
    later = timezone.now() + datetime.timedelta(days=days)
    return mock.patch("django.utils.timezone.now", return_value=later)


def test_a_series_stores_its_next_date_and_until_when_that_holds(events_index):
    started = soon(days=-15)
    event = EventPageFactory(parent=events_index, start=started, recurrence="FREQ=WEEKLY;COUNT=10")
    listed_start, listed_from, listed_until = stored(event)
    assert listed_start == started + datetime.timedelta(weeks=3)
    assert listed_until == listed_start + datetime.timedelta(hours=2)
    assert listed_from <= timezone.now()


def test_publishing_a_changed_rule_moves_the_stored_date(events_index):
    started = soon(days=-15)
    event = EventPageFactory(parent=events_index, start=started, recurrence="FREQ=WEEKLY;COUNT=10")
    event.recurrence = "FREQ=MONTHLY;COUNT=10"
    event.save_revision()
    assert stored(event)[0] == started + datetime.timedelta(weeks=3), "a draft must not move the live list"
    event.get_latest_revision().publish()
    monthly = EventPage.objects.get(pk=event.pk)
    assert monthly.recurrence == "FREQ=MONTHLY;COUNT=10"
    assert stored(event)[0] == monthly.upcoming_occurrences()[0].start > started + datetime.timedelta(weeks=3)


def test_an_unpublished_event_leaves_the_list_and_comes_back_at_its_date(client, events_index):
    event = EventPageFactory(parent=events_index, title="Ministers round table", start=soon(days=-1))
    event.recurrence = "FREQ=DAILY;COUNT=5"
    event.save_revision().publish()
    before = stored(event)
    event.unpublish()
    assert "Ministers round table" not in titles(client.get(events_index.url).content.decode())
    event.refresh_from_db()
    event.save_revision().publish()
    assert stored(event)[0] == before[0]
    assert "Ministers round table" in titles(client.get(events_index.url).content.decode())


def test_a_date_left_out_on_its_own_moves_the_event_to_its_following_date(events_index):
    first = soon(days=2)
    event = EventPageFactory(parent=events_index, start=first, recurrence="FREQ=WEEKLY;COUNT=4")
    change = EventOccurrenceOverride.objects.create(
        page=event, occurrence_date=first.date(), status="excluded", locale=event.locale
    )
    assert stored(event)[0] == first + datetime.timedelta(weeks=1)
    change.delete()
    assert stored(event)[0] == first


def test_the_list_is_right_when_time_moves_past_the_stored_dates(client, events_index):
    for n in range(EVENTS_PER_PAGE + 5):
        EventPageFactory(
            parent=events_index,
            title=f"Series {n:02d}",
            start=soon(days=-n, hours=n),
            recurrence="FREQ=WEEKLY;COUNT=12" if n % 2 else "FREQ=DAILY;COUNT=40",
        )
        EventPageFactory(parent=events_index, title=f"Single {n:02d}", start=soon(days=n + 1, hours=3))
    with moved_clock(days=9):
        stale = EventPage.objects.filter(listed_until__lte=timezone.now()).count()
        assert stale >= EVENTS_PER_PAGE, "the case to test: many stored dates have passed"
        for page in (1, 2):
            content = client.get(f"{events_index.url}?page={page}").content.decode()
            assert titles(content) == expected_titles(events_index, page)
        # What had to be worked out again was stored for the next reader.
        assert not EventPage.objects.filter(listed_until__lte=timezone.now(), title__startswith="Series").exists()
        assert titles(client.get(events_index.url).content.decode()) == expected_titles(events_index)


def test_the_list_is_right_on_a_clock_earlier_than_the_stored_dates(client, events_index):
    for n in range(6):
        EventPageFactory(parent=events_index, title=f"Circle {n}", start=soon(days=-20 + n), recurrence="FREQ=WEEKLY")
    with moved_clock(days=-15):
        assert titles(client.get(events_index.url).content.decode()) == expected_titles(events_index)


def test_a_stored_date_never_lists_an_ended_series(client, events_index):
    event = EventPageFactory(
        parent=events_index, title="Short course", start=soon(days=-3), recurrence="FREQ=DAILY;COUNT=5"
    )
    with moved_clock(days=3):
        assert "Short course" not in titles(client.get(events_index.url).content.decode())
    assert stored(event)[0] is not None


def test_the_month_link_skips_a_cancelled_first_date(client, events_index):
    for other in EventPage.objects.live():
        other.unpublish()
    first = soon(days=40)
    event = EventPageFactory(parent=events_index, title="Board meeting", start=first, recurrence="FREQ=MONTHLY")
    EventOccurrenceOverride.objects.create(page=event, occurrence_date=first.date(), locale=event.locale)
    following = (first.date().replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
    assert f"?month={following:%Y-%m}" in client.get(events_index.url).content.decode()


def test_the_data_migration_fills_the_stored_dates_of_existing_events(events_index):
    events = [
        EventPageFactory(parent=events_index, start=soon(days=-10), recurrence="FREQ=WEEKLY;COUNT=8"),
        EventPageFactory(parent=events_index, start=soon(days=5)),
    ]
    expected = {event.pk: stored(event)[0] for event in events}
    EventPage.objects.update(listed_start=None, listed_from=None, listed_until=None)
    migration = importlib.import_module("events.migrations.0005_event_listed_at")
    migration.fill_listed_at(apps, None)
    for event in events:
        listed_start, listed_from, listed_until = stored(event)
        assert listed_start == expected[event.pk]
        assert listed_from <= timezone.now() < listed_until


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_the_month_grid_links_each_date_to_its_event_in_the_readers_language(
    client, events_index, side_event, locales, language
):
    event = side_event if language == "en" else side_event.get_translation_or_none(locales[language])
    if event is None:
        event = side_event.copy_for_translation(locales[language])
        event.save_revision().publish()
    index = events_index.get_translation(locales[language])
    month = side_event.start.astimezone(side_event.zone).strftime("%Y-%m")
    content = client.get(index.url, {"month": month}).content.decode()
    grid = re.search(r'<table class="month-grid".*?</table>', content, re.S).group(0)
    links = re.findall(r'<a href="([^"]+)">', grid)
    assert event.url in links
    assert all(link.startswith(index.url) for link in links)
