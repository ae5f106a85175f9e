"""
Wagtail's own search backend on the engine (admin search for pages, snippets,
images and documents; the pages API's ?search=), with the explicitly
configured database backend as its fallback:

    WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "search.backends", "ENGINE": "wagtail.search.backends.opensearch2",
                    "FALLBACK": "database", "URLS": [...], ...},
        "database": {"BACKEND": "wagtail.search.backends.database"},
    }

A search the engine cannot answer (down, frozen, erroring, or skipped by the
circuit breaker in search.connection) is answered by the database backend,
which never touches the engine, and the reader is told (search.notices). An
index update the engine misses is queued in PendingIndexUpdate and applied by
the catch-up task when the engine answers again.
"""

import contextlib
import logging
import re
from functools import cache

from modelsearch.backends import get_search_backend, import_backend
from modelsearch.backends.base import EmptySearchResults
from modelsearch.query import And, Boost, Not, Or, Phrase, PlainText
from opensearchpy.exceptions import NotFoundError

from . import notices
from .connection import DeadlineConnection
from .index import UNAVAILABLE

logger = logging.getLogger(__name__)


class FallbackSearchResults:
    """Search results that come from the fallback backend when the engine fails."""

    def _fallback(self, error):
        logger.warning("Search engine unavailable, searching the database instead: %s", error)
        notices.fell_back()
        compiler = self.query_compiler
        fallback = get_search_backend(self.backend.fallback_name)
        options = {"fields": compiler.fields, "order_by_relevance": compiler.order_by_relevance}
        results = None
        if isinstance(compiler, self.backend.autocomplete_query_compiler_class):
            try:
                results = fallback.autocomplete(compiler.query, compiler.queryset, **options)
            except NotImplementedError:
                results = None
        if results is None:
            results = fallback.search(compiler.query, compiler.queryset, **options)
        results = results[self.start : self.stop]
        return results.annotate_score(self._score_field) if self._score_field else results

    def _do_search(self):
        try:
            return list(super()._do_search())
        except UNAVAILABLE as error:
            return list(self._fallback(error))

    def _do_count(self):
        try:
            return super()._do_count()
        except UNAVAILABLE as error:
            return self._fallback(error).count()

    def facet(self, field_name):
        try:
            return super().facet(field_name)
        except UNAVAILABLE as error:
            return self._fallback(error).facet(field_name)


def _words(query):
    """The words of a parsed query's positive parts (what a NOT excludes is dropped)."""
    if isinstance(query, PlainText | Phrase):
        return _QUERY_WORD.findall(query.query_string)
    if isinstance(query, And | Or):
        return [word for subquery in query.subqueries for word in _words(subquery)]
    if isinstance(query, Boost):
        return _words(query.subquery)
    return []


def _as_plain_words(query):
    """
    The admin's searches parse what is typed into phrases and AND/OR
    queries (`"x" OR`, `"a" "b"`, a lone `"`), which the engine backend
    cannot autocomplete and answers some of with hits it cannot read. A
    query with syntax becomes its plain words, all required (or any, for an
    OR); None when no word is left. Plain text, MatchAll and MatchNone pass.
    """
    if not isinstance(query, And | Or | Phrase | Not | Boost):
        return query
    words = _words(query)[:32]
    if not words:
        return None
    return PlainText(" ".join(words), operator="or" if isinstance(query, Or) else "and")


