"""
Webhooks: registered receivers are told when pages are published,
unpublished or deleted, when a translation is published and when an event
changes. Each delivery is signed (HMAC-SHA256), sent in the background with
retries and exponential backoff, and logged for administrators. A failing
receiver never stops publishing.

Receivers are somebody else's servers, reached from inside our network, so a
delivery goes only to public addresses (checked after DNS resolution and used
for the connection itself, so a name cannot change its answer in between),
follows no redirect, and must finish within one total deadline: a receiver
that answers one byte at a time cannot hold a worker. Deliveries run on a
queue of their own ("webhooks"), so a slow receiver never delays other
background work.
"""

import datetime
import hashlib
import hmac
import ipaddress
import json
import logging
import socket
import ssl
import threading
import time
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models.signals import pre_delete
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import default_task_backend, task
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from .models import WebhookDelivery, WebhookEndpoint, WebhookEvent

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 6
QUEUE_NAME = "webhooks"
# How much of a failed response's body the delivery log keeps.
ERROR_EXCERPT_CHARS = 200
MAX_RESPONSE_BYTES = 4096


def timeout_seconds():
    """The total time one delivery may take: resolving, connecting, sending and reading the answer."""
    return settings.WEBHOOK_TIMEOUT_SECONDS


class DeliveryError(Exception):
    """A delivery that could not be made; the message is for the delivery log."""


class UnsafeAddress(DeliveryError):
    """The receiver's address is not a public one."""


def allowed_networks():
    return [ipaddress.ip_network(network, strict=False) for network in settings.WEBHOOK_ALLOWED_NETWORKS]


def address_allowed(address):
    """Public addresses only, unless the network is listed in WEBHOOK_ALLOWED_NETWORKS."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if any(ip in network for network in allowed_networks()):
        return True
    # is_global excludes loopback, private, link-local (169.254.169.254, the
    # cloud metadata service), shared (100.64/10), reserved and documentation ranges.
    return ip.is_global and not ip.is_multicast


def resolve(host, port, deadline):
    """
    The addresses `host` resolves to, every one of them public. Raises
    UnsafeAddress if any is not: a name that answers with one public and one
    private address is refused whole.
    """
    outcome = {}

    def lookup():
        try:
            outcome["infos"] = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (OSError, UnicodeError) as error:
            outcome["error"] = error

    # getaddrinfo has no timeout of its own: wait for it only until the deadline.
    worker = threading.Thread(target=lookup, daemon=True)
    worker.start()
    worker.join(max(deadline - time.monotonic(), 0))
    if worker.is_alive():
        raise DeliveryError(_("No answer within %(seconds)s s.") % {"seconds": timeout_seconds()})
    if "error" in outcome:
        raise DeliveryError(_("%(host)s could not be found.") % {"host": host})
    addresses = list(dict.fromkeys(info[4][0] for info in outcome["infos"]))
    if not addresses or not all(address_allowed(address) for address in addresses):
        raise UnsafeAddress(
            _("%(host)s is not a public address: webhooks are only sent to public internet addresses.") % {"host": host}
        )
    return addresses


def check_url(url):
    """Raise DeliveryError unless `url` is an http(s) address on a public host."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise DeliveryError(_("Only http:// and https:// addresses are allowed."))
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as error:
        raise DeliveryError(_("The port is not valid.")) from error
    return parts, port


def excerpt(data):
    """A short, single-line, printable excerpt of a response body for the delivery log."""
    text = data.decode("utf-8", "replace")
    text = "".join(char if char.isprintable() else " " for char in text)
    return " ".join(text.split())[:ERROR_EXCERPT_CHARS]


def post(url, body, headers):
    """
    POST `body` to `url` and return (status code, body excerpt), all within
    one total deadline. Raises DeliveryError.
    """
    deadline = time.monotonic() + timeout_seconds()
    parts, port = check_url(url)
    address = resolve(parts.hostname, port, deadline)[0]

    def remaining():
        left = deadline - time.monotonic()
        if left <= 0:
            raise DeliveryError(_("No complete answer within %(seconds)s s.") % {"seconds": timeout_seconds()})
        return left

    host = parts.hostname if ":" not in parts.hostname else f"[{parts.hostname}]"
    if parts.port:
        host = f"{host}:{parts.port}"
    target = parts.path or "/"
    if parts.query:
        target += "?" + parts.query
    lines = [f"POST {target} HTTP/1.1", f"Host: {host}", f"Content-Length: {len(body)}", "Connection: close"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    request = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body

    try:
        # Connect to the address that was checked, never to a second lookup of the name.
        sock = socket.create_connection((address, port), timeout=remaining())
        with sock:
            if parts.scheme == "https":
                sock = ssl.create_default_context().wrap_socket(sock, server_hostname=parts.hostname)
            sock.settimeout(remaining())
            sock.sendall(request)
            received = b""
            while len(received) < MAX_RESPONSE_BYTES:
                sock.settimeout(remaining())
                chunk = sock.recv(MAX_RESPONSE_BYTES - len(received))
                if not chunk:
                    break
                received += chunk
                status = _status(received)
                if status is not None and 200 <= status < 300 and b"\r\n\r\n" in received:
                    break  # delivered: the rest of the answer does not matter
    except TimeoutError as error:
        raise DeliveryError(_("No complete answer within %(seconds)s s.") % {"seconds": timeout_seconds()}) from error
    except OSError as error:  # ssl.SSLError included
        raise DeliveryError(
            _("The connection failed (%(reason)s).") % {"reason": error.strerror or error.__class__.__name__}
        ) from error
    status = _status(received)
    if status is None:
        raise DeliveryError(_("The receiver did not answer with HTTP."))
    _head, _separator, rest = received.partition(b"\r\n\r\n")
    return status, excerpt(rest)


def _status(received):
    line = received.split(b"\r\n", 1)[0]
    if b"\r\n" not in received:
        return None
    parts = line.split(b" ", 2)
    if len(parts) < 2 or not parts[0].startswith(b"HTTP/1.") or not parts[1].isdigit():
        return None
    return int(parts[1])


def backoff(attempts):
    """Seconds to wait after the nth failed attempt: 30 s, 1 min, 2 min, 4 min, 8 min."""
    return settings.WEBHOOK_BACKOFF_SECONDS * 2 ** (attempts - 1)


def sign(secret, timestamp, body):
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def page_payload(page, event):
    page = page.specific
    # The same public base as api_url (not the Site record's host and port);
    # no address for a page outside every site.
    parts = page.get_url_parts() if page.live else None
    return {
        "event": event,
        "sent_at": timezone.now().isoformat(),
        "page": {
            "id": page.pk,
            "type": page._meta.label,
            "title": page.title,
            "locale": page.locale.language_code,
            "translation_key": str(page.translation_key),
            "url": f"{settings.WAGTAILAPI_BASE_URL}{parts[2]}" if parts else None,
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
        status, text = post(delivery.endpoint.url, body, headers)
    except DeliveryError as error:
        delivery.last_status_code = None
        delivery.last_error = str(error)[:500]
        ok = False
    else:
        delivery.last_status_code = status
        ok = 200 <= status < 300
        if ok:
            delivery.last_error = ""
        elif 300 <= status < 400:
            delivery.last_error = _("HTTP %(status)s: redirects are not followed; give the final address.") % {
                "status": status
            }
        else:
            delivery.last_error = f"HTTP {status}: {text}".strip()
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


@task(queue_name=QUEUE_NAME)
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
