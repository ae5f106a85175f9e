"""
The listings' SQL is compiled once per shape and run again with each call's
times (events.prepared): what it reads is never kept, so every change to the
events and every moment asked for gives the rows the ORM would give.
"""

import datetime

import pytest
from django.utils import timezone

from events.models import EventPage
from events.prepared import PreparedValues
from events.times import PREPARED
from tests.factories import EventPageFactory
from tests.reading import read

pytestmark = pytest.mark.usefixtures("page_cache_off")


def at(days, hour=12):
    return (timezone.now() + datetime.timedelta(days=days)).replace(hour=hour, minute=0, second=0, microsecond=0)


def event_in(index, days, slug):
    return EventPageFactory(
        parent=index, title=slug.title(), slug=slug, start=at(days), end=at(days) + datetime.timedelta(hours=1)
    )


def starting_between(index):
    def build(start, end):
        return index.events().filter(start__gte=start, start__lt=end).order_by("start").values("slug", "start")

    return build


def test_kept_sql_reads_the_rows_of_each_window_as_the_orm_does(events_index):
    for days, slug in ((3, "soon"), (40, "later"), (400, "next-year")):
        event_in(events_index, days, slug)
    prepared, build = PreparedValues(), starting_between(events_index)
    for start, end in ((at(0), at(30)), (at(30), at(500)), (at(-10), at(10)), (at(0), at(1000))):
        assert prepared.rows(("test", events_index.pk), build, start=start, end=end) == list(build(start, end))
    assert len(prepared._kept) == 1  # one shape, compiled once


def test_kept_sql_reads_what_the_database_holds_now(events_index):
    prepared, build = PreparedValues(), starting_between(events_index)
    window = {"start": at(0), "end": at(60)}

    def slugs():
        return [row["slug"] for row in prepared.rows(("test", events_index.pk), build, **window)]

    assert "new" not in slugs()
    event = event_in(events_index, 5, "new")
    assert "new" in slugs()
    event.unpublish()
    assert "new" not in slugs()


def test_each_shape_has_its_own_sql(events_index):
    prepared = PreparedValues()
    event_in(events_index, 5, "webinar")
    window = {"start": at(0), "end": at(60)}

    def only(slug):
        return lambda start, end: starting_between(events_index)(start, end).filter(slug=slug)

    assert prepared.rows(("slug", "webinar"), only("webinar"), **window) != []
    assert prepared.rows(("slug", "other"), only("other"), **window) == []


def test_a_query_that_matches_nothing_whatever_the_times_is_run_by_the_orm(events_index):
    prepared = PreparedValues()

    def build(start, end):
        return EventPage.objects.filter(pk__in=[], start__gte=start, start__lt=end).values("pk")

    assert prepared.rows(("empty",), build, start=at(0), end=at(9)) == []


def test_the_key_of_a_calendars_listings_names_its_place_and_filters(events_index, rf):
    """SQL compiled for a calendar's old place in the tree, or for other filters, is not reused."""
    key = events_index.events_key()
    assert (events_index.pk, events_index.path, events_index.depth) == key[:3]
    filtered = events_index.events_key(rf.get("/", {"category": " webinar ", "country": "fr"}))
    assert filtered == (*key[:3], "webinar", "FR")


def test_the_listings_read_through_kept_sql(events_index):
    event_in(events_index, 5, "kept-sql")
    PREPARED.clear()
    assert "Kept-Sql" in read(events_index.url)
    assert "Kept-Sql" in read(events_index.url + "?month=" + at(5).strftime("%Y-%m"))
    # The filters' countries (per calendar and language, kept as a part) too.
    assert {key[0] for key in PREPARED._kept} == {"upcoming", "times", "countries"}
