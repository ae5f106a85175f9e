"""
Events read for expansion as plain rows: the times, the rule and the changes
to single dates. A listing expands many events and shows a few; making a
Wagtail page instance (a ClusterableModel, which looks up its child
relations on creation) costs many times more than the expansion itself, so
pages are read only for the events shown (events.models.events_shown).
"""

from django.apps import apps

from home.prepared import PreparedQuery

from .prepared import PreparedValues

# What expanding and ordering occurrences reads.
FIELDS = (
    "pk",
    "title",
    "slug",
    "locale_id",
    "start",
    "end",
    "time_zone",
    "all_day",
    "recurrence",
    "series_end",
    "listed_start",
    "listed_from",
    "listed_until",
)

# The SQL of the listings' queries, by shape (events.prepared).
PREPARED = PreparedValues()


class EventTimes:
    """One event's row (FIELDS and any annotations), with `overrides`: its changes by the date they change."""

    def __init__(self, row, overrides):
        self.__dict__.update(row)
        self.overrides = overrides

    def __repr__(self):
        return f"<EventTimes {self.pk}: {self.title}>"


def read_times(queryset, *annotations, prepared=None, times=None):
    """
    The events of `queryset` (in its order) as EventTimes, in two queries (one
    when there are none). With `prepared` (a key for events.prepared, naming
    everything `queryset` depends on but `times`, a dict of the times it was
    filtered with): `queryset` is a function of those times, and its SQL is
    compiled once for the key.
    """
    if prepared is None:
        rows = list(queryset.values(*FIELDS, *annotations))
    else:
        rows = PREPARED.rows(
            (*prepared, annotations), lambda **times: queryset(**times).values(*FIELDS, *annotations), **times
        )
    return times_of(rows)


def times_of(rows):
    """EventTimes for `rows` (FIELDS and any annotations, as dicts), their changes read in one query."""
    overrides = {row["pk"]: {} for row in rows}
    if rows:
        for change in _changes_to(padded(list(overrides))):
            overrides[change.page_id][change.occurrence_date] = change
    return [EventTimes(row, overrides[row["pk"]]) for row in rows]


@PreparedQuery
def _changes_to(page_ids):
    """The changes to single dates of the events `page_ids`, by date."""
    model = apps.get_model("events", "EventOccurrenceOverride")
    return model.objects.filter(page_id__in=page_ids).order_by("occurrence_date")


def padded(ids):
    """
    `ids` lengthened to the next power of two by repeating the last: the same
    IN list, in one of a few lengths, each compiled once (home.prepared).
    """
    return ids + ids[-1:] * ((1 << (len(ids) - 1).bit_length()) - len(ids))


def changes_of(event):
    """The changes to single dates of an event read by read_times or as a page."""
    if isinstance(event, EventTimes):
        return event.overrides
    return {change.occurrence_date: change for change in event.occurrence_overrides.all()}
