"""
Applying to join, from the applicant's form to the secretariat's decision in
the admin: what each of them sees and is sent.
"""

import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail

from members.models import Member, MembershipApplication
from tests.members.test_join import application

pytestmark = pytest.mark.django_db

APPLICATION = application()


def stored(language="en", **fields):
    data = {k: v for k, v in APPLICATION.items() if k not in {"consent", "website"}}
    return MembershipApplication.objects.create(
        **{**data, **fields}, language=language, consented_at="2026-11-01T00:00Z"
    )


def test_the_form_shows_the_default_introduction_and_privacy_notice(client, directory):
    content = client.get(directory.url + "join/").content.decode()
    assert "Tell us about yourself and the secretariat will be in touch." in content
    assert "You may ask at any time for a copy of your data or for it to be erased." in content
    assert '<meta name="robots" content="noindex">' in content


def test_the_directory_can_give_its_own_introduction_and_privacy_notice(client, directory):
    directory.join_intro = "Applications for 2027 are open."
    directory.privacy_notice = "We keep applications for two years.\nAsk us to delete yours."
    directory.save_revision().publish()
    content = client.get(directory.url + "join/").content.decode()
    assert "Applications for 2027 are open." in content
    assert "We keep applications for two years.<br>Ask us to delete yours." in content
    assert "Tell us about yourself" not in content


def test_after_applying_she_is_thanked_in_her_language(client, directory, locales):
    french = directory.get_translation(locales["fr"])
    response = client.post(french.url + "join/", APPLICATION, follow=True)
    assert response.redirect_chain[-1][0] == french.url + "join/thanks/"
    content = response.content.decode()
    assert "Merci" in content
    assert f'href="{french.url}"' in content


def test_the_secretariats_email_leads_to_the_review_page(client, admin_client, directory):
    client.post(directory.url + "join/", APPLICATION)
    (message,) = mail.outbox
    assert message.subject == "New membership application from Ines Ferreira"
    assert "Ines Ferreira, Head of Spectrum at Sample Regulator, has applied to join the Network." in message.body
    link = re.search(r"http://testserver(/admin/\S+)", message.body).group(1)
    page = admin_client.get(link).content.decode()
    for text in ("Ines Ferreira", "Sample Regulator", "Portugal", "ines@applicant.example.org", "Regulator"):
        assert text in page
    assert "Approve and create an unlisted profile" in page


def test_approving_in_the_admin_opens_her_new_private_profile(admin_client, client, directory):
    application = stored(language="es")
    response = admin_client.post(f"/admin/members/applications/{application.pk}/review/", {"decision": "approve"})
    member = Member.objects.get(full_name="Ines Ferreira")
    assert response["Location"] == f"/admin/snippets/members/member/edit/{member.pk}/"
    assert member.slug == "ines-ferreira" and not member.listed
    assert client.get(f"{directory.url}{member.slug}/").status_code == 404  # private until she opts in
    (message,) = mail.outbox
    assert message.to == ["ines@applicant.example.org"]
    assert message.subject.startswith("Bienvenida a la Red Mundial")


def test_a_decided_application_cannot_be_decided_again(admin_client):
    application = stored(status="declined")
    page = admin_client.get(f"/admin/members/applications/{application.pk}/review/").content.decode()
    assert "Approve and create an unlisted profile" not in page
    admin_client.post(f"/admin/members/applications/{application.pk}/review/", {"decision": "approve"})
    application.refresh_from_db()
    assert application.status == "declined"
    assert not Member.objects.filter(full_name="Ines Ferreira").exists()
    assert not mail.outbox


def test_only_staff_allowed_to_decide_may_review(client, django_user_model):
    application = stored()
    reader = django_user_model.objects.create_user("admin-reader", password="x")  # noqa: S106
    group = Group.objects.create(name="Admin readers")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    reader.groups.add(group)
    client.force_login(reader)
    response = client.post(f"/admin/members/applications/{application.pk}/review/", {"decision": "approve"})
    assert response.status_code in (302, 403)
    application.refresh_from_db()
    assert application.status == "new"


def test_the_admin_lists_offer_review_and_data_rights_actions(admin_client):
    new, decided = stored(full_name="New Applicant"), stored(full_name="Old Applicant", status="approved")
    applications = admin_client.get("/admin/snippets/members/membershipapplication/").content.decode()
    assert f"/admin/members/applications/{new.pk}/review/" in applications
    assert f"/admin/members/applications/{decided.pk}/review/" not in applications
    member = Member.objects.filter(locale__language_code="en").first()
    members = admin_client.get("/admin/snippets/members/member/").content.decode()
    assert f"/admin/members/{member.pk}/export/" in members and f"/admin/members/{member.pk}/erase/" in members


def test_erasing_asks_first_and_names_what_goes(admin_client):
    member = Member.objects.filter(locale__language_code="en").first()
    page = admin_client.get(f"/admin/members/{member.pk}/erase/").content.decode()
    assert "It cannot be undone." in page and member.full_name in page
    assert Member.objects.filter(pk=member.pk).exists()
