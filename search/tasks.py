"""
Index updates, run through Wagtail's background task mechanism (django-tasks),
and the catch-up that applies the updates an engine outage made the indexes miss.
"""

import datetime
import logging
import threading
import time

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ObjectDoesNotExist
from django.db import close_old_connections, connections
from django.utils import timezone
from django_tasks import task

from home.redis_cache import answered

from . import index

logger = logging.getLogger(__name__)

CATCH_UP_KEY = "search:catch-up-scheduled"
_scheduled_without_the_lock = float("-inf")


@task()
def sync_search_documents(model_label, pks):
    """Bring the documents of these objects in line with the database (index or delete)."""
    model = apps.get_model(model_label)
    objects = [_specific(obj) for obj in model._default_manager.filter(pk__in=pks)]
    index.sync_objects([obj for obj in objects if obj is not None])
    index.apply_pending()


def _specific(obj):
    """The object as its own type, or None for a page whose deletion is under way (its removal is queued apart)."""
    try:
        return getattr(obj, "specific", obj)
    except ObjectDoesNotExist:
        return None


@task()
def remove_search_document(model_label, pk, language, id_prefix):
    index.remove_documents(model_label, pk, language, id_prefix)


@task()
def catch_up_search_indexes():
    """
    Apply the updates both indexes (the site's and Wagtail's) missed while the
    engine was down. While some remain (the engine is still away), it runs again
    a little later: it is periodic for as long as there is something to catch up.
    """
    from .models import PendingIndexUpdate

    applied = index.apply_pending(limit=1000)
    if applied:
        logger.info("Search: %d missed index update(s) applied", applied)
    cache.delete(CATCH_UP_KEY)
    if index.enabled() and PendingIndexUpdate.objects.exists():
        schedule_catch_up()
    return applied


def catch_up_delay():
    return float(settings.SEARCH_CATCH_UP_SECONDS)


def schedule_catch_up():
    """
    Run the catch-up task SEARCH_CATCH_UP_SECONDS from now, once however many
    updates are missed in the meantime. A task backend that can defer work (the
    database one) holds it; the immediate backend, which cannot, gets a timer
    thread in this process.
    """
    global _scheduled_without_the_lock
    delay = catch_up_delay()
    if not cache.add(CATCH_UP_KEY, True, timeout=delay + 60):
        if answered(cache):
            return  # scheduled already, by this process or another
        # The shared cache is away with the engine: no lock to share, so each
        # process schedules its own, at most one per delay (a second
        # catch-up finds less or nothing to apply).
        if time.monotonic() - _scheduled_without_the_lock < delay:
            return
        _scheduled_without_the_lock = time.monotonic()
    if catch_up_search_indexes.get_backend().supports_defer:
        run_after = timezone.now() + datetime.timedelta(seconds=delay)
        catch_up_search_indexes.using(run_after=run_after).enqueue()
    else:
        timer = threading.Timer(delay, _catch_up_in_this_process)
        timer.daemon = True
        timer.start()


def _catch_up_in_this_process():
    close_old_connections()
    try:
        catch_up_search_indexes.call()
    except index.UNAVAILABLE as error:
        logger.warning("Search catch-up postponed: %s", error)
        cache.delete(CATCH_UP_KEY)
        schedule_catch_up()
    finally:
        connections.close_all()


def enqueue_sync(objects):
    by_model = {}
    for obj in objects:
        by_model.setdefault(type(obj)._meta.concrete_model._meta.label, []).append(obj.pk)
    for label, pks in by_model.items():
        for start in range(0, len(pks), 200):
            sync_search_documents.enqueue(label, pks[start : start + 200])
