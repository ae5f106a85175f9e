"""
Search engines that fail, for outage tests: real listeners on 127.0.0.1 that
refuse, accept and never answer, answer every request with an error, or pass
requests through to the real engine (so a test can make "the engine return").
"""

import contextlib
import copy
import socket
import threading
from urllib.parse import urlsplit

import pytest

from search import connection


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class FakeEngine:
    """A TCP listener whose behaviour (`mode`) a test can change while it runs."""

    def __init__(self, mode, upstream=None):
        self.mode = mode
        self.upstream = upstream
        self.accepted = 0
        self._sockets = []
        self._server = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._server.getsockname()[1]}"
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self):
        while True:
            try:
                conn, _address = self._server.accept()
            except OSError:
                return
            self.accepted += 1
            self._sockets.append(conn)
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    def _handle(self, conn):
        try:
            if self.mode == "hanging":
                while conn.recv(65536):  # read the request, answer nothing, ever
                    pass
            elif self.mode == "erroring":
                while conn.recv(65536):
                    body = b'{"error":"engine broken","status":503}'
                    conn.sendall(
                        b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n"
                        + f"Content-Length: {len(body)}\r\n\r\n".encode()
                        + body
                    )
            else:
                self._forward(conn)
        except OSError:
            pass
        finally:
            conn.close()

    def _forward(self, conn):
        host, port = urlsplit(self.upstream).hostname, urlsplit(self.upstream).port
        upstream = socket.create_connection((host, port))
        self._sockets.append(upstream)

        def pump(source, target):
            try:
                while data := source.recv(65536):
                    target.sendall(data)
            except OSError:
                pass
            finally:
                target.close()

        threading.Thread(target=pump, args=(upstream, conn), daemon=True).start()
        pump(conn, upstream)

    def freeze_connections(self):
        """Drop every open connection (a frozen engine does not keep serving old ones)."""
        for sock in self._sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
        self._sockets.clear()

    def close(self):
        self._server.close()
        self.freeze_connections()


def refused_url():
    return f"http://127.0.0.1:{free_port()}"  # bound a moment ago, now nothing listens


@pytest.fixture
def fake_engines():
    started = []

    def start(mode, upstream=None):
        engine = FakeEngine(mode, upstream)
        started.append(engine)
        return engine

    yield start
    for engine in started:
        engine.close()


@pytest.fixture
def point_search_at(settings):
    """Send both the site search and Wagtail's backend to `url`, with a fresh circuit breaker."""

    def point(url, timeout=1.0):
        settings.SEARCH_URL = url
        settings.SEARCH_TIMEOUT = timeout
        backends = copy.deepcopy(settings.WAGTAILSEARCH_BACKENDS)
        backends["default"]["URLS"] = [url]
        backends["default"]["TIMEOUT"] = timeout
        settings.WAGTAILSEARCH_BACKENDS = backends
        reset_breakers()

    return point


def reset_breakers():
    with connection._breakers_lock:
        connection._breakers.clear()


@pytest.fixture(params=["refused", "hanging", "erroring"])
def dead_engine(request, engine, fake_engines, point_search_at):
    """The search engine refusing connections, accepting and never answering, or answering 503."""
    url = refused_url() if request.param == "refused" else fake_engines(request.param).url
    point_search_at(url)
    return request.param
