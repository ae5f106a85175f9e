"""
The site search indexes in OpenSearch/Elasticsearch: one per language, each
behind an alias so that a rebuild fills a new index and swaps it in at once;
and their copy on the database (search.database), written first, always.

Index updates that fail because the engine is unreachable are written to
PendingIndexUpdate and applied when it answers again (`apply_pending`, run by
the catch-up task that search.tasks schedules).
"""

import logging
import time
from contextlib import contextmanager
from functools import cache

from django.conf import settings
from opensearchpy import OpenSearch
from opensearchpy.exceptions import ConnectionError as EngineConnectionError
from opensearchpy.exceptions import ConnectionTimeout, NotFoundError, RequestError, TransportError
from opensearchpy.helpers import BulkIndexError, bulk

from . import database
from .analysis import LANGUAGES, index_settings
from .connection import DeadlineConnection
from .documents import document_types, restrictions_snapshot, type_for

logger = logging.getLogger(__name__)

# Errors that mean "the engine is not there right now": fall back, queue, retry.
UNAVAILABLE = (EngineConnectionError, ConnectionTimeout, TransportError, BulkIndexError, OSError)

_recorders = []


def enabled():
    return bool(settings.SEARCH_URL)


@cache
def _client(url, timeout):
    # SEARCH_URL may list several nodes of a cluster: a node that refuses the
    # connection is skipped for the next one (a slow one is not: that is a timeout).
    hosts = [host.strip() for host in url.split(",") if host.strip()]
    return OpenSearch(
        hosts,
        timeout=timeout,
        max_retries=len(hosts) - 1,
        retry_on_timeout=False,
        http_compress=True,
        connection_class=DeadlineConnection,
    )


def client():
    return _client(settings.SEARCH_URL, float(settings.SEARCH_TIMEOUT))


def alias(language):
    """The name readers' queries use for a Django language code ('zh-hans') or an index suffix ('zh')."""
    suffix = LANGUAGES.get(language, language)
    return f"{settings.SEARCH_INDEX_PREFIX}-site-{suffix}"


def all_aliases():
    return [alias(code) for code in LANGUAGES]


def ensure_indexes():
    """Create any missing language index (with its alias)."""
    for code, suffix in LANGUAGES.items():
        name = alias(code)
        if not client().indices.exists_alias(name=name):
            concrete = f"{name}-{int(time.time() * 1000)}"
            client().indices.create(index=concrete, body={**index_settings(suffix), "aliases": {name: {}}})


@contextmanager
def recording():
    """
    Collect (model label, pk, language, id prefix) for every document written
    or deleted while the block runs, so tests can put the index back in line
    with the database once their transaction is rolled back.
    """
    changed = set()
    _recorders.append(changed)
    try:
        yield changed
    finally:
        _recorders.remove(changed)


def _record(model_label, pk, language, id_prefix):
    for changed in _recorders:
        changed.add((model_label, str(pk), language, id_prefix))


def resync(changed):
    """Make the documents of recorded objects match the database again."""
    from django.apps import apps

    for model_label, pk, language, id_prefix in changed:
        obj = apps.get_model(model_label)._default_manager.filter(pk=pk).first()
        if obj is None:
            _remove_from_engine(model_label, pk, language, id_prefix)
        else:
            _sync_engine([_specific(obj)])
    if changed:
        client().indices.refresh(index=",".join(all_aliases()), ignore_unavailable=True)


def document_action(obj):
    """The bulk action that brings the index in line with obj: index it, or delete its document."""
    document_type = type_for(obj)
    if document_type is None:
        return None
    language = obj.locale.language_code
    document = document_type.build(obj)
    if document is None:
        return {"_op_type": "delete", "_index": alias(language), "_id": document_type.document_id(obj)}
    return {"_op_type": "index", "_index": alias(language), "_id": document_type.document_id(obj), "_source": document}


def write(actions, refresh=False, ensure=True):
    actions = [action for action in actions if action]
    if not actions:
        return 0
    if ensure:
        ensure_indexes()
    done, errors = bulk(client(), actions, raise_on_error=False, refresh=refresh)
    real_errors = [e for e in errors if next(iter(e.values())).get("status") != 404]  # deleting a missing doc is fine
    if real_errors:
        raise BulkIndexError(f"{len(real_errors)} document(s) failed to index", real_errors)
    return done


def sync_objects(objects, refresh=False):
    """Index or remove each object's document, on the database and on the engine (queued if it is down)."""
    objects = [obj for obj in objects if obj is not None]
    database.sync_objects(objects)
    _sync_engine(objects, refresh)


def _sync_engine(objects, refresh=False):
    if not enabled() or not objects:
        return
    for obj in objects:
        document_type = type_for(obj)
        if document_type is not None:
            _record(type(obj)._meta.label, obj.pk, obj.locale.language_code, document_type.id_prefix)
    refresh = refresh or settings.SEARCH_REFRESH_ON_WRITE
    try:
        write([document_action(obj) for obj in objects], refresh=refresh)
    except UNAVAILABLE as error:
        logger.warning("Search engine unavailable, queueing %d update(s): %s", len(objects), error)
        queue(objects)


def remove_documents(model_label, pk, language, id_prefix):
    """Delete a document whose object no longer exists."""
    database.remove(language, f"{id_prefix}-{pk}")
    _remove_from_engine(model_label, pk, language, id_prefix)


