"""
Webhooks cannot reach inside: only public addresses, checked after DNS and
used for the connection, no redirects, one total deadline per delivery, short
escaped error excerpts, a form that answers every bad value, and a queue of
their own. The receivers are real servers on 127.0.0.1 started here.
"""

import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone

from headless.models import WebhookDelivery, WebhookEndpoint
from headless.webhooks import attempt

ROOT = Path(__file__).resolve().parent.parent.parent


class SocketReceiver:
    """A TCP server on 127.0.0.1 that reads a request and answers with `reply(conn)`."""

    def __init__(self, reply):
        self.reply = reply
        self.requests = 0
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}/hook"
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self.serve, daemon=True)
        self.thread.start()

    def serve(self):
        self.sock.settimeout(0.2)
        while not self.stopping.is_set():
            try:
                conn, _address = self.sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.requests += 1
            threading.Thread(target=self.handle, args=(conn,), daemon=True).start()

    def handle(self, conn):
        with conn:
            conn.settimeout(5)
            try:
                conn.recv(65536)
                self.reply(conn, self.stopping)
            except OSError:
                pass

    def close(self):
        self.stopping.set()
        self.sock.close()
        self.thread.join(timeout=5)


def drip(text, every=3.0):
    """Answer one byte every `every` seconds."""

    def reply(conn, stopping):
        for byte in text.encode():
            if stopping.wait(every):
                return
            conn.sendall(bytes([byte]))

    return reply


def answer(raw):
    def reply(conn, stopping):
        conn.sendall(raw)

    return reply


@pytest.fixture
def receivers(settings):
    settings.WEBHOOK_ALLOWED_NETWORKS = ["127.0.0.0/8"]
    started = []

    def start(reply):
        receiver = SocketReceiver(reply)
        started.append(receiver)
        return receiver

    yield start
    for receiver in started:
        receiver.close()


def delivery_to(url):
    endpoint = WebhookEndpoint.objects.create(name="Receiver", url=url, events=[])
    return WebhookDelivery.objects.create(endpoint=endpoint, event="page.published", payload={"event": "test"})


@pytest.mark.django_db
class TestInsideAddressesAreRefused:
    @pytest.mark.parametrize(
        "url",
        [
            "http://127.0.0.1:8000/",
            "http://localhost/",
            "http://169.254.169.254/latest/meta-data/",
            "http://10.0.0.5/",
            "http://192.168.1.1/",
            "http://172.16.0.1/",
            "http://100.64.0.1/",
            "http://[::1]/",
            "http://[::ffff:127.0.0.1]/",
            "http://[fd00:ec2::254]/",
            "http://0.0.0.0/",
            "http://2130706433/",
            "ftp://example.org/",
            "file:///etc/passwd",
        ],
    )
    def test_the_form_refuses_addresses_that_are_not_public(self, admin_client, url):
        response = admin_client.post("/admin/snippets/headless/webhookendpoint/add/", {"name": "Inside", "url": url})
        assert response.status_code == 200
        assert response.context["form"].errors.get("url")
        assert not WebhookEndpoint.objects.filter(name="Inside").exists()

    def test_a_stored_inside_address_is_never_contacted(self, receivers, settings):
        receiver = receivers(answer(b"HTTP/1.1 204 No Content\r\n\r\n"))
        settings.WEBHOOK_ALLOWED_NETWORKS = []  # as in production
        delivery = delivery_to(receiver.url)
        assert attempt(delivery) is False
        time.sleep(0.3)
        assert receiver.requests == 0
        assert "public" in delivery.last_error

    def test_redirects_are_not_followed(self, receivers):
        inside = receivers(answer(b"HTTP/1.1 204 No Content\r\n\r\n"))
        redirecting = receivers(
            answer(f"HTTP/1.1 307 Temporary Redirect\r\nLocation: {inside.url}\r\nContent-Length: 0\r\n\r\n".encode())
        )
        delivery = delivery_to(redirecting.url)
        assert attempt(delivery) is False
        time.sleep(0.3)
        assert inside.requests == 0
        assert delivery.last_status_code == 307 and "redirect" in delivery.last_error

    def test_error_bodies_are_cut_short_and_shown_escaped(self, receivers, admin_client):
        body = b"<html><script>alert('internal')</script>" + b"secret-config " * 2000 + b"</html>"
        receiver = receivers(
            answer(b"HTTP/1.1 500 Internal Server Error\r\nContent-Length: %d\r\n\r\n" % len(body) + body)
        )
        delivery = delivery_to(receiver.url)
        assert attempt(delivery) is False
        assert delivery.last_status_code == 500
        assert len(delivery.last_error) <= 220
        page = admin_client.get(f"/admin/snippets/headless/webhookdelivery/inspect/{delivery.pk}/").content.decode()
        assert "<script>alert('internal')" not in page


