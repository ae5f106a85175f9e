"""
The directory and a member's profile as readers see them: paging, the filter
choices, each fact she chose to make public, and an editor creating a profile.
"""

import re

import pytest
from django.utils.html import escape

from members.models import MEMBERS_PER_PAGE, Member
from tests.factories import ImageFactory, MemberFactory

pytestmark = pytest.mark.django_db


def listed_names(content, directory):
    """The members the directory page links to, in its order."""
    return re.findall(rf'<a href="{re.escape(directory.url)}[a-z0-9-]+/"[^>]*>([^<]+)</a>', content)


def profile(client, directory, member):
    response = client.get(f"{directory.url}{member.slug}/")
    assert response.status_code == 200
    return response.content.decode()


def test_a_long_directory_is_paged_alphabetically(client, directory):
    before = Member.objects.filter(listed=True, locale__language_code="en").count()
    for n in range(MEMBERS_PER_PAGE + 1 - before):
        MemberFactory(full_name=f"Zz Paged Member {n:02d}")
    first = client.get(directory.url).content.decode()
    second = client.get(directory.url, {"page": 2}).content.decode()
    assert f"{MEMBERS_PER_PAGE + 1} members" in first
    assert "Page 1 of 2" in first and "Page 2 of 2" in second
    assert len(listed_names(first, directory)) == MEMBERS_PER_PAGE
    assert listed_names(second, directory) == [f"Zz Paged Member {MEMBERS_PER_PAGE - before:02d}"]
    assert listed_names(first, directory) == sorted(listed_names(first, directory))


def test_filters_offer_only_what_listed_members_have(client, directory, canary):
    MemberFactory(full_name="Hidden Expert", country="IS", listed=False, expertise=["quantum-networks"])
    content = client.get(directory.url).content.decode()
    assert '<option value="NG"' in content  # the test site's Ifeoma Tester
    assert '<option value="IS"' not in content and f'<option value="{canary.country.code}"' not in content
    assert "quantum-networks" not in content


def test_a_filter_that_matches_nobody_says_so(client, directory):
    content = client.get(directory.url, {"country": "AQ"}).content.decode()
    assert "0 members" in content
    assert "No members match. Try fewer filters." in content


def test_a_profile_shows_her_facts_in_the_readers_language(client, directory, locales):
    member = MemberFactory(
        honorific="Dr",
        full_name="Amina Diallo",
        country="SN",
        languages_spoken=["en", "fr", "sw"],
        expertise=["spectrum-policy"],
        linkedin="https://www.linkedin.com/in/amina-diallo-example",
    )
    content = profile(client, directory, member)
    assert "Dr Amina Diallo" in content
    assert "Senegal" in content and "Africa" in content  # her country and ITU region
    assert "Member since" in content and "2020" in content
    assert "English, French, Swahili" in content
    assert (
        f'href="{member.website}"' in content and 'href="https://www.linkedin.com/in/amina-diallo-example"' in content
    )
    assert f'href="{directory.url}?expertise=spectrum-policy"' in content
    assert listed_names(client.get(directory.url, {"expertise": "spectrum-policy"}).content.decode(), directory) == [
        "Dr Amina Diallo"
    ]
    french = directory.get_translation(locales["fr"])
    content = profile(client, french, member)
    assert "Sénégal" in content and "Afrique" in content
    assert "Secteur" in content and "Gouvernement" in content
    assert "Anglais, Français, Swahili" in content


@pytest.mark.parametrize(
    ("choice", "shown"),
    [
        ("show_biography", lambda member: member.biography),
        ("show_links", lambda member: member.website),
        ("show_organisation", lambda member: member.organisation),
        ("show_photo", lambda member: member.photo_alt),  # the picture's description comes with it
    ],
)
def test_each_fact_is_public_only_if_she_chose_so(client, directory, choice, shown):
    member = MemberFactory(
        full_name="Noor Haddad",
        biography="Noor built the national fibre backbone.",
        photo=ImageFactory(),
        photo_alt="Noor Haddad smiling",
    )
    assert shown(member) in profile(client, directory, member)
    setattr(member, choice, False)
    member.save()
    assert shown(member) not in profile(client, directory, member)
    assert shown(member) not in client.get(directory.url).content.decode()


def test_unknown_profiles_are_not_found(client, directory):
    assert client.get(f"{directory.url}no-such-member/").status_code == 404


def member_form(**fields):
    return {
        "full_name": "Amina Diallo",
        "slug": "amina-diallo",
        "honorific": "",
        "position": "Minister",
        "organisation": "",
        "sector": "government",
        "country": "SN",
        "photo_alt": "",
        "biography": "",
        "expertise": "",
        "languages_spoken": ["fr", "sw"],
        "website": "",
        "linkedin": "",
        "member_since": "",
        "listed": "on",
        "email": "amina@members.example.org",
        "phone": "",
        **fields,
    }


ADD = "/admin/snippets/members/member/add/?locale=en"


def test_an_editor_creates_a_profile_that_shows_what_she_entered(admin_client, client, directory):
    response = admin_client.post(ADD, member_form())
    assert response.status_code == 302, response.content.decode()[-3000:]
    member = Member.objects.get(full_name="Amina Diallo")
    assert member.slug == "amina-diallo"
    content = profile(client, directory, member)
    assert "French, Swahili" in content
    assert "amina@members.example.org" not in content


@pytest.mark.parametrize("slug", ["map", "join"])
def test_addresses_of_the_directorys_own_pages_are_refused(admin_client, slug):
    response = admin_client.post(ADD, member_form(slug=slug))
    assert response.status_code == 200
    assert escape("This address is reserved; please choose another.") in response.content.decode()
    assert not Member.objects.filter(full_name="Amina Diallo").exists()
