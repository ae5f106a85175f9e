"""
The upcoming list counted, ordered and sliced by the database.

The date an event is listed at depends on "now": a weekly circle moves on to
its next date every week. So each event stores the date it is listed at
(`listed_start`) together with the times between which that answer holds
(`listed_from`, `listed_until`), worked out when it is saved. At any "now",
the events whose stored answer holds are ordered by it in SQL; the others (a
series whose listed date has passed since it was last saved) are expanded
here, as are the events of the page shown. Nothing is trusted past the times
it was worked out for, so the passage of time makes a listing slower, never
wrong; a listing writes back what it had to work out again.
"""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import BooleanField, Case, Count, Q, Value, When, Window
from django.db.models.functions import Collate

from . import recurrence
from .listing import SeriesEntry
from .times import read_times

# How far past the upcoming window a stored answer looks: it holds for this
# long at most, since later the window reaches dates it did not expand.
LOOK_FURTHER = datetime.timedelta(days=365)
# Events read beyond a page, so that series whose stored date has passed
# usually fit in the same query as the page.
ROOM = 20
LISTED_FIELDS = ("listed_start", "listed_from", "listed_until")


def look_ahead(event, now, window, overrides=None):
    """
    (listed_start, listed_from, listed_until) for `event` as of `now`, and its
    occurrences in the list of the coming `window`. listed_start is the start
    of its first occurrence that has not ended (its place in that list), or
    None if it has none then. The answer changes only when an occurrence ends:
    it holds from `now` until the first end after it.
    """
    found = recurrence.expand(event, now, now + window + LOOK_FURTHER, overrides)
    until = now + LOOK_FURTHER
    if not found:
        return (None, now, until), []
    listed = (found[0].start, now, min(until, *(occurrence.end for occurrence in found)))
    return listed, [occurrence for occurrence in found if occurrence.start < now + window]


def listed_at(event, now, window, overrides=None):
    """The stored answer for `event` as of `now` (see look_ahead)."""
    return look_ahead(event, now, window, overrides)[0]


def holds(now):
    """The stored answer is the one for `now`."""
    return Q(listed_from__lte=now, listed_until__gt=now)


def title_order():
    # Python compares titles code point by code point; so does the "C" collation.
    return Collate("title", "C")


@dataclass
class _Row:
    event: object
    start: datetime.datetime
    occurrences: list | None = None

    @property
    def key(self):
        return (self.start, self.event.title, self.event.pk)


