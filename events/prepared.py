"""
Listing queries compiled to SQL once per process for each shape.

Building a listing's queryset (the calendar's public events, the window, the
stored order) and compiling it costs Django several times the CPU that
reading its rows does. What the SQL says depends on the query's shape (the
calendar, the filters, the columns, the limit) and on the times it is asked
for: here a query is built and compiled once per shape with stand-in times,
and each call runs that SQL with its own times in their places. Only SQL text
is kept, never rows: what the database holds is read on every call.

A query whose SQL cannot be reused this way (a database backend that rewrites
the times, as SQLite's writes them as text; a query that matches nothing
whatever the times) is built and run by the ORM on every call, as before.
"""

import datetime
import threading
from collections import OrderedDict

from django.core.exceptions import EmptyResultSet
from django.db import connections

# Shapes kept per process: the calendars of each language with and without
# filters. The filters come from readers, so the least recently used go.
MAX_SHAPES = 256
# Times no listing asks for, one for each time a query takes.
_STAND_INS = [datetime.datetime(1111, 1, 1, 0, 0, 0, index + 1, tzinfo=datetime.UTC) for index in range(8)]


class _Compiled:
    __slots__ = ("sql", "params", "slots", "names", "converters", "db")

    def __init__(self, sql, params, slots, names, converters, db):
        self.sql, self.params, self.slots, self.names, self.db = sql, params, slots, names, db
        self.converters = converters


_UNPREPARABLE = object()


class PreparedValues:
    """
    rows(key, build, **times): the rows of `build(**times)` (a values()
    queryset) as dicts, like list(build(**times)). `key` must name everything
    the queryset depends on besides `times` (the calendar and its place in
    the tree, the filters, the limit): it picks the SQL compiled before.
    """

    def __init__(self):
        self._kept = OrderedDict()
        self._lock = threading.Lock()

    def rows(self, key, build, **times):
        with self._lock:
            compiled = self._kept.get(key)
            if compiled is not None:
                self._kept.move_to_end(key)
        if compiled is None:
            compiled = self._compile(build, times)
            with self._lock:
                self._kept[key] = compiled
                while len(self._kept) > MAX_SHAPES:
                    self._kept.popitem(last=False)
        if compiled is _UNPREPARABLE:
            return list(build(**times))
        params = list(compiled.params)
        for position, name in compiled.slots:
            params[position] = times[name]
        connection = connections[compiled.db]
        with connection.cursor() as cursor:
            cursor.execute(compiled.sql, params)
            rows = cursor.fetchall()
        names, converters = compiled.names, compiled.converters
        if converters:
            # As the ORM converts what it reads (a count to an int, say).
            rows = [list(row) for row in rows]
            for row in rows:
                for position, (functions, expression) in converters:
                    value = row[position]
                    for function in functions:
                        value = function(value, expression, connection)
                    row[position] = value
        return [dict(zip(names, row, strict=True)) for row in rows]

    def _compile(self, build, times):
        stand_ins = dict(zip(times, _STAND_INS, strict=False))
        if len(stand_ins) < len(times):
            return _UNPREPARABLE
        queryset = build(**stand_ins)
        query = queryset.query
        compiler = query.get_compiler(queryset.db)
        try:
            sql, params = compiler.as_sql()
        except EmptyResultSet:
            return _UNPREPARABLE
        columns = [expression for expression, _sql, _alias in compiler.select[: compiler.col_count]]
        converters = tuple(compiler.get_converters(columns).items())
        by_stand_in = {stand_in: name for name, stand_in in stand_ins.items()}
        slots = []
        for position, param in enumerate(params):
            if isinstance(param, datetime.datetime) and param in by_stand_in:
                slots.append((position, by_stand_in[param]))
        if {name for _position, name in slots} != set(times):
            return _UNPREPARABLE  # a time the backend rewrote on the way
        # As Django's ValuesIterable names the columns.
        if query.selected:
            names = list(query.selected)
        else:
            names = [*query.extra_select, *query.values_select, *query.annotation_select]
        if len(names) != len(columns):
            return _UNPREPARABLE
        return _Compiled(sql, tuple(params), slots, names, converters, queryset.db)

    def clear(self):
        with self._lock:
            self._kept.clear()
