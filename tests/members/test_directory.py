import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.translations import translate_object
from members.models import Member, MemberDirectoryPage, member_counts
from members.regions import region_for
from tests.factories import ImageFactory, MemberFactory

# The directory of these tests: (honorific, name, country, sector, expertise, organisation shown or not).
PEOPLE = [
    ("Dr", "Anna Schmidt", "DE", "regulator", ["broadband"], True),
    ("", "Aïcha Traoré", "SN", "government", ["e-government"], True),
    ("", "Fatou Ndiaye", "SN", "civil-society", ["e-skills"], True),
    ("Dr", "Gulnara Ismailova", "KZ", "academia", ["e-skills"], True),
    ("", "Rania Haddad", "JO", "private-sector", ["mobile-money"], True),
    ("Dr", "Amara Okafor", "NG", "government", ["e-health"], True),
    ("", "Camila Rodrigues", "BR", "private-sector", ["mobile-money"], True),
    ("", "Grace Mensah", "GH", "government", ["broadband"], False),
]


@pytest.fixture
def people(db):
    """The directory holds only these members (the test site's are unlisted for the test)."""
    Member.objects.update(listed=False)
    made = {}
    for honorific, name, country, sector, expertise, shows_organisation in PEOPLE:
        made[name] = MemberFactory(
            honorific=honorific,
            full_name=name,
            country=country,
            sector=sector,
            expertise=expertise,
            show_organisation=shows_organisation,
            organisation="Sample Fintech" if name == "Camila Rodrigues" else f"Ministry of {name}",
            position="Minister of ICT" if name == "Grace Mensah" else "Director of digital development",
        )
    return made


def names(response):
    return re.findall(r'<h2 class="card__title"><a href="[^"]+">([^<]+)</a>', response.content.decode())


@pytest.mark.django_db
class TestDirectory:
    def test_lists_only_listed_members(self, client, directory, canary):
        listed = Member.objects.filter(listed=True, locale__language_code="en").count()
        response = client.get(directory.url)
        assert f"{listed} members" in response.content.decode()
        assert canary.full_name not in response.content.decode()

    def test_unlisted_profile_is_404(self, client, directory, canary):
        assert client.get(f"{directory.url}{canary.slug}/").status_code == 404

    @pytest.mark.parametrize(
        "params,expected",
        [
            ({"sector": "regulator", "region": "europe"}, {"Dr Anna Schmidt"}),
            ({"country": "sn"}, {"Aïcha Traoré", "Fatou Ndiaye"}),
            ({"region": "cis", "sector": "academia"}, {"Dr Gulnara Ismailova"}),
            ({"expertise": "mobile-money", "region": "arab-states"}, {"Rania Haddad"}),
            ({"q": "okafor"}, {"Dr Amara Okafor"}),
            ({"q": "Sample Fintech"}, {"Camila Rodrigues"}),  # her organisation is public
        ],
    )
    def test_filter_combinations(self, client, directory, people, params, expected):
        assert set(names(client.get(directory.url, params))) == expected

    def test_search_does_not_reveal_hidden_organisations(self, client, directory, people):
        member = people["Grace Mensah"]
        assert not member.show_organisation
        assert names(client.get(directory.url, {"q": member.organisation})) == []

    @pytest.mark.parametrize(
        "params",
        [
            {"sector": "astronaut"},
            {"region": "atlantis"},
            {"country": "ZZZ"},
            {"expertise": "x" * 500},
            {"page": "abc"},
            {"page": "99999"},
            {"q": "x" * 10000},
            {"q": "((*:*))"},
        ],
    )
    def test_bad_filter_values_never_fail(self, client, directory, params):
        assert client.get(directory.url, params).status_code == 200

    def test_profile_shows_only_what_the_member_made_public(self, client, directory, people):
        member = people["Grace Mensah"]
        content = client.get(f"{directory.url}{member.slug}/").content.decode()
        assert member.position in content
        assert member.organisation not in content
        assert member.email not in content and member.phone not in content
        member.show_organisation = True
        member.save()
        assert member.organisation in client.get(f"{directory.url}{member.slug}/").content.decode()

    def test_profiles_in_the_readers_language_or_the_original(self, client, directory, locales, people):
        translate_object(people["Amara Okafor"], "fr", {"Director of digital development": "Directrice du numérique"})
        french = directory.get_translation(locales["fr"])
        translated = client.get(f"{french.url}amara-okafor/").content.decode()
        assert "Directrice du numérique" in translated
        untranslated = client.get(f"{french.url}grace-mensah/").content.decode()
        assert "Minister of ICT" in untranslated  # not translated yet: shown in English
        assert 'lang="fr"' in untranslated

    def test_query_count_does_not_grow_with_the_page_size(self, client, directory, settings):
        settings.PAGE_CACHE_SECONDS = 0  # counts rendering, not the page cache
        photo = ImageFactory()
        MemberFactory(sector="civil-society", photo=photo, expertise=["e-skills"])
        for _n in range(6):
            MemberFactory(sector="academia", photo=photo, expertise=["e-health", "broadband"])
        client.get(directory.url)  # the menus and site roots, cached on any running site
        with CaptureQueriesContext(connection) as few:
            client.get(directory.url, {"sector": "civil-society"})
        with CaptureQueriesContext(connection) as many:
            client.get(directory.url)
        assert len(many.captured_queries) == len(few.captured_queries)


@pytest.mark.django_db
class TestMap:
    def test_counts_equal_listed_members_on_the_map_per_country(self, client, directory):
        expected = {}
        for member in Member.objects.filter(locale__language_code="en", listed=True, show_on_map=True):
            expected[member.country.code] = expected.get(member.country.code, 0) + 1
        assert member_counts() == expected
        content = client.get(directory.url + "map/").content.decode()
        table = dict(re.findall(r'\?country=([A-Z]{2})">[^<]+</a></th><td>(\d+)</td>', content))
        assert {code: int(n) for code, n in table.items()} == expected

    def test_hidden_and_unlisted_members_are_not_counted(self, directory, canary):
        MemberFactory(full_name="Selam Tesfaye", country="ET", show_on_map=False)
        counts = member_counts()
        assert "ET" not in counts and canary.country.code not in counts

    def test_map_is_an_svg_drawn_on_the_server_with_a_text_alternative(self, client, directory, people):
        content = client.get(directory.url + "map/").content.decode()
        assert content.count("<path ") > 150
        assert 'role="img"' in content and "<table" in content
        assert "<script" not in content.split("<main")[1].split("</main>")[0]
        assert "Senegal: 2 members" in content

    def test_map_in_arabic_is_right_to_left(self, client, directory, locales):
        response = client.get(directory.get_translation(locales["ar"]).url + "map/")
        assert 'dir="rtl"' in response.content.decode()[:300]


def test_every_country_belongs_to_exactly_one_region():
    from members.regions import REGION_OF_COUNTRY, Region, countries_in

    assert sum(len(countries_in(region)) for region in Region.values) == len(REGION_OF_COUNTRY)
    assert {region_for(code) for code in ("sn", "JO", "kz", "BR", "cn", "de")} == set(Region.values)
    assert region_for("ZZ") is None and region_for("") is None


def test_directory_page_rules():
    from home.models import HomePage

    assert MemberDirectoryPage.parent_page_types == ["home.HomePage"]
    assert MemberDirectoryPage.max_count_per_parent == 1
    assert HomePage in MemberDirectoryPage.allowed_parent_page_models()
