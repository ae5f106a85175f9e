"""
A body's calls to action find the pages readers may follow in one query for
the whole body, however many there are and whatever language they link
(before, each link to a page in another language read its translation on its own).
"""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

TARGETS = ["about", "privacy", "in-focus", "events", "members"]


@pytest.fixture(autouse=True)
def page_cache_off(settings):
    settings.PAGE_CACHE_SECONDS = 0


def queries_and_html(url):
    client = Client()
    client.get(url)  # the shared caches (menu, footer, site) warm
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries), response.content.decode()


def cta(page, n):
    return ("call_to_action", {"title": f"Call {n}", "button_label": f"Go {n}", "page": page})


def test_more_calls_to_action_in_another_language_cost_no_more_queries(locales):
    english = [Page.objects.get(slug=slug, locale=locales["en"]) for slug in TARGETS]
    french_home = Page.objects.get(depth=2, locale=locales["fr"])
    one = StandardPageFactory(parent=french_home, slug="un-lien", body=[cta(english[0], 0)])
    many = StandardPageFactory(
        parent=french_home, slug="des-liens", body=[cta(page, n) for n, page in enumerate(english * 2)]
    )
    one_count, _html = queries_and_html(one.url)
    many_count, html = queries_and_html(many.url)
    assert many_count <= one_count
    for page in english:  # each in French
        assert f'href="{page.get_translation(locales["fr"]).url}"' in html


def test_an_articles_calls_to_action_cost_no_more_queries_either(locales):
    from articles.models import ArticleIndexPage
    from tests.factories import ArticlePageFactory

    english = [Page.objects.get(slug=slug, locale=locales["en"]) for slug in TARGETS]
    french_index = ArticleIndexPage.objects.get(locale=locales["fr"])
    one = ArticlePageFactory(parent=french_index, slug="un-lien", body=[cta(english[0], 0)])
    many = ArticlePageFactory(
        parent=french_index, slug="des-liens", body=[cta(page, n) for n, page in enumerate(english * 2)]
    )
    one_count, _html = queries_and_html(one.url)
    many_count, html = queries_and_html(many.url)
    assert many_count <= one_count
    assert f'href="{english[1].get_translation(locales["fr"]).url}"' in html
