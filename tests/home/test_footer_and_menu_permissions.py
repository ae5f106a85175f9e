"""
The site-wide snippets of `home` (footer text, navigation menu) in the
admin, by role: a language team lists, opens and creates them in its own
language only; a group that holds no language tree (snippet permissions
alone) and the site-wide administrators are not limited to a language; an
account that has been deactivated can do nothing.
"""

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import Locale

from home.models import FooterText, NavigationMenu
from home.permissions import TranslatableSnippetPermissionPolicy
from tests import site
from translation_workflow.teams import ADMINISTRATORS, translators_group_name

FOOTERS = "/admin/snippets/home/footertext/"
MENUS = "/admin/snippets/home/navigationmenu/"


def refused(response):
    return response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/admin/")


def user_in(django_user_model, username, *group_names):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "password")  # noqa: S106
    user.groups.add(*Group.objects.filter(name__in=group_names))
    return user


@pytest.fixture
def french_translator(django_user_model, locales):
    return user_in(django_user_model, "amelie", translators_group_name(locales["fr"]))


def footer(code):
    return FooterText.objects.get(locale__language_code=code)


@pytest.mark.django_db
class TestLanguageTeam:
    def test_the_footer_listing_offers_to_edit_her_languages_footer_only(self, client, french_translator):
        client.force_login(french_translator)
        listing = client.get(FOOTERS)
        assert listing.status_code == 200
        html = listing.content.decode()
        # Every language is listed (she may view them), but only hers leads to its editor.
        assert {item.locale.language_code for item in listing.context["object_list"]} == set(site.LANGUAGES)
        assert f"{FOOTERS}edit/{footer('fr').pk}/" in html
        for code in ("ar", "en", "es", "ru", "zh-hans"):
            assert f"{FOOTERS}edit/{footer(code).pk}/" not in html

    def test_she_opens_the_french_footer_but_not_the_arabic_one(self, client, french_translator):
        client.force_login(french_translator)
        french = client.get(f"{FOOTERS}edit/{footer('fr').pk}/")
        assert french.status_code == 200
        assert french.context["object"] == footer("fr")
        assert refused(client.get(f"{FOOTERS}edit/{footer('ar').pk}/"))

    def test_she_cannot_delete_a_footer_in_any_language(self, client, french_translator):
        client.force_login(french_translator)
        for code in ("fr", "ar"):
            assert refused(client.post(f"{FOOTERS}delete/{footer(code).pk}/"))
        assert FooterText.objects.filter(locale__language_code__in=["fr", "ar"]).count() == 2

    @pytest.mark.parametrize(("code", "allowed"), [("fr", True), ("ar", False), ("xx", False)])
    def test_she_may_start_a_menu_in_her_language_only(self, client, french_translator, code, allowed):
        client.force_login(french_translator)
        response = client.get(f"{MENUS}add/?locale={code}")
        assert (response.status_code == 200) is allowed
        if not allowed:
            assert refused(response)

    def test_her_menus_listing_links_to_her_languages_menu_only(self, client, french_translator):
        client.force_login(french_translator)
        html = client.get(MENUS).content.decode()
        for menu in NavigationMenu.objects.select_related("locale"):
            assert (f"{MENUS}edit/{menu.pk}/" in html) is (menu.locale.language_code == "fr")

    def test_a_deactivated_account_may_do_nothing(self, french_translator, locales):
        french_translator.is_active = False
        french_translator.save()
        policy = TranslatableSnippetPermissionPolicy(FooterText)
        assert not policy.user_has_permission_for_instance(french_translator, "change", footer("fr"))
        assert not policy.instances_user_has_any_permission_for(french_translator, ["change"]).exists()


@pytest.mark.django_db
class TestNotALanguageTeam:
    def test_site_wide_administrators_work_in_every_language(self, client, django_user_model):
        user = user_in(django_user_model, "sadia", ADMINISTRATORS)
        client.force_login(user)
        html = client.get(FOOTERS).content.decode()
        assert all(f"{FOOTERS}edit/{footer(code).pk}/" in html for code in site.LANGUAGES)
        assert all(f"{FOOTERS}delete/{footer(code).pk}/" in html for code in site.LANGUAGES)
        assert client.get(f"{FOOTERS}edit/{footer('ar').pk}/").status_code == 200
        assert client.get(f"{MENUS}add/?locale=ru").status_code == 200

    def test_a_group_with_snippet_permissions_and_no_tree_is_not_limited_to_a_language(self, client, django_user_model):
        group = Group.objects.create(name="Footer keepers")
        group.permissions.add(
            *Permission.objects.filter(codename__in=["access_admin", "change_footertext", "view_footertext"])
        )
        user = user_in(django_user_model, "farah", "Footer keepers")
        client.force_login(user)
        for code in ("ar", "zh-hans", "en"):
            assert client.get(f"{FOOTERS}edit/{footer(code).pk}/").status_code == 200
        # Snippet permissions are still by kind: no menu without menu permissions.
        menu = NavigationMenu.objects.get(locale=Locale.objects.get(language_code="en"))
        assert refused(client.get(f"{MENUS}edit/{menu.pk}/"))
