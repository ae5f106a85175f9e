"""
Routing (home.routing) tells Wagtail when a page has no view restriction, from
the query that found it. A restriction added later, on an ancestor, or on the
page an alias copies must still stop an anonymous reader.
"""

import pytest
from django.test import Client
from wagtail.models import PageViewRestriction

from articles.models import ArticlePage
from home.models import AboutPage
from tests import site as test_site

pytestmark = pytest.mark.django_db


def article():
    return ArticlePage.objects.get(slug=test_site.ARTICLE["slug"], locale__language_code="en")


def is_refused(url):
    response = Client().get(url)
    return response.status_code in (302, 401) and (
        response.status_code == 401 or "login" in response.headers.get("Location", "")
    )


def test_a_restriction_added_to_a_section_stops_a_page_served_before(page_cache_off):
    page = article()
    assert Client().get(page.url).status_code == 200
    PageViewRestriction.objects.create(page=page.get_parent(), restriction_type=PageViewRestriction.LOGIN)
    assert is_refused(page.url)


def test_a_password_on_the_home_page_covers_every_page(page_cache_off):
    page = article()
    restriction = PageViewRestriction.objects.create(
        page=page.get_parent().get_parent(), restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    response = Client().get(page.url)
    assert response.status_code == 200  # Wagtail's password form, not the article
    assert page.title not in response.content.decode()
    assert f"/_util/authenticate_with_password/{restriction.id}/" in response.content.decode()


def test_an_alias_of_a_restricted_page_is_restricted_too(page_cache_off):
    source = article()
    PageViewRestriction.objects.create(page=source, restriction_type=PageViewRestriction.LOGIN)
    about = AboutPage.objects.get(locale__language_code="en")
    alias = source.create_alias(parent=about, update_slug="copied-article")
    assert alias.live
    assert is_refused(alias.url)
    assert is_refused(source.url)
