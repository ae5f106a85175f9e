import pytest


@pytest.fixture
def dummy_machine_translator(settings):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator",
        "OPTIONS": {},
    }


@pytest.fixture
def provider_at(settings):
    """Machine translation through translation_workflow's LibreTranslate provider at `url` (a local receiver)."""

    def configure(url):
        settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
            "CLASS": "translation_workflow.providers.LibreTranslator",
            "OPTIONS": {"LIBRETRANSLATE_URL": url, "API_KEY": ""},
        }
        settings.MACHINE_TRANSLATION_TIMEOUT = 2

    return configure
