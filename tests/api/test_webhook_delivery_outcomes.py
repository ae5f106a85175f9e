"""
What the delivery log tells an operator, against real receivers on
127.0.0.1: a receiver address with a query string gets it; a receiver that
answers something other than HTTP is recorded as such; an endpoint limited
to some page types hears nothing about the others; events (published,
unpublished, deleted) also send "event.changed"; a delivery already made is
never sent twice.
"""

import contextlib
import json
import socket
import threading

import pytest
from django.contrib.contenttypes.models import ContentType

from events.models import EventPage
from headless.models import WebhookDelivery, WebhookEndpoint
from headless.webhooks import deliver_webhook, retry_due
from home.models import StandardPage
from tests.factories import EventPageFactory, StandardPageFactory
from tests.receivers import Receiver


@pytest.fixture(autouse=True)
def local_receivers_allowed(settings):
    settings.WEBHOOK_ALLOWED_NETWORKS = ["127.0.0.0/8"]


class RawReceiver:
    """Reads a request and answers `answer` verbatim, whatever it is; records the request line."""

    def __init__(self, answer):
        self.answer = answer
        self.request_lines = []
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}"
        threading.Thread(target=self.serve, daemon=True).start()

    def serve(self):
        while True:
            try:
                conn, _address = self.listener.accept()
            except OSError:
                return
            with conn:
                data = b""
                with contextlib.suppress(OSError):
                    while b"\r\n\r\n" not in data:
                        chunk = conn.recv(65536)
                        if not chunk:
                            break
                        data += chunk
                    self.request_lines.append(data.split(b"\r\n", 1)[0].decode("latin-1"))
                    conn.sendall(self.answer)

    def close(self):
        with contextlib.suppress(OSError):
            self.listener.shutdown(socket.SHUT_RDWR)
        self.listener.close()


@contextlib.contextmanager
def raw_receiver(answer):
    receiver = RawReceiver(answer)
    try:
        yield receiver
    finally:
        receiver.close()


def delivery_for(endpoint):
    return WebhookDelivery.objects.get(endpoint=endpoint)


@pytest.mark.django_db
class TestWhatTheReceiverAnswers:
    def test_the_query_string_of_the_receivers_address_is_kept(self, home, django_capture_on_commit_callbacks):
        with raw_receiver(b"HTTP/1.1 204 No Content\r\n\r\n") as receiver:
            endpoint = WebhookEndpoint.objects.create(
                name="Front end", url=f"{receiver.url}/hooks?site=gnwict&v=2", events=["page.published"]
            )
            with django_capture_on_commit_callbacks(execute=True):
                StandardPageFactory(parent=home, title="Spectrum policy").save_revision().publish()
        assert receiver.request_lines == ["POST /hooks?site=gnwict&v=2 HTTP/1.1"]
        assert delivery_for(endpoint).status == "succeeded"

    @pytest.mark.parametrize(
        "answer",
        [b"SSH-2.0-OpenSSH_9.6\r\n\r\n", b"HTTP/1.1 OK fine\r\n\r\n", b"no line break at all"],
        ids=["another-protocol", "no-status-code", "no-line"],
    )
    def test_a_receiver_that_does_not_speak_http_is_recorded_as_such(
        self, home, answer, django_capture_on_commit_callbacks
    ):
        with raw_receiver(answer) as receiver:
            endpoint = WebhookEndpoint.objects.create(name="Odd", url=receiver.url, events=["page.published"])
            with django_capture_on_commit_callbacks(execute=True):
                StandardPageFactory(parent=home, title="Odd receiver").save_revision().publish()
        delivery = delivery_for(endpoint)
        assert delivery.status == "pending" and delivery.attempts == 1
        assert delivery.last_error == "The receiver did not answer with HTTP."
        assert delivery.last_status_code is None
        assert delivery.next_attempt_at is not None


@pytest.mark.django_db
class TestWhoHearsWhat:
    def test_an_endpoint_for_events_hears_nothing_about_other_pages(
        self, home, events_index, django_capture_on_commit_callbacks
    ):
        with Receiver("ok", lambda path, body: (204, {})) as receiver:
            events_only = WebhookEndpoint.objects.create(name="Calendar", url=receiver.url, events=[])
            events_only.content_types.set([ContentType.objects.get_for_model(EventPage)])
            pages_only = WebhookEndpoint.objects.create(name="Pages", url=receiver.url, events=[])
            pages_only.content_types.set([ContentType.objects.get_for_model(StandardPage)])
            with django_capture_on_commit_callbacks(execute=True):
                StandardPageFactory(parent=home, title="Not an event").save_revision().publish()
        assert not WebhookDelivery.objects.filter(endpoint=events_only).exists()
        assert list(WebhookDelivery.objects.filter(endpoint=pages_only).values_list("event", flat=True)) == [
            "page.published"
        ]

    def test_an_event_unpublished_or_deleted_also_sends_event_changed(
        self, events_index, django_capture_on_commit_callbacks
    ):
        with Receiver("ok", lambda path, body: (204, {})) as receiver:
            endpoint = WebhookEndpoint.objects.create(name="Calendar", url=receiver.url, events=[])
            event = EventPageFactory(parent=events_index, title="Girls in ICT Day webinar")
            with django_capture_on_commit_callbacks(execute=True):
                event.unpublish()
            unpublished = sorted(WebhookDelivery.objects.filter(endpoint=endpoint).values_list("event", flat=True))
            assert unpublished == ["event.changed", "page.unpublished"]
            with django_capture_on_commit_callbacks(execute=True):
                EventPage.objects.get(pk=event.pk).delete()
        events = sorted(WebhookDelivery.objects.filter(endpoint=endpoint).values_list("event", flat=True))
        assert events == ["event.changed", "event.changed", "page.deleted", "page.unpublished"]
        deleted = WebhookDelivery.objects.get(endpoint=endpoint, event="page.deleted")
        assert deleted.payload["page"]["title"] == "Girls in ICT Day webinar"
        assert deleted.status == "succeeded"
        sent = [json.loads(body)["event"] for _path, body in receiver.requests]
        assert sorted(sent) == events

    def test_deleting_a_page_with_no_active_endpoint_records_nothing(self, home):
        WebhookEndpoint.objects.create(name="Paused", url="https://93.184.215.14/hooks", events=[], active=False)
        page = StandardPageFactory(parent=home, title="Short-lived")
        page.delete()
        assert not WebhookDelivery.objects.exists()


@pytest.mark.django_db
def test_a_delivery_already_made_is_never_sent_twice(home, django_capture_on_commit_callbacks):
    with Receiver("ok", lambda path, body: (204, {})) as receiver:
        endpoint = WebhookEndpoint.objects.create(name="Front end", url=receiver.url, events=["page.published"])
        with django_capture_on_commit_callbacks(execute=True):
            StandardPageFactory(parent=home, title="Once only").save_revision().publish()
        delivery = delivery_for(endpoint)
        assert delivery.status == "succeeded" and len(receiver.requests) == 1
        deliver_webhook.enqueue(delivery.pk)
        assert retry_due() == 0
    assert len(receiver.requests) == 1
    delivery.refresh_from_db()
    assert delivery.attempts == 1