class FallbackBackendMixin:
    """Index updates the engine misses are queued instead of lost or waited for."""

    fallback_name = "database"

    def search(self, query, model_or_queryset, *args, **kwargs):
        query = _as_plain_words(query)
        if query is None:
            return EmptySearchResults()
        return super().search(query, model_or_queryset, *args, **kwargs)

    def autocomplete(self, query, model_or_queryset, *args, **kwargs):
        query = _as_plain_words(query)
        if query is None:
            return EmptySearchResults()
        return super().autocomplete(query, model_or_queryset, *args, **kwargs)

    def add(self, obj):
        try:
            super().add(obj)
        except UNAVAILABLE as error:
            self._missed([obj], error)

    def add_bulk(self, model, obj_list):
        try:
            super().add_bulk(model, obj_list)
        except UNAVAILABLE as error:
            self._missed(obj_list, error)

    def delete(self, obj):
        try:
            super().delete(obj)
        except NotFoundError:
            pass
        except UNAVAILABLE as error:
            self._missed([obj], error, deleted=True)

    def _missed(self, objects, error, deleted=False):
        from .models import PendingIndexUpdate
        from .tasks import schedule_catch_up

        logger.warning("Search engine unavailable, queueing %d update(s) of Wagtail's index: %s", len(objects), error)
        for obj in objects:
            PendingIndexUpdate.objects.get_or_create(
                index=PendingIndexUpdate.WAGTAIL,
                model=obj._meta.label,
                object_id=str(obj.pk),
                language="",
                deleted=deleted,
            )
        schedule_catch_up()

    def apply_update(self, obj, deleted):
        """Apply one queued update; engine errors propagate."""
        if deleted:
            with contextlib.suppress(NotFoundError):
                super().delete(obj)
        else:
            super().add(obj)


@cache
def _with_fallback(engine_class):
    results_class = type(
        f"Fallback{engine_class.results_class.__name__}", (FallbackSearchResults, engine_class.results_class), {}
    )
    return type(
        f"Fallback{engine_class.__name__}", (FallbackBackendMixin, engine_class), {"results_class": results_class}
    )


def SearchBackend(params):  # noqa: N802 - Wagtail looks up this name in a backend module
    params = dict(params)
    engine_class = import_backend(params.pop("ENGINE"))
    fallback_name = params.pop("FALLBACK", "database")
    options = dict(params.pop("OPTIONS", {}))
    options.setdefault("connection_class", DeadlineConnection)
    backend = _with_fallback(engine_class)({**params, "OPTIONS": options})
    backend.fallback_name = fallback_name
    return backend


def apply_pending(limit=500):
    """Apply the updates of Wagtail's index missed while the engine was down. Returns how many."""
    from django.apps import apps
    from modelsearch.index import get_indexed_instance

    from .models import PendingIndexUpdate

    backend = get_search_backend()
    if not isinstance(backend, FallbackBackendMixin):
        return 0
    applied = 0
    for update in PendingIndexUpdate.objects.filter(index=PendingIndexUpdate.WAGTAIL).order_by("pk")[:limit]:
        model = apps.get_model(update.model)
        obj = model._default_manager.filter(pk=update.object_id).first()
        indexed = get_indexed_instance(obj) if obj is not None else None
        try:
            if indexed is None:
                backend.apply_update(obj or model(pk=update.object_id), deleted=True)
            else:
                backend.apply_update(indexed, deleted=False)
        except UNAVAILABLE:
            break
        update.delete()
        applied += 1
    return applied


_QUERY_WORD = re.compile(r"\w+")


class PlainWordsMixin:
    """
    Pass the database backend plain words only. SQLite's full-text syntax
    gives quotes, brackets, `*` and upper-case AND/OR/NOT/NEAR a meaning, and an
    unbalanced quote is an error: a reader's query is words, nothing more.
    """

    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        query = _as_plain_words(query)
        if query is None:
            return EmptySearchResults()
        if isinstance(query, str | PlainText):
            text = query if isinstance(query, str) else query.query_string
            words = " ".join(_QUERY_WORD.findall(text.casefold())[:32])
            if not words:
                return EmptySearchResults()
            query = words if isinstance(query, str) else PlainText(words, query.operator, query.boost)
        return super()._search(query_compiler_class, query, model_or_queryset, **kwargs)


@cache
def _with_plain_words(database_class):
    return type(f"PlainWords{database_class.__name__}", (PlainWordsMixin, database_class), {})


def database_backend(params):
    """Wagtail's database backend for this database's vendor, given plain words only."""
    from modelsearch.backends.database import SearchBackend as vendor_backend

    return _with_plain_words(type(vendor_backend(dict(params))))(params)
