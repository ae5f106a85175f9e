"""
Found by attack3; FAILS today. Redis answers, but with an error reply instead
of a result: a Redis at its `maxmemory` with the `noeviction` policy ("OOM
command not allowed when used memory > 'maxmemory'"), or a Redis that a
failover turned into a read-only replica ("READONLY You can't write against a
read only replica"). home/redis_cache.py treats only connection and timeout
errors as "unreachable", so these replies escape as redis.ResponseError:

- a reader asking for a page that is not stored yet gets a 500 (the page
  renders, then storing it fails), instead of the page served uncached as
  docs/resilience.md promises for a Redis that "refuses connections or stops
  answering";
- an editor who unpublishes an article gets an exception, and the purge is
  neither sent nor kept in PostgreSQL (home.UnsentPurge), so once Redis
  takes writes again the unpublished article is still served from the page
  cache to anonymous readers.
"""

import contextlib
import time

import pytest
import redis as redis_client
from django.test import Client, override_settings
from redis.backoff import NoBackoff
from redis.retry import Retry

from articles.models import ArticlePage
from home import page_cache, redis_cache
from home.models import UnsentPurge
from tests import servers
from tests import site as test_site

pytestmark = pytest.mark.django_db


def cache_on(url):
    """The production cache settings (cms/settings/base.py): default and pages on one Redis, two databases."""

    def alias(location):
        return {
            "BACKEND": "home.redis_cache.RedisCache",
            "LOCATION": location,
            "RETRY_AFTER": 1,
            "OPTIONS": {"socket_connect_timeout": 0.3, "socket_timeout": 0.3, "retry": Retry(NoBackoff(), 0)},
        }

    return override_settings(
        CACHES={"default": alias(url), "pages": alias(url.rsplit("/", 1)[0] + "/1")}, PAGE_CACHE_SECONDS=600
    )


def out_of_memory(store):
    # Whatever it already holds is more than one byte: every write is refused.
    store.config_set("maxmemory-policy", "noeviction")
    store.config_set("maxmemory", "1")


def read_only_replica(store):
    # A replica of a master that is not there: reads answer, writes are refused.
    store.replicaof("127.0.0.1", servers.free_port())


def writable_again(store):
    store.config_set("maxmemory", "0")
    store.replicaof("NO", "ONE")


@pytest.fixture
def redis(tmp_path):
    process, url = servers.start_redis(tmp_path)
    store = redis_client.Redis.from_url(url)
    with cache_on(url):
        yield store, url
    redis_cache._skip_until.clear()
    page_cache._unsent_tags.clear()
    page_cache._unsent_calls.clear()
    process.terminate()
    process.wait(timeout=10)


@pytest.mark.parametrize("refusal", [out_of_memory, read_only_replica], ids=["oom", "readonly"])
def test_a_reader_gets_the_page_when_redis_refuses_writes(redis, refusal):
    store, _url = redis
    Client().get("/en/")  # Redis holds something
    refusal(store)
    response = Client().get("/en/in-focus/")
    assert response.status_code == 200


@pytest.mark.parametrize("refusal", [out_of_memory, read_only_replica], ids=["oom", "readonly"])
def test_an_article_unpublished_while_redis_refuses_writes_leaves_the_listing(redis, refusal):
    store, _url = redis
    article = ArticlePage.objects.get(slug=test_site.ARTICLE["slug"], locale__language_code="en")
    listing = "/en/in-focus/"
    Client().get(listing)
    assert Client().get(listing)[page_cache.HEADER] == "hit"
    refusal(store)
    # The editor may see an error; what matters here is what readers see after.
    with contextlib.suppress(redis_client.ResponseError):
        article.unpublish()
    article.refresh_from_db()
    assert not article.live  # the unpublish itself went through
    writable_again(store)
    time.sleep(1.1)
    Client().get("/api/v2/articles/")  # a request the page cache does not answer sends what was kept
    assert article.title not in Client().get(listing).content.decode(), (
        f"unsent purges kept: {list(UnsentPurge.objects.values_list('key', flat=True))}"
    )
