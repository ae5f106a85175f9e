"""
What API serialization builds once and reuses (headless.api): serializer
classes and their fields per process (they depend on code alone), and per
request a detail URL per model, a rendition per picture and the site roots of
page URLs. Each must give exactly what Wagtail gives item by item.
"""

import pytest
from django.test import Client
from wagtail.api.v2.utils import get_object_detail_url
from wagtail.models import Page

from articles.api import ArticlesAPIViewSet
from articles.models import ArticlePage
from cms.api import api_router
from tests.factories import ArticlePageFactory, ImageFactory

pytestmark = pytest.mark.django_db


def listed(query=""):
    response = Client().get(f"/api/v2/articles/?limit=50&locale=en{query}")
    assert response.status_code == 200, response.content[:300]
    return {item["id"]: item for item in response.json()["items"]}


@pytest.fixture
def articles(in_focus):
    shared, other = ImageFactory(description="Shared"), ImageFactory(description="Other")
    return [
        ArticlePageFactory(parent=in_focus, title="First", hero_image=shared),
        ArticlePageFactory(parent=in_focus, title="Second", hero_image=shared),
        ArticlePageFactory(parent=in_focus, title="Third", hero_image=other),
    ]


def test_each_item_has_its_own_detail_url_and_page_url(articles, rf):
    items = listed()
    request = rf.get("/api/v2/articles/")
    request.wagtailapi_router = api_router
    for article in articles:
        meta = items[article.pk]["meta"]
        assert meta["detail_url"] == get_object_detail_url(api_router, request, ArticlePage, article.pk)
        assert meta["html_url"] == article.get_full_url(request)


def test_items_sharing_a_picture_show_the_same_rendition_and_others_their_own(articles):
    items = listed()
    first, second, third = (items[article.pk]["hero_image"] for article in articles)
    assert first == second
    assert first["alt"] == "Shared" and third["alt"] == "Other"
    assert first["url"] != third["url"]
    # Each item has its own dict: changing one (as a client library might) leaves the others.
    assert first is not second


def test_serializer_classes_follow_the_fields_asked_for(articles):
    default = listed()[articles[0].pk]
    narrow = listed("&fields=_,id,title")[articles[0].pk]
    assert narrow == {"id": articles[0].pk, "title": "First"}
    assert "intro" in default and "topics" in default
    assert listed()[articles[0].pk] == default
    assert Client().get("/api/v2/articles/?fields=no_such_field").status_code == 400


def test_each_serializer_gets_fields_of_its_own(rf):
    serializer_class = ArticlesAPIViewSet._get_serializer_class(api_router, ArticlePage, [])
    assert serializer_class is ArticlesAPIViewSet._get_serializer_class(api_router, ArticlePage, [])
    one, other = serializer_class(context={"request": rf.get("/")}), serializer_class(context={})
    assert list(one.fields) == list(other.fields)
    for name in one.fields:
        assert one.fields[name] is not other.fields[name]
        assert one.fields[name].parent is one and other.fields[name].parent is other


def test_pages_endpoint_items_have_wagtails_detail_and_page_urls(articles, rf):
    request = rf.get("/api/v2/pages/")
    response = Client().get("/api/v2/pages/?limit=50")
    items = response.json()["items"]
    assert {article.pk for article in articles} <= {item["id"] for item in items}
    for item in items:
        page = Page.objects.get(pk=item["id"])
        assert item["meta"]["detail_url"] == get_object_detail_url(api_router, request, Page, page.pk)
        assert item["meta"]["html_url"] == page.specific.get_full_url(request)
