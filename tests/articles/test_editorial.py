"""What editors decide about articles and what follows from it: the review workflow, the picture search engines get."""

import json
import re

import pytest
from django.core.cache import cache
from wagtail.models import Workflow, WorkflowState

from articles.models import ArticlePage
from tests.factories import ArticlePageFactory, ImageFactory

from .conftest import submission_data

pytestmark = pytest.mark.django_db


def structured_data(client, page):
    content = client.get(page.url).content.decode()
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', content, re.S)
    return next(data for data in map(json.loads, scripts) if data.get("@type") == "Article")


class TestReviewWorkflow:
    def test_a_deactivated_in_focus_review_hands_articles_to_the_sites_workflow(self, client, in_focus):
        Workflow.objects.filter(name="In Focus review").update(active=False)
        cache.clear()
        response = client.post(in_focus.url + "submit/", submission_data(), REMOTE_ADDR="192.0.2.44")
        assert response.status_code == 302
        article = ArticlePage.objects.get(title=submission_data()["title"])
        states = WorkflowState.objects.filter(object_id=str(article.pk))
        assert not states.filter(workflow__name="In Focus review").exists()
        section_workflow = in_focus.get_workflow()
        if section_workflow is None:
            assert not states.exists()
        else:
            assert states.get().workflow == section_workflow


class TestStructuredData:
    def test_an_article_with_a_picture_offers_it_at_the_size_search_engines_show(self, client, in_focus):
        article = ArticlePageFactory(parent=in_focus, hero_image=ImageFactory(), slug="pictured")
        data = structured_data(client, article)
        assert data["image"].startswith("http")
        assert "1200x630" in data["image"] or data["image"].endswith((".png", ".jpg", ".webp", ".jpeg"))
        assert data["url"] == article.full_url
        assert data["inLanguage"] == "en"

    def test_an_article_without_a_picture_offers_none(self, client, in_focus):
        article = ArticlePageFactory(parent=in_focus, slug="unpictured")
        assert "image" not in structured_data(client, article)
