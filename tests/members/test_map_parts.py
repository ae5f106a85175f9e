"""
The Map of Network keeps its drawing, legend and table as a part in the
shared cache even with the full-page cache off, and shows at once any change
that moves a member onto or off it: her country, her consent to be counted,
her listing, her removal, in every language.
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.translations import translate_object
from members.models import Member
from tests.factories import MemberFactory
from tests.reading import read

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_off")]


@pytest.fixture
def nobody_counted(db):
    Member.objects.update(show_on_map=False)


def table(content):
    return {code: int(n) for code, n in re.findall(r'\?country=([A-Z]{2})"[^>]*>[^<]+</a></th><td>(\d+)</td>', content)}


def test_a_second_reader_does_not_count_the_members_again(directory):
    MemberFactory(country="SN")
    first = read(directory.url + "map/")
    with CaptureQueriesContext(connection) as captured:
        again = read(directory.url + "map/")
    assert again == first
    assert not [query["sql"] for query in captured.captured_queries if '"members_member"' in query["sql"]]


def test_a_member_who_moves_country_moves_on_the_map_at_once(directory, nobody_counted):
    member = MemberFactory(country="SN")
    assert table(read(directory.url + "map/")) == {"SN": 1}
    member.country = "GH"
    member.save()
    assert table(read(directory.url + "map/")) == {"GH": 1}


def test_a_member_who_withdraws_consent_leaves_the_map_at_once(directory, nobody_counted):
    member = MemberFactory(country="SN")
    assert table(read(directory.url + "map/")) == {"SN": 1}
    member.show_on_map = False
    member.save()
    content = read(directory.url + "map/")
    assert table(content) == {}
    assert "Senegal: 1 member" not in content


def test_an_unlisted_member_leaves_the_map_at_once(directory, nobody_counted):
    member = MemberFactory(country="SN")
    assert table(read(directory.url + "map/")) == {"SN": 1}
    member.listed = False
    member.save()
    assert table(read(directory.url + "map/")) == {}


def test_an_erased_member_leaves_the_map_at_once(directory, nobody_counted):
    member = MemberFactory(country="SN")
    assert table(read(directory.url + "map/")) == {"SN": 1}
    member.delete()
    assert table(read(directory.url + "map/")) == {}


def test_a_newly_counted_member_appears_at_once(directory, nobody_counted):
    member = MemberFactory(country="SN", show_on_map=False)
    assert table(read(directory.url + "map/")) == {}
    member.show_on_map = True
    member.save()
    assert table(read(directory.url + "map/")) == {"SN": 1}


def test_each_language_has_its_own_map_and_sees_changes_at_once(directory, locales, nobody_counted):
    member = MemberFactory(country="SN")
    translate_object(member, "fr", {"Director": "Directrice"})
    french_url = directory.get_translation(locales["fr"]).url + "map/"
    assert ">Senegal</a>" in read(directory.url + "map/")
    french = read(french_url)
    assert ">Sénégal</a>" in french and table(french) == {"SN": 1}
    # Her consent is one choice shared by her language versions.
    member.refresh_from_db()
    member.show_on_map = False
    member.save()
    assert table(read(french_url)) == {}
    assert table(read(directory.url + "map/")) == {}
