"""
Hostile headers and error pages: a Host outside ALLOWED_HOSTS, a malformed
Cookie or Accept-Language header answer 400 with a message, never 500; a 404
offers only addresses that exist.
"""

import re

import pytest
from django.test import Client

from home.models import AboutPage
from tests.factories import StandardPageFactory

LANGUAGES = ["ar", "zh-hans", "en", "fr", "ru", "es"]


@pytest.fixture
def production_hosts(settings):
    """What production.py does with ALLOWED_HOSTS set, behind a TLS proxy."""
    settings.ALLOWED_HOSTS = ["www.example.org"]
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_SSL_REDIRECT = True
    # The test client must report what the site answered, not re-raise.
    return Client(raise_request_exception=False, HTTP_X_FORWARDED_PROTO="https")


def links(response):
    return set(re.findall(r'href="(/[^"]*)"', response.content.decode()))


@pytest.mark.django_db
class TestHostileHeaders:
    @pytest.mark.parametrize("path", ["/en/", "/fr/about/", "/", "/en/no-such-page/", "/fr/search/?q=ict"])
    def test_bad_host_is_a_400_page_not_a_500(self, production_hosts, path):
        response = production_hosts.get(path, HTTP_HOST="evil.example")
        assert response.status_code == 400
        content = response.content.decode()
        assert "evil.example" not in content  # nothing is built from the hostile header
        if path.startswith("/fr/"):
            assert "Requête incorrecte" in content or 'lang="fr"' in content

    def test_bad_host_on_the_api_is_a_json_400(self, production_hosts):
        response = production_hosts.get("/api/v2/pages/", HTTP_HOST="evil.example")
        assert response.status_code == 400
        assert response.json()["message"]

    def test_the_site_still_answers_its_own_host(self, production_hosts):
        assert production_hosts.get("/en/", HTTP_HOST="www.example.org").status_code == 200

    @pytest.mark.parametrize(
        "cookie",
        ["sessionid=abc\x00def", "csrftoken=\x01\x02; sessionid=x", "django_language=fr\x1b[31m"],
    )
    def test_malformed_cookie_is_a_400(self, cookie):
        client = Client(raise_request_exception=False)
        response = client.get("/en/", HTTP_COOKIE=cookie)
        assert response.status_code == 400
        assert "Cookie header" in response.content.decode()
        api = client.get("/api/v2/pages/", HTTP_COOKIE=cookie)
        assert api.status_code == 400 and "Cookie" in api.json()["message"]

    @pytest.mark.parametrize(
        "header",
        [
            "fr;q=\x00",
            "\xff\xfe;q=1",
            "en;q=lots",
            "zh-Hans-CN-" + "a" * 300,
            "en," * 600,
            "<script>alert(1)</script>",
        ],
    )
    def test_malformed_accept_language_is_a_400(self, header):
        client = Client(raise_request_exception=False)
        response = client.get("/fr/", HTTP_ACCEPT_LANGUAGE=header)
        assert response.status_code == 400
        content = response.content.decode()
        assert "Accept-Language" in content
        assert 'lang="fr"' in content  # in the language of the address

    @pytest.mark.parametrize(
        "header",
        ["en-US,en;q=0.9,fr;q=0.8", "fr-FR", "ar, en;q=0.5", "zh-Hans-CN", "*", "en_US", "es;q=.7", ""],
    )
    def test_what_browsers_send_is_accepted(self, client, header):
        assert client.get("/en/", HTTP_ACCEPT_LANGUAGE=header).status_code == 200


@pytest.mark.django_db
class TestNotFoundPage:
    def test_offers_no_address_that_does_not_exist(self, client):
        response = client.get("/fr/no-such-page/")
        assert response.status_code == 404
        offered = links(response)
        for code in LANGUAGES:
            assert f"/{code}/no-such-page/" not in offered

    def test_offers_the_nearest_section_in_the_languages_it_exists_in(self, client):
        response = client.get("/fr/about/no-such-page/")
        assert response.status_code == 404
        about = {page.locale.language_code: page.url for page in AboutPage.objects.live().select_related("locale")}
        offered = links(response)
        for code in LANGUAGES:
            if code in about:
                assert about[code] in offered or code == "fr"
            assert f"/{code}/about/no-such-page/" not in offered

    def test_a_page_missing_in_this_language_offers_only_its_languages(self, client, home):
        StandardPageFactory(parent=home, title="Only in English", slug="only-english")
        response = client.get("/fr/only-english/")
        assert response.status_code == 404
        offered = links(response)
        assert "/en/only-english/" in offered
        for code in ["ar", "zh-hans", "fr", "ru", "es"]:
            assert f"/{code}/only-english/" not in offered

    def test_a_private_or_draft_translation_is_not_offered(self, client, home, locales):
        page = StandardPageFactory(parent=home, title="Drafted", slug="drafted")
        spanish = page.copy_for_translation(locales["es"], copy_parents=False)
        spanish.save_revision()  # a draft
        page.unpublish()
        offered = links(client.get("/fr/drafted/"))
        assert "/es/drafted/" not in offered
        assert "/en/drafted/" not in offered
