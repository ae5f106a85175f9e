"""
The calendar keeps its occurrence cards and month grids, and the events API
its windows and items, in the shared cache (events.cards, events.api) even
with the full-page cache off: a second reader reads no event again, and every
change a card, a grid or an item shows reaches readers at once.
"""

import contextlib
import datetime
import json
from unittest import mock

import pytest
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction

from events.models import EventCategory, EventOccurrenceOverride, EventPage
from home.translations import translate_object
from tests.factories import EventPageFactory, ImageFactory
from tests.reading import queries_of, read

API = "/api/v2/events/?limit=50"

pytestmark = pytest.mark.usefixtures("page_cache_off")


def api_items(url=API):
    return json.loads(read(url))["items"]


def items_of(event, url=API):
    return [item for item in api_items(url) if item["id"] == event.pk]


@contextlib.contextmanager
def later(**kwargs):
    """Time has passed: for "now" in the listings and for the expiry of what the cache keeps alike."""
    moment = timezone.now() + datetime.timedelta(**kwargs)
    with (
        mock.patch("django.utils.timezone.now", return_value=moment),
        mock.patch("time.time", return_value=moment.timestamp()),
    ):
        yield


def month_of(event):
    return f"?month={event.start:%Y-%m}"


@pytest.fixture
def webinar(events_index):
    """A webinar in a fortnight, with a category and a picture."""
    start = (timezone.now() + datetime.timedelta(days=14)).replace(hour=15, minute=0, second=0, microsecond=0)
    return EventPageFactory(
        parent=events_index,
        title="Webinar on broadband policy",
        slug="broadband-webinar",
        start=start,
        end=start + datetime.timedelta(hours=1),
        category=EventCategory.objects.get(slug="webinar", locale__language_code="en"),
        image=ImageFactory(),
    )


@pytest.fixture
def circle(events_index):
    """A weekly mentoring circle, its first two-hour meeting started 90 minutes ago, then seven more weeks."""
    start = (timezone.now() - datetime.timedelta(minutes=90)).replace(second=0, microsecond=0)
    return EventPageFactory(
        parent=events_index,
        title="Mentoring circle",
        slug="mentoring-circle",
        start=start,
        end=start + datetime.timedelta(hours=2),
        recurrence="FREQ=WEEKLY;COUNT=8",
    )


def publish(event, **fields):
    for name, value in fields.items():
        setattr(event, name, value)
    event.save_revision().publish()
    return EventPage.objects.get(pk=event.pk)


@pytest.mark.django_db
class TestPartsAreKept:
    def test_a_second_reader_of_the_upcoming_list_reads_no_event_again(self, events_index, webinar):
        url = events_index.url
        first = read(url)
        queries = queries_of(url)
        assert read(url) == first
        # Neither the events shown in full (with their categories) nor their pictures.
        for table in ("events_eventcategory", "wagtailimages_rendition"):
            assert not [sql for sql in queries if table in sql], table

    def test_a_second_reader_of_a_month_reads_no_event_again(self, events_index, webinar):
        url = events_index.url + month_of(webinar)
        first = read(url)
        queries = queries_of(url)
        assert read(url) == first
        assert not [sql for sql in queries if "events_eventpage" in sql or "events_eventoccurrenceoverride" in sql]

    def test_a_second_api_reader_reads_no_event_again(self, webinar):
        first = api_items()
        queries = queries_of(API)
        assert api_items() == first
        assert not [sql for sql in queries if "events_eventpage" in sql or "events_eventoccurrenceoverride" in sql]


