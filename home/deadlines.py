"""
Deadlines for background work and the outbound calls it makes.

A timeout on a socket applies to each read, so a server that sends one byte
every few seconds can hold a call — and the worker running it — for as long
as it likes. Here a call gets a total deadline instead: when it passes, the
call's sockets are shut down from a watchdog timer, whatever the call was
waiting for. Deadlines nest: an inner one never outlives the outer one.

A task decorated with `retried(...)` runs under a deadline; when it overruns
or an outbound call fails, the attempt is recorded as failed (the exception
propagates to the task backend) and, on a backend that can defer (the
database worker), the task is enqueued again with exponential backoff.
"""

import contextlib
import contextvars
import datetime
import functools
import logging
import socket
import threading
import time

import requests
from django.conf import settings
from django.utils import timezone
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

logger = logging.getLogger(__name__)

_deadline = contextvars.ContextVar("deadline", default=None)
_watched = contextvars.ContextVar("watched_sockets", default=None)


class DeadlineExceeded(Exception):
    """The work did not finish within its deadline."""


@contextlib.contextmanager
def deadline(seconds):
    """Run the block under a total deadline of `seconds` (or the enclosing one, if sooner)."""
    at = time.monotonic() + seconds
    outer = _deadline.get()
    token = _deadline.set(at if outer is None else min(at, outer))
    try:
        yield
    finally:
        _deadline.reset(token)


def remaining():
    """Seconds left before the current deadline (None without one; never negative)."""
    at = _deadline.get()
    return None if at is None else max(0.0, at - time.monotonic())


def check():
    """Raise DeadlineExceeded if the current deadline has passed; call between steps of long work."""
    if remaining() == 0:
        raise DeadlineExceeded


# Outbound HTTP -----------------------------------------------------------------


class _WatchedConnectionMixin:
    def _new_conn(self):
        sock = super()._new_conn()
        watched = _watched.get()
        if watched is not None:
            watched.append(sock)
        return sock


class _HTTPConnection(_WatchedConnectionMixin, HTTPConnection):
    pass


class _HTTPSConnection(_WatchedConnectionMixin, HTTPSConnection):
    pass


class _HTTPConnectionPool(HTTPConnectionPool):
    ConnectionCls = _HTTPConnection


class _HTTPSConnectionPool(HTTPSConnectionPool):
    ConnectionCls = _HTTPSConnection


class _DeadlineAdapter(HTTPAdapter):
    """Opens connections whose sockets the current call can find and cut."""

    _pools = {"http": _HTTPConnectionPool, "https": _HTTPSConnectionPool}

    def init_poolmanager(self, *args, **kwargs):
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = self._pools

    def proxy_manager_for(self, *args, **kwargs):
        manager = super().proxy_manager_for(*args, **kwargs)
        manager.pool_classes_by_scheme = self._pools
        return manager


def request(method, url, *, seconds, **kwargs):
    """
    An HTTP request (arguments as for requests.request) that completes —
    connection, sending, the whole response — within `seconds`, or within
    the current deadline if that is sooner. Raises DeadlineExceeded when it
    does not, and requests' own exceptions for other failures.
    """
    with deadline(seconds):
        left = remaining()
        if left == 0:
            raise DeadlineExceeded(f"No time left to call {url}")
        sockets = []
        expired = threading.Event()

        def cut():
            expired.set()
            for sock in sockets:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)

        token = _watched.set(sockets)
        watchdog = threading.Timer(left, cut)
        watchdog.daemon = True
        watchdog.start()
        try:
            with requests.Session() as session:
                session.mount("http://", _DeadlineAdapter())
                session.mount("https://", _DeadlineAdapter())
                # Per-read timeouts as well, so nothing waits past the deadline
                # even before the watchdog has a socket to cut.
                response = session.request(method, url, timeout=(left, left), stream=False, **kwargs)
        except requests.RequestException as error:
            if expired.is_set() or remaining() == 0:
                raise DeadlineExceeded(f"{method} {url} did not complete within {seconds:g} s") from error
            raise
        finally:
            watchdog.cancel()
            _watched.reset(token)
        if expired.is_set():
            raise DeadlineExceeded(f"{method} {url} did not complete within {seconds:g} s")
        return response


def post(url, *, seconds, **kwargs):
    return request("POST", url, seconds=seconds, **kwargs)


# Tasks -----------------------------------------------------------------------


def backoff(attempt):
    """Seconds before retrying after the nth failed attempt: base, 2×base, 4×base, …"""
    return settings.TASK_RETRY_BACKOFF * 2 ** (attempt - 1)


def retried(*, seconds, retry_on=(), max_attempts=None):
    """
    Decorate a task function (beneath `@task(takes_context=True)`) so that it
    runs under a deadline of `seconds` (a number, or the name of a setting)
    and is retried with backoff when it overruns or raises one of `retry_on`.
    The function itself does not take the context.
    """
    retry_on = (DeadlineExceeded, *retry_on)

    def decorate(function):
        @functools.wraps(function)
        def run(context, *args, attempt=1, **kwargs):
            limit = getattr(settings, seconds) if isinstance(seconds, str) else seconds
            try:
                with deadline(limit):
                    return function(*args, **kwargs)
            except retry_on as error:
                _retry_later(context, args, kwargs, attempt, max_attempts or settings.TASK_MAX_ATTEMPTS, error)
                raise

        # django-tasks reads the signature to check that `context` comes first:
        # show it this wrapper's, not the wrapped function's.
        del run.__wrapped__
        return run

    return decorate


def _retry_later(context, args, kwargs, attempt, max_attempts, error):
    task = context.task_result.task
    name = task.name
    if attempt >= max_attempts:
        logger.error("Task %s failed for good after %d attempt(s): %s", name, attempt, error)
        return
    if not task.get_backend().supports_defer:
        logger.error("Task %s failed and this task backend cannot retry it later: %s", name, error)
        return
    delay = backoff(attempt)
    logger.warning("Task %s failed (attempt %d), retrying in %d s: %s", name, attempt, delay, error)
    run_after = timezone.now() + datetime.timedelta(seconds=delay)
    task.using(run_after=run_after).enqueue(*args, attempt=attempt + 1, **kwargs)
