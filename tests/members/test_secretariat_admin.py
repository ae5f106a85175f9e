"""
The member directory from the secretariat's side of the admin: finding a
member by what only staff see, an editor without access to contact details
saving a profile without wiping them, erasing a member everywhere readers
and API clients look (a photo another member uses stays), and the export.
"""

import json

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.images import get_image_model

from home.translations import translate_object
from members.models import Member
from tests.factories import ImageFactory, MemberFactory

pytestmark = pytest.mark.django_db

LIST = "/admin/snippets/members/member/"


@pytest.fixture
def directory_editor(client, django_user_model):
    """She may edit profiles, but not see contact details nor delete anyone."""
    user = django_user_model.objects.create_user("directory-editor", password="x")  # noqa: S106
    group = Group.objects.create(name="Directory editors")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="change_member"),
    )
    user.groups.add(group)
    client.force_login(user)
    return client


def profile_form(member, **changes):
    fields = {
        "full_name": member.full_name,
        "slug": member.slug,
        "honorific": member.honorific,
        "position": member.position,
        "organisation": member.organisation,
        "sector": member.sector,
        "country": member.country.code,
        "photo": member.photo_id or "",
        "photo_alt": member.photo_alt,
        "biography": member.biography,
        "expertise": "",
        "languages_spoken": member.languages_spoken,
        "website": member.website,
        "linkedin": member.linkedin,
        "member_since": member.member_since.isoformat() if member.member_since else "",
        **{
            flag: "on" for flag in ("listed", "show_on_map", "show_photo", "show_organisation") if getattr(member, flag)
        },
    }
    fields.update(changes)
    return fields


def test_staff_find_a_member_by_an_organisation_she_keeps_private(admin_client, canary):
    canary.organisation = "Quiet Telecoms Authority"
    canary.save()
    found = admin_client.get(LIST, {"q": "Quiet Telecoms"}).content.decode()
    assert canary.full_name in found
    assert canary.full_name not in admin_client.get(LIST, {"q": "Loud Telecoms"}).content.decode()


def test_the_list_can_show_only_unlisted_members(admin_client, canary):
    content = admin_client.get(LIST, {"listed": "false"}).content.decode()
    assert canary.full_name in content
    listed = Member.objects.filter(listed=True, locale__language_code="en").first()
    assert listed.full_name not in content


def test_an_editor_without_contact_access_saves_a_profile_and_the_contact_details_stay(directory_editor):
    member = MemberFactory(full_name="Keeps Her Email")
    email, phone = member.email, member.phone
    response = directory_editor.post(f"{LIST}edit/{member.pk}/", profile_form(member, position="Permanent Secretary"))
    assert response.status_code == 302, response.content.decode()[-2000:]
    member.refresh_from_db()
    assert member.position == "Permanent Secretary"
    assert (member.email, member.phone) == (email, phone)


def test_an_editor_without_contact_access_cannot_set_them_either(directory_editor):
    member = MemberFactory(full_name="Cannot Be Redirected")
    email = member.email
    form = profile_form(member, email="attacker@evil.example", phone="+1 555 0100")
    assert directory_editor.post(f"{LIST}edit/{member.pk}/", form).status_code == 302
    member.refresh_from_db()
    assert member.email == email
    assert member.phone != "+1 555 0100"


def test_an_editor_who_may_not_delete_cannot_erase(directory_editor):
    member = MemberFactory(full_name="Not Yours To Erase")
    for response in (
        directory_editor.get(f"/admin/members/{member.pk}/erase/"),
        directory_editor.post(f"/admin/members/{member.pk}/erase/"),
    ):
        assert response.status_code in (302, 403)
    assert Member.objects.filter(pk=member.pk).exists()


def test_the_erase_page_asks_first_and_deletes_nothing(admin_client):
    member = MemberFactory(full_name="Asked First")
    response = admin_client.get(f"/admin/members/{member.pk}/erase/")
    assert response.status_code == 200
    assert "Asked First" in response.content.decode()
    assert Member.objects.filter(pk=member.pk).exists()


@pytest.fixture
def erased(admin_client, directory, locales):
    """A listed, translated member, erased by the secretariat; her old public addresses."""
    member = MemberFactory(full_name="Erased Everywhere", country="UY")
    translate_object(member, "es", {})
    addresses = [directory.get_translation(locales[code]).url + f"{member.slug}/" for code in ("en", "es")]
    assert admin_client.post(f"/admin/members/{member.pk}/erase/").status_code == 302
    return member, addresses


def test_after_erasure_her_profiles_are_gone_in_every_language(client, erased):
    _member, addresses = erased
    for address in addresses:
        assert client.get(address).status_code == 404


def test_after_erasure_no_api_or_search_answer_names_her(client, engine, erased):
    for language in ("en", "es"):
        members = client.get("/api/v2/members/", {"locale": language, "q": "Erased"}).json()
        assert members["items"] == []
        search = client.get("/api/v2/search/", {"q": "Erased Everywhere", "locale": language}).json()
        assert "Erased Everywhere" not in {result["title"] for result in search["results"]}
    uruguay = client.get("/api/v2/map/").json()["items"]
    assert "UY" not in {item["country"] for item in uruguay}


def test_a_photo_another_member_uses_survives_an_erasure(admin_client, client, directory):
    shared = ImageFactory(title="Group photo of the delegation")
    leaving = MemberFactory(full_name="Leaving Delegate", photo=shared)
    staying = MemberFactory(full_name="Staying Delegate", photo=shared, photo_alt="The delegation")
    assert admin_client.post(f"/admin/members/{leaving.pk}/erase/").status_code == 302
    assert get_image_model().objects.filter(pk=shared.pk).exists()
    client.logout()
    profile = client.get(f"{directory.url}{staying.slug}/").content.decode()
    assert 'alt="The delegation"' in profile


def test_the_export_is_a_readable_json_file_named_for_her(admin_client):
    member = MemberFactory(full_name="Zoë Ngũgĩ", biography="Elle dirige « Données ouvertes ».")
    response = admin_client.get(f"/admin/members/{member.pk}/export/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"] == f'attachment; filename="member-{member.slug}.json"'
    text = response.content.decode("utf-8")
    assert "Zoë Ngũgĩ" in text  # as written, not \\u escapes
    data = json.loads(text)
    (profile,) = data["profiles"]
    assert profile["biography"] == member.biography
    assert profile["email"] == member.email
    assert profile["listed"] is True


def test_exporting_an_unknown_member_is_not_found(admin_client):
    assert admin_client.get("/admin/members/999999/export/").status_code == 404
