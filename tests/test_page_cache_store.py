"""
Stored pages and page parts live in a cache of their own (in production a
Redis database of their own): an operator who clears them after a deploy
leaves the site-wide caches and the readers' rate limits alone.
"""

import pytest
import redis
from django.core.cache import caches
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.test import Client, override_settings

from cms.redis_urls import next_redis_database
from home import page_cache
from tests.test_settings import PRODUCTION_ENV, manage


def redis_cache(location):
    return {"BACKEND": "home.redis_cache.RedisCache", "LOCATION": location, "KEY_PREFIX": "store-test"}


@pytest.fixture
def two_redis_databases(redis_url, settings):
    settings.PAGE_CACHE_SECONDS = 600
    pages_url = next_redis_database(redis_url)
    config = {"default": redis_cache(redis_url), "pages": redis_cache(pages_url)}
    with override_settings(CACHES=config):
        for alias in config:
            caches[alias].clear()
        yield redis.Redis.from_url(redis_url), redis.Redis.from_url(pages_url)
        for alias in config:
            caches[alias].clear()


@pytest.mark.django_db
def test_clearing_the_page_cache_renders_pages_afresh_and_keeps_the_rest(two_redis_databases):
    site_wide, pages = two_redis_databases
    reader = Client()
    assert reader.get("/en/about/").headers["X-Page-Cache"] == "miss"
    assert reader.get("/en/about/").headers["X-Page-Cache"] == "hit"
    assert pages.dbsize() > 0, "pages are stored in their own database"
    caches["default"].set("rate-limit:192.0.2.1", 7, 600)
    site_wide_keys = site_wide.dbsize()

    call_command("clear_page_cache", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert reader.get("/en/about/").headers["X-Page-Cache"] == "miss"
    assert caches["default"].get("rate-limit:192.0.2.1") == 7
    assert site_wide.dbsize() >= site_wide_keys


def test_the_page_cache_database_follows_the_shared_cache_url():
    assert next_redis_database("redis://cache.internal:6379/0") == "redis://cache.internal:6379/1"
    assert next_redis_database("redis://cache.internal:6379") == "redis://cache.internal:6379/1"
    assert next_redis_database("rediss://:secret@cache:6380/4?ssl_cert_reqs=none") == (
        "rediss://:secret@cache:6380/5?ssl_cert_reqs=none"
    )
    # redis-py reads ?db= before the path.
    assert next_redis_database("redis://cache:6379/0?db=3") == "redis://cache:6379/4"
    assert next_redis_database("unix:///run/redis.sock") == "unix:///run/redis.sock?db=1"
    assert next_redis_database("unix:///run/redis.sock?db=2") == "unix:///run/redis.sock?db=3"
    with pytest.raises(ImproperlyConfigured, match="PAGE_CACHE_REDIS_URL"):
        next_redis_database("redis://cache:6379/15")  # a stock Redis has no database 16
    with pytest.raises(ImproperlyConfigured, match="REDIS_URL must be"):
        next_redis_database("cache:6379/0")


@pytest.mark.parametrize(
    ("extra", "expected"),
    [({}, "redis://127.0.0.1:6379/1"), ({"PAGE_CACHE_REDIS_URL": "redis://pages:6379/0"}, "redis://pages:6379/0")],
)
def test_production_settings_keep_pages_apart_from_the_shared_cache(extra, expected):
    code = "from django.conf import settings; print(settings.CACHES['pages']['LOCATION'])"
    result = manage("shell", "-c", code, env={**PRODUCTION_ENV, **extra})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == expected


@pytest.mark.django_db
def test_without_a_pages_cache_pages_share_the_default_one(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "only"}}
    assert page_cache.store() is caches["default"]
