"""
Webhooks: registered receivers are told when pages are published,
unpublished or deleted, when a translation is published and when an event
changes. Each delivery is signed (HMAC-SHA256), sent in the background with
retries and exponential backoff, and logged for administrators. A failing
receiver never stops publishing.
"""

import datetime
import hashlib
import hmac
import json
import logging

import requests
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models.signals import pre_delete
from django.utils import timezone
from django_tasks import default_task_backend, task
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from .models import WebhookDelivery, WebhookEndpoint, WebhookEvent

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 6
TIMEOUT_SECONDS = 5


def backoff(attempts):
    """Seconds to wait after the nth failed attempt: 30 s, 1 min, 2 min, 4 min, 8 min."""
    return getattr(settings, "WEBHOOK_BACKOFF_SECONDS", 30) * 2 ** (attempts - 1)


def sign(secret, timestamp, body):
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def page_payload(page, event):
    page = page.specific
    return {
        "event": event,
        "sent_at": timezone.now().isoformat(),
        "page": {
            "id": page.pk,
            "type": page._meta.label,
            "title": page.title,
            "locale": page.locale.language_code,
            "translation_key": str(page.translation_key),
            "url": page.full_url if page.live else None,
            "api_url": f"{settings.WAGTAILAPI_BASE_URL}/api/v2/pages/{page.pk}/",
        },
    }


def endpoints_for(event, page):
    content_type = ContentType.objects.get_for_model(page.specific_class or type(page))
    endpoints = []
    for endpoint in WebhookEndpoint.objects.filter(active=True).prefetch_related("content_types", "locales"):
        if endpoint.events and event not in endpoint.events:
            continue
        types = list(endpoint.content_types.all())
        if types and content_type not in types:
            continue
        locales = list(endpoint.locales.all())
        if locales and page.locale not in locales:
            continue
        endpoints.append(endpoint)
    return endpoints


def notify(event, page):
    """Record a delivery for each interested endpoint and send them once the transaction commits."""
    payload = json.loads(json.dumps(page_payload(page, event), cls=DjangoJSONEncoder))
    for endpoint in endpoints_for(event, page):
        delivery = WebhookDelivery.objects.create(endpoint=endpoint, event=event, payload=payload)
        transaction.on_commit(lambda delivery_id=delivery.pk: deliver_webhook.enqueue(delivery_id))


def attempt(delivery):
    """Send a delivery once and record the outcome. Returns True when delivered."""
    body = json.dumps(delivery.payload, separators=(",", ":")).encode()
    timestamp = str(int(timezone.now().timestamp()))
    headers = {
        "Content-Type": "application/json",
        "User-Agent": "GNWICT-Webhooks/1",
        "X-Webhook-Event": delivery.event,
        "X-Webhook-Delivery": str(delivery.pk),
        "X-Webhook-Timestamp": timestamp,
        "X-Webhook-Signature": sign(delivery.endpoint.secret, timestamp, body),
    }
    delivery.attempts += 1
    try:
        response = requests.post(delivery.endpoint.url, data=body, headers=headers, timeout=TIMEOUT_SECONDS)
        delivery.last_status_code = response.status_code
        delivery.last_error = "" if response.ok else response.text[:500]
        ok = response.ok
    except requests.RequestException as error:
        delivery.last_status_code = None
        delivery.last_error = str(error)[:500]
        ok = False
    if ok:
        delivery.status = WebhookDelivery.Status.SUCCEEDED
        delivery.delivered_at = timezone.now()
        delivery.next_attempt_at = None
    elif delivery.attempts >= MAX_ATTEMPTS:
        delivery.status = WebhookDelivery.Status.FAILED
        delivery.next_attempt_at = None
    else:
        delivery.next_attempt_at = timezone.now() + datetime.timedelta(seconds=backoff(delivery.attempts))
    delivery.save()
    return ok


@task()
def deliver_webhook(delivery_id):
    delivery = WebhookDelivery.objects.select_related("endpoint").filter(pk=delivery_id).first()
    if delivery is None or delivery.status != WebhookDelivery.Status.PENDING:
        return
    if not attempt(delivery) and delivery.status == WebhookDelivery.Status.PENDING:
        schedule_retry(delivery)


def schedule_retry(delivery):
    """With a backend that can defer (the database worker), retry at next_attempt_at; otherwise
    `manage.py retry_webhooks` picks it up."""
    if getattr(default_task_backend, "supports_defer", False):
        deliver_webhook.using(run_after=delivery.next_attempt_at).enqueue(delivery.pk)


def retry_due(now=None):
    """Attempt every pending delivery whose next attempt is due. Returns how many were tried."""
    now = now or timezone.now()
    due = WebhookDelivery.objects.select_related("endpoint").filter(
        status=WebhookDelivery.Status.PENDING, next_attempt_at__lte=now
    )
    tried = 0
    for delivery in due:
        attempt(delivery)
        tried += 1
    return tried


# Signals ---------------------------------------------------------------------


def _is_translation(page):
    from wagtail_localize.models import TranslationSource

    return TranslationSource.objects.filter(object_id=page.translation_key).exclude(locale=page.locale).exists()


def on_published(sender, instance, **kwargs):
    notify(WebhookEvent.PAGE_PUBLISHED, instance)
    if _is_translation(instance):
        notify(WebhookEvent.TRANSLATION_PUBLISHED, instance)
    if instance.specific_class._meta.label == "events.EventPage":
        notify(WebhookEvent.EVENT_CHANGED, instance)


def on_unpublished(sender, instance, **kwargs):
    notify(WebhookEvent.PAGE_UNPUBLISHED, instance)
    if instance.specific_class._meta.label == "events.EventPage":
        notify(WebhookEvent.EVENT_CHANGED, instance)


def on_deleting(sender, instance, **kwargs):
    # Before deletion, while the page can still be read; the delivery is
    # sent only if the deletion commits.
    if not isinstance(instance, Page) or type(instance) is not (instance.specific_class or Page):
        return
    if not WebhookEndpoint.objects.filter(active=True).exists():
        return
    notify(WebhookEvent.PAGE_DELETED, instance)
    if instance._meta.label == "events.EventPage":
        notify(WebhookEvent.EVENT_CHANGED, instance)


def connect():
    page_published.connect(on_published, dispatch_uid="webhooks-published")
    page_unpublished.connect(on_unpublished, dispatch_uid="webhooks-unpublished")
    pre_delete.connect(on_deleting, dispatch_uid="webhooks-deleted")
