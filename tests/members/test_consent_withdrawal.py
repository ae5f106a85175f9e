"""
A member withdraws her consent: the secretariat unticks what she no longer
wants public, in the admin, and she vanishes from every public place in every
language at once — the directory, her profile, the Map of Network, the API,
the site search (on the real engine) and the public media list of her photo.
"""

import re

import pytest

from home.translations import translate_object
from members.models import Member
from tests.factories import ImageFactory, MemberFactory

pytestmark = pytest.mark.django_db

NAME = "Amina Withdrawal"
FRENCH_POSITION = "Ministre du numérique"


@pytest.fixture
def amina(engine, directory):
    """A listed member, counted on the map, with a public photo, translated into French."""
    member = MemberFactory(
        full_name=NAME,
        country="SN",
        organisation="Sahel Digital Agency",
        position="Minister of digital affairs",
        photo=ImageFactory(title="Portrait of Amina"),
        photo_alt="Portrait of Amina",
    )
    translate_object(
        member,
        "fr",
        {
            "Minister of digital affairs": FRENCH_POSITION,
            "Portrait of Amina": "Portrait d'Amina",
            member.organisation: member.organisation,
            member.biography: member.biography,
        },
    )
    return member


def admin_form(member, **changes):
    """The admin's edit form for `member`, as the secretariat submits it, with `changes`."""
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
        "email": member.email,
        "phone": member.phone,
    }
    for flag in ("listed", "show_on_map", "show_photo", "show_organisation", "show_biography", "show_links"):
        if getattr(member, flag):
            fields[flag] = "on"
    fields.update(changes)
    return {name: value for name, value in fields.items() if value is not None}


def edit(admin_client, member, **changes):
    response = admin_client.post(f"/admin/snippets/members/member/edit/{member.pk}/", admin_form(member, **changes))
    assert response.status_code == 302, response.content.decode()[-2000:]


def map_count(client, language, country):
    items = client.get("/api/v2/map/", {"locale": language}).json()["items"]
    return next((item["count"] for item in items if item["country"] == country), 0)


def where_she_appears(client, directory, language):
    """Each public place, in `language`: True where a reader finds her."""
    page = directory.get_translation(directory.locale.__class__.objects.get(language_code=language))
    listing = client.get(page.url, {"q": "Withdrawal"}).content.decode()
    search = client.get("/api/v2/search/", {"q": NAME, "locale": language}).json()
    return {
        "directory": NAME in listing,
        "profile": client.get(
            f"{page.url}{Member.objects.get(full_name=NAME, locale__language_code='en').slug}/"
        ).status_code
        == 200,
        "api": any(
            item["full_name"] == NAME
            for item in client.get("/api/v2/members/", {"locale": language, "q": NAME}).json()["items"]
        ),
        "search": any(NAME in hit["title"] for hit in search["results"]),
    }


EVERYWHERE = {"directory": True, "profile": True, "api": True, "search": True}
NOWHERE = {"directory": False, "profile": False, "api": False, "search": False}


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_listed_member_is_found_everywhere_in_each_language(client, directory, amina, language):
    assert where_she_appears(client, directory, language) == EVERYWHERE
    assert map_count(client, language, "SN") >= 1


@pytest.mark.parametrize("language", ["en", "fr"])
def test_once_she_withdraws_she_vanishes_from_every_language(admin_client, client, directory, amina, language):
    senegal = map_count(client, language, "SN")
    edit(admin_client, amina, listed=None, show_on_map=None)
    client.logout()
    assert where_she_appears(client, directory, language) == NOWHERE
    assert map_count(client, language, "SN") == senegal - 1


def test_the_french_profile_follows_her_decision_not_its_old_copy(admin_client, client, directory, amina, locales):
    edit(admin_client, amina, listed=None)
    french = Member.objects.get(translation_key=amina.translation_key, locale=locales["fr"])
    assert not french.listed
    assert FRENCH_POSITION not in client.get(directory.get_translation(locales["fr"]).url).content.decode()


def test_her_photo_is_no_longer_public_media(admin_client, amina):
    from wagtail.images import get_image_model

    from headless.api import used_by_public_content

    assert amina.photo_id in used_by_public_content(get_image_model())
    edit(admin_client, amina, listed=None)
    assert amina.photo_id not in used_by_public_content(get_image_model())


def test_leaving_the_map_only_keeps_her_in_the_directory(admin_client, client, directory, amina):
    senegal = map_count(client, "en", "SN")
    edit(admin_client, amina, show_on_map=None)
    assert map_count(client, "en", "SN") == senegal - 1
    assert map_count(client, "fr", "SN") == senegal - 1
    assert where_she_appears(client, directory, "en") == EVERYWHERE
    assert where_she_appears(client, directory, "fr") == EVERYWHERE


def test_hiding_her_organisation_hides_it_from_profile_api_and_search(admin_client, client, directory, amina):
    organisation = amina.organisation
    edit(admin_client, amina, show_organisation=None)
    for language in ("en", "fr"):
        page = directory.get_translation(directory.locale.__class__.objects.get(language_code=language))
        profile = client.get(f"{page.url}{amina.slug}/").content.decode()
        assert organisation not in profile
        api = client.get("/api/v2/members/", {"locale": language, "q": NAME}).json()["items"]
        assert [item["organisation"] for item in api] == [""]
        hits = client.get("/api/v2/search/", {"q": organisation, "locale": language}).json()["results"]
        assert not any(NAME in hit["title"] for hit in hits)


def test_hiding_her_photo_takes_it_off_her_profile_and_the_api(admin_client, client, directory, amina, locales):
    edit(admin_client, amina, show_photo=None)
    for language in ("en", "fr"):
        page = directory.get_translation(locales[language])
        profile = client.get(f"{page.url}{amina.slug}/").content.decode()
        assert not re.search(r"<img[^>]+(Portrait of Amina|Portrait d&#x27;Amina)", profile)
        api = client.get("/api/v2/members/", {"locale": language, "q": NAME}).json()["items"]
        assert [item["photo"] for item in api] == [None]


def test_consenting_again_brings_her_back_everywhere(admin_client, client, directory, amina):
    edit(admin_client, amina, listed=None)
    amina.refresh_from_db()
    edit(admin_client, amina, listed="on")
    client.logout()
    assert where_she_appears(client, directory, "en") == EVERYWHERE
    assert where_she_appears(client, directory, "fr") == EVERYWHERE
