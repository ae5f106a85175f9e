"""Event times name their zone in a form readers recognise: never a bare '+07', never Latin 'EST' in Arabic."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest

from events.models import EventIndexPage
from home.translations import translate_object
from tests.factories import EventPageFactory

pytestmark = pytest.mark.django_db


def when(content):
    text = re.sub(r"<[^>]+>", "", re.search(r'<time datetime="[^"]+"[^>]*>(.*?)</time>', content, re.S).group(1))
    return text.strip()


@pytest.fixture
def events_in(home):
    index = EventIndexPage.objects.get(locale=home.locale)

    def make(zone, slug):
        start = datetime.datetime(2031, 3, 4, 18, 0, tzinfo=ZoneInfo(zone))
        event = EventPageFactory(
            parent=index, slug=slug, time_zone=zone, start=start, end=start + datetime.timedelta(hours=1)
        )
        event.save_revision().publish()
        return event

    return make


def test_a_zone_without_letters_shows_as_a_utc_offset(client, events_in):
    event = events_in("Asia/Bangkok", "bangkok-meetup")
    text = when(client.get(event.url).content.decode())
    assert text.endswith("UTC+07:00")
    assert not re.search(r"(?<!UTC)[+-]\d\d\b(?!:)", text)


def test_latin_script_languages_keep_a_well_known_abbreviation(client, events_in):
    event = events_in("America/New_York", "new-york-meetup")
    assert when(client.get(event.url).content.decode()).endswith("EST")


@pytest.mark.parametrize("language", ["ar", "zh-hans", "ru"])
def test_other_languages_show_the_offset_not_latin_abbreviations(client, events_in, language):
    event = events_in("America/Sao_Paulo", f"sao-paulo-meetup-{language}")
    new_york = events_in("America/New_York", f"new-york-meetup-{language}")
    for page, label in ((event, "UTC-03:00"), (new_york, "UTC-05:00")):
        translated = translate_object(page, language, {})
        text = when(client.get(translated.url).content.decode())
        assert text.endswith(label), text
        assert "EST" not in text
