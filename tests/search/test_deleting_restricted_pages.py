"""Deleting a page that has a view restriction keeps the search in step, with no failed background task."""

import logging

import pytest
from wagtail.models import PageViewRestriction

from search.query import search
from tests.site import home_in, publish_text_page


@pytest.mark.django_db
def test_deleting_a_restricted_page_fails_no_search_task(caplog):
    page = publish_text_page(home_in("en"), "Quarterly notes", "zanzibarite quarterly notes", "quarterly-notes")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    with caplog.at_level(logging.INFO):
        page.delete()
    failed = [r.getMessage() for r in caplog.records if "FAILED" in r.getMessage() or r.levelno >= logging.ERROR]
    assert failed == []
    assert search("zanzibarite", "en").total == 0
