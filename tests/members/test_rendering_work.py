"""
What rendering the directory and the Map of Network costs does not grow with
the members shown or counted, once their parts are gone from the shared cache
(after a deploy, say): the map reads one row per country, not per member, and
a page of cards builds its template context and the directory's address once,
not once per card. Counted at two sizes, never timed.
"""

from unittest import mock

import pytest
from django.db import connection
from wagtail.models import Page

from home import page_cache
from members.models import Member
from tests.factories import MemberFactory
from tests.reading import read

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_off")]

CALLS = []


def counting_context_processor(request):
    """Added to the template settings below: one call each time a template context is built for a request."""
    CALLS.append(request.path)
    return {}


def rows_read(url):
    """Rows the database sent back while rendering `url` with its parts gone from the shared cache."""
    read(url)  # the site-wide caches, as a running site keeps them
    page_cache.clear()
    rows = []

    def count_rows(execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        rows.append(max(context["cursor"].rowcount, 0))
        return result

    with connection.execute_wrapper(count_rows):
        read(url)
    return sum(rows)


def test_the_map_reads_one_row_per_country_however_many_members(directory):
    Member.objects.update(show_on_map=False)
    for _n in range(3):
        MemberFactory(country="SN")
    few = rows_read(directory.url + "map/")
    for _n in range(20):
        MemberFactory(country="SN")
    many = rows_read(directory.url + "map/")
    assert many == few
    assert "Senegal: 23 members" in read(directory.url + "map/")


@pytest.fixture
def counted_template_contexts(settings):
    templates = [dict(engine) for engine in settings.TEMPLATES]
    for engine in templates:
        options = engine["OPTIONS"] = dict(engine.get("OPTIONS", {}))
        options["context_processors"] = [
            *options.get("context_processors", []),
            f"{__name__}.counting_context_processor",
        ]
    settings.TEMPLATES = templates
    CALLS.clear()
    return CALLS


def cards_page(directory, calls):
    """
    The directory's matching members with the page's parts gone: (cards shown,
    template contexts built, page addresses worked out).
    """
    url = directory.url + "?q=Card+Counter"
    read(url)  # the site-wide caches, as a running site keeps them
    page_cache.clear()
    calls.clear()
    with mock.patch.object(Page, "get_url_parts", autospec=True, side_effect=Page.get_url_parts) as url_parts:
        html = read(url)
    return html.count('class="card member-card"'), len(calls), url_parts.call_count


def test_a_page_of_cards_builds_one_template_context_and_reads_the_directorys_address_once(
    directory, counted_template_contexts
):
    for n in range(2):
        MemberFactory(full_name=f"Card Counter {n}")
    few_cards, few_contexts, few_urls = cards_page(directory, counted_template_contexts)
    for n in range(2, 14):
        MemberFactory(full_name=f"Card Counter {n}")
    many_cards, many_contexts, many_urls = cards_page(directory, counted_template_contexts)
    assert (few_cards, many_cards) == (2, 14)
    assert many_contexts == few_contexts
    assert many_urls == few_urls
