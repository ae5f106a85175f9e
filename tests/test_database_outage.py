"""
When PostgreSQL goes away the site answers 503 with Retry-After — an HTML
page in the reader's language, JSON under /api/ — within the connect timeout,
and recovers by itself when it returns. Runs a real gunicorn server against
the real test database, reached through a TCP proxy the test stops or
silences, and terminates its database backends in the middle of traffic.
"""

import threading
import time

import pytest
from django.db import connection

from tests.proxy import TCPProxy
from tests.servers import current_database_url, start_server

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_proxy():
    db = connection.settings_dict
    proxy = TCPProxy(db["HOST"] or "127.0.0.1", int(db["PORT"] or 5432)).start()
    yield proxy
    proxy.stop()


@pytest.fixture
def server(database_proxy, tmp_path):
    server = start_server(
        database_url=current_database_url(port=database_proxy.port),
        env={"DB_CONNECT_TIMEOUT": "2", "SEARCH_URL": ""},
        log_dir=tmp_path,
    )
    yield server
    server.stop()


def assert_unavailable_page(response, language, text):
    assert response.status == 503
    assert int(response.headers["Retry-After"]) > 0
    assert response.headers["Content-Type"].startswith("text/html")
    assert f'lang="{language}"' in response.text
    assert text in response.text


def test_unreachable_database_is_a_503_and_the_site_recovers(database_proxy, server):
    assert server.get("/en/").status == 200  # now in the page cache

    database_proxy.stop()
    # What readers were already reading stays up, from the page cache...
    cached = server.get("/en/")
    assert cached.status == 200
    assert cached.headers["X-Page-Cache"] == "hit"
    # ...and anything that needs the database is a 503, not a 500.
    assert_unavailable_page(server.get("/en/in-focus/"), "en", "cannot reach its database")
    assert_unavailable_page(server.get("/fr/about/"), "fr", "base de données")
    api = server.get("/api/v2/pages/")
    assert api.status == 503
    assert int(api.headers["Retry-After"]) > 0
    assert "database" in api.json()["message"]

    database_proxy.resume()
    assert server.get("/en/in-focus/").status == 200
    assert server.get("/api/v2/pages/").status == 200


def test_silent_database_answers_503_within_the_connect_timeout(database_proxy, server):
    assert server.get("/en/about/").status == 200

    database_proxy.silence()  # accepts connections, answers nothing: packets dropped
    for path in ["/en/events/", "/api/v2/pages/"]:
        response = server.get(path, timeout=20)
        assert response.status == 503
        assert response.elapsed < 8, f"{path} took {response.elapsed:.1f} s with DB_CONNECT_TIMEOUT=2"

    database_proxy.resume()
    assert server.get("/en/events/").status == 200


def test_terminated_backends_fail_only_requests_in_flight(django_db_blocker, tmp_path):
    """
    Persistent connections (DB_CONN_MAX_AGE) whose backends are terminated
    under load: a request caught mid-query may get a 503, never a 500, and
    every request after that succeeds on a fresh connection.
    """
    name = f"resilience-{time.monotonic_ns()}"
    server = start_server(
        database_url=current_database_url() + f"?application_name={name}",
        env={"DB_CONN_MAX_AGE": "60", "SEARCH_URL": ""},
        threads=4,
        log_dir=tmp_path,
    )
    paths = ["/en/", "/fr/about/", "/api/v2/pages/?limit=5", "/es/", "/en/no-such-page/"]
    results = []  # (started, finished, status)
    stop = threading.Event()

    def traffic(offset):
        n = offset
        while not stop.is_set():
            started = time.monotonic()
            status = server.get(paths[n % len(paths)], timeout=30).status
            results.append((started, time.monotonic(), status))
            n += 1

    threads = [threading.Thread(target=traffic, args=(i,)) for i in range(4)]
    try:
        for thread in threads:
            thread.start()
        time.sleep(1)
        terminations = []  # (sent, answered): each termination happened in between
        with django_db_blocker.unblock(), connection.cursor() as cursor:
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline:
                sent = time.monotonic()
                cursor.execute(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = %s",
                    [name],
                )
                # Read after the answer, which this process (four traffic
                # threads beside it) may take a while to get to.
                terminations.append((sent, time.monotonic()))
                if sum(1 for r in results if r[2] != 200) >= 3:
                    break
                time.sleep(0.2)
        last = terminations[-1][1]
        time.sleep(2)  # traffic after the last termination
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=60)
        server.stop()

    statuses = [status for _s, _f, status in results]
    assert 500 not in statuses, server.log()[-3000:]
    assert set(statuses) <= {200, 404, 503}
    failed = [r for r in results if r[2] == 503]
    assert failed, "no request was caught in flight: the test did not exercise the failure"
    # Each failure overlapped a termination: it was in flight when its backend went.
    for started, finished, _status in failed:
        assert any(sent <= finished and started - 0.5 <= answered for sent, answered in terminations)
    after = [status for started, _f, status in results if started > last + 0.5]
    assert after and all(status in (200, 404) for status in after)
