"""
Readers keep getting pages and editors keep publishing while Redis (the
shared cache: full pages, page parts, the chrome, rate limits) is down,
refusing connections or frozen, and once it is back nothing stale is served:
the purges it missed are sent again. Runs against a real redis-server that the
tests kill (SIGKILL) and freeze (SIGSTOP), a port where nothing listens and a
TCP listener that never answers.
"""

import os
import signal
import socket
import time

import pytest
from django.test import Client, override_settings
from redis.backoff import NoBackoff
from redis.retry import Retry

from home import abuse, page_cache, redis_cache
from tests import servers
from tests.events.test_api_and_editing import event_form
from tests.factories import EventPageFactory
from tests.members.test_join import application

pytestmark = pytest.mark.django_db

TIMEOUT = 0.3  # seconds, for each connect and each read
RETRY_AFTER = 1  # seconds without Redis after a failure
HEADER = page_cache.HEADER


class RedisProcess:
    def __init__(self, directory, port=None):
        self.directory = directory
        self.process, self.url = servers.start_redis(directory, port)

    def restart(self):
        """Start it again, empty, on the same port (as a supervisor would)."""
        port = int(self.url.rsplit(":", 1)[1].split("/")[0])
        self.process, self.url = servers.start_redis(self.directory, port)

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def freeze(self):
        os.kill(self.process.pid, signal.SIGSTOP)

    def thaw(self):
        os.kill(self.process.pid, signal.SIGCONT)

    def stop(self):
        if self.process.poll() is None:
            self.thaw()
            self.process.terminate()
            self.process.wait(timeout=10)


@pytest.fixture
def redis(tmp_path):
    server = RedisProcess(tmp_path)
    yield server
    server.stop()


@pytest.fixture
def nothing_listens():
    return f"redis://127.0.0.1:{servers.free_port()}/0"


@pytest.fixture
def never_answers():
    """Accepts TCP connections (the kernel completes them) and never reads or writes a byte."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    yield f"redis://127.0.0.1:{listener.getsockname()[1]}/0"
    listener.close()


def shared_cache(url):
    """The production cache settings (cms/settings/base.py) with short timeouts, on `url`."""
    config = {
        "default": {
            "BACKEND": "home.redis_cache.RedisCache",
            "LOCATION": url,
            "RETRY_AFTER": RETRY_AFTER,
            "OPTIONS": {"socket_connect_timeout": TIMEOUT, "socket_timeout": TIMEOUT, "retry": Retry(NoBackoff(), 0)},
        }
    }
    return override_settings(CACHES=config, PAGE_CACHE_SECONDS=3600)


@pytest.fixture(autouse=True)
def forget_outages():
    """Each test starts with a closed breaker and nothing left to resend."""
    yield
    getattr(redis_cache, "_skip_until", {}).clear()
    getattr(page_cache, "_unsent_tags", set()).clear()
    getattr(page_cache, "_unsent_calls", {}).clear()
    if (local_counts := getattr(abuse, "_local_counts", None)) is not None:
        local_counts.clear()


def read(path):
    """A reader's request (no cookies), timed."""
    started = time.monotonic()
    response = Client().get(path)
    return response, time.monotonic() - started


@pytest.mark.parametrize("fixture", ["nothing_listens", "never_answers"])
def test_readers_get_pages_when_redis_refuses_or_never_answers(request, fixture, home, in_focus):
    url = request.getfixturevalue(fixture)
    with shared_cache(url):
        started = time.monotonic()
        for path in ["/en/", "/fr/", in_focus.url, "/ar/", "/en/", "/api/v2/pages/"]:
            response, _elapsed = read(path)
            assert response.status_code == 200, path
        # Each cache call waits at most one timeout and, after the first
        # failure, none: six pages in well under what one un-bounded read would take.
        assert time.monotonic() - started < 10
        assert read("/en/")[0][HEADER] == "skip"  # served, not stored