class UpcomingSeries(Sequence):
    """
    The upcoming list of `events` (each series once, at its next date) as a
    sequence of SeriesEntry for Django's Paginator: its length and any slice
    cost a few queries and the expansion of the events concerned, not of
    every event in the window. `stop_hint`: how far into the list the caller
    will look (the end of the page asked for), read in the first query.
    `fields`: more of the events' columns to read with their times (what a
    caller shows without reading the events as pages). `counted`: whether
    the list's length is asked for (counting every event of the window
    costs the database and the query's compilation).
    """

    def __init__(self, events, now, window, stop_hint, fields=(), counted=True, key=None):
        # `events` may be a function returning the queryset, called only when
        # it is needed: with `key` (naming everything it depends on, see
        # events.prepared), its SQL is compiled once per process.
        self.events = events
        self.key = key
        self.fields = fields
        self.counted = counted
        self.now = now
        self.end = now + window
        self.window = window
        self.limit = stop_hint + ROOM
        self._read(self.limit)

    def _read(self, limit):
        count = {"total": Window(Count("pk"))} if self.counted else {}

        def query(now, end):
            return (
                self.queryset()
                .overlapping(now, end)
                .annotate(
                    answered=Case(
                        When(holds(now), then=Value(True)), default=Value(False), output_field=BooleanField()
                    ),
                    **count,
                )
                .filter(Q(answered=False) | Q(listed_start__lt=end))
                .order_by("answered", "listed_start", title_order(), "pk")[:limit]
            )

        annotations = ("answered", *count, *self.fields)
        if self.key is None:
            rows = read_times(query(self.now, self.end), *annotations)
        else:
            rows = read_times(
                query, *annotations, prepared=("upcoming", *self.key, limit), times={"now": self.now, "end": self.end}
            )
        self.limit = limit
        self.complete = len(rows) < limit
        total = rows[0].total if rows and self.counted else 0
        worked_out = [event for event in rows if not event.answered]
        self.fresh = [_Row(event, event.listed_start) for event in rows if event.answered]
        self.fresh_total = total - len(worked_out)
        self.all_stale_read = self.complete or bool(self.fresh)
        self.stale = []
        changed = []
        model = self.queryset().model if worked_out else None
        for event in worked_out:
            listed, occurrences = look_ahead(event, self.now, self.window, event.overrides)
            for name, value in zip(LISTED_FIELDS, listed, strict=True):
                setattr(event, name, value)
            changed.append(model(pk=event.pk, **dict(zip(LISTED_FIELDS, listed, strict=True))))
            if occurrences:
                self.stale.append(_Row(event, occurrences[0].start, occurrences))
        if changed:
            # Written back, so the next listing orders these events in SQL.
            model._base_manager.bulk_update(changed, LISTED_FIELDS)
        self.rows = sorted(self.fresh + self.stale, key=lambda row: row.key)
        # Rows past the last one read from the database in stored order may
        # still have others before them.
        if self.complete:
            self.known = len(self.rows)
        elif self.fresh:
            last = self.fresh[-1].key
            self.known = sum(1 for row in self.rows if row.key <= last)
        else:
            self.known = 0

    def queryset(self):
        return self.events() if callable(self.events) else self.events

    def _expand(self, event):
        return recurrence.expand(event, self.now, self.end, event.overrides)

    def _ensure(self, stop):
        """Read again, further, until the first `stop` rows are in their final places."""
        while stop > self.known and not self.complete:
            self._read(max(self.limit * 2, stop + ROOM))

    def __len__(self):
        if not self.counted:
            raise TypeError("This list was read without its length.")
        while not self.all_stale_read:
            self._read(self.limit * 2)
        return self.fresh_total + len(self.stale)

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop, _step = index.indices(len(self))
        self._ensure(stop)
        rows = self.rows[start:stop]
        for row in rows:
            if row.occurrences is None:
                row.occurrences = self._expand(row.event)
        return [SeriesEntry(row.occurrences[0], more=len(row.occurrences) - 1) for row in rows if row.occurrences]

    def soonest_change(self):
        """
        When the list may change next: the first end, after now, of an
        occurrence of an event read; events not read (all after the last one
        read in stored order) have none ending before that one's listed date.
        """
        ends = [row.event.listed_until for row in self.fresh + self.stale]
        if not self.complete and self.fresh:
            ends.append(self.fresh[-1].start)
        return min((end for end in ends if end is not None and end > self.now), default=None)

    def first_date(self):
        """
        The start of the first occurrence that is not cancelled, or None if
        none is, looking at the rows in order and stopping as soon as no later
        row can start sooner. Raises LookupError when the rows read cannot tell.
        """
        best = None
        for row in self.rows[: self.known]:
            if best is not None and row.start >= best:
                return best
            if row.occurrences is None:
                row.occurrences = self._expand(row.event)
            starts = [occurrence.start for occurrence in row.occurrences if not occurrence.cancelled]
            best = min([*starts, best] if best is not None else starts, default=None)
        if self.complete:
            return best
        # Rows not yet in their places, and events not read, start no sooner
        # than the last row read in stored order.
        if best is not None and self.fresh and best <= self.fresh[-1].start:
            return best
        raise LookupError

    def first_taking_place(self, count, before):
        """
        The first `count` series by their next date that is not cancelled and
        starts before `before` (no later than the window's end): that date of
        each, in listing order. An event's listed date, cancelled or not, is
        never later than that one, so the rows are looked at in order until
        the next cannot come sooner, reading further only when those read
        cannot tell. Each event looked at is expanded up to `before` alone.
        """
        while True:
            chosen = []
            for row in self.rows[: self.known]:
                if row.start >= before or (len(chosen) >= count and row.start > chosen[count - 1].start):
                    return chosen[:count]
                found = recurrence.expand(row.event, self.now, before, row.event.overrides, include_cancelled=False)
                if found:
                    chosen.append(found[0])
                    chosen.sort(key=lambda occurrence: (occurrence.start, occurrence.event.title, occurrence.event.pk))
            # Rows not yet in their places, and events not read, start no
            # sooner than the last row read in stored order.
            if self.complete or (len(chosen) >= count and chosen[count - 1].start < self.fresh[-1].start):
                return chosen[:count]
            self._read(self.limit * 2)
