"""
A page rendered after the page cache is cleared writes its parts (cards,
listings, language links) to Redis in a fixed number of round trips, however
many cards it shows: the parts are written together when the request ends,
and the tokens of tags never purged before are started in one pipeline, not
one command per card. Counted on a real Redis, at two sizes of content.
"""

import datetime

import pytest
import redis.client
from django.core.cache import caches
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from taggit.models import Tag

from articles.models import ARTICLES_PER_PAGE
from cms.redis_urls import next_redis_database
from home import page_cache
from tests import site
from tests.factories import ArticlePageFactory

ARTICLE = f"/en/in-focus/{site.ARTICLE['slug']}/"
PAGES = ["/en/in-focus/", "/en/in-focus/topic/policy/", ARTICLE]


def redis_cache(location):
    return {"BACKEND": "home.redis_cache.RedisCache", "LOCATION": location, "KEY_PREFIX": "round-trips"}


@pytest.fixture
def redis_caches(redis_url, settings):
    settings.PAGE_CACHE_SECONDS = 0
    config = {"default": redis_cache(redis_url), "pages": redis_cache(next_redis_database(redis_url))}
    with override_settings(CACHES=config):
        for alias in config:
            caches[alias].clear()
        yield
        for alias in config:
            caches[alias].clear()


class RoundTrips:
    """Commands sent to Redis one by one, plus pipelines (each one round trip)."""

    def __init__(self, monkeypatch):
        self.count = 0
        command, execute = redis.client.Redis.execute_command, redis.client.Pipeline.execute

        def counted_command(client, *args, **kwargs):
            self.count += 1
            return command(client, *args, **kwargs)

        def counted_pipeline(pipeline, *args, **kwargs):
            self.count += 1
            return execute(pipeline, *args, **kwargs)

        monkeypatch.setattr(redis.client.Redis, "execute_command", counted_command)
        monkeypatch.setattr(redis.client.Pipeline, "execute", counted_pipeline)

    def of_a_cold_render(self, url):
        """Round trips of `url` right after the page cache (pages and page parts) is cleared."""
        Client().get(url)  # the site-wide caches, as a running site keeps them
        page_cache.clear()
        before = self.count
        response = Client().get(url)
        assert response.status_code == 200, url
        return self.count - before, response.content.decode().count('<article class="card')


def more_articles(in_focus, n=ARTICLES_PER_PAGE + 3):
    topics = list(Tag.objects.filter(slug__in=["policy", "e-skills-development"]))
    for i in range(n):
        ArticlePageFactory(parent=in_focus, topics=topics, date=datetime.date(2030, 1, 1) + datetime.timedelta(i))


@pytest.mark.django_db
@pytest.mark.usefixtures("redis_caches")
@pytest.mark.parametrize("url", PAGES)
def test_cold_render_round_trips_do_not_grow_with_the_cards_shown(monkeypatch, in_focus, url):
    round_trips = RoundTrips(monkeypatch)
    small, small_cards = round_trips.of_a_cold_render(url)
    more_articles(in_focus)
    large, large_cards = round_trips.of_a_cold_render(url)
    assert large_cards > small_cards, "the page shows more cards once there are more articles"
    assert large <= small, f"{url}: {small} Redis round trips grew to {large} with more cards"
    assert small <= 16, f"{url}: {small} Redis round trips after the page cache was cleared"


@pytest.mark.django_db
@pytest.mark.usefixtures("redis_caches")
@pytest.mark.parametrize("url", PAGES[:2])
def test_parts_written_when_a_request_ends_serve_the_next_one(monkeypatch, url):
    RoundTrips(monkeypatch).of_a_cold_render(url)
    with CaptureQueriesContext(connection) as captured:
        again = Client().get(url)
    assert again.status_code == 200
    assert not [query for query in captured.captured_queries if "articles_articlepage" in query["sql"]]
