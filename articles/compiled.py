"""
The In Focus listings' queries, compiled to SQL once per process.

Building a listing's queryset (the index's children, readers' visibility,
topic labels as subqueries) and compiling it cost 5 to 10 ms of CPU per
query, several times what PostgreSQL takes to answer it, and a cold In Focus
page asks three of them. The SQL and its parameters depend only on the
values the queryset is built from, so each is kept under a key that names
all of them (the index's id, path and depth, the topic, the languages...):
a moved index or another topic is another key, never a stale query. What
changes with content (which pages are live, which are restricted) is in the
SQL's answer, read on every call. Nothing read from the database is kept.
"""

from django.db import connections

# Keys grow with indexes × topics × languages × pages asked: a few thousand
# at most. A process that somehow collects more starts again.
MAX_KEYS = 5000

_compiled = {}


def sql_of(key, build):
    """(alias, sql, params) of the queryset `build()`, compiled once for `key`."""
    try:
        return _compiled[key]
    except KeyError:
        pass
    queryset = build()
    sql, params = queryset.query.sql_with_params()
    if len(_compiled) >= MAX_KEYS:
        _compiled.clear()
    _compiled[key] = compiled = (queryset.db, sql, tuple(params))
    return compiled


def rows(key, build):
    """The rows (tuples) of `build()`, a values_list queryset."""
    alias, sql, params = sql_of(key, build)
    with connections[alias].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def count(key, build):
    """How many rows `build()` has."""
    alias, sql, params = sql_of(key, lambda: build().order_by().values("pk"))
    with connections[alias].cursor() as cursor:
        # `sql` is what Django compiled, its values bound as parameters.
        cursor.execute(f"SELECT COUNT(*) FROM ({sql}) AS counted", params)  # noqa: S608
        return cursor.fetchone()[0]


def objects(model, key, build):
    """The `model` instances `build()` returns (with its annotations as attributes)."""
    alias, sql, params = sql_of(key, build)
    return list(model.objects.db_manager(alias).raw(sql, params))
