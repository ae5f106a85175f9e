"""
Querysets compiled to SQL once per process, then run with new values.

Every page not in the page cache runs the same few lookups (the pages on the
way, the specific page, the targets of the language links) with different
values. Building such a queryset and compiling it (joins, annotations,
subqueries, a hundred columns) costs several times the CPU PostgreSQL takes
to run it. A `PreparedQuery` builds its queryset once with stand-in values,
compiles it, notes where each stand-in went among the SQL parameters, and
from then on only puts the real values in their places; the rows become
objects as the queryset itself would make them (its own iterable class:
model instances, select_related, annotations, values()).

Only the SQL and the way rows become objects are kept, never a result: what
is read is read from the database on every call. A value that could not go
in verbatim (a LIKE pattern's special characters would need escaping) runs
the queryset as usual.
"""

import copy
import threading

from django.core.exceptions import EmptyResultSet
from django.db import connections

# Stand-in values: unlikely to be met among a query's own constants.
_INT_BASE = 2_000_000_000
_TEXT = "\x02prepared-{}\x03"
# What PostgreSQL and SQLite read as special in a LIKE pattern.
_LIKE_SPECIALS = ("%", "_", "\\")


class PreparedQuery:
    """
    `build(*values)` returns a queryset; `query(*values)` is
    `list(build(*values))` without building or compiling it again. Each value
    is an int, a str, or a list of ints or strs (the SQL is compiled once per
    list length).
    """

    def __init__(self, build):
        self.build = build
        self._compiled = {}
        self._lock = threading.Lock()

    def __call__(self, *values):
        shape = tuple(_shape(value) for value in values)
        compiled = self._compiled.get(shape)
        if compiled is None:
            with self._lock:
                compiled = self._compiled.get(shape) or self._compile(shape)
                self._compiled[shape] = compiled
        flat = [item for value in values for item in (value if isinstance(value, list | tuple) else [value])]
        params = compiled.bind(flat)
        if params is None:
            return list(self.build(*values))
        return compiled.run(params)

    def _compile(self, shape):
        counter = iter(range(1_000_000))
        stand_ins = []

        def stand_in(kind):
            n = next(counter)
            value = _INT_BASE + n if kind is int else _TEXT.format(n)
            stand_ins.append(value)
            return value

        values = [[stand_in(kind) for kind in item] if isinstance(item, tuple) else stand_in(item) for item in shape]
        return _Compiled(self.build(*values), stand_ins)


def _shape(value):
    if isinstance(value, list | tuple):
        return tuple(_kind(item) for item in value)
    return _kind(value)


def _kind(value):
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise TypeError(f"A prepared query takes ints and strs, not {type(value).__name__}")
    return int if isinstance(value, int) else str


class _Compiled:
    def __init__(self, queryset, stand_ins):
        if queryset._prefetch_related_lookups:
            raise ValueError("A prepared query runs one query: no prefetch_related")
        self.queryset = queryset
        self.alias = queryset.db
        compiler = queryset.query.get_compiler(using=self.alias)
        # Also fills the compiler's select, klass_info and annotation_col_map,
        # which turn rows into objects.
        try:
            self.sql, params = compiler.as_sql()
        except EmptyResultSet:
            # Nothing to read, whatever the values (`pk__in=[]`: the shape says so).
            self.sql, params = None, []
        compiler.connection = None
        self.compiler = compiler
        # Each parameter: ("value", i), ("pattern", text with stand-in i), or ("constant", value).
        positions = {value: i for i, value in enumerate(stand_ins)}
        self.slots, found = [], set()
        for param in params:
            if isinstance(param, int | str) and not isinstance(param, bool) and param in positions:
                self.slots.append(("value", positions[param]))
                found.add(positions[param])
                continue
            within = [i for value, i in positions.items() if isinstance(value, str) and _contains(param, value)]
            if len(within) > 1 or (within and not isinstance(param, str)):
                raise ValueError(f"A prepared query cannot place values inside {param!r}")
            if within:
                self.slots.append(("pattern", (within[0], param, stand_ins[within[0]])))
                found.add(within[0])
            else:
                self.slots.append(("constant", param))
        # A value may go unused (`pk__in=[]` drops its branch), never into the SQL itself.
        if any(str(stand_ins[i]) in (self.sql or "") for i in range(len(stand_ins)) if i not in found):
            raise ValueError("A prepared query's values must each go among its SQL parameters")

    def bind(self, values):
        """The SQL parameters for `values`, or None where one cannot go in verbatim."""
        params = []
        for kind, slot in self.slots:
            if kind == "value":
                params.append(values[slot])
            elif kind == "pattern":
                i, pattern, stand_in = slot
                if any(special in values[i] for special in _LIKE_SPECIALS):
                    return None
                params.append(pattern.replace(stand_in, values[i]))
            else:
                params.append(slot)
        return params

    def run(self, params):
        if self.sql is None:
            return []
        compiler = copy.copy(self.compiler)
        compiler.connection = connections[self.alias]
        sql = self.sql
        compiler.as_sql = lambda *args, **kwargs: (sql, params)
        return list(self.queryset._iterable_class(_Bound(self.queryset, compiler)))


def _contains(param, text):
    return isinstance(param, str) and text in param


class _Bound:
    """What a queryset's iterable class reads of it, its compiler already made."""

    def __init__(self, queryset, compiler):
        self.model = queryset.model
        self.db = compiler.using
        self._fetch_mode = queryset._fetch_mode
        self._known_related_objects = queryset._known_related_objects
        self._fields = queryset._fields
        self.query = _BoundQuery(queryset.query, compiler)


class _BoundQuery:
    def __init__(self, query, compiler):
        self._query, self._compiler = query, compiler

    def get_compiler(self, *args, **kwargs):
        return self._compiler

    def __getattr__(self, name):
        return getattr(self._query, name)
