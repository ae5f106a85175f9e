"""
Wagtail's site root paths are kept in Redis under Wagtail's key for an hour;
each uncached page's routing query works them out and adds them to Redis
when the key is missing (home.sites.store_root_paths). Publishing a new
address for a home page (its slug; likewise a move or a new translation)
deletes the key from inside the editor's transaction: a page rendered in
another worker at that moment reads the committed (old) sites state and adds
the old paths back; the publish then finds the key present and nothing
deletes it again. Every page of that language then shows a canonical link,
og:url, sitemap location and API html_url of "None" for up to an hour.
Seen against gunicorn (2 workers, Redis) under load: 1 rename in 2 to 6.
"""

import re

import pytest
from django.test import Client
from wagtail.signals import page_published

from tests.servers import committed

pytestmark = pytest.mark.django_db


def canonical(response):
    return re.search(r'<link rel="canonical" href="([^"]+)"', response.content.decode()).group(1)


@pytest.fixture
def a_reader_elsewhere_during_the_publish():
    """
    Another worker renders a page right after the publish has saved the
    home page (Wagtail's key deleted) and before it commits: as the
    page_published signal is sent, before its other receivers run.
    """
    rendered = []

    def render(sender, **kwargs):
        if not rendered:
            rendered.append(committed(lambda: Client().get("/fr/?meanwhile").status_code))

    page_published.connect(render, dispatch_uid="attack4-reader-elsewhere")
    with page_published.lock:
        page_published.receivers.insert(0, page_published.receivers.pop())
        page_published.sender_receivers_cache.clear()
    yield rendered
    page_published.disconnect(dispatch_uid="attack4-reader-elsewhere")


def test_a_page_rendered_while_the_home_page_is_renamed_leaves_no_stale_root_paths(
    home, site, a_reader_elsewhere_during_the_publish, django_capture_on_commit_callbacks
):
    home.slug = "home-renamed"
    # The end of the block stands for the publish's commit (its on_commit callbacks run).
    with django_capture_on_commit_callbacks(execute=True):
        home.save_revision().publish()
    assert a_reader_elsewhere_during_the_publish == [200]
    response = Client().get("/en/about/?after")
    assert response.status_code == 200
    assert canonical(response) == f"{site.root_url}/en/about/"
