"""
The recurrence checks read a dateutil rule's frequency, interval, count, end
and start from its public text form (events/rule_fields.py), not from
dateutil's private attributes. These pin that form: a dateutil release that
writes it differently fails here.
"""

import datetime

import pytest
from dateutil.rrule import DAILY, MONTHLY, WEEKLY, YEARLY, rrulestr

from events.rule_fields import RuleFields, rule_fields

START = datetime.datetime(2026, 3, 9, 18, 30)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("FREQ=WEEKLY;BYDAY=MO", RuleFields(WEEKLY, 1, None, None, START)),
        ("FREQ=DAILY;COUNT=3", RuleFields(DAILY, 1, 3, None, START)),
        (
            "FREQ=MONTHLY;INTERVAL=2;UNTIL=20260601",
            RuleFields(MONTHLY, 2, None, datetime.datetime(2026, 6, 1), START),
        ),
        (
            "FREQ=YEARLY;BYMONTH=4;BYDAY=4TH;UNTIL=20300101T120000",
            RuleFields(YEARLY, 1, None, datetime.datetime(2030, 1, 1, 12), START),
        ),
        ("FREQ=MONTHLY;INTERVAL=0", RuleFields(MONTHLY, 0, None, None, START)),
        ("FREQ=HOURLY", RuleFields(4, 1, None, None, START)),
    ],
)
def test_a_rule_reads_back_as_dateutil_understood_it(text, expected):
    assert rule_fields(rrulestr(f"RRULE:{text}", dtstart=START, ignoretz=True)) == expected


def test_no_module_reads_dateutils_private_attributes():
    from pathlib import Path

    events = Path(__file__).resolve().parents[2] / "events"
    for name in ("_freq", "_interval", "_count", "_until", "_dtstart"):
        for path in events.rglob("*.py"):
            assert f".{name}" not in path.read_text(), f"{path.name} reads rule.{name}"