@pytest.mark.django_db
class TestChangesReachReaders:
    def urls(self, events_index, event):
        return [events_index.url, events_index.url + month_of(event)]

    def test_a_published_edit(self, events_index, webinar):
        for url in self.urls(events_index, webinar):
            assert "Webinar on broadband policy" in read(url)
        api_items()
        publish(webinar, title="Webinar on spectrum policy")
        for url in self.urls(events_index, webinar):
            html = read(url)
            assert "Webinar on spectrum policy" in html
            assert "Webinar on broadband policy" not in html
        assert [item["title"] for item in items_of(webinar)] == ["Webinar on spectrum policy"]

    def test_an_unpublished_event(self, events_index, webinar):
        for url in self.urls(events_index, webinar):
            read(url)
        assert items_of(webinar)
        webinar.unpublish()
        for url in self.urls(events_index, webinar):
            assert "Webinar on broadband policy" not in read(url)
        assert items_of(webinar) == []

    def test_a_changed_date(self, events_index, webinar):
        old_month = events_index.url + month_of(webinar)
        read(events_index.url), read(old_month)
        old_start = items_of(webinar)[0]["start"]
        new_start = webinar.start + datetime.timedelta(days=40)
        moved = publish(webinar, start=new_start, end=new_start + datetime.timedelta(hours=1))
        assert f'datetime="{new_start.isoformat()}"' in read(events_index.url)
        if new_start.month != webinar.start.month:
            assert "Webinar on broadband policy" not in read(old_month)
        assert "Webinar on broadband policy" in read(events_index.url + month_of(moved))
        assert items_of(webinar)[0]["start"] == moved.start.isoformat() != old_start

    def test_a_date_cancelled_on_its_own(self, events_index, circle):
        month = events_index.url + month_of(circle)
        assert "Cancelled" not in read(month)
        assert not any(item["cancelled"] for item in items_of(circle))
        # Saved without publishing the event, as an import or a script does.
        EventOccurrenceOverride.objects.create(
            page=circle, locale=circle.locale, occurrence_date=circle.start.date(), status="cancelled"
        )
        assert "Cancelled" in read(month)
        assert [item["cancelled"] for item in items_of(circle)][:2] == [True, False]

    def test_a_category_label(self, events_index, webinar):
        assert "Online seminar" not in read(events_index.url)
        assert items_of(webinar)[0]["category"]["name"] == "Webinar"
        category = webinar.category
        category.name = "Online seminar"
        category.save()
        assert "Online seminar" in read(events_index.url)
        assert items_of(webinar)[0]["category"]["name"] == "Online seminar"

    def test_a_new_picture(self, events_index, webinar):
        before = read(events_index.url)
        picture = ImageFactory(title="Another picture")
        publish(webinar, image=picture)
        after = read(events_index.url)
        assert after != before
        assert f"/images/{picture.file.name.split('/')[-1].rsplit('.', 1)[0]}" in after

    def test_a_published_translation(self, side_event, events_index):
        french = Locale.objects.get(language_code="fr")
        french_index, french_event = events_index.get_translation(french), side_event.get_translation(french)
        assert "Événement parallèle à la Commission" in read(french_index.url)
        fr_api = "/api/v2/events/?limit=50&locale=fr"
        assert [item["title"] for item in items_of(french_event, fr_api)] == ["Événement parallèle à la Commission"]
        translate_object(side_event, "fr", {side_event.title: "Réunion en marge de la Commission"})
        html = read(french_index.url)
        assert "Réunion en marge de la Commission" in html
        assert "Événement parallèle à la Commission" not in html
        assert [item["title"] for item in items_of(french_event, fr_api)] == ["Réunion en marge de la Commission"]

    def test_a_calendar_restricted_to_members(self, events_index, webinar):
        assert api_items()
        PageViewRestriction.objects.create(page=events_index, restriction_type=PageViewRestriction.LOGIN)
        assert api_items() == []


@pytest.mark.django_db
class TestTimePassing:
    def test_an_ended_date_leaves_the_upcoming_list(self, events_index, circle):
        first = circle.start
        html = read(events_index.url)
        assert f'datetime="{first.isoformat()}"' in html
        assert "and 7 more dates" in html
        # Sooner than anything the cache keeps expires by itself (an hour).
        with later(minutes=31):
            html = read(events_index.url)
        assert f'datetime="{first.isoformat()}"' not in html
        assert f'datetime="{(first + datetime.timedelta(days=7)).isoformat()}"' in html
        assert "and 6 more dates" in html

    def test_an_ended_event_leaves_the_upcoming_list(self, events_index, webinar):
        assert "Webinar on broadband policy" in read(events_index.url)
        with later(days=15):
            assert "Webinar on broadband policy" not in read(events_index.url)
