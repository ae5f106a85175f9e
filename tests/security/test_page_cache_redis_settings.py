"""
Found by attack3; FAILS today. How production settings (cms/settings/production.py,
cms/settings/base.py) take the page cache's Redis address, as an operator sets
it from the README's table ("PAGE_CACHE_REDIS_URL ... Default: REDIS_URL's
server, next database number (/0 → /1)"):

- `REDIS_URL=redis://host:6379/15`, the last of the 16 databases a stock Redis
  has: the page cache goes to database 16, which does not exist. The site
  starts without a word, and then every reader gets a 500 ("DB index is out of
  range" from each page cache call).
- `PAGE_CACHE_REDIS_URL` set to something that is not a Redis URL (a typo, a
  host name without `redis://`): the site starts, then every page is a 500
  ("Redis URL must specify one of the following schemes"). Other bad values
  stop the start with a message naming the variable (README: "A numeric
  variable set to something that is not a number stops the start with a
  message naming it").
- `REDIS_URL=redis://host:6379/0?db=3` (redis-py's query form): the "next
  database" is `/1?db=3`, which redis-py reads as database 3 again, so the page
  cache shares the default cache and `manage.py clear_page_cache` empties the
  rate limits, menus and footers it promises to leave alone.
- `REDIS_URL=127.0.0.1:6379` (no `redis://`): the start stops with "names no
  database number; set PAGE_CACHE_REDIS_URL"; with that set, every page is a 500.

Each case runs Django with the production settings in a process of its own
against the test database and a real redis-server; either the start stops
with a message naming the variable, or readers get their pages.
"""

import os
import subprocess
import sys

import pytest
import redis as redis_client

from tests import servers

pytestmark = pytest.mark.django_db

READ_A_PAGE = """
import django
django.setup()
from django.test import Client
print("STATUS", Client().get("/en/in-focus/").status_code)
"""


def production(env, code):
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "attack3-test-only",
        "DATABASE_URL": servers.current_database_url(),
        "SEARCH_URL": "",
        "SECURE_SSL_REDIRECT": "0",
        "ALLOWED_HOSTS": "testserver",
        "PAGE_CACHE_SECONDS": "600",
        "TASKS_BACKEND": "immediate",
        **env,
    }
    environment.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return subprocess.run(  # noqa: S603 - our own code
        [sys.executable, "-c", code],
        cwd=servers.ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def redis_base(tmp_path_factory):
    process, url = servers.start_redis(tmp_path_factory.mktemp("redis-settings"))
    yield url.rsplit("/", 1)[0]
    process.terminate()
    process.wait(timeout=10)


def starts_clearly_or_serves(result, variable):
    if result.returncode != 0:
        assert "ImproperlyConfigured" in result.stderr, result.stderr[-3000:]
        assert variable in result.stderr.splitlines()[-1], result.stderr[-3000:]
    else:
        assert "STATUS 200" in result.stdout, result.stdout + result.stderr[-3000:]


def test_redis_url_on_the_last_database_starts_clearly_or_serves_pages(redis_base):
    result = production({"REDIS_URL": f"{redis_base}/15", "PAGE_CACHE_REDIS_URL": ""}, READ_A_PAGE)
    starts_clearly_or_serves(result, "REDIS_URL")


def test_a_page_cache_redis_url_that_is_not_a_url_starts_clearly_or_serves_pages(redis_base):
    result = production({"REDIS_URL": f"{redis_base}/0", "PAGE_CACHE_REDIS_URL": "127.0.0.1:6379/1"}, READ_A_PAGE)
    starts_clearly_or_serves(result, "PAGE_CACHE_REDIS_URL")


def test_clear_page_cache_leaves_the_default_cache_with_a_query_database_number(redis_base):
    store = redis_client.Redis.from_url(f"{redis_base}/0?db=3")
    store.flushall()
    set_and_clear = """
import django
django.setup()
from django.core.cache import caches
from django.core.management import call_command
caches["default"].set("rate-limit-count", 7, 600)
call_command("clear_page_cache")
print("KEPT", caches["default"].get("rate-limit-count"))
"""
    result = production({"REDIS_URL": f"{redis_base}/0?db=3", "PAGE_CACHE_REDIS_URL": ""}, set_and_clear)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "KEPT 7" in result.stdout, result.stdout


def test_a_redis_url_without_its_scheme_starts_clearly_or_serves_pages(redis_base):
    """
    `REDIS_URL=127.0.0.1:6379` stops the start with "names no database number;
    set PAGE_CACHE_REDIS_URL". An operator who does as told starts a site where
    every page is a 500: the default cache's address is not a Redis URL.
    """
    address = redis_base.removeprefix("redis://")
    result = production({"REDIS_URL": address, "PAGE_CACHE_REDIS_URL": f"{redis_base}/1"}, READ_A_PAGE)
    starts_clearly_or_serves(result, "REDIS_URL")
