"""
API listings build their alternates' URLs with headless.page_urls, which must
give exactly what Wagtail's Page.get_full_url gives, in every language.
"""

import pytest
from django.test import RequestFactory
from wagtail.models import Page

from headless.page_urls import PageUrls
from tests.factories import ArticlePageFactory


@pytest.fixture
def pages_in_every_language(in_focus, locales):
    """Every page of the test site, plus articles whose slugs need escaping (Cyrillic, Chinese, Arabic)."""
    ArticlePageFactory(parent=in_focus.get_translation(locales["ru"]), slug="цифровая-политика")
    ArticlePageFactory(parent=in_focus.get_translation(locales["zh-hans"]), slug="数字政策")
    ArticlePageFactory(parent=in_focus.get_translation(locales["ar"]), slug="السياسة-الرقمية")
    return list(Page.objects.all())


@pytest.mark.django_db
def test_page_urls_are_wagtails_full_urls(pages_in_every_language, locales):
    request = RequestFactory().get("/api/v2/pages/")
    urls = PageUrls(request)
    languages = set()
    for page in pages_in_every_language:
        assert urls.full_url(page.url_path) == page.get_full_url(request), page.url_path
        languages.add(page.locale_id)
    assert languages == {locale.pk for locale in locales.values()}
    assert any("%D1%86" in (urls.full_url(page.url_path) or "") for page in pages_in_every_language)


@pytest.mark.django_db
def test_alternates_in_a_listing_match_each_translations_own_url(client, in_focus, locales):
    article = ArticlePageFactory(parent=in_focus)
    for code in ("fr", "ru", "zh-hans"):
        article.copy_for_translation(locales[code], copy_parents=True).save_revision().publish()
    response = client.get("/api/v2/pages/?type=articles.ArticlePage&limit=50")
    (item,) = [item for item in response.json()["items"] if item["id"] == article.pk]
    alternates = item["meta"]["alternates"]
    assert {alternate["locale"] for alternate in alternates} == {"en", "fr", "ru", "zh-hans"}
    for alternate in alternates:
        page = Page.objects.get(pk=alternate["id"])
        assert alternate["url"] == page.get_full_url()
