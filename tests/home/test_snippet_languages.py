"""A language team and the site-wide snippets (menu, footer) in the admin: it changes its own language's only."""

import pytest
from django.urls import reverse

from home.models import FooterText, NavigationMenu

pytestmark = pytest.mark.django_db


def edit_url(snippet):
    return reverse(type(snippet).snippet_viewset.get_url_name("edit"), args=[snippet.pk])


@pytest.mark.parametrize("model", [NavigationMenu, FooterText], ids=["menu", "footer"])
def test_a_language_team_opens_its_own_languages_snippet_only(client, french_translator, locales, model):
    client.force_login(french_translator)
    assert client.get(edit_url(model.objects.get(locale=locales["fr"]))).status_code == 200
    for code in ("en", "ar"):
        assert client.get(edit_url(model.objects.get(locale=locales[code]))).status_code in (302, 403)


def test_a_language_team_cannot_change_another_languages_footer(client, french_translator, locales):
    english = FooterText.objects.get(locale=locales["en"])
    client.force_login(french_translator)
    response = client.post(
        edit_url(english), {"body": "<p>Défacé</p>", "links-TOTAL_FORMS": 0, "links-INITIAL_FORMS": 0}
    )
    assert response.status_code in (302, 403)
    english.refresh_from_db()
    assert "Défacé" not in english.body
