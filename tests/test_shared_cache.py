"""
Several workers share one Redis cache: what one worker invalidates, every
worker sees at once. Runs against a real redis-server started on 127.0.0.1.
"""

import shutil
import socket
import subprocess
import time

import pytest
from django.core.cache import caches
from django.test import override_settings

from home import chrome


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory):
    server = shutil.which("redis-server")
    if server is None:
        pytest.fail("redis-server is not installed (make test installs it)")
    port = free_port()
    process = subprocess.Popen(  # noqa: S603
        [
            server,
            "--bind",
            "127.0.0.1",
            "--port",
            str(port),
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(tmp_path_factory.mktemp("redis")),
        ],
        stdout=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.05)
    yield f"redis://127.0.0.1:{port}/0"
    process.terminate()
    process.wait(timeout=10)


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
