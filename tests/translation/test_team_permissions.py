"""
What `manage.py setup_translation_teams` grants, and that running it again
(after an upgrade, or after someone widened a team by hand) puts the teams
back as declared rather than adding to them.
"""

import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from wagtail.models import GroupPagePermission, Locale, Page

from tests import site
from translation_workflow.teams import ADMINISTRATORS, moderators_group_name, translators_group_name


def page_permissions(group):
    return {(item.page_id, item.permission.codename) for item in GroupPagePermission.objects.filter(group=group)}


def setup_teams():
    out = io.StringIO()
    call_command("setup_translation_teams", stdout=out)
    return out.getvalue()


@pytest.mark.django_db
class TestTeamPermissions:
    @pytest.mark.parametrize("code", [code for code in site.LANGUAGES if code != "en"])
    def test_each_language_team_holds_its_own_tree_only(self, code):
        home = site.home_in(code)
        team = Group.objects.get(name=translators_group_name(Locale.objects.get(language_code=code)))
        moderators = Group.objects.get(name=moderators_group_name(Locale.objects.get(language_code=code)))
        assert page_permissions(team) == {
            (home.pk, codename) for codename in ("add_page", "change_page", "publish_page", "lock_page")
        }
        assert {page for page, _codename in page_permissions(moderators)} == {home.pk}
        assert "add_page" not in {codename for _page, codename in page_permissions(moderators)}
        assert team.permissions.filter(codename="access_admin").exists()
        assert not team.permissions.filter(codename__startswith="delete_").exists()

    def test_running_again_takes_back_what_was_widened_by_hand(self):
        french = Group.objects.get(name=translators_group_name(Locale.objects.get(language_code="fr")))
        before = page_permissions(french)
        root = Page.get_first_root_node()
        GroupPagePermission.objects.create(
            group=french, page=site.home_in("ar"), permission=Permission.objects.get(codename="publish_page")
        )
        GroupPagePermission.objects.create(
            group=Group.objects.get(name="Moderators"),
            page=root,
            permission=Permission.objects.get(codename="publish_page"),
        )
        rows = GroupPagePermission.objects.count()
        output = setup_teams()
        assert "Translators – French" in output and "Translation teams are ready." in output
        assert page_permissions(french) == before
        assert not GroupPagePermission.objects.filter(group__name="Moderators").exists()
        assert GroupPagePermission.objects.count() == rows - 2
        setup_teams()
        assert GroupPagePermission.objects.count() == rows - 2

    def test_site_wide_administrators_manage_pages_and_media_but_not_personal_data(self):
        administrators = Group.objects.get(name=ADMINISTRATORS)
        root = Page.get_first_root_node()
        assert (root.pk, "bulk_delete_page") in page_permissions(administrators)
        codenames = set(administrators.permissions.values_list("codename", flat=True))
        assert {"change_member", "delete_footertext"} <= codenames
        assert not codenames & {
            "view_searchquerylog",
            "change_webhookendpoint",
            "view_articlesubmission",
            "view_membershipapplication",
        }
