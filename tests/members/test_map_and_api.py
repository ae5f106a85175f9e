"""
The Map of Network and the members API as readers and API clients see them:
counts only of members who agreed to be counted, in the reader's language,
and nothing a member kept private.
"""

import re

import pytest

from home.translations import translate_object
from members.models import Member
from tests.factories import CONTACT_DOMAIN, ImageFactory, MemberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def nobody_counted(db):
    """The test site's members leave the map, so a test knows every count on it."""
    Member.objects.update(show_on_map=False)


def table(content):
    """{country code: count} from the map's table of members per country, in its order."""
    return {code: int(n) for code, n in re.findall(r'\?country=([A-Z]{2})"[^>]*>[^<]+</a></th><td>(\d+)</td>', content)}


def test_an_empty_map_says_so(client, directory, nobody_counted):
    content = client.get(directory.url + "map/").content.decode()
    assert "0 listed members in 0 countries." in content
    assert "No members are listed yet." in content


def test_the_map_counts_each_member_once_in_every_language(client, directory, locales, nobody_counted):
    for _n in range(3):
        MemberFactory(country="SN")
    translated = MemberFactory(country="KE")
    translate_object(translated, "fr", {"Director": "Directrice"})
    MemberFactory(country="KE", show_on_map=False)  # listed, but not counted
    MemberFactory(country="GH", listed=False)  # counted only if listed
    content = client.get(directory.url + "map/").content.decode()
    assert "4 listed members in 2 countries." in content
    assert list(table(content).items()) == [("SN", 3), ("KE", 1)]  # most members first
    french = client.get(directory.get_translation(locales["fr"]).url + "map/").content.decode()
    assert table(french) == {"SN": 3, "KE": 1}
    assert ">Sénégal</a>" in french


def test_a_country_on_the_map_leads_to_its_members(client, directory, nobody_counted):
    ada = MemberFactory(full_name="Ada Mensah", country="GH")
    content = client.get(directory.url + "map/").content.decode()
    link = re.search(r'href="([^"]*\?country=GH)"', content).group(1)
    listing = client.get(link).content.decode()
    assert ada.full_name in listing and "1 member" in listing


def test_contact_details_are_on_no_map_page_or_api_answer(client, directory):
    MemberFactory(full_name="Private Contact", country="UY")
    responses = [
        client.get(directory.url + "map/"),
        client.get("/api/v2/map/"),
        client.get("/api/v2/members/", {"limit": 100}),
        client.get(directory.url, {"country": "UY"}),
    ]
    for response in responses:
        assert response.status_code == 200
        assert CONTACT_DOMAIN not in response.content.decode()
        assert "+41 22 000 00 00" not in response.content.decode()


def api(client, **params):
    response = client.get("/api/v2/members/", params)
    assert response.status_code == 200, response.content
    return response.json()


def test_the_api_gives_her_public_profile_with_its_address(client, directory):
    member = MemberFactory(
        honorific="Dr",
        full_name="Api Example",
        country="JO",
        expertise=["fintech"],
        linkedin="https://www.linkedin.com/in/api-example",
        photo=ImageFactory(),
        photo_alt="Api Example at a desk",
    )
    (item,) = api(client, q="Api Example")["items"]
    assert item["honorific"] == "Dr" and item["region"] == "arab-states" and item["country"] == "JO"
    assert item["expertise"] == ["fintech"] and item["member_since"] == "2020-02-25"
    assert [link["url"] for link in item["links"]] == [member.website, "https://www.linkedin.com/in/api-example"]
    assert item["photo"]["alt"] == "Api Example at a desk"
    assert item["photo"]["url"].endswith((".png", ".jpg", ".jpeg", ".webp"))
    assert item["url"] == f"http://testserver{directory.url}{member.slug}/"
    assert client.get(item["url"]).status_code == 200


def test_the_api_leaves_out_what_she_kept_private(client):
    MemberFactory(
        full_name="Api Private", photo=ImageFactory(), show_photo=False, show_links=False, show_biography=False
    )
    (item,) = api(client, q="Api Private")["items"]
    assert item["photo"] is None and item["links"] == [] and item["biography"] == ""


def test_the_api_filters_by_country_and_pages(client):
    for n in range(3):
        MemberFactory(full_name=f"Uruguay Member {n}", country="UY")
    first = api(client, country="uy", limit=2)
    assert first["meta"]["total_count"] == 3
    assert [item["full_name"] for item in first["items"]] == ["Uruguay Member 0", "Uruguay Member 1"]
    rest = api(client, country="UY", limit=2, offset=2)
    assert [item["full_name"] for item in rest["items"]] == ["Uruguay Member 2"]


def test_the_api_speaks_the_clients_language_where_translated(client, directory, locales):
    member = MemberFactory(full_name="Api Translated", position="Director")
    translate_object(member, "fr", {"Director": "Directrice"})
    MemberFactory(full_name="Api Untranslated", position="Director")
    items = {item["full_name"]: item for item in api(client, locale="fr", q="Api")["items"]}
    assert (items["Api Translated"]["position"], items["Api Translated"]["locale"]) == ("Directrice", "fr")
    assert (items["Api Untranslated"]["position"], items["Api Untranslated"]["locale"]) == ("Director", "en")
    french_directory = directory.get_translation(locales["fr"])
    assert items["Api Translated"]["url"].endswith(f"{french_directory.url}api-translated/")


@pytest.mark.parametrize(
    "params",
    [{"sector": "astronaut"}, {"region": "atlantis"}, {"country": "ZZZ"}, {"limit": "0"}, {"locale": "xx"}],
)
def test_unknown_filter_values_are_a_400_with_a_message(client, params):
    response = client.get("/api/v2/members/", params)
    assert response.status_code == 400
    assert response.json()["message"]
