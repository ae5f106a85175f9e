"""
PostgreSQL that goes silent while a request already holds its connection:
the request ends with the site's 503 within a bounded time, not never
(ATTACK_REPORT2 N2). A real gunicorn server and the real test database,
through a proxy that lets each connection sign in and run its first
queries, then swallows everything.
"""

import pytest
from django.db import connection

from tests.proxy import TCPProxy
from tests.servers import current_database_url, start_server

pytestmark = pytest.mark.django_db


class SilentMidRequestProxy(TCPProxy):
    """With `allowance` set, each connection hears that many bytes from PostgreSQL, then nothing."""

    allowance = None

    def _pump(self, source, destination):
        from_server = source.getpeername()[1] == self.target[1]
        heard = 0
        while True:
            try:
                data = source.recv(65536)
            except OSError:
                data = b""
            if not data:
                break
            if from_server and self.allowance is not None:
                if heard >= self.allowance:
                    continue  # swallowed: the site waits for an answer that never comes
                data = data[: self.allowance - heard]
                heard += len(data)
            try:
                destination.sendall(data)
            except OSError:
                break
        self._close(source)
        self._close(destination)


@pytest.fixture
def database_proxy():
    db = connection.settings_dict
    proxy = SilentMidRequestProxy(db["HOST"] or "127.0.0.1", int(db["PORT"] or 5432)).start()
    yield proxy
    proxy.stop()


def test_a_database_silent_mid_request_ends_in_a_503_within_the_query_deadline(database_proxy, tmp_path):
    server = start_server(
        database_url=current_database_url(port=database_proxy.port),
        env={"DB_CONNECT_TIMEOUT": "2", "DB_STATEMENT_TIMEOUT": "4", "SEARCH_URL": "", "PAGE_CACHE_SECONDS": "0"},
        log_dir=tmp_path,
    )
    try:
        assert server.get("/en/events/").status == 200

        # Enough to connect and sign in (a few hundred bytes), not to build the page.
        database_proxy.allowance = 2500
        response = server.get("/en/events/", timeout=90)
        assert response.status == 503
        assert int(response.headers["Retry-After"]) > 0
        assert "cannot reach its database" in response.text
        # DB_QUERY_DEADLINE is DB_STATEMENT_TIMEOUT + 5 s; it used to hang for good.
        assert response.elapsed < 30, f"took {response.elapsed:.1f} s"

        database_proxy.allowance = None
        assert server.get("/en/events/").status == 200
    finally:
        server.stop()
