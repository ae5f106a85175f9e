"""
An administrator adds a webhook receiver in the admin: the form refuses every
address the site would not deliver to (not http(s), a bad port, a name that
does not resolve, loopback, private and cloud-metadata addresses) with a
message saying why, and saves nothing; a public address, or one inside
WEBHOOK_ALLOWED_NETWORKS, is saved with the events chosen.
"""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import translation
from django.utils.translation import gettext
from wagtail.users.models import UserProfile

from headless.models import WebhookEndpoint, WebhookEvent
from home.models import StandardPage

ADD = "/admin/snippets/headless/webhookendpoint/add/"


def add_endpoint(client, url, **fields):
    data = {"name": "Front end", "url": url, "secret": "a-shared-secret", "active": "on", **fields}
    return client.post(ADD, data)


def form_errors(response):
    return response.context["form"].errors


@pytest.mark.django_db
class TestRefusedAddresses:
    @pytest.mark.parametrize(
        ("url", "says"),
        [
            ("ftp://93.184.215.14/hooks", "Only http:// and https:// addresses are allowed."),
            ("http://93.184.215.14:99999/hooks", "The port is not valid."),
            ("http://127.0.0.1:8000/hooks", "is not a public address"),
            ("http://10.1.2.3/hooks", "is not a public address"),
            ("http://169.254.169.254/latest/meta-data/", "is not a public address"),
            ("http://[::ffff:127.0.0.1]/hooks", "is not a public address"),
            ("http://[::1]/hooks", "is not a public address"),
            ("http://224.0.0.1/hooks", "is not a public address"),
            ("http://localhost/hooks", "is not a public address"),
        ],
    )
    def test_an_address_the_site_would_not_deliver_to_is_refused_and_nothing_is_saved(self, admin_client, url, says):
        response = add_endpoint(admin_client, url)
        assert response.status_code == 200
        assert any(says in message for message in form_errors(response)["url"])
        assert not WebhookEndpoint.objects.exists()

    def test_a_name_that_does_not_resolve_is_refused(self, admin_client):
        # .invalid never resolves (RFC 6761), with or without a network.
        response = add_endpoint(admin_client, "https://receiver.invalid/hooks")
        assert response.status_code == 200
        [message] = form_errors(response)["url"]
        assert "receiver.invalid could not be found." in message or "No answer within" in message
        assert not WebhookEndpoint.objects.exists()

    def test_the_refusal_is_in_the_administrators_language(self, admin_client, admin_user):
        profile = UserProfile.get_for_user(admin_user)
        profile.preferred_language = "fr"
        profile.save()
        response = add_endpoint(admin_client, "ftp://93.184.215.14/")
        [message] = form_errors(response)["url"]
        with translation.override("fr"):
            assert message == gettext("Only http:// and https:// addresses are allowed.")
        assert "Only http" not in message
        assert not WebhookEndpoint.objects.exists()


@pytest.mark.django_db
class TestSavedEndpoints:
    def test_a_public_address_is_saved_with_the_chosen_events_languages_and_page_types(self, admin_client, locales):
        standard = ContentType.objects.get_for_model(StandardPage)
        response = add_endpoint(
            admin_client,
            "https://93.184.215.14/hooks?site=gnwict",
            events=[WebhookEvent.PAGE_PUBLISHED, WebhookEvent.PAGE_DELETED],
            locales=[locales["fr"].pk, locales["ar"].pk],
            content_types=[standard.pk],
        )
        assert response.status_code == 302
        endpoint = WebhookEndpoint.objects.get()
        assert endpoint.url == "https://93.184.215.14/hooks?site=gnwict"
        assert sorted(endpoint.events) == ["page.deleted", "page.published"]
        assert {locale.language_code for locale in endpoint.locales.all()} == {"fr", "ar"}
        assert list(endpoint.content_types.all()) == [standard]
        assert endpoint.active

    def test_no_events_chosen_means_every_event(self, admin_client):
        add_endpoint(admin_client, "https://93.184.215.14/all")
        assert WebhookEndpoint.objects.get().events == []
        form = admin_client.get(ADD).content.decode()
        for value, _label in WebhookEvent.choices:
            assert f'value="{value}"' in form

    def test_a_local_receiver_is_allowed_once_its_network_is_listed(self, admin_client, settings):
        settings.WEBHOOK_ALLOWED_NETWORKS = ["127.0.0.0/8"]
        response = add_endpoint(admin_client, "http://127.0.0.1:9000/hooks")
        assert response.status_code == 302
        assert WebhookEndpoint.objects.get().url == "http://127.0.0.1:9000/hooks"

    def test_listing_one_network_does_not_open_the_others(self, admin_client, settings):
        settings.WEBHOOK_ALLOWED_NETWORKS = ["127.0.0.0/8"]
        response = add_endpoint(admin_client, "http://192.168.1.20/hooks")
        assert "is not a public address" in form_errors(response)["url"][0]
        assert not WebhookEndpoint.objects.exists()

    def test_changing_an_address_to_a_private_one_keeps_the_old_one(self, admin_client):
        endpoint = WebhookEndpoint.objects.create(name="Front end", url="https://93.184.215.14/hooks", events=[])
        response = admin_client.post(
            f"/admin/snippets/headless/webhookendpoint/edit/{endpoint.pk}/",
            {"name": "Front end", "url": "http://10.0.0.8/hooks", "secret": endpoint.secret, "active": "on"},
        )
        assert response.status_code == 200
        endpoint.refresh_from_db()
        assert endpoint.url == "https://93.184.215.14/hooks"
