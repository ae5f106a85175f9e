"""
/api/v2/articles/ as a front end uses it: newest first unless it asks for
another order, narrowed by topic, author and dates (each alone and together),
in the language it asks for, with nothing a reader could not see.
"""

import datetime

import pytest
from taggit.models import Tag
from wagtail.models import PageViewRestriction

from articles.models import ArticlePage
from tests import site
from tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db

API = "/api/v2/articles/"


def titles(client, **params):
    response = client.get(API, {"locale": "en", "limit": 100, **params})
    assert response.status_code == 200, response.content
    return [item["title"] for item in response.json()["items"]]


@pytest.fixture
def satellites(in_focus):
    """Three articles on a topic of their own, by two authors, in 2030, 2031 and 2032."""
    tag = Tag.objects.create(name="Satellites", slug="satellites")
    made = {}
    for year, author in [(2030, "Grace Orbit"), (2031, "Hana Apogee"), (2032, "Grace Orbit")]:
        made[year] = ArticlePageFactory(
            parent=in_focus,
            title=f"Satellites in {year}",
            date=datetime.date(year, 6, 1),
            topics=[tag],
            authors=[(author, "Engineer")],
        )
    return made


def test_newest_first_by_default(client, in_focus):
    english = titles(client)
    dates = dict(ArticlePage.objects.filter(locale__language_code="en").values_list("title", "date"))
    assert [dates[title] for title in english] == sorted((dates[title] for title in english), reverse=True)
    assert len(english) == ArticlePage.objects.live().filter(locale__language_code="en").count()


def test_a_topic_keeps_its_articles(client, satellites):
    assert titles(client, topic="satellites") == ["Satellites in 2032", "Satellites in 2031", "Satellites in 2030"]


def test_an_author_is_found_by_part_of_her_name_whatever_the_case(client, satellites):
    assert titles(client, author="orbit") == ["Satellites in 2032", "Satellites in 2030"]
    assert titles(client, author="APOGEE") == ["Satellites in 2031"]
    assert titles(client, author="Nobody Byname") == []


@pytest.mark.parametrize(
    ("window", "expected"),
    [
        ({"date_from": "2031-06-01"}, ["Satellites in 2032", "Satellites in 2031"]),
        ({"date_to": "2031-06-01"}, ["Satellites in 2031", "Satellites in 2030"]),
        ({"date_from": "2030-06-02", "date_to": "2032-05-31"}, ["Satellites in 2031"]),
        ({"date_from": "2033-01-01"}, []),
    ],
)
def test_dates_bound_the_list_inclusively(client, satellites, window, expected):
    assert titles(client, topic="satellites", **window) == expected


def test_filters_combine(client, satellites):
    assert titles(client, topic="satellites", author="Orbit", date_from="2031-01-01") == ["Satellites in 2032"]
    assert titles(client, topic="policy", author="Orbit") == []


def test_an_order_asked_for_replaces_newest_first(client, satellites):
    assert titles(client, topic="satellites", order="title") == sorted(
        ["Satellites in 2030", "Satellites in 2031", "Satellites in 2032"]
    )
    assert titles(client, topic="satellites", order="-title") == [
        "Satellites in 2032",
        "Satellites in 2031",
        "Satellites in 2030",
    ]


def test_drafts_and_private_articles_are_left_out(client, satellites):
    satellites[2031].unpublish()
    PageViewRestriction.objects.create(page=satellites[2032], restriction_type=PageViewRestriction.LOGIN)
    assert titles(client, topic="satellites") == ["Satellites in 2030"]


@pytest.mark.parametrize("language", ["fr", "ar", "zh-hans"])
def test_each_language_lists_its_own_articles(client, language):
    listed = titles(client, locale=language)
    assert listed == [site.ARTICLE["title"][language]]


def test_a_listed_article_carries_its_byline_topics_and_date(client):
    response = client.get(API, {"locale": "fr", "fields": "intro,display_date,topics,byline"})
    (item,) = response.json()["items"]
    assert item["intro"] == site.ARTICLE["intro"]["fr"]
    assert item["display_date"] == site.ARTICLE["date"].isoformat()
    assert {topic["slug"]: topic["label"] for topic in item["topics"]} == {
        slug: site.TOPICS[slug]["fr"] for slug in site.ARTICLE["topics"]
    }
    assert [author["name"] for author in item["byline"]] == [site.ARTICLE["author"][0]]
    assert item["byline"][0]["role"] == site.ARTICLE["role"]["fr"]


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"topic": "not a slug"}, "topic"),
        ({"author": "x" * 201}, "author"),
        ({"date_from": "2031-13-01"}, "date_from"),
        ({"date_to": "yesterday"}, "date_to"),
        ({"type": "articles.ArticlePage"}, "type"),
    ],
)
def test_a_bad_filter_is_a_400_that_names_it(client, params, parameter):
    response = client.get(API, params)
    assert response.status_code == 400
    assert parameter in response.json()["message"]