@pytest.mark.django_db
class TestDeadline:
    def test_a_receiver_sending_a_byte_every_three_seconds_cannot_hold_the_worker(self, receivers, settings):
        settings.WEBHOOK_TIMEOUT_SECONDS = 2
        receiver = receivers(drip("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"))
        delivery = delivery_to(receiver.url)
        began = time.monotonic()
        assert attempt(delivery) is False
        assert time.monotonic() - began < 4
        delivery.refresh_from_db()
        assert delivery.status == "pending" and delivery.attempts == 1
        assert "2" in delivery.last_error
        assert delivery.next_attempt_at > timezone.now()  # retried later, with backoff

    def test_a_receiver_that_never_answers_fails_on_time(self, receivers, settings):
        settings.WEBHOOK_TIMEOUT_SECONDS = 1.5
        receiver = receivers(lambda conn, stopping: stopping.wait(30))
        delivery = delivery_to(receiver.url)
        began = time.monotonic()
        assert attempt(delivery) is False
        assert time.monotonic() - began < 3.5


@pytest.mark.django_db
class TestForm:
    def test_no_event_ticked_means_every_event(self, admin_client, settings):
        settings.WEBHOOK_ALLOWED_NETWORKS = []
        response = admin_client.post(
            "/admin/snippets/headless/webhookendpoint/add/",
            {"name": "Everything", "url": "https://93.184.215.14/hook", "secret": "s" * 32, "active": "on"},
        )
        assert response.status_code == 302
        endpoint = WebhookEndpoint.objects.get(name="Everything")
        assert endpoint.events == []

    def test_chosen_events_are_kept(self, admin_client):
        admin_client.post(
            "/admin/snippets/headless/webhookendpoint/add/",
            {
                "name": "Some",
                "url": "https://93.184.215.14/hook",
                "secret": "s" * 32,
                "events": ["page.published", "event.changed"],
            },
        )
        assert WebhookEndpoint.objects.get(name="Some").events == ["page.published", "event.changed"]

    @pytest.mark.parametrize(
        "data",
        [
            {"name": "", "url": "https://93.184.215.14/"},
            {"name": "Bad", "url": "not a url"},
            {"name": "Bad", "url": "https://93.184.215.14/", "events": ["no.such.event"]},
        ],
    )
    def test_every_bad_value_gets_a_message(self, admin_client, data):
        response = admin_client.post("/admin/snippets/headless/webhookendpoint/add/", data)
        assert response.status_code == 200
        assert response.context["form"].errors


def manage(*args, env_extra=None, timeout=180):
    db = connection.settings_dict
    env = {
        **os.environ,
        "TASKS_BACKEND": "database",
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DATABASE_URL": f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "SEARCH_URL": "",
        "WEBHOOK_ALLOWED_NETWORKS": "127.0.0.0/8",
        "WEBHOOK_TIMEOUT_SECONDS": "3",
        **(env_extra or {}),
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    began = time.monotonic()
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return time.monotonic() - began


@pytest.mark.django_db
def test_a_slow_receiver_does_not_delay_other_background_work(receivers):
    """With the database worker, as in production: deliveries wait on their own queue."""
    from django_tasks_db.models import DBTaskResult

    slow = receivers(drip("HTTP/1.1 200 OK\r\n\r\n", every=3.0))
    setup = (
        "from headless.models import WebhookEndpoint; from home.models import HomePage, StandardPage; "
        f"WebhookEndpoint.objects.create(name='slow-probe', url={slow.url!r}, events=['page.published']); "
        "home = HomePage.objects.get(depth=2, locale__language_code='en'); "
        "page = home.add_child(instance=StandardPage(title='Slow probe', slug='slow-probe')); "
        "page.save_revision().publish()"
    )
    # The subprocesses commit to the test database: leave it as it was.
    cleanup = (
        "from headless.models import WebhookEndpoint; from wagtail.models import Page; "
        "WebhookEndpoint.objects.filter(name='slow-probe').delete(); Page.objects.filter(slug='slow-probe').delete()"
    )
    before = set(DBTaskResult.objects.values_list("id", flat=True))
    try:
        manage("shell", "-c", setup)
        queued = DBTaskResult.objects.exclude(id__in=before)
        webhook = queued.get(task_path="headless.webhooks.deliver_webhook")
        assert webhook.queue_name == "webhooks"
        # The default worker runs the index updates and leaves the slow delivery alone.
        manage("db_worker", "--batch")
        others = queued.exclude(pk=webhook.pk)
        assert others.exists() and set(others.values_list("status", flat=True)) == {"SUCCESSFUL"}
        webhook.refresh_from_db()
        assert webhook.status == "READY"
        # The webhooks worker gives the delivery its deadline, records the failure and moves on.
        took = manage("db_worker", "--batch", "--queue-name", "webhooks")
        assert took < 60
        delivery = WebhookDelivery.objects.get(endpoint__name="slow-probe")
        assert delivery.attempts == 1 and delivery.last_status_code is None and delivery.last_error
        assert delivery.status == "pending" and delivery.next_attempt_at is not None
        assert delivery.payload["page"]["title"] == "Slow probe"
    finally:
        manage("shell", "-c", cleanup)
