"""
Machine translation through each provider the site supports, against real
local servers posing as the provider: DeepL (its request form: the strings,
the source and target languages, the key in the Authorization header) and
LibreTranslate, a provider that refuses (wrong key, server error), and a
page whose parent is not translated yet. The editor sees drafts in the
languages asked for, or is told that it failed; nothing is published or
half-created.
"""

import json
import logging
from urllib.parse import parse_qs

import pytest
from django.contrib.messages import get_messages
from wagtail.models import Page

from tests.factories import StandardPageFactory
from tests.receivers import Receiver
from translation_workflow.providers import DeepLTranslator

TARGETS = {"ar", "es", "fr", "ru", "zh-hans"}


class LocalDeepL(DeepLTranslator):
    """DeepL's client as the site runs it, sent to a local receiver instead of deepl.com (OPTIONS["URL"])."""

    def get_api_endpoint(self):
        return self.options["URL"]


def deepl(path, body):
    """Answers like DeepL: each text, marked with its target language."""
    form = parse_qs(body.decode())
    target = form["target_lang"][0]
    return 200, {"translations": [{"detected_source_language": "EN", "text": f"[{target}] {t}"} for t in form["text"]]}


def refusing(status):
    return lambda path, body: (status, {"message": "Wrong authentication key" if status == 403 else "Internal error"})


@pytest.fixture
def deepl_at(settings):
    def configure(url, **options):
        settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
            "CLASS": f"{__name__}.LocalDeepL",
            "OPTIONS": {"URL": url + "/v2/translate", "AUTH_KEY": "test-key:fx", **options},
        }
        settings.MACHINE_TRANSLATION_TIMEOUT = 5

    return configure


def machine_translate(client, page, scope="page"):
    response = client.post(f"/admin/translations/machine-translate/{page.pk}/", {"scope": scope})
    assert response.status_code == 302
    return " ".join(str(m) for m in get_messages(response.wsgi_request))


@pytest.mark.django_db
class TestDeepL:
    def test_a_page_is_translated_into_every_other_language_as_drafts(self, admin_client, home, deepl_at):
        page = StandardPageFactory(parent=home, title="Digital inclusion", intro="Closing the gender gap.")
        with Receiver("ok", deepl) as receiver:
            deepl_at(receiver.url)
            said = machine_translate(admin_client, page)
        assert "has started" in said
        translations = {p.locale.language_code: p.specific for p in page.get_translations().select_related("locale")}
        assert set(translations) == TARGETS
        for code, translated in translations.items():
            marker = f"[{code.split('-')[0].upper()}]"
            assert translated.title == f"{marker} Digital inclusion"
            assert translated.intro == f"{marker} Closing the gender gap."
            assert not translated.live
        # One call per language, each with DeepL's form fields.
        sent = [parse_qs(body.decode()) for _path, body in receiver.requests]
        assert sorted(form["target_lang"][0] for form in sent) == ["AR", "ES", "FR", "RU", "ZH"]
        assert all(form["source_lang"] == ["EN"] and form["tag_handling"] == ["xml"] for form in sent)
        assert all("Digital inclusion" in form["text"] for form in sent)
        assert {path for path, _body in receiver.requests} == {"/v2/translate"}

    def test_a_formality_option_reaches_the_provider(self, admin_client, home, deepl_at):
        page = StandardPageFactory(parent=home, title="Mentoring")
        with Receiver("ok", deepl) as receiver:
            deepl_at(receiver.url, FORMALITY="prefer_more")
            machine_translate(admin_client, page)
        assert receiver.requests
        assert all(parse_qs(body.decode())["formality"] == ["prefer_more"] for _path, body in receiver.requests)

    @pytest.mark.parametrize("status", [403, 500])
    def test_a_refusing_provider_is_reported_and_leaves_no_translation(
        self, admin_client, home, deepl_at, status, caplog
    ):
        page = StandardPageFactory(parent=home, title="Cyber security for all")
        with Receiver("ok", refusing(status)) as receiver, caplog.at_level(logging.ERROR, "home.deadlines"):
            deepl_at(receiver.url)
            said = machine_translate(admin_client, page)
        assert receiver.requests
        assert "failed" in said and "Cyber security for all" in said
        assert not page.get_translations().exists()
        # Run at once (immediate tasks), the failure cannot be retried later: the log says so.
        assert "cannot retry it later" in caplog.text


@pytest.mark.django_db
class TestLibreTranslate:
    def test_a_server_error_is_reported_and_leaves_no_translation(self, admin_client, home, provider_at):
        page = StandardPageFactory(parent=home, title="Girls in ICT")
        with Receiver("ok", refusing(500)) as receiver:
            provider_at(receiver.url)
            said = machine_translate(admin_client, page)
        [(path, body)] = receiver.requests[:1]
        assert path == "/translate" and "Girls in ICT" in json.loads(body)["q"]
        assert "failed" in said
        assert not page.get_translations().exists()


@pytest.mark.django_db
class TestSections:
    def test_a_page_whose_parent_is_untranslated_waits_for_its_section(self, admin_client, home, deepl_at):
        section = StandardPageFactory(parent=home, title="Skills hub")
        child = StandardPageFactory(parent=section, title="Coding basics")
        with Receiver("ok", deepl) as receiver:
            deepl_at(receiver.url)
            machine_translate(admin_client, child)
            assert not child.get_translations().exists()
            assert receiver.requests == []
            # Translating the section from the top reaches the child too.
            machine_translate(admin_client, section, scope="section")
        for title in ["Skills hub", "Coding basics"]:
            source = Page.objects.get(title=title, locale__language_code="en")
            assert {p.locale.language_code for p in source.get_translations()} == TARGETS
        french_child = child.get_translation(child.get_translations().get(locale__language_code="fr").locale)
        assert french_child.title == "[FR] Coding basics"
        assert french_child.get_parent().title == "[FR] Skills hub"
