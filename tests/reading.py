"""
A reader's request in the tests of what the shared cache keeps: the page cache
off (`page_cache_off`, in tests/conftest.py), so each request renders the page
from its parts and the queries it makes show what was kept.
"""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext


def read(url):
    """The page an anonymous reader gets at `url`, as text (it must be a 200)."""
    response = Client().get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def queries_of(url):
    """The SQL an anonymous reader's request of `url` runs."""
    with CaptureQueriesContext(connection) as captured:
        read(url)
    return [query["sql"] for query in captured.captured_queries]
