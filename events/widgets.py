"""
The recurrence picker: editors choose how an event repeats (daily, weekly on
chosen days, monthly on a day or "the fourth Thursday", yearly, until a date
or a number of times) and the picker writes the RFC 5545 rule into the
`recurrence` field, with the rule in words and the next five dates beside it.
The rule itself stays editable for anything the picker does not cover.
Validation stays with the field (events.recurrence).
"""

from django import forms
from django.urls import reverse
from django.utils.dates import MONTHS, WEEKDAYS
from django.utils.translation import gettext_lazy as _

from .recurrence_text import WEEKDAY_CODES

POSITIONS = [
    ("1", _("first")),
    ("2", _("second")),
    ("3", _("third")),
    ("4", _("fourth")),
    ("5", _("fifth")),
    ("-1", _("last")),
]


class RecurrenceWidget(forms.TextInput):
    template_name = "events/widgets/recurrence.html"

    class Media:
        js = ["events/recurrence-picker.js"]
        css = {"all": ["events/recurrence-picker.css"]}

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        # The field itself, told apart from the picker's own controls.
        context["widget"]["attrs"]["data-rule-input"] = ""
        context["picker"] = {
            "preview_url": reverse("events_recurrence_preview"),
            "weekdays": [(code, WEEKDAYS[index]) for index, code in enumerate(WEEKDAY_CODES)],
            "months": sorted(MONTHS.items()),
            "positions": POSITIONS,
            "month_days": range(1, 32),
        }
        return context
