"""
wagtail-localize's "update translations" re-syncs one source that every
language's translation is made from: a translator may do it only when she
holds every language it updates.
"""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from tests.factories import StandardPageFactory
from translation_workflow.teams import translators_group_name


def refused(response):
    return response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/admin/")


@pytest.fixture
def french_translator(django_user_model):
    user = django_user_model.objects.create_user("update-fr", "update-fr@example.org", "password")  # noqa: S106
    user.groups.add(Group.objects.get(name=translators_group_name(Locale.objects.get(language_code="fr"))))
    return user


def english_source(home, locales, targets):
    english_home = home.get_translation(locales["en"])
    page = StandardPageFactory(parent=english_home, title="Spectrum policy", slug="spectrum-policy-update")
    page.save_revision().publish()
    source, _created = TranslationSource.get_or_create_from_instance(page)
    for code in targets:
        Translation.objects.create(source=source, target_locale=locales[code], enabled=True).save_target()
    return page, source


@pytest.mark.django_db
def test_a_french_translator_cannot_resync_a_source_other_languages_translate(client, french_translator, home, locales):
    page, source = english_source(home, locales, ["fr", "ar", "es"])
    page.title = "Spectrum policy, revised"
    page.save_revision().publish()
    before = TranslationSource.objects.get(pk=source.pk).last_updated_at
    client.force_login(french_translator)

    assert refused(client.get(f"/admin/localize/update/{source.pk}/"))
    assert refused(client.post(f"/admin/localize/update/{source.pk}/", {}))
    assert TranslationSource.objects.get(pk=source.pk).last_updated_at == before


@pytest.mark.django_db
def test_a_french_translator_may_resync_a_source_translated_only_into_french(client, french_translator, home, locales):
    page, source = english_source(home, locales, ["fr"])
    page.title = "Spectrum policy, revised"
    page.save_revision().publish()
    before = TranslationSource.objects.get(pk=source.pk).last_updated_at
    client.force_login(french_translator)

    assert client.get(f"/admin/localize/update/{source.pk}/").status_code == 200
    response = client.post(f"/admin/localize/update/{source.pk}/", {})
    assert response.status_code == 302
    assert not refused(response)
    assert TranslationSource.objects.get(pk=source.pk).last_updated_at > before
