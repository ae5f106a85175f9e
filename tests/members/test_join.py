import pytest
from django.core import mail

from members.models import Member, MembershipApplication
from members.views import approve


def application(**overrides):
    data = {
        "full_name": "Ines Ferreira",
        "position": "Head of Spectrum",
        "organisation": "Sample Regulator",
        "sector": "regulator",
        "country": "PT",
        "email": "ines@applicant.example.org",
        "motivation": "I lead spectrum policy and want to share experience with peers across the world.",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return data


def apply(client, directory, **overrides):
    return client.post(directory.url + "join/", application(**overrides), REMOTE_ADDR="192.0.2.44")


@pytest.mark.django_db
class TestJoin:
    def test_application_is_stored_for_review_and_the_secretariat_told(self, client, directory, locales):
        spanish = directory.get_translation(locales["es"])
        response = apply(client, spanish)
        assert response.status_code == 302
        stored = MembershipApplication.objects.get()
        assert stored.status == "new"
        assert stored.language == "es"
        assert len(mail.outbox) == 1
        assert "Ines Ferreira" in mail.outbox[0].subject
        assert mail.outbox[0].to == ["editors@localhost"]

    def test_honeypot_saves_nothing(self, client, directory):
        assert apply(client, directory, website="spam").status_code == 400
        assert not MembershipApplication.objects.exists()

    def test_rate_limit(self, client, directory):
        for n in range(5):
            assert apply(client, directory, email=f"a{n}@example.org").status_code == 302
        response = apply(client, directory, email="six@example.org")
        assert response.status_code == 429
        assert MembershipApplication.objects.count() == 5

    @pytest.mark.parametrize(
        "field,value",
        [
            ("full_name", "x" * 201),
            ("motivation", "too short"),
            ("motivation", "x" * 3001),
            ("email", "nope"),
            ("sector", "astronaut"),
            ("country", "XX"),
            ("consent", ""),
            ("position", ""),
        ],
    )
    def test_invalid_fields_save_nothing_and_say_why(self, client, directory, field, value):
        response = apply(client, directory, **{field: value})
        assert response.status_code == 400
        assert 'class="errorlist' in response.content.decode()
        assert not MembershipApplication.objects.exists()


@pytest.mark.django_db
class TestReview:
    def test_approving_creates_an_unlisted_profile_and_tells_the_applicant_in_her_language(self):
        stored = MembershipApplication.objects.create(
            **{k: v for k, v in application().items() if k not in {"consent", "website"}},
            language="fr",
            consented_at="2026-11-01T00:00Z",
        )
        member = approve(stored)
        assert not member.listed and not member.show_on_map
        assert member.email == "ines@applicant.example.org"
        stored.refresh_from_db()
        assert stored.status == "approved" and stored.member == member
        assert mail.outbox[0].to == ["ines@applicant.example.org"]
        assert "Bienvenue" in mail.outbox[0].subject

    def test_review_view_declines(self, admin_client):
        stored = MembershipApplication.objects.create(
            **{k: v for k, v in application().items() if k not in {"consent", "website"}},
            language="en",
            consented_at="2026-11-01T00:00Z",
        )
        response = admin_client.post(f"/admin/members/applications/{stored.pk}/review/", {"decision": "decline"})
        assert response.status_code == 302
        stored.refresh_from_db()
        assert stored.status == "declined"
        assert not Member.objects.filter(full_name="Ines Ferreira").exists()

    def test_applications_are_listed_by_status_in_the_admin(self, admin_client):
        MembershipApplication.objects.create(
            **{k: v for k, v in application().items() if k not in {"consent", "website"}},
            language="en",
            consented_at="2026-11-01T00:00Z",
        )
        response = admin_client.get("/admin/snippets/members/membershipapplication/", {"status": "new"})
        assert response.status_code == 200
        assert "Ines Ferreira" in response.content.decode()
