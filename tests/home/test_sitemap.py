"""The sitemap gives each page its translations as hreflang alternates."""

import xml.etree.ElementTree as ET

import pytest
from django.conf import settings
from wagtail.models import Page

from articles.models import ArticleIndexPage
from tests.factories import ArticlePageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def sitemap(client):
    """{location: {hreflang: href}} of every URL in the sitemap."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 - our own sitemap
    return {
        url.find("s:loc", NS).text: {
            link.get("hreflang"): link.get("href")
            for link in url.findall("xhtml:link", NS)
            if link.get("rel") == "alternate"
        }
        for url in root.findall("s:url", NS)
    }


def test_each_translated_page_lists_all_its_languages(client):
    urls = sitemap(client)
    about = {page.locale.language_code: page.full_url for page in Page.objects.filter(slug="about")}
    expected = {**about, "x-default": about["en"]}
    assert set(expected) == {*(code for code, _name in settings.LANGUAGES), "x-default"}
    for location in about.values():
        assert urls[location] == expected


def test_a_page_in_one_language_has_no_alternates(client):
    index = ArticleIndexPage.objects.get(locale__language_code="en")
    article = ArticlePageFactory(parent=index, slug="english-only-report")
    assert sitemap(client)[article.full_url] == {}


def test_drafts_are_not_alternates(client, home, locales):
    page = StandardPageFactory(parent=home, title="Partners", slug="partners")
    french = page.copy_for_translation(locales["fr"], copy_parents=False)
    french.save_revision()  # a draft
    spanish = page.copy_for_translation(locales["es"], copy_parents=False)
    spanish.save_revision().publish()
    urls = sitemap(client)
    assert set(urls[page.full_url]) == {"en", "es", "x-default"}
    assert not any("/fr/partners/" in location for location in urls)
