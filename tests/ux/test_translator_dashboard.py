"""A translator's translation grid opens on her own language; everyone can still choose all languages."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Locale

from translation_workflow.teams import translators_group_name

pytestmark = pytest.mark.django_db


@pytest.fixture
def french_translator(client, django_user_model):
    user = django_user_model.objects.create_user("odile", "odile@example.org", "password")  # noqa: S106
    user.groups.add(Group.objects.get(name=translators_group_name(Locale.objects.get(language_code="fr"))))
    client.force_login(user)
    return client


def test_the_grid_opens_on_the_translators_language(french_translator):
    content = french_translator.get("/admin/translations/").content.decode()
    assert '<option value="fr" selected>' in content


def test_the_translator_can_still_choose_all_languages(french_translator):
    content = french_translator.get("/admin/translations/", {"language": ""}).content.decode()
    assert '<option value="fr" selected>' not in content


def test_administrators_see_every_language_first(admin_client):
    content = admin_client.get("/admin/translations/").content.decode()
    assert " selected>" not in content.split('name="language"', 1)[1].split("</select>", 1)[0]
