"""What readers of the calendar notice: one entry per series, a month link that lands on events, one date style."""

import datetime
import re

import pytest
from django.utils import timezone

from events.models import EventPage
from tests.factories import EventPageFactory

pytestmark = pytest.mark.django_db


def titles(content):
    return re.findall(r'class="occurrence__title"><a href="[^"]+">([^<]+)</a>', content)


def heading_levels(content):
    main = re.search(r"<main.*?</main>", content, re.S).group(0)
    return [int(level) for level in re.findall(r"<h([1-6])[\s>]", main)]


def assert_no_skipped_heading_levels(content):
    levels = heading_levels(content)
    assert levels and levels[0] == 1, levels
    for previous, current in zip(levels, levels[1:], strict=False):
        assert current <= previous + 1, levels


def test_a_weekly_series_is_listed_once_with_its_other_dates_counted(client, events_index):
    start = (timezone.now() + datetime.timedelta(days=3)).replace(second=0, microsecond=0)
    EventPageFactory(parent=events_index, title="Weekly peer circle", recurrence="FREQ=WEEKLY;COUNT=6", start=start)
    content = client.get(events_index.url).content.decode()
    assert titles(content).count("Weekly peer circle") == 1
    entry = re.search(
        r"<article class=\"occurrence\">(?:(?!</article>).)*Weekly peer circle.*?</article>", content, re.S
    )
    assert "and 5 more dates" in entry.group(0)
    assert len(titles(content)) == len(set(titles(content)))


def test_each_series_appears_once_in_the_past_too(client, events_index):
    found = titles(client.get(events_index.url + "past/").content.decode())
    assert len(found) == len(set(found))


def test_home_page_lists_three_different_events(client, events_index):
    EventPageFactory(
        parent=events_index,
        title="Daily stand-up",
        recurrence="FREQ=DAILY;COUNT=10",
        start=(timezone.now() + datetime.timedelta(hours=2)).replace(second=0, microsecond=0),
    )
    content = client.get("/en/").content.decode()
    section = re.search(r"<h2[^>]*>Upcoming events</h2>.*?</section>", content, re.S).group(0)
    cards = re.findall(r'class="card__title"><a href="[^"]+">([^<]+)</a>', section)
    assert cards.count("Daily stand-up") == 1
    assert len(cards) == len(set(cards))


def test_month_link_opens_the_next_month_with_events(client, events_index):
    EventPage.objects.child_of(events_index).update(live=False)
    when = timezone.now() + datetime.timedelta(days=100)
    EventPageFactory(parent=events_index, title="Autumn forum", start=when)
    content = client.get(events_index.url).content.decode()
    month = when.strftime("%Y-%m")
    assert re.search(rf'<a href="{events_index.url}\?month={month}"[^>]*>Month</a>', content)
    assert month != timezone.now().strftime("%Y-%m")
    grid = client.get(events_index.url, {"month": month}).content.decode()
    assert "Autumn forum" in grid


@pytest.mark.parametrize("days_ahead", [20, 100])
def test_the_month_grid_links_to_the_next_month_with_events_near_or_far(client, events_index, days_ahead):
    EventPage.objects.child_of(events_index).update(live=False)
    when = timezone.now() + datetime.timedelta(days=days_ahead)
    EventPageFactory(parent=events_index, title="Regional forum", start=when)
    EventPageFactory(parent=events_index, title="Later forum", start=when + datetime.timedelta(days=200))
    grid = client.get(events_index.url, {"month": "2030-01"}).content.decode()
    month = when.strftime("%Y-%m")
    assert re.search(rf'<a href="{events_index.url}\?month={month}"[^>]*>Month</a>', grid)


ZONE = r"(?:[A-Z]{2,5}|UTC[+-]\d{2}:\d{2})"  # a letter abbreviation (Latin-script languages) or an offset from UTC
DATE_AND_TIME = {
    # language: (date, time, separator between a date and its time)
    "en": (r"[A-Z][a-z]+ \d{1,2}, \d{4}", r"\d{1,2}:\d{2} [AP]M", ", "),
    "fr": (r"\d{1,2} [a-zéû]+ \d{4}", r"\d{2}:\d{2}", ", "),
    "ar": (r"\d{1,2} [\u0600-\u06ff]+ \d{4}", r"\d{1,2}:\d{2} [صم]", "، "),
    "zh-hans": (r"\d{4}年\d{1,2}月\d{1,2}日", r"\d{2}:\d{2}", " "),
}


@pytest.mark.parametrize("language", DATE_AND_TIME)
def test_one_date_style_per_language(client, events_index, locales, language):
    date, time, comma = DATE_AND_TIME[language]
    one_day = rf"{date}{comma}{time}–{time} {ZONE}"
    several_days = rf"{date}{comma}{time} – {date}{comma}{time} {ZONE}"
    page = events_index.get_translation(locales[language])
    content = client.get(page.url).content.decode()
    times = re.findall(r"<time datetime=\"[^\"]+\" data-local-time>(?:<s>)?([^<]+)", content)
    assert times
    for text in times:
        assert re.fullmatch(one_day, text) or re.fullmatch(several_days, text), text
    if language == "ar":
        assert all("," not in text for text in times)


def test_the_local_time_hint_is_given_the_languages_pattern(client, events_index, locales):
    content = client.get(events_index.get_translation(locales["ar"]).url).content.decode()
    assert 'data-pattern="%(date)s، %(time)s %(zone)s"' in content


@pytest.mark.parametrize("path", ["", "past/", "?month=2027-04"])
@pytest.mark.parametrize("language", ["en", "ar"])
def test_calendar_headings_do_not_skip_levels(client, events_index, locales, language, path):
    page = events_index.get_translation(locales[language])
    assert_no_skipped_heading_levels(client.get(page.url + path).content.decode())


@pytest.mark.parametrize("language", ["en", "ar"])
def test_in_focus_headings_do_not_skip_levels(client, language):
    assert_no_skipped_heading_levels(client.get(f"/{language}/in-focus/").content.decode())
    assert_no_skipped_heading_levels(client.get(f"/{language}/in-focus/topic/e-skills-development/").content.decode())
