"""
How this site talks to the search engine: every request has a total deadline,
and a circuit breaker skips an engine that just failed.

Both clients use it, ours (search.index) and Wagtail's backend (search.backends),
through opensearch-py's `connection_class`. A dead, frozen or erroring engine
then costs one `SEARCH_TIMEOUT` per `SEARCH_BREAKER_SECONDS`, not one per request.
"""

import logging
import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from opensearchpy import Urllib3HttpConnection
from opensearchpy.exceptions import ConnectionError as EngineConnectionError
from opensearchpy.exceptions import ConnectionTimeout, TransportError

logger = logging.getLogger(__name__)


# urllib3's timeouts apply to each socket read, so an engine that trickles bytes
# could hold a request for ever. Each request runs on one of these threads and
# the caller waits at most its deadline; a stuck thread ends at its own read
# timeout, and at most this many can be stuck at once.
def _new_pool():
    return ThreadPoolExecutor(max_workers=8, thread_name_prefix="search-engine")


_requests = _new_pool()


def _after_fork():
    # A forked worker (gunicorn) inherits the pool's bookkeeping but not its threads.
    global _requests
    _requests = _new_pool()


os.register_at_fork(after_in_child=_after_fork)


_long_deadline = ContextVar("search_long_deadline", default=None)


def search_timeout():
    return float(settings.SEARCH_TIMEOUT)


@contextmanager
def long_deadline(seconds=120):
    """
    For maintenance run by hand (update_index): creating indexes and bulk
    loading take longer than a reader should wait, and nobody is waiting.
    """
    token = _long_deadline.set(seconds)
    try:
        yield
    finally:
        _long_deadline.reset(token)


class CircuitBreaker:
    """
    Closed: requests go through. After a failure, open: requests fail at once for
    SEARCH_BREAKER_SECONDS. Then one request is let through as a trial; its
    success closes the breaker, its failure opens it again.
    """

    def __init__(self):
        self._lock = threading.Lock()
        self._open_until = 0.0

    def allow(self):
        with self._lock:
            now = time.monotonic()
            if now < self._open_until:
                return False
            if self._open_until:
                # Half-open: this caller is the trial; others wait for its outcome.
                self._open_until = now + search_timeout() + 1
            return True

    def succeeded(self):
        with self._lock:
            self._open_until = 0.0

    def failed(self):
        with self._lock:
            self._open_until = time.monotonic() + float(settings.SEARCH_BREAKER_SECONDS)

    @property
    def is_open(self):
        return time.monotonic() < self._open_until


_breakers = {}
_breakers_lock = threading.Lock()


def breaker(host):
    """The breaker of one engine address (tests point the site at several)."""
    with _breakers_lock:
        return _breakers.setdefault(host, CircuitBreaker())


def engine_is_skipped(url):
    """True while the breakers of every node `url` names (comma-separated, for a cluster) are open."""
    from urllib.parse import urlsplit

    keys = []
    for node in (part.strip() for part in url.split(",")):
        if node:
            parts = urlsplit(node)
            port = parts.port or (443 if parts.scheme == "https" else 80)
            keys.append(f"{parts.scheme}://{parts.hostname}:{port}")
    return bool(keys) and all(breaker(key).is_open for key in keys)


class DeadlineConnection(Urllib3HttpConnection):
    """An opensearch-py connection with a total deadline and a circuit breaker."""

    def perform_request(self, method, url, params=None, body=None, timeout=None, ignore=(), headers=None):  # noqa: A002
        guard = breaker(self.host)
        if not guard.allow():
            raise EngineConnectionError("N/A", f"search engine at {self.host} skipped after a recent failure", None)
        deadline = _long_deadline.get() or min(float(timeout or self.timeout), search_timeout())
        future = _requests.submit(super().perform_request, method, url, params, body, deadline, ignore, headers)
        try:
            result = future.result(timeout=deadline + 0.05)
        except FutureTimeout:
            future.cancel()
            guard.failed()
            logger.warning("Search engine at %s: no complete answer within %.1f s", self.host, deadline)
            raise ConnectionTimeout("TIMEOUT", f"no complete answer within {deadline} s", None) from None
        except (EngineConnectionError, ConnectionTimeout):
            guard.failed()
            raise
        except TransportError as error:
            # 5xx: the engine is in trouble. 4xx: our request was wrong, the engine is fine.
            if isinstance(error.status_code, int) and error.status_code >= 500:
                guard.failed()
            else:
                guard.succeeded()
            raise
        guard.succeeded()
        return result
