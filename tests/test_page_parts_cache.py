"""
With the full-page cache off, pages still reuse the parts that every request
would otherwise rebuild (home.page_cache.remembered): the home page's
sections, the language switcher's targets and the site lookup stay in the
shared cache under the same tags that purge stored pages, so a change still
reaches readers at once. Listings expand every event in their window but read
bodies and pictures only for the events they show.
"""

import datetime

import pytest
from django.db import connection
from django.db.models.signals import post_init
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events.models import EVENTS_PER_PAGE, EventPage
from home.models import AboutPage
from tests.factories import ArticlePageFactory, EventPageFactory


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0


def get(url):
    response = Client().get(url)
    assert response.status_code == 200, url
    return response


def queries_of(url):
    with CaptureQueriesContext(connection) as captured:
        response = get(url)
    return response, [query["sql"] for query in captured.captured_queries]


@pytest.mark.django_db
class TestHomeSections:
    def test_sections_are_not_read_again_while_nothing_changes(self):
        first = get("/en/")
        again, queries = queries_of("/en/")
        assert again.content.decode().count("card__title") == first.content.decode().count("card__title") > 0
        assert not [sql for sql in queries if "events_eventpage" in sql or "articles_articlepage" in sql]

    def test_a_new_article_shows_at_once(self, in_focus):
        get("/en/")
        ArticlePageFactory(parent=in_focus, title="Fresh from the newsroom", date=datetime.date(2099, 1, 1))
        assert "Fresh from the newsroom" in get("/en/").content.decode()

    def test_an_unpublished_event_leaves_at_once(self, events_index):
        event = EventPageFactory(parent=events_index, title="Soonest summit", start=timezone.now())
        assert "Soonest summit" in get("/en/").content.decode()
        event.unpublish()
        assert "Soonest summit" not in get("/en/").content.decode()

    def test_each_language_has_its_own_sections(self):
        english = get("/en/").content.decode()
        arabic = get("/ar/").content.decode()
        assert "Latest from In Focus" in english
        assert "Latest from In Focus" not in arabic


@pytest.mark.django_db
class TestLanguageSwitcher:
    def test_links_and_site_are_not_looked_up_again(self):
        get("/en/about/")
        _response, queries = queries_of("/en/about/")
        # The routing query (which checks the sites too, home.sites) and the specific page.
        assert len(queries) == 2
        assert not [sql for sql in queries if sql.startswith('SELECT "wagtailcore_site"')]

    def test_an_unpublished_translation_leaves_the_switcher_at_once(self, locales):
        assert 'href="/fr/about/"' in get("/en/about/").content.decode()
        AboutPage.objects.get(locale=locales["fr"]).unpublish()
        assert 'href="/fr/about/"' not in get("/en/about/").content.decode()


@pytest.mark.django_db
def test_upcoming_events_read_in_full_only_the_events_shown(events_index):
    for day in range(EVENTS_PER_PAGE + 10):
        EventPageFactory(parent=events_index, start=timezone.now() + datetime.timedelta(days=day + 1))
    read_in_full = []

    def count(sender, instance, **kwargs):
        # Any event made as a page, whatever it read of the page (the cards
        # read only what they show).
        read_in_full.append(instance.pk)

    post_init.connect(count, sender=EventPage)
    try:
        response = get("/en/events/")
    finally:
        post_init.disconnect(count, sender=EventPage)
    assert response.content.decode().count('class="occurrence__title"') == EVENTS_PER_PAGE
    assert len(set(read_in_full)) <= EVENTS_PER_PAGE
