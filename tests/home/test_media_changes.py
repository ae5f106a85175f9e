"""
An image or document changed in the admin reaches readers of every stored
page that shows it (home.signals.media_changed), and no other page is purged.
"""

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from wagtail.documents import get_document_model

from tests.factories import ArticlePageFactory, ImageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db

HEADER = "X-Page-Cache"


@pytest.fixture
def reader():
    return Client()


def fetch(reader, url):
    response = reader.get(url)
    assert response.status_code == 200, url
    return response


def stored(reader, url):
    fetch(reader, url)
    assert fetch(reader, url)[HEADER] == "hit"


def test_a_new_image_description_reaches_the_article_that_shows_it(reader, in_focus):
    picture = ImageFactory(description="Engineers at a mast")
    article = ArticlePageFactory(parent=in_focus, hero_image=picture, hero_image_alt="")
    article.save_revision().publish()
    other = StandardPageFactory(parent=in_focus.get_parent(), slug="unrelated-page")
    stored(reader, article.url)
    stored(reader, other.url)

    picture.description = "Two engineers climbing a mast"
    picture.save()

    response = fetch(reader, article.url)
    assert response[HEADER] == "miss"
    assert 'alt="Two engineers climbing a mast"' in response.content.decode()
    assert fetch(reader, other.url)[HEADER] == "hit"


def test_a_renamed_document_reaches_the_page_that_links_to_it(reader, home):
    data = b"%PDF-1.4 plan"
    document = get_document_model().objects.create(
        title="Action plan", file=ContentFile(data, name="plan.pdf"), file_size=len(data)
    )
    page = StandardPageFactory(parent=home, slug="plans", body=[("document", {"document": document, "label": ""})])
    page.save_revision().publish()
    stored(reader, page.url)

    document.title = "Action plan 2027"
    document.save()

    response = fetch(reader, page.url)
    assert response[HEADER] == "miss"
    assert "Action plan 2027" in response.content.decode()


def test_a_deleted_image_leaves_the_article_without_a_broken_picture(reader, in_focus):
    picture = ImageFactory(description="A soon deleted picture")
    article = ArticlePageFactory(parent=in_focus, hero_image=picture, hero_image_alt="")
    article.save_revision().publish()
    stored(reader, article.url)

    picture.delete()

    response = fetch(reader, article.url)
    assert response[HEADER] == "miss"
    assert "A soon deleted picture" not in response.content.decode()
