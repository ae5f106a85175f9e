"""
API lists find the site asked from the shared cache (home.routing
.site_for_request, purged with the "sites" tag whenever a site is saved or
deleted, as for pages).
"""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext


@pytest.mark.django_db
def test_a_second_list_does_not_look_the_site_up_again():
    first = Client().get("/api/v2/articles/?limit=5").json()
    with CaptureQueriesContext(connection) as captured:
        again = Client().get("/api/v2/articles/?limit=5").json()
    assert again == first
    assert not [query for query in captured.captured_queries if 'FROM "wagtailcore_site"' in query["sql"]]
