"""
Listings that show each series once: a weekly mentoring circle is one entry
("and 7 more dates"), not seven of the first twelve.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class SeriesEntry:
    """The occurrence to show for one event, and how many more of its dates the listing holds."""

    occurrence: object
    more: int = 0

    @property
    def event(self):
        return self.occurrence.event


def one_per_event(occurrences):
    """
    `occurrences` (in listing order) reduced to the first of each event, in
    the same order, each with the number of its later entries left out.
    """
    entries = {}
    for occurrence in occurrences:
        key = occurrence.event.pk
        if key in entries:
            entries[key]["more"] += 1
        else:
            entries[key] = {"occurrence": occurrence, "more": 0}
    return [SeriesEntry(**entry) for entry in entries.values()]


def first_month_with_events(occurrences, default):
    """The first day of the month of the first occurrence that is not cancelled, else `default`."""
    for occurrence in occurrences:
        if not occurrence.cancelled:
            return occurrence.start.date().replace(day=1)
    return default
