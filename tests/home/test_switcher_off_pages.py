"""The language switcher on views that are not Wagtail pages (search, forms) keeps the reader where she is."""

import html
import re

import pytest

from tests import site

pytestmark = pytest.mark.django_db


def switcher(content):
    nav = re.search(r'<nav class="language-switcher".*?</nav>', content, re.S).group(0)
    return {code: html.unescape(url) for url, code in re.findall(r'<a href="([^"]+)" hreflang="([^"]+)"', nav)}


def test_search_results_switch_language_with_the_same_query(client):
    links = switcher(client.get("/fr/search/", {"q": "santé", "type": "article"}).content.decode())
    assert set(links) == set(site.LANGUAGES) - {"fr"}
    for code, url in links.items():
        assert url.startswith(f"/{code}/search/?")
        assert "q=sant%C3%A9" in url and "type=article" in url


def test_the_submission_form_switches_to_the_form_in_each_language(client, in_focus):
    links = switcher(client.get("/ar/in-focus/submit/").content.decode())
    assert links == {code: f"/{code}/in-focus/submit/" for code in site.LANGUAGES if code != "ar"}
