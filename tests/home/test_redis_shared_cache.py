"""
The site on Redis, as in production (REDIS_URL: home.redis_cache.RedisCache),
against a redis-server of this run's own: anonymous readers are served
stored pages from Redis, an editor's change reaches them at once, the form
rate limits count in Redis, and every cache call of a worker shares one
Redis client per connection pool.
"""

import pytest
import redis
from django.core.cache import cache, caches
from django.test import Client

from home.abuse import RateLimit
from home.models import AboutPage
from home.redis_cache import RedisCache

HEADER = "X-Page-Cache"


@pytest.fixture
def on_redis(settings, redis_url):
    store = redis.Redis.from_url(redis_url)
    store.flushall()
    settings.CACHES = {
        "default": {"BACKEND": "home.redis_cache.RedisCache", "LOCATION": redis_url, "KEY_PREFIX": "testse"}
    }
    yield store
    store.flushall()


@pytest.mark.django_db
class TestPagesOnRedis:
    def test_a_readers_second_visit_is_served_from_redis(self, on_redis):
        reader = Client()
        first = reader.get("/en/about/")
        assert first.status_code == 200 and first[HEADER] == "miss"
        assert any(b"testse" in key for key in on_redis.keys("*"))
        second = Client().get("/en/about/")
        assert second[HEADER] == "hit"
        assert second.content == first.content

    def test_an_editors_change_reaches_the_next_reader_at_once(self, on_redis):
        Client().get("/fr/about/")
        french = AboutPage.objects.get(locale__language_code="fr")
        french.title = "À propos, nouvelle version"
        french.save_revision().publish()
        after = Client().get("/fr/about/")
        assert after[HEADER] == "miss"
        assert "À propos, nouvelle version" in after.content.decode()

    def test_one_client_serves_every_call_on_a_pool(self, on_redis):
        assert isinstance(caches["default"], RedisCache)
        backend = caches["default"]._cache
        assert backend.get_client(write=True) is backend.get_client(write=True)
        cache.set("probe", "stored in redis")
        assert cache.get("probe") == "stored in redis"


@pytest.mark.django_db
def test_rate_limits_count_in_redis_across_requests(on_redis, rf):
    limit = RateLimit("testse-probe", limit=2, period=60)
    request = rf.post("/en/members/join/", REMOTE_ADDR="198.51.100.7")
    assert not limit.exceeded(request)
    limit.record(request)
    limit.record(request)
    assert limit.exceeded(request)
    assert 1 <= limit.retry_after(request) <= 61
    # Counted under a keyed hash, never the address itself.
    assert not any(b"198.51.100.7" in key for key in on_redis.keys("*"))
    other = rf.post("/en/members/join/", REMOTE_ADDR="198.51.100.8")
    assert not limit.exceeded(other)
