"""The header's search box on every public page, in every language, error pages included."""

import re

import pytest
from django.conf import settings
from wagtail.models import Page

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def header_search(html):
    """The header's search form, or None."""
    found = re.search(r'<form class="site-search__form".*?</form>', html, re.S)
    return found.group() if found else None


def assert_has_header_search(response, language):
    form = header_search(response.content.decode())
    assert form, response.request["PATH_INFO"]
    assert f'action="/{language}/search/"' in form
    assert 'role="search"' in form
    assert re.search(r'<label[^>]+for="site-search-q"', form)  # labelled for screen readers
    assert 'id="site-search-q" name="q"' in form
    assert 'aria-controls="site-search-suggestions"' in form  # wired to the autocomplete
    assert re.search(r'<button[^>]*type="submit"', form)  # submits without JavaScript


@pytest.mark.django_db
class TestHeaderSearch:
    @pytest.mark.parametrize("language", LANGUAGES)
    def test_on_every_page_type(self, client, language):
        pages = Page.objects.live().filter(locale__language_code=language, depth__gt=1).specific()
        seen = set()
        for page in pages:
            if type(page) in seen:
                continue
            seen.add(type(page))
            response = client.get(page.url)
            assert response.status_code == 200, page.url
            assert_has_header_search(response, language)
        assert len(seen) >= 6
        assert_has_header_search(client.get(f"/{language}/search/", {"q": "ICT"}), language)

    @pytest.mark.parametrize("language", LANGUAGES)
    def test_on_the_404_and_400_pages(self, client, language):
        missing = client.get(f"/{language}/no-such-page/")
        assert missing.status_code == 404
        assert_has_header_search(missing, language)
        bad = client.get(f"/{language}/search/", {"q": "a\x00b"})
        assert bad.status_code == 400
        assert_has_header_search(bad, language)

    def test_translated_label_and_button(self, client):
        form = header_search(client.get("/fr/").content.decode())
        assert "Rechercher" in form

    def test_the_search_page_has_one_autocomplete_script(self, client):
        html = client.get("/en/search/", {"q": "women"}).content.decode()
        assert html.count("search/autocomplete.js") == 1
        assert len(set(re.findall(r'id="([^"]+)"', html))) == len(re.findall(r'id="([^"]+)"', html))  # unique ids
