"""Webhooks against a real receiver on 127.0.0.1: signing, retries with backoff, and the delivery log."""

import hashlib
import hmac
import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from events.models import EventPage
from headless.models import WebhookDelivery, WebhookEndpoint
from headless.webhooks import retry_due
from home.models import AboutPage
from tests import site
from tests.factories import StandardPageFactory


class Receiver:
    """An HTTP server that records what it receives and fails the first `failures` requests."""

    def __init__(self, failures=0):
        self.failures = failures
        self.received = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.received.append({"headers": dict(self.headers), "body": body})
                status = 500 if receiver.failures > 0 else 204
                receiver.failures -= 1
                self.send_response(status)
                self.end_headers()

            def log_message(self, format, *args):  # noqa: A002
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/hooks"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(autouse=True)
def local_receivers_allowed(settings):
    # These receivers run on 127.0.0.1, which webhooks otherwise refuse (tests/security/test_webhooks.py).
    settings.WEBHOOK_ALLOWED_NETWORKS = ["127.0.0.0/8"]


@pytest.fixture
def receiver():
    server = Receiver()
    yield server
    server.close()


def publish(page, capture):
    with capture(execute=True):
        page.save_revision().publish()


@pytest.mark.django_db
class TestWebhooks:
    def test_signed_delivery_on_publish(self, receiver, django_capture_on_commit_callbacks):
        endpoint = WebhookEndpoint.objects.create(
            name="Front end",
            url=receiver.url,
            secret="s3cret",  # noqa: S106
            events=["page.published"],
        )
        about = AboutPage.objects.get(locale__language_code="en")
        publish(about, django_capture_on_commit_callbacks)
        assert len(receiver.received) == 1
        request = receiver.received[0]
        payload = json.loads(request["body"])
        assert payload["event"] == "page.published" and payload["page"]["id"] == about.pk
        expected = hmac.new(
            b"s3cret", request["headers"]["X-Webhook-Timestamp"].encode() + b"." + request["body"], hashlib.sha256
        ).hexdigest()
        assert request["headers"]["X-Webhook-Signature"] == f"sha256={expected}"
        delivery = WebhookDelivery.objects.get(endpoint=endpoint)
        assert (delivery.status, delivery.attempts, delivery.last_status_code) == ("succeeded", 1, 204)

    def test_failing_receiver_is_retried_with_backoff_and_never_blocks_publishing(
        self, receiver, django_capture_on_commit_callbacks, settings
    ):
        settings.WEBHOOK_BACKOFF_SECONDS = 30
        receiver.failures = 2
        WebhookEndpoint.objects.create(name="Flaky", url=receiver.url, events=[])
        about = AboutPage.objects.get(locale__language_code="en")
        publish(about, django_capture_on_commit_callbacks)
        about.refresh_from_db()
        assert about.live  # publishing succeeded although the receiver failed
        delivery = WebhookDelivery.objects.get(event="page.published")
        assert (delivery.status, delivery.attempts, delivery.last_status_code) == ("pending", 1, 500)
        first_wait = delivery.next_attempt_at - timezone.now()
        assert 20 < first_wait.total_seconds() <= 30
        assert retry_due() == 0  # not due yet
        retry_due(now=timezone.now() + timezone.timedelta(minutes=1))
        delivery.refresh_from_db()
        assert delivery.attempts == 2 and delivery.status == "pending"
        assert (delivery.next_attempt_at - timezone.now()).total_seconds() > 50  # backoff doubled
        retry_due(now=timezone.now() + timezone.timedelta(hours=1))
        delivery.refresh_from_db()
        assert (delivery.status, delivery.attempts, delivery.last_status_code) == ("succeeded", 3, 204)
        assert len(receiver.received) == 3

    def test_unreachable_receiver_gives_up_after_the_last_attempt(self, django_capture_on_commit_callbacks):
        WebhookEndpoint.objects.create(name="Gone", url="http://127.0.0.1:9/hooks", events=["page.published"])
        about = AboutPage.objects.get(locale__language_code="en")
        publish(about, django_capture_on_commit_callbacks)
        for _attempt in range(10):
            retry_due(now=timezone.now() + timezone.timedelta(days=1))
        delivery = WebhookDelivery.objects.get()
        assert delivery.status == "failed" and delivery.attempts == 6 and delivery.last_error

    def test_filters_by_event_type_and_language(self, receiver, home, django_capture_on_commit_callbacks, locales):
        endpoint = WebhookEndpoint.objects.create(name="Events in French", url=receiver.url, events=["event.changed"])
        endpoint.content_types.add(ContentType.objects.get_for_model(EventPage))
        endpoint.locales.add(locales["fr"])
        publish(StandardPageFactory(parent=home, title="Not an event"), django_capture_on_commit_callbacks)
        conference = site.EVENT["conference"]["slug"]
        publish(
            EventPage.objects.get(slug=conference, locale__language_code="en"),
            django_capture_on_commit_callbacks,
        )
        assert receiver.received == []
        publish(
            EventPage.objects.get(slug=conference, locale__language_code="fr"),
            django_capture_on_commit_callbacks,
        )
        assert [json.loads(r["body"])["event"] for r in receiver.received] == ["event.changed"]

    def test_translation_published_and_unpublished_and_deleted(
        self, receiver, home, django_capture_on_commit_callbacks
    ):
        WebhookEndpoint.objects.create(name="All", url=receiver.url, events=[])
        french = AboutPage.objects.get(locale__language_code="fr")
        publish(french, django_capture_on_commit_callbacks)
        page = StandardPageFactory(parent=home, title="Short-lived")
        with django_capture_on_commit_callbacks(execute=True):
            page.unpublish()
        with django_capture_on_commit_callbacks(execute=True):
            page.delete()
        events = [json.loads(r["body"])["event"] for r in receiver.received]
        assert events == ["page.published", "translation.published", "page.unpublished", "page.deleted"]

    def test_deliveries_are_logged_in_the_admin(self, admin_client, receiver, django_capture_on_commit_callbacks):
        WebhookEndpoint.objects.create(name="Logged", url=receiver.url, events=[])
        publish(AboutPage.objects.get(locale__language_code="en"), django_capture_on_commit_callbacks)
        listing = admin_client.get("/admin/snippets/headless/webhookdelivery/")
        assert listing.status_code == 200
        assert "page.published" in listing.content.decode() or "Page published" in listing.content.decode()
