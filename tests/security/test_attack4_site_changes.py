"""
A site edited in the admin (its host name or port: a move to the real
domain, to https) changes every absolute address a page shows (canonical
link, og:url, hreflang alternates). Pages stored in the full-page cache must
follow at once, whichever process rendered them and whether or not that
process had already served the host.
"""

import re

import pytest
from django.test import Client

from home.page_cache import HEADER

pytestmark = pytest.mark.django_db


def canonical(response):
    return re.search(r'<link rel="canonical" href="([^"]+)"', response.content.decode()).group(1)


def test_a_stored_page_follows_a_change_of_the_sites_port(site):
    reader = Client()
    # The process serves this host once (it remembers the site), then
    # renders and stores the About page.
    assert reader.get("/en/").status_code == 200
    stored = reader.get("/en/about/")
    assert stored.headers[HEADER] == "miss"
    assert canonical(stored) == f"{site.root_url}/en/about/"

    site.port = 8443
    site.save()  # as the admin's site edit view saves it

    response = reader.get("/en/about/")
    assert canonical(response) == "http://localhost:8443/en/about/"


def test_a_home_page_translated_after_it_was_served_in_that_language_is_served(locales):
    from wagtail.models import Locale, Page, Site

    from tests.factories import HomePageFactory

    # A second site whose home page exists only in English: its French
    # address shows the English page until it is translated (as Wagtail's
    # Page.localized does).
    solo = HomePageFactory(parent=Page.get_first_root_node(), title="Solo", slug="solo", locale=Locale.get_default())
    Site.objects.create(hostname="solo.test", port=80, root_page=solo)
    reader = Client()
    before = reader.get("/fr/", HTTP_HOST="solo.test")
    assert before.status_code == 200
    assert before.context["page"].pk == solo.pk

    # A translator adds the French home page and publishes it.
    french = solo.copy_for_translation(Locale.objects.get(language_code="fr"))
    french.title = "Solo en français"
    french.save_revision().publish()

    response = reader.get("/fr/", HTTP_HOST="solo.test")
    assert response.status_code == 200
    assert response.context["page"].pk == french.pk


def test_a_host_that_had_no_site_is_served_as_soon_as_a_site_answers_it(site):
    # No default site: a host that matches no site is a 404.
    from wagtail.models import Site

    Site.objects.filter(pk=site.pk).update(is_default_site=False)
    reader = Client()
    assert reader.get("/en/", HTTP_HOST="www.example.test").status_code == 404
    # The site becomes the default in the database by a change that sends no
    # signal (a data migration, `prepare_demo_site`'s port update, a shell):
    # the routing query reads the sites table's state on every uncached
    # page, so the next page must follow it, as it does for a host that had
    # a site (home.routing._sites_for falls back to the database).
    Site.objects.filter(pk=site.pk).update(is_default_site=True)
    response = reader.get("/en/?after", HTTP_HOST="www.example.test")
    assert response.status_code == 200