def _remove_from_engine(model_label, pk, language, id_prefix):
    if not enabled():
        return
    _record(model_label, pk, language, id_prefix)
    try:
        client().delete(index=alias(language), id=f"{id_prefix}-{pk}", refresh=settings.SEARCH_REFRESH_ON_WRITE)
    except NotFoundError:
        pass
    except UNAVAILABLE as error:
        logger.warning("Search engine unavailable, queueing a deletion: %s", error)
        from .models import PendingIndexUpdate

        PendingIndexUpdate.objects.get_or_create(model=model_label, object_id=str(pk), language=language, deleted=True)
        _schedule_catch_up()


def queue(objects):
    from .models import PendingIndexUpdate

    for obj in objects:
        PendingIndexUpdate.objects.get_or_create(
            model=type(obj)._meta.label, object_id=str(obj.pk), language=obj.locale.language_code, deleted=False
        )
    _schedule_catch_up()


def _schedule_catch_up():
    from .tasks import schedule_catch_up

    schedule_catch_up()


def apply_pending(limit=500):
    """
    Apply the updates missed while the engine was down, to the site's indexes and
    Wagtail's. Returns how many were applied.
    """
    from .backends import apply_pending as apply_pending_to_wagtail

    if not enabled():
        return 0
    return _apply_pending_to_site(limit) + apply_pending_to_wagtail(limit)


def _apply_pending_to_site(limit):
    from django.apps import apps

    from .models import PendingIndexUpdate

    applied = 0
    pending = list(PendingIndexUpdate.objects.filter(index=PendingIndexUpdate.SITE).order_by("pk")[:limit])
    for update in pending:
        model = apps.get_model(update.model)
        obj = model._default_manager.filter(pk=update.object_id).first()
        try:
            if obj is None:
                document_type = next((t for t in document_types() if issubclass(model, t.model)), None)
                if document_type is not None:
                    client().delete(index=alias(update.language), id=f"{document_type.id_prefix}-{update.object_id}")
            else:
                write([document_action(_specific(obj))])
        except NotFoundError:
            pass
        except RequestError as error:
            # The engine refuses this document (a bug on our side): retrying will not help.
            logger.error("Search engine refused the queued update %s: %s", update, error)
        except UNAVAILABLE:
            break
        update.delete()
        applied += 1
    return applied


def _specific(obj):
    return getattr(obj, "specific", obj)


def rebuild(stdout=None, chunk_size=500):
    """
    Build every language index afresh and swap it in atomically: readers keep
    searching the old index until the new one is complete.
    """
    engine = client()
    new_names = {}
    for code, suffix in LANGUAGES.items():
        new_names[code] = f"{alias(code)}-{int(time.time() * 1000)}"
        engine.indices.create(index=new_names[code], body=index_settings(suffix))
    total = 0
    with restrictions_snapshot():
        total = _fill(new_names, stdout, chunk_size)
    _swap(engine, new_names)
    return total


def _fill(new_names, stdout, chunk_size):
    total = 0
    for document_type in document_types():
        objects = document_type.queryset()
        count = objects.count()
        batch = []
        for done, obj in enumerate(objects.iterator(chunk_size=chunk_size), start=1):
            action = document_action(_specific(obj))
            if action and action["_op_type"] == "index":
                action["_index"] = new_names[obj.locale.language_code]
                batch.append(action)
            if len(batch) >= chunk_size:
                total += write(batch, ensure=False)
                batch = []
            if stdout and (done % chunk_size == 0 or done == count):
                stdout.write(f"  {document_type.kind}: {done}/{count}")
        total += write(batch, ensure=False)
    return total


def _swap(engine, new_names):
    for code, new_name in new_names.items():
        name = alias(code)
        engine.indices.refresh(index=new_name)
        old = list(engine.indices.get_alias(name=name).keys()) if engine.indices.exists_alias(name=name) else []
        if engine.indices.exists(index=name) and not old:
            engine.indices.delete(index=name)  # a plain index squatting on the alias name
        actions = [{"add": {"index": new_name, "alias": name}}] + [
            {"remove": {"index": index, "alias": name}} for index in old
        ]
        engine.indices.update_aliases(body={"actions": actions})
        for index in old:
            engine.indices.delete(index=index)


def delete_indexes():
    """Remove every index of this prefix (tests and benchmarks clean up after themselves)."""
    engine = client()
    for name in engine.indices.get(index=f"{settings.SEARCH_INDEX_PREFIX}-site-*"):
        engine.indices.delete(index=name)


def up_to_date():
    """
    Whether every index exists and holds as many documents as the database
    search: what `update_index --if-stale` checks before rebuilding.
    """
    from modelsearch.backends import get_search_backend
    from wagtail.models import Page

    from .models import DatabaseDocument

    stored = DatabaseDocument.objects.count()
    if not stored:
        return False
    if not enabled():
        return True
    try:
        engine = client()
        if not all(engine.indices.exists_alias(name=name) for name in all_aliases()):
            return False
        indexed = engine.count(index=",".join(all_aliases()))["count"]
        return indexed == stored and get_search_backend().get_index_for_model(Page).exists()
    except UNAVAILABLE:
        return False
