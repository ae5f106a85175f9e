"""
What a parsed dateutil rule says, read through its public text form.

dateutil keeps a rule's frequency, interval, count, end and start in private
attributes; `str(rule)` is its public RFC 5545 form of the same values (a
DTSTART and an RRULE line) after dateutil's own reading of them: UNTIL=20240601
comes back as 20240601T000000, an omitted INTERVAL as none (1). This module is
the only reader of that form: tests/events/test_rule_fields.py pins it, so a
dateutil release that changes it fails a test rather than a page.
"""

import datetime
from dataclasses import dataclass

from dateutil.rrule import FREQNAMES

_FORMAT = "%Y%m%dT%H%M%S"


@dataclass(frozen=True)
class RuleFields:
    freq: int  # dateutil's YEARLY (0) … SECONDLY (6)
    interval: int
    count: int | None
    until: datetime.datetime | None
    dtstart: datetime.datetime


def rule_fields(rule):
    lines = dict(line.split(":", 1) for line in str(rule).splitlines() if ":" in line)
    parts = dict(part.split("=", 1) for part in lines["RRULE"].split(";"))
    return RuleFields(
        freq=FREQNAMES.index(parts["FREQ"]),
        interval=int(parts.get("INTERVAL", "1")),
        count=int(parts["COUNT"]) if "COUNT" in parts else None,
        until=_naive_datetime(parts["UNTIL"]) if "UNTIL" in parts else None,
        dtstart=_naive_datetime(lines["DTSTART"]),
    )


def _naive_datetime(value):
    # Events' rules are read with ignoretz, so their times carry no zone.
    return datetime.datetime.strptime(value, _FORMAT)  # noqa: DTZ007
