"""What search engines are told: robots.txt and the sitemap's list of pages."""

import xml.etree.ElementTree as ET

import pytest
from django.conf import settings
from wagtail.models import PageViewRestriction

from tests import site
from tests.factories import ArticlePageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def locations(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    return [url.text for url in ET.fromstring(response.content).findall("s:url/s:loc", NS)]  # noqa: S314


def test_robots_keep_crawlers_out_of_the_admin_and_search_in_every_language(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines
    for code, _name in settings.LANGUAGES:
        assert f"Disallow: /{code}/search/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_the_sitemap_lists_every_language_tree(client, in_focus, locales):
    listed = locations(client)
    for code in site.LANGUAGES:
        assert in_focus.get_translation(locales[code]).full_url in listed
        assert f"/{code}/in-focus/{site.ARTICLE['slug']}/" in " ".join(listed)


def test_the_sitemap_leaves_out_drafts_and_private_pages(client, home, in_focus):
    draft = ArticlePageFactory(parent=in_focus, slug="draft-report", live=False)
    private = StandardPageFactory(parent=home, slug="board-minutes")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    beneath = StandardPageFactory(parent=private, slug="board-minutes-2026")
    public = StandardPageFactory(parent=home, slug="open-letter")
    listed = " ".join(locations(client))
    assert public.full_url in listed
    for hidden in (draft, private, beneath):
        assert f"/{hidden.slug}/" not in listed


def test_the_sitemap_may_be_cached_by_proxies_for_an_hour(client):
    response = client.get("/sitemap.xml")
    assert "public" in response["Cache-Control"]
    assert "max-age=3600" in response["Cache-Control"]


@pytest.mark.parametrize("path", ["/sitemap.xml", "/robots.txt"])
def test_only_reading_is_allowed(client, path):
    assert client.post(path).status_code == 405
