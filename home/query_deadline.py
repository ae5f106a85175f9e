"""
A client-side deadline for each database query. PostgreSQL's
statement_timeout is enforced by the server, so it cannot end a query whose
answer never arrives because the network between went silent; the TCP
options in settings (keepalives, tcp_user_timeout) catch a dead link only
when the kernel sees unacknowledged data. A watchdog thread shuts down the
connection's socket once a query outlives DB_QUERY_DEADLINE: the query then
fails as a lost connection, which the site answers with its 503
(home/errors.py).
"""

import contextlib
import logging
import socket
import threading
import time

from django.conf import settings

logger = logging.getLogger(__name__)

_lock = threading.Lock()
_running = {}  # token -> (monotonic deadline, socket file descriptor)
_watchdog = None


def _socket_of(connection):
    raw = connection.connection
    pgconn = getattr(raw, "pgconn", None)  # psycopg 3
    return pgconn.socket if pgconn is not None else raw.fileno()


def _cut(fd):
    # shutdown() acts on the socket itself, so the duplicate descriptor
    # that socket.fromfd makes is enough to wake libpq's wait.
    with contextlib.suppress(OSError):
        sock = socket.fromfd(fd, socket.AF_INET, socket.SOCK_STREAM)
        try:
            sock.shutdown(socket.SHUT_RDWR)
        finally:
            sock.close()


def _watch():
    while True:
        time.sleep(0.5)
        now = time.monotonic()
        with _lock:
            expired = [(token, fd) for token, (deadline, fd) in _running.items() if deadline <= now]
            for token, _fd in expired:
                del _running[token]
        for _token, fd in expired:
            logger.warning(
                "A database query got no answer within %s s: closing its connection", settings.DB_QUERY_DEADLINE
            )
            _cut(fd)


def _ensure_watchdog():
    global _watchdog  # noqa: PLW0603 - one watchdog per process, started lazily (after a fork too)
    if _watchdog is None or not _watchdog.is_alive():
        with _lock:
            if _watchdog is None or not _watchdog.is_alive():
                _watchdog = threading.Thread(target=_watch, name="query-deadline", daemon=True)
                _watchdog.start()


def deadline_wrapper(execute, sql, params, many, context):
    try:
        fd = _socket_of(context["connection"])
    except (AttributeError, OSError, ValueError):
        return execute(sql, params, many, context)
    _ensure_watchdog()
    token = object()
    with _lock:
        _running[token] = (time.monotonic() + settings.DB_QUERY_DEADLINE, fd)
    try:
        return execute(sql, params, many, context)
    finally:
        with _lock:
            _running.pop(token, None)


def install(sender, connection, **kwargs):
    """connection_created receiver: every PostgreSQL connection gets the deadline once."""
    wanted = connection.vendor == "postgresql" and settings.DB_QUERY_DEADLINE
    if wanted and deadline_wrapper not in connection.execute_wrappers:
        connection.execute_wrappers.append(deadline_wrapper)


def connect():
    from django.db.backends.signals import connection_created

    connection_created.connect(install, dispatch_uid="home.query_deadline")
