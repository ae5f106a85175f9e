from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.models import PAGE_PREVIEW_HOOK

from .models import WebhookDelivery, WebhookEndpoint
from .preview import headless_preview_response

hooks.register(PAGE_PREVIEW_HOOK, headless_preview_response)


class WebhookEndpointViewSet(SnippetViewSet):
    model = WebhookEndpoint
    icon = "link-external"
    menu_label = _("Webhooks")
    list_display = ["name", "url", "active"]
    add_to_settings_menu = True


class WebhookDeliveryViewSet(SnippetViewSet):
    """The delivery log: status, attempts and the last response of each."""

    model = WebhookDelivery
    icon = "list-ul"
    menu_label = _("Webhook deliveries")
    list_display = ["event", "endpoint", "status", "attempts", "last_status_code", "created_at", "delivered_at"]
    list_filter = ["status", "event", "endpoint"]
    inspect_view_enabled = True
    add_to_settings_menu = True


register_snippet(WebhookEndpointViewSet)
register_snippet(WebhookDeliveryViewSet)
