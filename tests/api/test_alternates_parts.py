"""
API items list their translations (`alternates`) from the shared cache
while none of them changed: a second client reads no translation again, and
a translation published, withdrawn or restricted shows at once.
"""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from articles.models import ArticlePage
from home.translations import translate_object
from tests import site
from tests.factories import ArticlePageFactory


def alternates(article):
    response = Client().get(f"/api/v2/articles/{article.pk}/")
    assert response.status_code == 200
    return {item["locale"]: item["url"] for item in response.json()["meta"]["alternates"]}


def listed_alternates(article):
    response = Client().get("/api/v2/articles/?locale=en&limit=50")
    assert response.status_code == 200
    (item,) = [item for item in response.json()["items"] if item["id"] == article.pk]
    return {alternate["locale"] for alternate in item["meta"]["alternates"]}


@pytest.mark.django_db
class TestAlternates:
    def test_a_second_client_reads_no_translation_again(self):
        first = Client().get("/api/v2/articles/?limit=20").json()
        with CaptureQueriesContext(connection) as captured:
            again = Client().get("/api/v2/articles/?limit=20").json()
        assert again == first
        assert not [query for query in captured.captured_queries if '"translation_key" IN' in query["sql"]]

    def test_a_published_translation_is_listed_at_once(self, in_focus):
        article = ArticlePageFactory(parent=in_focus, title="Broadband in every village")
        assert listed_alternates(article) == {"en"}
        translate_object(article, "fr", {"Broadband in every village": "Haut débit dans chaque village"})
        assert listed_alternates(article) == {"en", "fr"}
        assert "fr" in alternates(article)

    def test_an_unpublished_translation_leaves_at_once(self):
        article = ArticlePage.objects.get(slug=site.ARTICLE["slug"], locale__language_code="en")
        assert "es" in listed_alternates(article)
        spanish = ArticlePage.objects.get(translation_key=article.translation_key, locale__language_code="es")
        spanish.unpublish()
        assert "es" not in listed_alternates(article)
        assert "es" not in alternates(article)

    def test_a_restricted_translation_leaves_at_once(self):
        article = ArticlePage.objects.get(slug=site.ARTICLE["slug"], locale__language_code="en")
        assert "ru" in listed_alternates(article)
        russian = ArticlePage.objects.get(translation_key=article.translation_key, locale__language_code="ru")
        PageViewRestriction.objects.create(page=russian, restriction_type=PageViewRestriction.LOGIN)
        assert "ru" not in listed_alternates(article)
