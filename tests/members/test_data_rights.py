import json

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.images import get_image_model
from wagtail.models import ModelLogEntry
from wagtail_localize.models import TranslationSource

from home.translations import translate_object
from members.models import Member, MembershipApplication
from tests.factories import ImageFactory, MemberFactory


@pytest.fixture
def member_with_everything(locales):
    """A member with a photo and an application, her profile translated into every language."""
    member = MemberFactory(full_name="Li Wei", country="CN", photo=ImageFactory(title="Portrait of Li Wei"))
    for code in locales:
        if code != "en":
            translate_object(member, code, {})
    MembershipApplication.objects.create(
        full_name="Li Wei",
        position="CTO",
        organisation="Sample",
        sector="private-sector",
        country="CN",
        email=member.email,
        motivation="x" * 60,
        language="zh-hans",
        consented_at="2020-01-01T00:00Z",
        status="approved",
        member=member,
    )
    return member


@pytest.mark.django_db
class TestDataRights:
    def test_export_holds_every_language_version_and_her_applications(self, admin_client, member_with_everything):
        response = admin_client.get(f"/admin/members/{member_with_everything.pk}/export/")
        assert response.status_code == 200
        data = json.loads(response.content)
        assert {p["locale"] for p in data["profiles"]} == {"ar", "en", "es", "fr", "ru", "zh-hans"}
        assert data["profiles"][0]["email"] == member_with_everything.email
        assert data["applications"][0]["language"] == "zh-hans"
        assert any(p["photo"] and p["photo"]["title"] == "Portrait of Li Wei" for p in data["profiles"])

    def test_erase_leaves_no_trace(self, admin_client, member_with_everything):
        member = member_with_everything
        photo_id, key, email = member.photo_id, member.translation_key, member.email
        response = admin_client.post(f"/admin/members/{member.pk}/erase/")
        assert response.status_code == 302
        assert not Member.objects.filter(translation_key=key).exists()
        assert not MembershipApplication.objects.filter(email=email).exists()
        assert not get_image_model().objects.filter(pk=photo_id).exists()
        assert not TranslationSource.objects.filter(object_id=key).exists()
        assert not ModelLogEntry.objects.filter(label__icontains="Li Wei").exists()
        assert "Li Wei" not in admin_client.get("/admin/snippets/members/member/").content.decode()

    def test_contact_details_are_hidden_from_editors_without_permission(self, client, django_user_model):
        member = MemberFactory(organisation="Sample Federal Ministry")
        editor = django_user_model.objects.create_user("translator", password="x")  # noqa: S106
        group = Group.objects.create(name="Directory editors")
        group.permissions.add(
            Permission.objects.get(codename="access_admin"),
            Permission.objects.get(codename="change_member"),
        )
        editor.groups.add(group)
        client.force_login(editor)
        content = client.get(f"/admin/snippets/members/member/edit/{member.pk}/").content.decode()
        assert "Sample Federal Ministry" in content  # she can edit the profile
        assert member.email not in content and 'name="email"' not in content
        assert client.get(f"/admin/members/{member.pk}/export/").status_code in (302, 403)
