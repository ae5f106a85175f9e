"""
The site that answers a request and Wagtail's site root paths come from one
query (home.sites) instead of Wagtail's three, and agree with Wagtail's own
answers for every host, port and arrangement of sites.
"""

import itertools

import pytest
from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site
from wagtail.models.sites import get_site_for_hostname

from home import page_cache, routing, sites

HOSTS = ["localhost", "example.org", "other.net", "unknown.test"]
PORTS = [80, 443, 8080, 9999]


def wagtails_choice(hostname, port):
    try:
        return get_site_for_hostname(hostname, port).pk
    except Site.DoesNotExist:
        return None


def current_state():
    return Site.objects.annotate(state=sites.state()).first().state


def empty_every_cache():
    for alias in settings.CACHES:
        caches[alias].clear()


@pytest.fixture
def several_sites(home):
    """The test site (default, localhost:80) and three more: one host on two ports, one on https."""
    about = Page.objects.get(slug="about", locale__language_code="en")
    Site.objects.create(hostname="example.org", port=80, root_page=home)
    Site.objects.create(hostname="example.org", port=8080, root_page=about)
    Site.objects.create(
        hostname="other.net",
        port=443,
        root_page=Page.objects.get(translation_key=home.translation_key, locale__language_code="fr"),
    )
    return Site.objects.all()


@pytest.mark.django_db
@pytest.mark.parametrize("default", ["localhost", "example.org", None])
def test_every_host_and_port_finds_the_site_wagtail_finds(several_sites, default):
    Site.objects.update(is_default_site=False)
    if default:
        Site.objects.filter(hostname=default, port=80).update(is_default_site=True)
    read = list(Site.objects.select_related("root_page"))
    for hostname, port in itertools.product(HOSTS, PORTS):
        found = sites.site_for_hostname(read, hostname, str(port))
        assert (found.pk if found else None) == wagtails_choice(hostname, port), (default, hostname, port)


@pytest.mark.django_db
def test_root_paths_are_wagtails_in_wagtails_order(several_sites):
    caches["default"].clear()
    expected = Site.get_site_root_paths()
    assert len(expected) > len(several_sites)  # each site's home page in every language
    assert sites.root_paths(current_state()) == expected


@pytest.mark.django_db
def test_a_port_that_is_not_a_number_falls_back_to_the_default_site(home):
    read = list(Site.objects.select_related("root_page"))
    assert sites.site_for_hostname(read, "unknown.test", "not-a-port").is_default_site


def count_queries(url):
    with CaptureQueriesContext(connection) as captured:
        response = Client().get(url)
    assert response.status_code == 200
    return len(captured.captured_queries), response


@pytest.mark.django_db
def test_the_first_page_after_redis_is_emptied_reads_the_sites_in_one_query_or_none(home):
    Client().get("/en/about/")
    page_cache.clear()
    parts_cleared, _response = count_queries("/en/about/")
    empty_every_cache()
    remembered_by_the_process, _response = count_queries("/en/about/")
    empty_every_cache()
    routing._sites.clear()
    fresh_process, response = count_queries("/en/about/")
    # Only the menu and footer are read again (two queries, home.chrome):
    # the site is remembered by the process, the root paths stored with it.
    assert remembered_by_the_process == parts_cleared + 2
    # A process that has not yet served this host reads the sites, their
    # home pages in every language and Wagtail's root paths in one query.
    assert fresh_process == remembered_by_the_process + 1
    assert b'href="/fr/' in response.content
    caches["default"].clear()
    assert Site.get_site_root_paths() == sites.root_paths(current_state())


@pytest.mark.django_db
def test_a_new_site_is_found_at_once(home):
    empty_every_cache()
    assert Client().get("/en/about/", HTTP_HOST="example.org").status_code == 200
    about = Page.objects.get(slug="about", locale__language_code="en")
    Site.objects.create(hostname="example.org", port=80, root_page=about)
    request = RequestFactory().get("/", HTTP_HOST="example.org")
    assert sites.find_site(request).root_page_id == about.pk
    # The site kept for that host was purged with the "sites" tag: the
    # About page is now that site's home page.
    response = Client().get("/en/", HTTP_HOST="example.org")
    assert response.status_code == 200
    assert response.context["page"].pk == about.pk


@pytest.mark.django_db
def test_the_sites_state_is_the_same_in_any_row_order(several_sites):
    """Not every database orders rows within an aggregate (SQLite does not): a reordering is no change."""
    state = current_state()
    site_rows, home_rows = (part.split(sites.ROW) for part in state.split(sites.PART))
    reordered = sites.ROW.join(reversed(site_rows)) + sites.PART + sites.ROW.join(reversed(home_rows))
    assert reordered != state
    assert sites.same_state(reordered, state)
    assert sites.root_paths(reordered) == sites.root_paths(state)
    Site.objects.filter(hostname="other.net").update(port=8443)
    assert not sites.same_state(current_state(), state)
