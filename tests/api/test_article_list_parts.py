"""
/api/v2/articles/ keeps each item of a default listing as a part in the
shared cache: a second client reads no article's topics, authors or
renditions again and gets the same answer, and any change an item shows
(an edit published, an unpublished article, a topic label, a picture, a
linked author's profile) shows at once.
"""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from articles.models import ArticlePage, TopicLabel
from tests.factories import ArticlePageFactory, ImageFactory, MemberFactory

pytestmark = pytest.mark.django_db

LIST = "/api/v2/articles/?limit=20&locale=en"


def items():
    response = Client().get(LIST)
    assert response.status_code == 200, response.content[:300]
    return response.json()["items"]


def item(article):
    (found,) = [entry for entry in items() if entry["id"] == article.pk]
    return found


@pytest.fixture
def article(in_focus, policy):
    return ArticlePageFactory(
        parent=in_focus,
        title="Broadband in every village",
        topics=[policy],
        hero_image=ImageFactory(description="Masts on a hill"),
        authors=[("Amina Diallo", "Minister")],
    )


def test_a_second_client_reads_no_item_again(article):
    first = Client().get(LIST).json()
    with CaptureQueriesContext(connection) as captured:
        again = Client().get(LIST).json()
    assert again == first
    queries = [query["sql"] for query in captured.captured_queries]
    for table in ("articles_articlepagetag", "articles_articleauthor", "wagtailimages_rendition"):
        assert not [sql for sql in queries if f'FROM "{table}"' in sql], table


def test_the_items_are_those_an_uncached_listing_gives(article):
    kept = items()
    assert Client().get(LIST + "&fields=_,id,title").status_code == 200
    default_fields = Client().get(LIST + "&fields=*").json()["items"]
    by_id = {entry["id"]: entry for entry in default_fields}
    for entry in kept:
        for name, value in entry.items():
            if name != "meta":
                assert by_id[entry["id"]][name] == value, name
        for name, value in entry["meta"].items():
            assert by_id[entry["id"]]["meta"][name] == value, name


def test_a_published_edit_shows_at_once(article):
    assert item(article)["title"] == "Broadband in every village"
    article.title = "Broadband in every town"
    article.save_revision().publish()
    assert item(article)["title"] == "Broadband in every town"


def test_an_unpublished_article_leaves_at_once(article):
    assert item(article)
    ArticlePage.objects.get(pk=article.pk).unpublish()
    assert article.pk not in [entry["id"] for entry in items()]


def test_a_renamed_topic_label_shows_at_once(article, policy):
    label = TopicLabel.objects.get(tag=policy, locale__language_code="en")
    label.label = "Digital policy and regulation"
    label.save()
    assert item(article)["topics"] == [{"slug": "policy", "label": "Digital policy and regulation"}]
    label.label = "Policy and regulation, renamed"
    label.save()
    assert item(article)["topics"] == [{"slug": "policy", "label": "Policy and regulation, renamed"}]


def test_a_pictures_new_description_shows_at_once(article):
    assert item(article)["hero_image"]["alt"] == "Masts on a hill"
    image = article.hero_image
    image.description = "Radio masts on a green hill"
    image.save()
    assert item(article)["hero_image"]["alt"] == "Radio masts on a green hill"


def test_a_linked_author_who_leaves_the_directory_loses_her_link_at_once(article):
    member = MemberFactory(full_name="Amina Diallo")
    author = article.authors.get()
    author.member = member
    author.save()
    ArticlePage.objects.get(pk=article.pk).save_revision().publish()
    assert item(article)["byline"][0]["profile_url"]
    member.listed = False
    member.save()
    assert item(article)["byline"] == [{"name": "Amina Diallo", "role": "Minister", "profile_url": None}]
