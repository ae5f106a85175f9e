import time

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm


def _webhook_events():
    from .models import WebhookEvent

    return WebhookEvent.choices


class WebhookEndpointForm(WagtailAdminModelForm):
    """Every bad value gets a message: an address that is not public, or not http(s), is refused here."""

    events = forms.MultipleChoiceField(
        label=_("events"),
        choices=_webhook_events,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave empty for every event."),
    )

    def clean_url(self):
        from .webhooks import DeliveryError, check_url, resolve

        url = self.cleaned_data["url"]
        try:
            parts, port = check_url(url)
            resolve(parts.hostname, port, time.monotonic() + 5)
        except DeliveryError as error:
            raise forms.ValidationError(str(error), code="unsafe_url") from error
        return url
