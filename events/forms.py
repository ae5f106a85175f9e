from zoneinfo import ZoneInfo

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from .recurrence import TIME_ZONE_CHOICES, TIME_ZONE_NAMES

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
        event_zone = self.instance.time_zone if self.instance.time_zone in TIME_ZONE_NAMES else "UTC"
        editor_zone = timezone.get_current_timezone()
        for name in WALL_CLOCK_FIELDS:
            value = getattr(self.instance, name, None)
            if value is not None and name in self.fields:
                wall_clock = value.astimezone(ZoneInfo(event_zone)).replace(tzinfo=None)
                self.initial[name] = wall_clock.replace(tzinfo=editor_zone)

    def clean(self):
        cleaned = super().clean()
        zone_name = cleaned.get("time_zone")
        if zone_name in TIME_ZONE_NAMES:
            event_zone = ZoneInfo(zone_name)
            editor_zone = timezone.get_current_timezone()
            for name in WALL_CLOCK_FIELDS:
                value = cleaned.get(name)
                if value is not None:
                    cleaned[name] = value.astimezone(editor_zone).replace(tzinfo=None).replace(tzinfo=event_zone)
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error("end", _("The event cannot end before it starts."))
        return cleaned
