"""
The occurrence card and the month grid are written in Python
(events.cards.CardWriter, write_month_grid) from the same values their
templates (CARD_TEMPLATE, GRID_TEMPLATE) show: both must give the same
bytes, in every language, whatever they hold, escaped alike.
"""

import calendar
import datetime
import itertools

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from events.cards import CARD_TEMPLATE, GRID_TEMPLATE, CardWriter, write_month_grid
from tests.factories import ImageFactory

HOSTILE = '<b>"Tom & Jerry\'s"</b>'


def values(**changes):
    return {
        "url": "/en/events/fête/",
        "title": "Open day",
        "image": None,
        "heading_level": 2,
        "view": "upcoming",
        "cancelled": False,
        "moved": False,
        "start": "2027-04-06T18:00:00-04:00",
        "all_day": False,
        "when": "April 6, 2027, 6:00 PM–8:00 PM EDT",
        "note": "",
        "more": 0,
        "category": "Talks",
        "city": "Montréal",
        "has_country": True,
        "country": "Canada",
        "online": False,
    } | changes


FLAGS = ("cancelled", "moved", "all_day", "online", "has_country")


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_the_writer_writes_what_the_template_renders(language):
    with translation.override(language):
        writer = CardWriter()
        for flags in itertools.product((False, True), repeat=len(FLAGS)):
            for changes in (
                {},
                {"note": "Room 4", "more": 1, "view": "past"},
                {"more": 3, "heading_level": 3, "category": "", "city": ""},
                {"more": 2, "view": "past", "city": "", "country": ""},
            ):
                card = values(**dict(zip(FLAGS, flags, strict=True)), **changes)
                assert writer.write(card) == render_to_string(CARD_TEMPLATE, card)


def test_the_writer_escapes_every_value_as_the_template_does():
    card = values(
        **dict.fromkeys(("url", "title", "when", "note", "category", "city", "country", "start"), HOSTILE),
        more=2,
        cancelled=True,
    )
    written = CardWriter().write(card)
    assert written == render_to_string(CARD_TEMPLATE, card)
    assert "<b>" not in written


@pytest.mark.django_db
def test_the_writer_shows_the_picture_as_the_template_does():
    card = values(image=ImageFactory())
    written = CardWriter().write(card)
    assert written == render_to_string(CARD_TEMPLATE, card)
    assert "<picture" in written


def grid_context(first, hostile=False):
    """A month grid's context as events.cards._month_grid makes it, with every kind of entry."""
    title = HOSTILE if hostile else "Open day"
    entries = [
        {"url": "/en/events/open-day/", "title": title, "time": "6:00 p.m.", "cancelled": False, "moved": False},
        {"url": "/en/events/fête/", "title": title, "time": "", "cancelled": True, "moved": False},
        {
            "url": HOSTILE if hostile else "/x/",
            "title": title,
            "time": HOSTILE if hostile else "",
            "cancelled": False,
            "moved": True,
        },
    ]
    weeks = [
        [
            {
                "date": day,
                "iso": day.isoformat(),
                "in_month": day.month == first.month,
                "entries": entries[: day.day % 4],
            }
            for day in week
        ]
        for week in calendar.Calendar(6).monthdatescalendar(first.year, first.month)
    ]
    return {"weeks": weeks, "weekdays": [day["date"] for day in weeks[0]]}


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_the_grid_writer_writes_what_the_template_renders(language):
    with translation.override(language):
        for context in (grid_context(datetime.date(2027, 4, 1)), grid_context(datetime.date(2027, 2, 1), hostile=True)):
            written = write_month_grid(context["weeks"], context["weekdays"])
            assert written == render_to_string(GRID_TEMPLATE, context)
    assert "<b>" not in written
