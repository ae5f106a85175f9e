"""
A purge the shared cache missed (Redis not answering) is written to the
database and sent by any process once Redis answers, so it survives the
process that could not send it (home.purge_outbox). Against a real
redis-server that keeps its data through the outage and real
manage.py processes that make a change during the outage and end.
Redis stops answering through a proxy that drops every byte.
"""

import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import redis as redis_client
from django.core.management import CommandError, call_command
from django.db import connection, connections, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from redis.backoff import NoBackoff
from redis.retry import Retry

from articles.models import ArticlePage
from cms.redis_urls import next_redis_database
from home import page_cache, purge_outbox, redis_cache
from home.models import NavigationMenuItem, UnsentPurge
from tests import servers
from tests import site as test_site
from tests.proxy import TCPProxy

pytestmark = pytest.mark.django_db

TIMEOUT = 0.3
RETRY_AFTER = 1
# The prefix of the settings manage.py runs with (cms/settings/base.py), so
# that this process and those read and write the same keys.
KEY_PREFIX = "gnwict"
HEADER = page_cache.HEADER


class UnansweringRedis:
    """
    A redis-server behind a proxy that can stop answering, dropping every
    byte, and keep its data: a network cut. (A redis-server frozen with
    SIGSTOP would run the commands buffered meanwhile once resumed, and so
    receive the purge after all.)
    """

    def __init__(self, directory):
        self.process, direct = servers.start_redis(directory)
        port = int(direct.rsplit(":", 1)[1].split("/")[0])
        self.proxy = TCPProxy("127.0.0.1", port).start()
        self.url = f"redis://127.0.0.1:{self.proxy.port}/0"

    def freeze(self):
        self.proxy.silence()

    def thaw(self):
        self.proxy.resume()
        time.sleep(RETRY_AFTER + 0.1)  # the breaker of this process lets calls through again

    def stop(self):
        self.proxy.stop()
        self.process.terminate()
        self.process.wait(timeout=10)


@pytest.fixture
def redis(tmp_path, settings):
    server = UnansweringRedis(tmp_path)
    settings.CACHES = {
        "default": {
            "BACKEND": "home.redis_cache.RedisCache",
            "LOCATION": server.url,
            "KEY_PREFIX": KEY_PREFIX,
            "RETRY_AFTER": RETRY_AFTER,
            "OPTIONS": {"socket_timeout": TIMEOUT, "socket_connect_timeout": TIMEOUT, "retry": Retry(NoBackoff(), 0)},
        }
    }
    settings.PAGE_CACHE_SECONDS = 3600
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def fresh_process_state():
    yield
    redis_cache._skip_until.clear()
    forget_unsent_in_memory()
    purge_outbox._schedule.next_check = 0.0


def forget_unsent_in_memory():
    """What a worker that ends takes with it."""
    page_cache._unsent_tags.clear()
    page_cache._unsent_calls.clear()


def read(path):
    return Client().get(path)


def read_elsewhere(path):
    """
    A reader served by another connection, outside the test's transaction: the
    rows it sends are deleted for good, as in a worker.
    """
    return servers.committed(read, path)


def article():
    return ArticlePage.objects.get(slug=test_site.ARTICLE["slug"], locale__language_code="en")


def in_another_process(redis, code):
    """manage.py shell -c `code` on this Redis: the process makes its change and ends."""
    servers.manage(
        "shell",
        "-c",
        code,
        env={
            "REDIS_URL": redis.url,
            "REDIS_TIMEOUT": str(TIMEOUT),
            "REDIS_CONNECT_TIMEOUT": str(TIMEOUT),
            "TASKS_BACKEND": "immediate",
        },
    )


def fresh_within(seconds, path, fresh, other="/api/v2/pages/"):
    """
    Read `path` until `fresh(content)`, while other readers make requests the
    page cache does not answer (as a running site always has); the content last read.
    """
    deadline = time.monotonic() + seconds
    while True:
        content = read_elsewhere(path).content.decode()
        if fresh(content) or time.monotonic() > deadline:
            return content
        read_elsewhere(other)
        time.sleep(0.2)


def unpublish(page_pk):
    ArticlePage.objects.get(pk=page_pk).unpublish()


def republish(page_pk):
    ArticlePage.objects.get(pk=page_pk).save_revision().publish()


def delete_rows():
    UnsentPurge.objects.all().delete()


