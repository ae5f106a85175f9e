"""A page made private, or one of its ancestors, disappears from every stored page that listed it, at once."""

import datetime

import pytest
from django.test import Client
from wagtail.models import PageViewRestriction

from tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db

HEADER = "X-Page-Cache"


@pytest.fixture
def reader():
    return Client()


@pytest.fixture
def newest(in_focus):
    return ArticlePageFactory(parent=in_focus, title="Newest story for the cache", date=datetime.date(2031, 5, 1))


def stored(reader, url):
    reader.get(url)
    response = reader.get(url)
    assert response[HEADER] == "hit", url
    return response.content.decode()


@pytest.mark.parametrize("restriction_type", [PageViewRestriction.LOGIN, PageViewRestriction.PASSWORD])
def test_an_article_made_private_leaves_the_stored_listings(reader, in_focus, newest, restriction_type):
    listings = ["/en/", in_focus.url, in_focus.url + "feed/"]
    for url in listings:
        assert newest.title in stored(reader, url)

    PageViewRestriction.objects.create(page=newest, restriction_type=restriction_type, password="secret")

    for url in listings:
        response = reader.get(url)
        assert response.status_code == 200
        assert newest.title not in response.content.decode(), url
    assert reader.get(newest.url).status_code in (200, 302)
    assert reader.get(newest.url).get(HEADER) != "hit"


def test_a_section_made_private_takes_its_articles_with_it(reader, in_focus, newest):
    assert newest.title in stored(reader, newest.url)
    PageViewRestriction.objects.create(page=in_focus, restriction_type=PageViewRestriction.LOGIN)
    response = reader.get(newest.url)
    assert response.status_code == 302  # to the sign-in page
    assert newest.title not in reader.get("/en/").content.decode()


def test_lifting_the_restriction_brings_the_article_back(reader, in_focus, newest):
    restriction = PageViewRestriction.objects.create(page=newest, restriction_type=PageViewRestriction.LOGIN)
    assert newest.title not in stored(reader, in_focus.url)
    restriction.delete()
    assert newest.title in reader.get(in_focus.url).content.decode()
