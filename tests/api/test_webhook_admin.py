"""
Webhooks from the operator's side: `manage.py retry_webhooks` (cron, when tasks
run immediately) sends what is due to a real receiver on 127.0.0.1, and the
webhook screens, which show signing secrets, are for superusers only.
"""

import datetime
import io
import json

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone

from headless.models import WebhookDelivery, WebhookEndpoint
from tests.receivers import Receiver

ENDPOINTS = "/admin/snippets/headless/webhookendpoint/"
DELIVERIES = "/admin/snippets/headless/webhookdelivery/"


@pytest.fixture(autouse=True)
def local_receivers_allowed(settings):
    settings.WEBHOOK_ALLOWED_NETWORKS = ["127.0.0.0/8"]


def pending(endpoint, due_in_seconds):
    return WebhookDelivery.objects.create(
        endpoint=endpoint,
        event="page.published",
        payload={"event": "page.published", "page": {"id": 1}},
        attempts=1,
        next_attempt_at=timezone.now() + datetime.timedelta(seconds=due_in_seconds),
    )


@pytest.mark.django_db
def test_retry_webhooks_sends_the_due_deliveries_only():
    with Receiver(respond=lambda path, body: (202, {})) as receiver:
        endpoint = WebhookEndpoint.objects.create(name="Front end", url=f"{receiver.url}/hooks", events=[])
        due, later = pending(endpoint, -5), pending(endpoint, 3600)
        out = io.StringIO()
        call_command("retry_webhooks", stdout=out)
    assert out.getvalue().strip() == "1 webhook deliveries attempted."
    due.refresh_from_db()
    later.refresh_from_db()
    assert (due.status, due.attempts, due.last_status_code) == ("succeeded", 2, 202)
    assert (later.status, later.attempts) == ("pending", 1)
    [(path, body)] = receiver.requests
    assert path == "/hooks" and json.loads(body) == due.payload


@pytest.mark.django_db
def test_a_receiver_that_keeps_failing_is_recorded_as_failed_with_its_answer():
    with Receiver(respond=lambda path, body: (503, {"error": "maintenance"})) as receiver:
        endpoint = WebhookEndpoint.objects.create(name="Down", url=receiver.url, events=[])
        delivery = pending(endpoint, -5)
        for _attempt in range(10):
            WebhookDelivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now())
            call_command("retry_webhooks", stdout=io.StringIO())
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == ("failed", 6, 503)
    assert "503" in delivery.last_error and "maintenance" in delivery.last_error
    assert len(receiver.requests) == 5  # the first of the six attempts was before the test


@pytest.mark.django_db
class TestWebhookScreens:
    def test_a_superuser_sees_the_webhooks_and_their_deliveries(self, admin_client):
        endpoint = WebhookEndpoint.objects.create(name="Front end", url="https://app.example.org/hooks")
        pending(endpoint, 60)
        assert "Front end" in admin_client.get(ENDPOINTS).content.decode()
        assert "page.published" in admin_client.get(DELIVERIES).content.decode()

    @pytest.mark.parametrize("group", ["Editors", "Moderators", "Translators – French"])
    def test_other_staff_can_neither_read_secrets_nor_add_receivers(self, client, django_user_model, group):
        endpoint = WebhookEndpoint.objects.create(name="Front end", url="https://app.example.org/hooks")
        user = django_user_model.objects.create_user("staff", "staff@example.org", "password")  # noqa: S106
        user.groups.add(Group.objects.get(name=group))
        client.force_login(user)
        for url in (ENDPOINTS, f"{ENDPOINTS}edit/{endpoint.pk}/", DELIVERIES):
            response = client.get(url)
            assert response.status_code in (302, 403), url
            assert endpoint.secret not in response.content.decode()
        added = client.post(f"{ENDPOINTS}add/", {"name": "Mine", "url": "https://evil.example.org/", "active": "on"})
        assert added.status_code in (302, 403)
        assert not WebhookEndpoint.objects.filter(name="Mine").exists()