def test_an_article_unpublished_by_a_process_that_ends_during_an_outage_leaves_the_listing(redis, monkeypatch):
    monkeypatch.setattr(purge_outbox, "CHECK_SECONDS", 2)
    page = article()
    listing = "/en/in-focus/"
    read_elsewhere(listing)
    assert read_elsewhere(listing)[HEADER] == "hit"
    assert page.title in read_elsewhere(listing).content.decode()

    redis.freeze()
    try:
        try:
            in_another_process(redis, f"from {__name__} import unpublish; unpublish({page.pk})")
        finally:
            redis.thaw()
        assert UnsentPurge.objects.filter(key=f"tag:page:{page.pk}").exists()

        # This process did not see the outage: it finds the rows at a request
        # the cache does not answer, within CHECK_SECONDS.
        content = fresh_within(purge_outbox.CHECK_SECONDS + 3, listing, lambda content: page.title not in content)
        assert page.title not in content
        assert not UnsentPurge.objects.exists()
    finally:
        servers.committed(republish, page.pk)
        servers.committed(delete_rows)


def set_first_menu_label(label):
    item = NavigationMenuItem.objects.filter(menu__locale__language_code="en").order_by("sort_order").first()
    item.link_label = label
    item.save()


def test_a_menu_changed_by_a_process_that_ends_during_an_outage_is_shown_after(redis, monkeypatch):
    monkeypatch.setattr(purge_outbox, "CHECK_SECONDS", 2)
    label = "Network news, relabelled during the outage"
    read_elsewhere("/en/")
    assert read_elsewhere("/en/")[HEADER] == "hit"

    redis.freeze()
    try:
        try:
            in_another_process(redis, f"from {__name__} import set_first_menu_label; set_first_menu_label({label!r})")
        finally:
            redis.thaw()
        # The chrome's version bump, which no tag purge replaces, is kept too.
        assert UnsentPurge.objects.filter(key="call:home.chrome._bump_version").exists()

        content = fresh_within(purge_outbox.CHECK_SECONDS + 3, "/en/", lambda content: label in content)
        assert label in content
        # Another page, not stored before: its menu comes from the chrome's cache.
        assert label in read_elsewhere("/en/in-focus/").content.decode()
    finally:
        servers.committed(set_first_menu_label, "")
        servers.committed(delete_rows)


def change_title_during_an_outage(redis, page, title):
    """In this process: publish a new title while Redis is frozen; then the process "ends"."""
    redis.freeze()
    try:
        page.title = title
        page.save_revision().publish()
        assert UnsentPurge.objects.filter(key=f"tag:page:{page.pk}").exists()
        forget_unsent_in_memory()
    finally:
        redis.thaw()


def test_a_hit_reads_no_database_while_purges_are_pending(redis):
    page = article()
    old_title = page.title
    read(page.url)
    assert read(page.url)[HEADER] == "hit"
    change_title_during_an_outage(redis, page, "Telemedicine, retitled during the outage")
    # As in a worker that did not see the outage (the editor's process saw it).
    purge_outbox._schedule.outages_handled = redis_cache.outages_seen()

    with CaptureQueriesContext(connection) as queries:
        response = read(page.url)
    # The trade-off: a stored page is served as it was, without a query, until
    # a request the cache does not answer sends the purge.
    assert response[HEADER] == "hit"
    assert old_title in response.content.decode()
    assert len(queries) == 0
    assert UnsentPurge.objects.exists()

    read("/api/v2/pages/")
    response = read(page.url)
    assert "Telemedicine, retitled during the outage" in response.content.decode()
    assert not UnsentPurge.objects.exists()


def test_a_process_that_saw_the_outage_sends_before_its_next_hit(redis):
    page = article()
    read(page.url)
    assert read(page.url)[HEADER] == "hit"
    change_title_during_an_outage(redis, page, "Telemedicine, retitled during the outage")
    forget_unsent_in_memory()  # only the rows in the database are left to send

    response = read(page.url)
    assert "Telemedicine, retitled during the outage" in response.content.decode()
    assert not UnsentPurge.objects.exists()
    with CaptureQueriesContext(connection) as queries:
        assert read(page.url)[HEADER] == "hit"
    assert len(queries) == 0  # sent once, then hits read no database again


def test_the_management_command_sends_what_a_process_left(redis):
    page = article()
    read(page.url)
    change_title_during_an_outage(redis, page, "Telemedicine, retitled before the command")

    call_command("send_unsent_purges", stdout=open(os.devnull, "w"))  # noqa: SIM115

    assert not UnsentPurge.objects.exists()
    response = read(page.url)
    assert response[HEADER] == "miss"
    assert "Telemedicine, retitled before the command" in response.content.decode()


