"""
The member directory keeps its filter choices (countries and areas of
expertise of listed members, in the reader's language) in the shared cache
even with the full-page cache off, and shows any change to them at once.
"""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from taggit.models import Tag

from tests.factories import MemberFactory


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0


def get(url):
    response = Client().get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.mark.django_db
class TestFilterChoices:
    def test_a_second_reader_does_not_read_them_again(self, directory):
        first = get("/en/members/")
        with CaptureQueriesContext(connection) as captured:
            again = get("/en/members/")
        assert again == first
        queries = [query["sql"] for query in captured.captured_queries]
        assert not [sql for sql in queries if "members_memberexpertisetag" in sql]
        assert not [sql for sql in queries if 'DISTINCT "members_member"."country"' in sql]

    def test_a_newly_listed_country_is_offered_at_once(self, directory):
        assert 'value="IS"' not in get("/en/members/")
        member = MemberFactory(country="IS", listed=False)
        assert 'value="IS"' not in get("/en/members/")
        member.listed = True
        member.save()
        assert 'value="IS"' in get("/en/members/")
        assert ">Islande<" in get("/fr/members/")

    def test_a_country_no_listed_member_is_from_leaves_at_once(self, directory):
        member = MemberFactory(country="IS")
        assert 'value="IS"' in get("/en/members/")
        member.listed = False
        member.save()
        assert 'value="IS"' not in get("/en/members/")

    def test_a_renamed_area_of_expertise_is_offered_at_once(self, directory):
        tag = Tag.objects.create(name="Quantum networks", slug="quantum-networks")
        MemberFactory(expertise=[tag])
        assert ">Quantum networks<" in get("/en/members/")
        tag.name = "Quantum communication"
        tag.save()
        html = get("/en/members/")
        assert ">Quantum communication<" in html
        assert ">Quantum networks<" not in html


@pytest.mark.django_db
def test_a_card_shows_the_sector_in_the_readers_language(directory):
    MemberFactory(full_name="Amina Sector", sector="regulator")
    assert "Régulateur" in get("/fr/members/?q=Amina")
    assert "Regulator" in get("/en/members/?q=Amina")
