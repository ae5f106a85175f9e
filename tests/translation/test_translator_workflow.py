"""
A translator's day, as a member of the French team: the dashboard opens on her
language, PO files round-trip for French and are refused for Arabic, and
machine translation creates French drafts only, or says plainly that the
service refused.
"""

import json
import re

import polib
import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import Page
from wagtail_localize.models import Translation

from home.models import AboutPage
from tests import site
from tests.factories import StandardPageFactory
from tests.receivers import Receiver

DASHBOARD = "/admin/translations/"


def translation_of(page, language):
    return Translation.objects.get(source__object_id=page.translation_key, target_locale__language_code=language)


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


def upload(client, translation, content):
    return client.post(
        f"/admin/localize/translate/{translation.pk}/pofile/upload/",
        {"file": SimpleUploadedFile("about.po", content, "text/x-gettext-translation"), "next": "/admin/"},
    )


@pytest.mark.django_db
class TestPOFilesForATranslator:
    def test_round_trip_in_her_own_language(self, translator):
        about = AboutPage.objects.get(locale__language_code="en")
        french = translation_of(about, "fr")
        download = translator.get(f"/admin/localize/translate/{french.pk}/pofile/download/")
        assert download.status_code == 200
        po = polib.pofile(download.content.decode())
        next(entry for entry in po if entry.msgid == about.join_title).msgstr = "Rejoindre le réseau, version PO"
        response = upload(translator, french, str(po).encode())
        assert "Successfully imported" in messages_of(response)
        french.save_target(publish=True)
        assert AboutPage.objects.get(locale__language_code="fr").join_title == "Rejoindre le réseau, version PO"

    def test_another_languages_file_is_neither_given_nor_taken(self, translator):
        about = AboutPage.objects.get(locale__language_code="en")
        arabic = translation_of(about, "ar")
        download = translator.get(f"/admin/localize/translate/{arabic.pk}/pofile/download/")
        assert download.status_code in (302, 403)
        assert "msgid" not in download.content.decode()
        po = polib.pofile(str(arabic.export_po()))
        next(entry for entry in po if entry.msgid == about.join_title).msgstr = "مخترق"
        before = [(entry.msgid, entry.msgstr) for entry in arabic.export_po()]
        assert upload(translator, arabic, str(po).encode()).status_code in (302, 403)
        assert [(entry.msgid, entry.msgstr) for entry in arabic.export_po()] == before


@pytest.fixture
def provider(settings):
    def at(url):
        settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
            "CLASS": "translation_workflow.providers.LibreTranslator",
            "OPTIONS": {"LIBRETRANSLATE_URL": url, "API_KEY": ""},
        }
        settings.MACHINE_TRANSLATION_TIMEOUT = 5

    return at


def upper_case(path, body):
    return 200, {"translatedText": [text.upper() for text in json.loads(body)["q"]]}


@pytest.mark.django_db
class TestMachineTranslation:
    def test_a_translator_gets_drafts_in_her_language_only(self, translator, home, provider):
        page = StandardPageFactory(parent=home, title="Spectrum sharing")
        site.publish(page)
        with Receiver("ok", upper_case) as receiver:
            provider(receiver.url)
            confirm = translator.get(f"/admin/translations/machine-translate/{page.pk}/")
            assert confirm.status_code == 200 and "Spectrum sharing" in confirm.content.decode()
            response = translator.post(f"/admin/translations/machine-translate/{page.pk}/", {"scope": "page"})
        assert "has started" in messages_of(response)
        [french] = page.get_translations()
        assert (french.locale.language_code, french.title, french.live) == ("fr", "SPECTRUM SHARING", False)

    def test_a_refusing_service_is_reported_and_creates_nothing(self, admin_client, home, provider):
        page = StandardPageFactory(parent=home, title="Refused by the service")
        site.publish(page)
        with Receiver("ok", lambda path, body: (403, {"error": "Invalid API key"})) as receiver:
            provider(receiver.url)
            response = admin_client.post(f"/admin/translations/machine-translate/{page.pk}/", {"scope": "page"})
        assert "failed" in messages_of(response)
        assert not page.get_translations().exists()

    def test_the_return_address_must_be_on_this_site(self, admin_client, home, provider):
        page = StandardPageFactory(parent=home, title="Return address")
        with Receiver("ok", upper_case) as receiver:
            provider(receiver.url)
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
