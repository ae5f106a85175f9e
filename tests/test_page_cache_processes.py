"""
Two server processes share one Redis and the test database: a page published
through one is served fresh by the other within a second.
"""

import re
import time

import pytest
import requests

from articles.models import ArticlePage
from tests import servers, site

HEADER = "X-Page-Cache"


def set_title_and_save_draft(page_pk, title):
    page = ArticlePage.objects.get(pk=page_pk)
    page.title = title
    page.save_revision()


def restore(page_pk, title):
    page = ArticlePage.objects.get(pk=page_pk)
    page.title = title
    page.save_revision().publish()


def sign_in(session, base):
    login = session.get(f"{base}/admin/login/", timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login.text).group(1)
    response = session.post(
        f"{base}/admin/login/",
        data={"username": "admin", "password": "admin-password", "csrfmiddlewaretoken": token},
        headers={"Referer": f"{base}/admin/login/"},
        timeout=30,
    )
    assert "sessionid" in session.cookies, response.status_code


def publish_through(session, base, page):
    """The admin's bulk "publish" action, as an editor would use it."""
    url = f"{base}/admin/bulk/wagtailcore/page/publish/?id={page.pk}&next=/admin/"
    form = session.get(url, timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
    response = session.post(url, data={"csrfmiddlewaretoken": token}, headers={"Referer": url}, timeout=30)
    assert response.status_code in (200, 302), response.status_code


@pytest.mark.django_db
def test_a_publish_through_one_process_is_seen_by_the_other_within_a_second(tmp_path):
    page = ArticlePage.objects.get(slug=site.ARTICLE["slug"], locale__language_code="en")
    original_title = page.title
    with servers.redis_server(tmp_path) as redis_url:
        environment = {
            "DATABASE_URL": servers.current_database_url(),
            "REDIS_URL": redis_url,
            "SEARCH_URL": "",  # the engine is not what this test is about
            "PAGE_CACHE_SECONDS": "600",
            "TASKS_BACKEND": "immediate",
        }
        with servers.site_server(environment) as (editors, _pid), servers.site_server(environment) as (readers, _pid2):
            url = readers + page.url
            requests.get(url, timeout=30)
            cached = requests.get(url, timeout=30)
            assert cached.headers[HEADER] == "hit"
            assert original_title in cached.text

            session = requests.Session()
            sign_in(session, editors)
            new_title = "Telemedicine, as published through the other process"
            servers.committed(set_title_and_save_draft, page.pk, new_title)
            try:
                publish_through(session, editors, page)
                published_at = time.monotonic()
                fresh = None
                while time.monotonic() - published_at < 1:
                    fresh = requests.get(url, timeout=5)
                    if new_title in fresh.text:
                        break
                    time.sleep(0.05)
                assert new_title in fresh.text, "the other process still serves the old page after a second"
                assert requests.get(url, timeout=5).headers[HEADER] == "hit"
            finally:
                servers.committed(restore, page.pk, original_title)
