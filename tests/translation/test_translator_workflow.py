"""
A translator's day, as a member of the French team: the dashboard opens on her
language, and machine translation creates French drafts only, or says plainly
that the service refused (her PO files: test_po_files.py).
"""

import re

import pytest
from django.contrib.messages import get_messages
from wagtail.models import Page

from tests import site
from tests.factories import StandardPageFactory
from tests.receivers import Receiver, libretranslate

DASHBOARD = "/admin/translations/"


def messages_of(response):
    return " ".join(str(message) for message in get_messages(response.wsgi_request))


def row_titles(response):
    return set(re.findall(r'<th scope="row"><a href="[^"]*">([^<]+)</a>', response.content.decode()))


def languages_shown(response):
    content = response.content.decode()
    return {code for code in site.LANGUAGES if f'data-language="{code}"' in content}


@pytest.fixture
def translator(client, french_translator):
    client.force_login(french_translator)
    return client


@pytest.mark.django_db
class TestDashboard:
    def test_a_translator_first_sees_her_own_language_and_can_ask_for_all(self, translator):
        assert languages_shown(translator.get(DASHBOARD)) == {"fr"}
        assert languages_shown(translator.get(DASHBOARD, {"language": ""})) == set(site.LANGUAGES) - {"en"}

    def test_an_administrator_sees_every_language(self, admin_client):
        assert languages_shown(admin_client.get(DASHBOARD)) == set(site.LANGUAGES) - {"en"}

    def test_the_state_filter_keeps_rows_in_that_state(self, admin_client, home):
        page = StandardPageFactory(parent=home, title="Only in English so far")
        site.publish(page)
        missing = row_titles(admin_client.get(DASHBOARD, {"state": "missing"}))
        assert page.title in missing
        assert site.TEXT["about"]["en"] not in missing  # translated into every language
        up_to_date = row_titles(admin_client.get(DASHBOARD, {"state": "up_to_date"}))
        assert site.TEXT["about"]["en"] in up_to_date and page.title not in up_to_date

    def test_visitors_are_sent_to_the_login_page(self, client):
        response = client.get(DASHBOARD)
        assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


@pytest.mark.django_db
class TestMachineTranslation:
    def test_a_translator_gets_drafts_in_her_language_only(self, translator, home, provider_at):
        page = StandardPageFactory(parent=home, title="Spectrum sharing")
        site.publish(page)
        with Receiver("ok", libretranslate) as receiver:
            provider_at(receiver.url)
            confirm = translator.get(f"/admin/translations/machine-translate/{page.pk}/")
            assert confirm.status_code == 200 and "Spectrum sharing" in confirm.content.decode()
            response = translator.post(f"/admin/translations/machine-translate/{page.pk}/", {"scope": "page"})
        assert "has started" in messages_of(response)
        [french] = page.get_translations()
        assert (french.locale.language_code, french.title, french.live) == ("fr", "SPECTRUM SHARING", False)

    def test_a_refusing_service_is_reported_and_creates_nothing(self, admin_client, home, provider_at):
        page = StandardPageFactory(parent=home, title="Refused by the service")
        site.publish(page)
        with Receiver("ok", lambda path, body: (403, {"error": "Invalid API key"})) as receiver:
            provider_at(receiver.url)
            response = admin_client.post(f"/admin/translations/machine-translate/{page.pk}/", {"scope": "page"})
        assert "failed" in messages_of(response)
        assert not page.get_translations().exists()

    def test_the_return_address_must_be_on_this_site(self, admin_client, home, provider_at):
        page = StandardPageFactory(parent=home, title="Return address")
        with Receiver("ok", libretranslate) as receiver:
            provider_at(receiver.url)
            response = admin_client.post(
                f"/admin/translations/machine-translate/{page.pk}/",
                {"scope": "page", "next": "https://evil.example.org/"},
            )
        assert response.status_code == 302 and response["Location"] == DASHBOARD

    def test_the_root_page_cannot_be_machine_translated(self, admin_client, dummy_machine_translator):
        root = Page.get_first_root_node()
        response = admin_client.post(f"/admin/translations/machine-translate/{root.pk}/", {"scope": "section"})
        assert response.status_code in (302, 403) and response.get("Location") != DASHBOARD
        assert Page.objects.filter(depth=1).count() == 1
