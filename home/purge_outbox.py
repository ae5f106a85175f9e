"""
Purges of the shared cache that did not reach it, kept in the database until
some process sends them.

When Redis does not answer, home.page_cache keeps a purge it could not send
(and home.chrome a bump of its version) in the memory of the process, which
sends it again once Redis answers. A process that ends first (a deploy, a
recycled worker, the task worker finishing) takes that memory with it, and a
Redis that kept its data would then serve what the purge concerned (an
unpublished article, the old menu) until the entries expire. So each purge
that fails is also written here, one row per tag however often it failed,
and whichever process sees Redis answer sends the rows and deletes them:

- the next purge anywhere (`before_purge`);
- the next request not served from the page cache (`send_due`): one indexed
  query at most once per CHECK_SECONDS per process, and at its first such
  request after this process saw Redis fail or wrote a row itself;
- the first request, hit or miss, after this process saw Redis fail (`owed`):
  it looks for rows before serving anything stored. Otherwise a hit never
  reads the database, so in a process that never saw the outage a page
  already stored stays stale until some process has a miss;
- each task the task worker finishes (`send_due` too);
- `manage.py send_unsent_purges`, for an operator after an outage.

Two processes sending at once take different rows (`SKIP LOCKED`) and delete
only the rows they sent; a purge that fails again while its row is being sent
waits for that sender and writes the row anew. A row written inside the
transaction of a publish that rolls back disappears with it, which is right:
nothing it concerned changed.
"""

import logging
import time

from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from . import page_cache
from .redis_cache import outages_seen, reachable

logger = logging.getLogger(__name__)

TAG = "tag:"
CALL = "call:"
# Past this many tags, one row stands for all of them: sending it clears the
# page cache's store rather than purging tag by tag.
EVERYTHING = "everything"
MAX_TAG_ROWS = 1000
KEY_LENGTH = 255
CHECK_SECONDS = 10


class _Schedule:
    # When this process next looks for rows on a miss (time.monotonic()).
    next_check = 0.0
    # The outages of the shared cache this process has looked for rows after.
    outages_handled = 0


_schedule = _Schedule()


def _store():
    """The store the page cache reads (its own cache alias when configured)."""
    return page_cache.store()


def _shared(store):
    # Only a shared store that can fail (home.redis_cache) can miss a purge
    # that another process must send; a per-process cache never does.
    return hasattr(store, "reachable")


# Writing.


def record_tags(tags):
    keys = {f"{TAG}{tag}" for tag in tags}
    if len(keys) > MAX_TAG_ROWS or any(len(key) > KEY_LENGTH for key in keys):
        keys = {EVERYTHING}
    _record(keys)


def record_call(send):
    """
    `send()` (a module-level function returning True once sent) did not reach
    the shared cache. It is kept by its import path, so any process can call it.
    """
    path = f"{send.__module__}.{send.__qualname__}"
    try:
        if import_string(path) is not send:
            raise ImportError(path)
    except ImportError:
        logger.error("Cache invalidation %r cannot be recorded (not importable): resent by this process only", path)
        return
    _record({f"{CALL}{path}"})


def _record(keys):
    from .models import UnsentPurge

    now = timezone.now()
    try:
        # A savepoint inside the editor's transaction: a failure here must
        # not fail the publish (the purge is still kept in memory).
        with transaction.atomic():
            if EVERYTHING not in keys and UnsentPurge.objects.filter(key=EVERYTHING).exists():
                # Sending "everything" purges these too.
                keys = {key for key in keys if not key.startswith(TAG)}
            # Sorted, so that two processes writing the same tags lock them in one order.
            UnsentPurge.objects.bulk_create(
                [UnsentPurge(key=key, failed_at=now) for key in sorted(keys)],
                update_conflicts=True,
                unique_fields=["key"],
                update_fields=["failed_at"],
            )
            if EVERYTHING not in keys and UnsentPurge.objects.filter(key__startswith=TAG).count() > MAX_TAG_ROWS:
                UnsentPurge.objects.bulk_create(
                    [UnsentPurge(key=EVERYTHING, failed_at=now)],
                    update_conflicts=True,
                    unique_fields=["key"],
                    update_fields=["failed_at"],
                )
                keys = {*keys, EVERYTHING}
            if EVERYTHING in keys:
                UnsentPurge.objects.filter(key__startswith=TAG).delete()
    except DatabaseError:
        logger.exception("Unsent cache purge not recorded in the database (kept by this process only): %s", keys)
        return
    _schedule.next_check = 0.0


