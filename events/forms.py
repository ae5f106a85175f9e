from zoneinfo import ZoneInfo

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from .recurrence import TIME_ZONE_CHOICES, TIME_ZONE_NAMES, validate_year, zone

WALL_CLOCK_FIELDS = ("start", "end", "registration_deadline")


class EventPageForm(WagtailAdminPageForm):
    """
    Editors type an event's times as they appear on the clock where it takes
    place. The form shows and reads `start`, `end` and the registration
    deadline as wall-clock times in the event's own time zone, whatever the
    editor's own time zone is.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "time_zone" in self.fields:
            self.fields["time_zone"].widget = forms.Select(choices=TIME_ZONE_CHOICES)
        event_zone = zone(self.instance.time_zone)
        editor_zone = timezone.get_current_timezone()
        for name in WALL_CLOCK_FIELDS:
            value = getattr(self.instance, name, None)
            if value is not None and name in self.fields:
                wall_clock = value.astimezone(event_zone).replace(tzinfo=None)
                self.initial[name] = wall_clock.replace(tzinfo=editor_zone)

    def clean(self):
        cleaned = super().clean()
        zone_name = cleaned.get("time_zone")
        editor_zone = timezone.get_current_timezone()
        for name in WALL_CLOCK_FIELDS:
            value = cleaned.get(name)
            if value is None:
                continue
            # The year as typed, before any conversion: a time at the very
            # end of year 9999 cannot even be moved to another zone.
            try:
                validate_year(value)
            except ValidationError as error:
                self.add_error(name, error)
                continue
            if zone_name in TIME_ZONE_NAMES:
                wall_clock = value.astimezone(editor_zone).replace(tzinfo=None)
                cleaned[name] = wall_clock.replace(tzinfo=ZoneInfo(zone_name))
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error("end", _("The event cannot end before it starts."))
        return cleaned
