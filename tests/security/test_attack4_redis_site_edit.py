"""
A site edited while Redis is frozen (its port or host name: a move to https,
to the real domain): once Redis answers again, every address the site shows
is the new one. Wagtail's site root paths, which Redis keeps under Wagtail's
own key, are worked out afresh by every uncached page's routing query, yet
the copy Redis held from before the edit is what canonical links, og:url and
the sitemap read.
"""

import re
import time

import pytest
from django.test import Client

from home import page_cache, redis_cache
from tests.test_redis_outage import RETRY_AFTER, RedisProcess, shared_cache

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis(tmp_path):
    server = RedisProcess(tmp_path)
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def forget_outages():
    yield
    redis_cache._skip_until.clear()
    page_cache._unsent_tags.clear()
    page_cache._unsent_calls.clear()


def canonical(path):
    response = Client().get(path)
    assert response.status_code == 200, path
    return re.search(r'<link rel="canonical" href="([^"]+)"', response.content.decode()).group(1)


def test_a_site_edited_while_redis_was_frozen_shows_its_new_address_once_redis_is_back(redis, site, events_index):
    with shared_cache(redis.url):
        assert canonical("/en/about/") == "http://localhost/en/about/"
        redis.freeze()
        try:
            site.port = 8443
            site.save()  # as the admin's site edit view saves it
            # Meanwhile pages are rendered from the database: the new address.
            assert canonical("/en/about/?during") == "http://localhost:8443/en/about/"
        finally:
            redis.thaw()
        time.sleep(RETRY_AFTER + 0.1)
        Client().get("/fr/")  # any request sends the purges Redis missed
        # A page never stored before, rendered now: the address the site has.
        assert canonical(events_index.url) == f"http://localhost:8443{events_index.url}"
        sitemap = Client().get("/sitemap.xml").content.decode()
        assert "http://localhost:8443/en/" in sitemap
        assert "http://localhost/en/" not in sitemap
