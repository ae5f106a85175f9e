"""The admin's translation screens: one entry, buttons only where they can act, no third-party avatars."""

import re

import pytest

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

REPORT_URL = "/admin/localize/reports/translations/"


def test_one_translations_entry_in_the_admin_menu(admin_client):
    content = admin_client.get("/admin/").content.decode()
    assert "/admin/translations/" in content  # our dashboard, in the main menu
    assert REPORT_URL not in content  # not wagtail-localize's report as well, under Reports


def test_machine_translation_buttons_hide_when_no_provider_is_set_up(admin_client, home, settings):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
    page = StandardPageFactory(parent=home, title="Untranslated notes")
    dashboard = admin_client.get("/admin/translations/").content.decode()
    assert 'name="scope" value="page"' not in dashboard
    assert "Machine translation is not set up" in dashboard
    edit = admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert f"/admin/translations/machine-translate/{page.pk}/" not in edit


def test_machine_translation_buttons_only_on_rows_with_something_missing(admin_client, home, dummy_machine_translator):
    page = StandardPageFactory(parent=home, title="Untranslated notes")
    dashboard = admin_client.get("/admin/translations/").content.decode()
    forms = dict(
        re.findall(
            r'<form method="post" action="/admin/translations/machine-translate/(\d+)/">(.*?)</form>', dashboard, re.S
        )
    )
    assert 'value="page"' in forms[str(page.pk)]
    assert 'value="section"' not in forms[str(page.pk)]  # it has no sub-pages
    about = home.get_children().get(slug="about")
    assert str(about.pk) not in forms  # translated into every language: nothing to do
    assert 'value="section"' in forms[str(home.pk)]  # a page below the home page lacks languages
    edit = admin_client.get(f"/admin/pages/{about.pk}/edit/").content.decode()
    assert f"/admin/translations/machine-translate/{about.pk}/" not in edit


def test_no_gravatar(admin_client):
    for path in ("/admin/", "/admin/account/"):
        assert "gravatar.com" not in admin_client.get(path).content.decode()
