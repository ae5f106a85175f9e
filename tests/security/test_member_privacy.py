"""
Members are published through their language's directory page: when it is
password-protected (or otherwise restricted, or unpublished), no member of
that language shows in the API, the map or the site search, as events
follow their calendar.
"""

import pytest
from django.test import Client
from wagtail.models import PageViewRestriction

from members.models import Member, MemberDirectoryPage


@pytest.fixture
def english_directory(db):
    return MemberDirectoryPage.objects.get(locale__language_code="en")


def members_api(locale="en"):
    return Client().get("/api/v2/members/", {"locale": locale}).json()


def map_api(locale="en"):
    return Client().get("/api/v2/map/", {"locale": locale}).json()


def searched(name):
    return [item["title"] for item in Client().get("/api/v2/search/", {"q": name, "locale": "en"}).json()["results"]]


@pytest.mark.django_db
class TestRestrictedDirectory:
    @pytest.mark.parametrize("restriction", [PageViewRestriction.PASSWORD, PageViewRestriction.LOGIN])
    def test_a_restricted_directory_publishes_no_member(self, engine, english_directory, restriction):
        member = Member.objects.listed().filter(locale__language_code="en").first()
        assert members_api()["meta"]["total_count"] > 0
        assert map_api()["meta"]["members"] > 0
        assert member.display_name in searched(member.full_name)

        PageViewRestriction.objects.create(
            page=english_directory,
            restriction_type=restriction,
            password="secret-word",  # noqa: S106
        )
        assert members_api() == {"meta": {"total_count": 0}, "items": []}
        assert map_api()["items"] == [] and map_api()["meta"]["members"] == 0
        assert member.display_name not in searched(member.full_name)
        # Other languages keep their public directory.
        assert members_api("fr")["meta"]["total_count"] > 0

    def test_an_unpublished_directory_publishes_no_member(self, engine, english_directory):
        member = Member.objects.listed().filter(locale__language_code="en").first()
        english_directory.unpublish()
        assert members_api()["meta"]["total_count"] == 0
        assert member.display_name not in searched(member.full_name)

    def test_lifting_the_restriction_brings_them_back(self, engine, english_directory):
        member = Member.objects.listed().filter(locale__language_code="en").first()
        restriction = PageViewRestriction.objects.create(
            page=english_directory, restriction_type=PageViewRestriction.LOGIN
        )
        assert member.display_name not in searched(member.full_name)
        restriction.delete()
        assert members_api()["meta"]["total_count"] > 0
        assert member.display_name in searched(member.full_name)

    def test_member_photos_are_not_offered_by_the_images_api_when_no_directory_is_public(self, engine):
        from tests.factories import ImageFactory

        member = Member.objects.listed().filter(locale__language_code="en").first()
        member.photo = ImageFactory(title="Portrait")
        member.show_photo = True
        member.save()

        def offered():
            return {item["id"] for item in Client().get("/api/v2/images/", {"limit": 100}).json()["items"]}

        assert member.photo_id in offered()
        for directory in MemberDirectoryPage.objects.all():
            PageViewRestriction.objects.create(page=directory, restriction_type=PageViewRestriction.LOGIN)
        assert member.photo_id not in offered()