def test_a_killed_redis_is_a_miss_and_a_restarted_one_is_used_again(redis, home):
    with shared_cache(redis.url):
        assert read("/en/")[0][HEADER] == "miss"
        assert read("/en/")[0][HEADER] == "hit"
        redis.kill()
        response, elapsed = read("/en/")
        assert response.status_code == 200
        assert response[HEADER] == "skip"
        assert elapsed < 5

        redis.restart()
        time.sleep(RETRY_AFTER + 0.1)
        assert read("/en/")[0][HEADER] == "miss"
        assert read("/en/")[0][HEADER] == "hit"


def test_editors_publish_while_redis_is_frozen_and_nothing_stale_is_served_after(
    redis, admin_client, events_index, caplog
):
    event = EventPageFactory(parent=events_index, title="Regional policy forum", slug="edited-event")
    with shared_cache(redis.url):
        assert read(event.url)[0][HEADER] == "miss"
        assert read(event.url)[0][HEADER] == "hit"  # stored in Redis with the old title

        redis.freeze()
        try:
            started = time.monotonic()
            response = admin_client.post(
                f"/admin/pages/{event.pk}/edit/",
                {**event_form(title="Regional policy forum (new venue)"), "action-publish": "publish"},
            )
            assert response.status_code == 302
            assert time.monotonic() - started < 10
            page, elapsed = read(event.url)
            assert page.status_code == 200
            assert "Regional policy forum (new venue)" in page.content.decode()
            assert elapsed < 5
            # The purge that could not be sent is an error, naming what it concerned.
            unsent = [record for record in caplog.records if record.levelname == "ERROR" and "purge" in record.message]
            assert unsent and f"page:{event.pk}" in unsent[0].getMessage()
        finally:
            redis.thaw()

        # Redis is back, still holding the entry with the old title: the
        # purge it missed is sent before anything is served from it.
        time.sleep(RETRY_AFTER + 0.1)
        page, _elapsed = read(event.url)
        assert "Regional policy forum (new venue)" in page.content.decode()
        assert page[HEADER] == "miss"
        assert read(event.url)[0][HEADER] == "hit"


def test_the_site_chrome_missed_while_redis_was_frozen_is_refreshed_after(redis, home):
    from home.models import AboutPage

    with shared_cache(redis.url):
        assert 'href="/en/about/"' in read("/en/")[0].content.decode()
        redis.freeze()
        try:
            AboutPage.objects.get(locale__language_code="en").unpublish()
            assert 'href="/en/about/"' not in read("/en/")[0].content.decode()
        finally:
            redis.thaw()
        time.sleep(RETRY_AFTER + 0.1)
        read("/fr/")  # any request sends what was missed
        assert 'href="/en/about/"' not in read("/en/")[0].content.decode()
        assert 'href="/en/about/"' not in read("/en/search/")[0].content.decode()


def test_the_join_form_stays_open_and_limited_while_redis_is_down(nothing_listens, directory):
    """
    Fail soft: people can still apply while the cache is down, and one address
    still meets the limit (counted by each worker on its own meanwhile).
    """
    from members.views import application_rate_limit

    with shared_cache(nothing_listens):
        client = Client()
        for number in range(application_rate_limit.limit):
            response = client.post(
                directory.url + "join/", application(email=f"applicant{number}@example.org"), REMOTE_ADDR="192.0.2.80"
            )
            assert response.status_code == 302, number
        refused = client.post(directory.url + "join/", application(), REMOTE_ADDR="192.0.2.80")
        assert refused.status_code == 429
        assert int(refused["Retry-After"]) > 0
        # Another address is not affected.
        other = client.post(directory.url + "join/", application(), REMOTE_ADDR="192.0.2.81")
        assert other.status_code == 302


def test_sign_in_works_while_redis_is_down(nothing_listens, admin_user):
    admin_user.set_password("a long test password")
    admin_user.save()
    with shared_cache(nothing_listens):
        client = Client()
        response = client.post("/admin/login/", {"username": "admin", "password": "a long test password"})
        assert response.status_code == 302
        assert client.get("/admin/").status_code == 200
