"""
Routing reads the specific page with what its model names (serve_select_related)
and nothing else: select_related() without fields is deprecated by Django and
would join every required foreign key.
"""

import warnings

import pytest
from django.utils.deprecation import RemovedInDjango2028Warning

from events.models import EventPage
from home.models import AboutPage
from home.routing import _specific_query


def test_a_page_model_without_serve_select_related_is_read_without_joins():
    assert not getattr(AboutPage, "serve_select_related", ())
    with warnings.catch_warnings():
        warnings.simplefilter("error", RemovedInDjango2028Warning)
        query = _specific_query(AboutPage, 1).query
    assert query.select_related is False


def test_a_page_model_reads_the_related_rows_it_names():
    assert set(_specific_query(EventPage, 1).query.select_related) == set(EventPage.serve_select_related)


@pytest.mark.django_db
@pytest.mark.usefixtures("page_cache_off")
def test_a_page_is_served_without_a_deprecation_warning(home, client):
    about = AboutPage.objects.live().filter(locale__language_code="en").first()
    with warnings.catch_warnings():
        warnings.simplefilter("error", RemovedInDjango2028Warning)
        assert client.get(about.url).status_code == 200
