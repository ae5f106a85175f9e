"""
The occurrence card is written in Python (events.cards.CardWriter) from the
same values the template (events.cards.CARD_TEMPLATE) shows: both must give
the same bytes, in every language, whatever the card holds, escaped alike.
"""

import itertools

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from events.cards import CARD_TEMPLATE, CardWriter
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
