"""A French translator works on French content only, through the admin's own views."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from articles.models import TopicLabel
from home.models import AboutPage
from tests import site


@pytest.mark.django_db
class TestTranslationTeams:
    def test_command_creates_a_team_per_language_and_is_idempotent(self):
        call_command("setup_translation_teams", stdout=io.StringIO())
        before = Group.objects.count()
        call_command("setup_translation_teams", stdout=io.StringIO())
        assert Group.objects.count() == before
        names = set(Group.objects.values_list("name", flat=True))
        assert {
            "Editors",
            "Moderators",
            "Translators – Arabic",
            "Translators – Chinese",
            "Translators – French",
            "Translators – Russian",
            "Translators – Spanish",
        } <= names

    def test_french_translator_edits_and_publishes_french_pages(self, client, french_translator):
        client.force_login(french_translator)
        french = AboutPage.objects.get(locale__language_code="fr")
        assert client.get(f"/admin/pages/{french.pk}/edit/").status_code == 200
        assert french.permissions_for_user(french_translator).can_publish()

    def test_french_translator_cannot_edit_or_publish_arabic_pages(self, client, french_translator):
        client.force_login(french_translator)
        arabic = AboutPage.objects.get(locale__language_code="ar")
        title = arabic.title
        response = client.get(f"/admin/pages/{arabic.pk}/edit/")
        assert response.status_code in (302, 403)
        assert f"/admin/pages/{arabic.pk}/edit/" not in response.get("Location", "")
        publish = client.post(f"/admin/pages/{arabic.pk}/edit/", {"title": "Piraté", "action-publish": "1"})
        assert publish.status_code in (302, 403)
        arabic.refresh_from_db()
        assert arabic.title == title
        unpublish = client.post(f"/admin/pages/{arabic.pk}/unpublish/")
        assert unpublish.status_code in (302, 403)
        arabic.refresh_from_db()
        assert arabic.live

    def test_french_translator_cannot_touch_english_pages(self, client, french_translator):
        client.force_login(french_translator)
        english = AboutPage.objects.get(locale__language_code="en")
        assert not english.permissions_for_user(french_translator).can_edit()
        assert client.get(f"/admin/pages/{english.pk}/edit/").status_code in (302, 403)

    def test_snippets_only_in_her_own_language(self, client, french_translator):
        client.force_login(french_translator)
        french = TopicLabel.objects.get(tag__slug="policy", locale__language_code="fr")
        arabic = TopicLabel.objects.get(tag__slug="policy", locale__language_code="ar")
        assert client.get(f"/admin/snippets/articles/topiclabel/edit/{french.pk}/").status_code == 200
        denied = client.get(f"/admin/snippets/articles/topiclabel/edit/{arabic.pk}/")
        assert denied.status_code in (302, 403) and denied.get("Location", "/admin/") == "/admin/"
        response = client.post(f"/admin/snippets/articles/topiclabel/edit/{arabic.pk}/", {"label": "x"})
        assert response.status_code in (302, 403)
        arabic.refresh_from_db()
        assert arabic.label == site.TOPICS["policy"]["ar"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "app,model,lookup",
    [
        ("home", "footertext", {}),
        ("home", "navigationmenu", {}),
        ("members", "member", {"full_name": site.MEMBERS[1][0]}),  # not translated yet
        ("articles", "topiclabel", {"tag__slug": "policy"}),
        ("events", "eventcategory", {"slug": "webinar"}),
    ],
)
def test_every_translatable_snippet_opens_in_wagtail_localize(admin_client, app, model, lookup):
    from django.apps import apps

    instance = apps.get_model(app, model).objects.filter(locale__language_code="en", **lookup).first()
    response = admin_client.get(f"/admin/localize/submit/snippet/{app}/{model}/{instance.pk}/")
    assert response.status_code == 200
    assert "Translate" in response.content.decode() or "translat" in response.content.decode().lower()
