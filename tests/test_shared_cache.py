"""
Several workers share one Redis cache: what one worker invalidates, every
worker sees at once. Runs against a real redis-server started on 127.0.0.1.
"""

import pytest
from django.core.cache import caches
from django.test import override_settings

from home import chrome


@pytest.fixture
def redis_cache(redis_url):
    config = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_url}}
    with override_settings(CACHES=config):
        caches["default"].clear()
        yield caches["default"]
        caches["default"].clear()


def second_worker(redis_url):
    """A cache client of its own, as another gunicorn worker would have."""
    from django.core.cache.backends.redis import RedisCache

    return RedisCache(redis_url, {})


@pytest.mark.django_db
def test_invalidation_reaches_every_worker(redis_cache, redis_url, client):
    other = second_worker(redis_url)
    assert 'href="/en/about/"' in client.get("/en/").content.decode()
    before = other.get(chrome.VERSION_KEY)
    assert before is not None  # the first worker stored the chrome in Redis

    from home.models import AboutPage

    AboutPage.objects.get(locale__language_code="en").unpublish()
    assert other.get(chrome.VERSION_KEY) == before + 1
    assert 'href="/en/about/"' not in client.get("/en/").content.decode()


@pytest.mark.django_db
def test_rate_limits_are_shared_between_workers(redis_cache, redis_url, rf):
    from home.abuse import RateLimit

    limit = RateLimit("test", limit=2, period=60)
    request = rf.post("/", REMOTE_ADDR="203.0.113.50")
    limit.record(request)
    limit.record(request)
    assert limit.exceeded(request)
    assert second_worker(redis_url).get(limit.key(request)) == 2
