"""A picture whose original file is gone from storage costs that picture, not the whole answer."""

import pytest
from wagtail.models import Locale

from members.models import Member
from tests.factories import ArticlePageFactory, ImageFactory


def image_without_its_file():
    image = ImageFactory()
    image.file.storage.delete(image.file.name)
    return image


@pytest.mark.django_db
def test_members_list_still_answers_when_a_portrait_file_is_missing(client):
    member = Member.objects.create(
        full_name="Imani Portrait-Lost",
        slug="imani-portrait-lost",
        sector="government",
        country="KE",
        locale=Locale.objects.get(language_code="en"),
        listed=True,
        show_photo=True,
        photo=image_without_its_file(),
        photo_alt="Imani at a podium",
    )
    response = client.get("/api/v2/members/", {"locale": "en", "limit": 50})
    assert response.status_code == 200, response.content[:300]
    found = next(item for item in response.json()["items"] if item["full_name"] == member.full_name)
    assert found["photo"] is None


@pytest.mark.django_db
def test_an_article_page_still_renders_when_its_picture_file_is_missing(client, home):
    from articles.models import ArticleIndexPage

    index = ArticleIndexPage.objects.get(locale__language_code="en")
    article = ArticlePageFactory(parent=index, title="Picture gone", hero_image=image_without_its_file())
    response = client.get(article.url)
    assert response.status_code == 200
    assert b"Picture gone" in response.content