def test_purges_stay_recorded_while_redis_still_does_not_answer(redis):
    page = article()
    read(page.url)
    change_title_during_an_outage(redis, page, "Telemedicine, retitled in a long outage")
    rows = set(UnsentPurge.objects.values_list("key", flat=True))

    redis.freeze()
    try:
        with pytest.raises(CommandError, match="could not be sent"):
            call_command("send_unsent_purges")
        purge_outbox.send_due()
        read("/api/v2/pages/")
        assert set(UnsentPurge.objects.values_list("key", flat=True)) == rows
    finally:
        redis.thaw()

    call_command("send_unsent_purges", stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert not UnsentPurge.objects.exists()
    assert "Telemedicine, retitled in a long outage" in read(page.url).content.decode()


def test_a_publish_rolled_back_leaves_no_row_and_one_committed_does(redis):
    page = article()
    redis.freeze()
    try:
        with pytest.raises(RuntimeError), transaction.atomic():
            page.title = "Telemedicine, never published"
            page.save_revision().publish()
            assert UnsentPurge.objects.exists()
            raise RuntimeError("the editor's transaction fails after the purge")
        assert not UnsentPurge.objects.exists()

        page = article()
        page.title = "Telemedicine, published during the outage"
        page.save_revision().publish()
        assert UnsentPurge.objects.filter(key=f"tag:page:{page.pk}").exists()
    finally:
        redis.thaw()
    assert article().title == "Telemedicine, published during the outage"


def test_very_many_tags_become_one_row_that_empties_the_page_cache(home):
    for pk in range(20):  # rows from earlier purges, which "everything" covers
        purge_outbox.record_tags({f"page:{pk}"})
    assert UnsentPurge.objects.count() == 20
    read("/en/")
    assert read("/en/")[HEADER] == "hit"
    purge_outbox.record_tags({f"page:{pk}" for pk in range(purge_outbox.MAX_TAG_ROWS + 1)})
    assert list(UnsentPurge.objects.values_list("key", flat=True)) == [purge_outbox.EVERYTHING]
    # One by one, as a bulk unpublish during an outage purges: the table stays at one row.
    for pk in range(purge_outbox.MAX_TAG_ROWS, purge_outbox.MAX_TAG_ROWS + 50):
        purge_outbox.record_tags({f"page:{pk}", f"children:{pk}"})
    assert list(UnsentPurge.objects.values_list("key", flat=True)) == [purge_outbox.EVERYTHING]

    assert purge_outbox.send() == (1, 0)
    assert read("/en/")[HEADER] == "miss"


# Two senders at once. Rows are committed so that a second connection sees them.

calls_while_locked = []


def send_while_another_sender_runs():
    """A recorded invalidation: while the first sender holds the rows, a second one runs."""
    with ThreadPoolExecutor(max_workers=1) as pool:

        def second_sender():
            try:
                result = purge_outbox.send()
                purge_outbox.record_tags({"outbox-test:new"})
                return result
            finally:
                connections.close_all()

        calls_while_locked.append(pool.submit(second_sender).result())
    # The same tag fails again while its row is being sent: that writer waits
    # for this sender and writes the row anew.
    again = threading.Thread(target=servers.committed, args=(purge_outbox.record_tags, {"outbox-test:sent"}))
    again.start()
    calls_while_locked.append(again)
    time.sleep(0.3)
    return True


def record_for_two_senders():
    purge_outbox.record_tags({"outbox-test:sent"})
    purge_outbox._record({f"{purge_outbox.CALL}{__name__}.send_while_another_sender_runs"})


def test_two_senders_at_once_send_each_row_once_and_delete_only_what_they_sent():
    calls_while_locked.clear()
    servers.committed(record_for_two_senders)
    try:
        first = servers.committed(purge_outbox.send)
        second, writer = calls_while_locked
        writer.join(timeout=10)
        assert first == (2, 0)
        assert second == (0, 0)  # every row was taken by the first sender
        left = set(UnsentPurge.objects.values_list("key", flat=True))
        assert left == {"tag:outbox-test:new", "tag:outbox-test:sent"}
    finally:
        servers.committed(delete_rows)


ENQUEUE = "from search.tasks import sync_search_documents; sync_search_documents.enqueue('home.standardpage', [])"


def test_the_task_worker_sends_what_a_process_left_after_its_task(tmp_path):
    from django_tasks_db.models import DBTaskResult

    before = set(DBTaskResult.objects.values_list("id", flat=True))
    with servers.redis_server(tmp_path) as url:
        servers.committed(purge_outbox.record_tags, {"outbox-test:worker"})
        try:
            servers.manage("shell", "-c", ENQUEUE)
            servers.manage("db_worker", "--batch", env={"REDIS_URL": url})
            assert not UnsentPurge.objects.filter(key="tag:outbox-test:worker").exists()
            # The worker's settings keep stored pages in the next database (PAGE_CACHE_REDIS_URL).
            store = redis_client.Redis.from_url(next_redis_database(url))
            assert store.exists(f"{KEY_PREFIX}:1:{page_cache.PREFIX}:tag:outbox-test:worker")
        finally:
            servers.committed(delete_rows)
            servers.committed(lambda: DBTaskResult.objects.exclude(id__in=before).delete())
