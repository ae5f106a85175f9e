"""
The full-page cache and the public forms (the membership application, the
article submission): a page carrying a reader's CSRF token is never stored,
so no reader is ever served another reader's token, whether or not she
already has a CSRF cookie; the pages around the forms are stored as usual.
"""

import re

import pytest
from django.test import Client

HEADER = "X-Page-Cache"
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def form_token(response):
    return TOKEN.search(response.content.decode())[1]


def reader_with_cookie():
    """A reader who already holds a CSRF cookie (from an earlier visit)."""
    reader = Client()
    reader.get("/en/members/join/")
    assert "csrftoken" in reader.cookies
    return reader


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/en/members/join/", "/fr/in-focus/submit/"])
class TestFormsAreNeverStored:
    def test_a_reader_returning_to_a_form_is_not_served_a_stored_copy(self, path):
        reader = reader_with_cookie()
        for _visit in range(2):
            response = reader.get(path)
            assert response.status_code == 200
            assert response[HEADER] == "skip"

    def test_two_readers_each_get_their_own_token(self, path):
        first, second = reader_with_cookie(), reader_with_cookie()
        one, two = first.get(path), second.get(path)
        assert one[HEADER] != "hit" and two[HEADER] != "hit"
        assert form_token(one) != form_token(two)

    def test_a_first_time_reader_gets_a_fresh_cookie_and_no_stored_page(self, path):
        response = Client().get(path)
        assert response.status_code == 200
        assert "csrftoken" in response.cookies
        assert response.get(HEADER) != "hit"


@pytest.mark.django_db
def test_the_page_a_form_belongs_to_is_stored_as_usual():
    reader = reader_with_cookie()
    assert reader.get("/en/members/")[HEADER] == "miss"
    assert Client().get("/en/members/")[HEADER] == "hit"
