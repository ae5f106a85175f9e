"""
The headless layer's records: where a site's front end shows previews, the
drafts being previewed, and webhook receivers with their delivery log.

These models were created by the `home` app; their tables moved here with
`SeparateDatabaseAndState` migrations (headless/migrations/0001, 0002), so
existing databases keep their rows, permissions and content types.
"""

import secrets
import uuid

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from .forms import WebhookEndpointForm


@register_setting(icon="view")
class HeadlessSettings(BaseSiteSetting):
    """Where editors' previews are shown when the site's front end is a separate app."""

    preview_url = models.URLField(
        _("headless preview URL"),
        blank=True,
        help_text=_(
            "The front end's preview address, e.g. https://www.example.org/api/preview. Previews then open there "
            "with ?content_type=…&token=…&locale=…; the front end fetches the draft from /api/v2/preview/?token=…. "
            "Leave empty to use Wagtail's own preview (or the HEADLESS_PREVIEW_URL environment variable)."
        ),
    )

    panels = [FieldPanel("preview_url")]

    class Meta:
        verbose_name = _("headless front end")


class PagePreview(models.Model):
    """The unsaved state of a page an editor is previewing, fetched once by the front end with a signed token."""

    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE, related_name="+")
    content_json = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("page preview")
        verbose_name_plural = _("page previews")

    def __str__(self):
        return str(self.token)

    def page(self):
        return self.content_type.model_class().from_json(self.content_json)


class WebhookEvent(models.TextChoices):
    PAGE_PUBLISHED = "page.published", _("Page published")
    PAGE_UNPUBLISHED = "page.unpublished", _("Page unpublished")
    PAGE_DELETED = "page.deleted", _("Page deleted")
    TRANSLATION_PUBLISHED = "translation.published", _("Translation published")
    EVENT_CHANGED = "event.changed", _("Event changed")


def _webhook_secret():
    return secrets.token_urlsafe(32)


class WebhookEndpoint(models.Model):
    """A receiver told about content changes, with signed deliveries."""

    name = models.CharField(_("name"), max_length=100)
    url = models.URLField(_("URL"), max_length=500)
    secret = models.CharField(
        _("signing secret"),
        max_length=200,
        default=_webhook_secret,
        help_text=_("Deliveries carry X-Webhook-Signature: sha256=HMAC(secret, timestamp + '.' + body)."),
    )
    events = models.JSONField(_("events"), default=list, help_text=_("Leave empty for every event."))
    content_types = models.ManyToManyField(
        "contenttypes.ContentType",
        verbose_name=_("only these page types"),
        blank=True,
        related_name="+",
        limit_choices_to={"app_label__in": ["home", "articles", "events", "members"]},
    )
    locales = models.ManyToManyField(
        "wagtailcore.Locale", verbose_name=_("only these languages"), blank=True, related_name="+"
    )
    active = models.BooleanField(_("active"), default=True)

    base_form_class = WebhookEndpointForm

    panels = [
        FieldPanel("name"),
        FieldPanel("url"),
        FieldPanel("secret"),
        FieldPanel("events"),
        FieldPanel("content_types", widget=forms.CheckboxSelectMultiple),
        FieldPanel("locales", widget=forms.CheckboxSelectMultiple),
        FieldPanel("active"),
    ]

    class Meta:
        verbose_name = _("webhook")
        verbose_name_plural = _("webhooks")

    def __str__(self):
        return self.name


class WebhookDelivery(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        SUCCEEDED = "succeeded", _("Delivered")
        FAILED = "failed", _("Failed")

    endpoint = models.ForeignKey(
        WebhookEndpoint, verbose_name=_("webhook"), on_delete=models.CASCADE, related_name="deliveries"
    )
    event = models.CharField(_("event"), max_length=40, choices=WebhookEvent.choices)
    payload = models.JSONField(_("payload"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_status_code = models.PositiveSmallIntegerField(_("last response"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True, db_index=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)

    class Meta:
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.event} → {self.endpoint}"
