"""The editors' email about a reader's submission links to the draft wherever the admin is mounted."""

import pytest
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls

from articles.submissions import notify
from tests.factories import ArticlePageFactory

from .conftest import submission_data

# A site that mounts Wagtail's admin under another address than /admin/.
urlpatterns = [path("editors/", include(wagtailadmin_urls)), path("", include(wagtail_urls))]


@pytest.mark.django_db
def test_the_review_link_follows_the_admin_address(settings, mailoutbox, in_focus):
    article = ArticlePageFactory(parent=in_focus, live=False)
    settings.ROOT_URLCONF = __name__

    notify(article, submission_data(email="author@example.org"), request=None)

    to_editors = next(message for message in mailoutbox if message.to == settings.EDITORS_EMAIL)
    assert f"{settings.WAGTAILADMIN_BASE_URL}/editors/pages/{article.pk}/edit/" in to_editors.body
    assert "/admin/pages/" not in to_editors.body
