"""Every page offers all six languages: its own translations, else the nearest translated section."""

import re

import pytest
from django.conf import settings

from articles.models import ArticleIndexPage
from tests.factories import ArticlePageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


def switcher_links(content):
    """{language code: href} of the language switcher's links (the current language has none)."""
    nav = re.search(r'<nav class="language-switcher".*?</nav>', content, re.S).group(0)
    return {code: href for href, code in re.findall(r'<a href="([^"]*)" hreflang="([^"]*)"', nav)}


def switcher_languages(content):
    nav = re.search(r'<nav class="language-switcher".*?</nav>', content, re.S).group(0)
    return re.findall(r'<(?:a|span)[^>]* lang="([^"]+)"', nav)


def alternates(content):
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', content))


def test_english_only_article_offers_every_language_through_its_section(client):
    index = ArticleIndexPage.objects.get(locale__language_code="en")
    article = ArticlePageFactory(parent=index, title="Only in English", slug="only-in-english")
    content = client.get(article.url).content.decode()
    assert switcher_languages(content) == [code for code, _name in settings.LANGUAGES]
    links = switcher_links(content)
    for code in ("ar", "zh-hans", "fr", "ru", "es"):
        assert links[code] == f"/{code}/in-focus/"
    # Search engines are told only about real translations.
    assert set(alternates(content)) == {"en", "x-default"}


def test_nested_untranslated_pages_fall_back_to_the_nearest_translated_ancestor(client, home):
    parent = StandardPageFactory(parent=home, title="Programmes", slug="programmes")
    child = StandardPageFactory(parent=parent, title="Mentoring", slug="mentoring")
    from home.translations import translate_object

    translate_object(parent, "fr", {"Programmes": "Programmes (fr)"})
    links = switcher_links(client.get(child.url).content.decode())
    assert links["fr"] == "/fr/programmes/"
    assert links["ar"] == "/ar/"


def test_fallback_link_says_why_in_its_own_language(client):
    index = ArticleIndexPage.objects.get(locale__language_code="en")
    article = ArticlePageFactory(parent=index, slug="no-translation-yet")
    content = client.get(article.url).content.decode()
    link = re.search(r'<a href="/fr/in-focus/"[^>]*>', content).group(0)
    assert 'lang="fr"' in link
    assert re.search(r'title="[^"]*traduite', link)


def test_translated_page_links_to_its_translations(client):
    content = client.get("/ar/about/").content.decode()
    links = switcher_links(content)
    assert links == {code: f"/{code}/about/" for code, _name in settings.LANGUAGES if code != "ar"}
    assert "title=" not in re.search(r'<nav class="language-switcher".*?</nav>', content, re.S).group(0)


def test_switching_language_keeps_the_view_of_a_routable_page(client):
    links = switcher_links(client.get("/en/members/join/").content.decode())
    assert links["ar"] == "/ar/members/join/"
    links = switcher_links(client.get("/fr/events/?month=2027-04").content.decode())
    assert links["es"] == "/es/events/?month=2027-04"
