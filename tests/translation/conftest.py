import pytest
from django.contrib.auth.models import Group
from wagtail.models import Locale

from translation_workflow.teams import translators_group_name


@pytest.fixture
def french_translator(django_user_model):
    user = django_user_model.objects.create_user("amelie", "amelie@example.org", "password")  # noqa: S106
    user.groups.add(Group.objects.get(name=translators_group_name(Locale.objects.get(language_code="fr"))))
    return user


@pytest.fixture
def dummy_machine_translator(settings):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator",
        "OPTIONS": {},
    }