# Sending.


def pending():
    """How many rows wait to be sent."""
    from .models import UnsentPurge

    return UnsentPurge.objects.count()


def before_purge():
    """Called before each purge: send what other processes left, if the store answers."""
    store = _store()
    if _shared(store) and reachable(store):
        _send_quietly()


def owed():
    """
    Whether this process saw the shared cache fail and has not looked for kept
    purges since: then it must, before it serves anything stored (a hit reads
    no database otherwise, and would serve what a kept purge concerns). No
    query; true only after an outage.
    """
    return _schedule.outages_handled != outages_seen()


def send_due():
    """
    Called where a process reaches the database anyway (a request not served
    from the page cache, a finished task): look for rows at most once per
    CHECK_SECONDS, and at once after this process saw Redis fail. True if
    it sent something (the page cache's generation changed).
    """
    store = _store()
    if not _shared(store):
        return False
    if not reachable(store):
        _schedule.next_check = 0.0
        return False
    now = time.monotonic()
    seen = outages_seen()
    if now < _schedule.next_check and _schedule.outages_handled == seen:
        return False
    _schedule.next_check = now + CHECK_SECONDS
    sent = _send_quietly()
    if reachable(store):
        _schedule.outages_handled = seen
    return sent


def _send_quietly():
    from .models import UnsentPurge

    try:
        return UnsentPurge.objects.exists() and send()[0] > 0
    except DatabaseError:
        # The database is away: what is rendering will answer 503 on its own.
        logger.warning("Unsent cache purges not read (database error)", exc_info=True)
        return False


def send():
    """
    Send the recorded purges and delete the rows sent. Returns how many rows
    were sent and how many remain unsent because the cache did not take them.
    """
    from .models import UnsentPurge

    with transaction.atomic():
        rows = dict(UnsentPurge.objects.select_for_update(skip_locked=True).order_by("key").values_list("key", "pk"))
        if not rows:
            return 0, 0
        sent = _send(rows)
        UnsentPurge.objects.filter(pk__in=[rows[key] for key in sent]).delete()
    if sent:
        shown = sorted(sent)
        logger.warning(
            "Cache purges missed during an outage sent from the database (%d): %s%s",
            len(shown),
            shown[:20],
            " …" if len(shown) > 20 else "",
        )
    return len(sent), len(rows) - len(sent)


def _send(keys):
    """The subset of `keys` that reached the shared cache."""
    sent = set()
    tags = {key.removeprefix(TAG) for key in keys if key.startswith(TAG)}
    if EVERYTHING in keys:
        store = _store()
        store.clear()
        if reachable(store):
            sent.add(EVERYTHING)
            sent.update(f"{TAG}{tag}" for tag in tags)
    elif tags and page_cache._send_purge(tags):
        sent.update(f"{TAG}{tag}" for tag in tags)
        # This process need not send them again from memory.
        page_cache._unsent_tags.difference_update(tags)
    for key in keys:
        if not key.startswith(CALL):
            continue
        path = key.removeprefix(CALL)
        try:
            call = import_string(path)
        except ImportError:
            # Renamed or removed since it was recorded: nothing can send it.
            logger.error("Unsent cache invalidation %r dropped: no longer importable", path)
            sent.add(key)
            continue
        if call():
            sent.add(key)
    return sent
