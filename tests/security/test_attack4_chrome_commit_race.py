"""
The menu and footer (home.chrome) are cached per language under a version
that a publish, unpublish or privacy change bumps. The bump is sent from the
change's signal, inside the editor's transaction; a reader in another
process who builds the menu before that transaction commits reads the old
pages and stores them under the new version, and nothing bumps it again when
the change commits: the menu keeps a link to the unpublished page (its
title too) on every page for up to an hour.
"""

import pytest
from django.test import Client
from wagtail.models import Locale

from home import chrome
from home.models import AboutPage
from tests.servers import committed

pytestmark = pytest.mark.django_db


def test_a_menu_built_while_an_unpublish_commits_does_not_keep_the_page(home, django_capture_on_commit_callbacks):
    reader = Client()
    assert 'href="/en/about/"' in reader.get("/en/").content.decode()
    english = Locale.objects.get(language_code="en")

    about = AboutPage.objects.get(locale__language_code="en")
    with django_capture_on_commit_callbacks(execute=True):
        about.unpublish()  # the editor's transaction: signals sent, not yet committed
        # Another worker renders a page meanwhile: it reads the committed
        # pages (About still live) and caches the menu under the new version.
        built_meanwhile = committed(chrome.navigation, english)
        assert any(item["url"] == "/en/about/" for item in built_meanwhile)
    # The unpublish has committed: readers must no longer be offered the page.
    assert 'href="/en/about/"' not in reader.get("/en/?after").content.decode()
