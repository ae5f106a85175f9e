"""
Every list endpoint answers in a number of queries that does not depend on
`limit` (at most 15), and every detail endpoint in at most 10.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import ArticlePage
from tests.factories import ArticlePageFactory, ImageFactory, MemberFactory

LIST_BOUND = 15
DETAIL_BOUND = 10

LISTS = [
    "/api/v2/pages/?limit={n}",
    "/api/v2/pages/?limit={n}&locale=fr",
    "/api/v2/pages/?limit={n}&type=articles.ArticlePage&fields=intro,topics,byline,hero_image,display_date",
    "/api/v2/articles/?limit={n}",
    "/api/v2/articles/?limit={n}&topic=policy",
    "/api/v2/events/?limit={n}&to=2031-01-01",
    "/api/v2/members/?limit={n}",
    "/api/v2/members/?limit={n}&locale=es",
    "/api/v2/map/?locale=ru",
    "/api/v2/images/?limit={n}",
    "/api/v2/documents/?limit={n}",
]


@pytest.fixture
def public_photos(db, in_focus, policy):
    """
    More of everything than the smaller limit: listed members with public
    photos (each its own image) and articles on one topic with pictures.
    """
    for _n in range(8):
        ArticlePageFactory(parent=in_focus, topics=[policy], hero_image=ImageFactory())
    return [MemberFactory(photo=ImageFactory(), show_photo=True) for _n in range(8)]


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, (url, response.content[:300])
    return len(captured.captured_queries), response.json()


def item_count(body):
    return len(body.get("items", body.get("results", [])))


@pytest.mark.django_db
@pytest.mark.parametrize("url", LISTS)
def test_list_queries_do_not_depend_on_limit(client, url, public_photos):
    client.get(url.format(n=50))  # renditions are made once, on first use
    few, few_body = queries(client, url.format(n=5))
    many, many_body = queries(client, url.format(n=50))
    assert item_count(many_body) >= item_count(few_body)
    if "map" not in url and "documents" not in url:  # the test site has no documents
        assert item_count(many_body) > 5, "not enough content to tell a difference"
    assert many == few, f"{url}: {few} queries at limit=5, {many} at limit=50"
    assert many <= LIST_BOUND


@pytest.mark.django_db
def test_search_queries_do_not_depend_on_the_page_size(client, engine, public_photos):
    client.get("/api/v2/search/?q=ict")
    few, _body = queries(client, "/api/v2/search/?q=ict&per_page=5")
    many, body = queries(client, "/api/v2/search/?q=ict&per_page=50")
    assert len(body["results"]) > 5
    assert many == few <= LIST_BOUND


@pytest.mark.django_db
def test_detail_endpoints_answer_in_bounded_queries(client, public_photos):
    article = ArticlePage.objects.live().filter(locale__language_code="en").first()
    image = public_photos[0].photo
    for url in (
        f"/api/v2/pages/{article.pk}/",
        f"/api/v2/articles/{article.pk}/",
        f"/api/v2/pages/{article.get_parent().pk}/",
        f"/api/v2/images/{image.pk}/",
    ):
        client.get(url)
        count, _body = queries(client, url)
        assert count <= DETAIL_BOUND, f"{url}: {count} queries"
