"""
Two server processes — two gunicorn masters, as on two hosts — sharing one
PostgreSQL and one Redis: a rate limit counted on one is enforced on the
other, the site chrome cached by one is reused by the other, and an editor's
change made elsewhere purges it for both at once.
"""

import re
import urllib.parse

import pytest
import redis
from django.db import connections

from members.models import MemberDirectoryPage
from members.views import application_rate_limit
from tests.servers import current_database_url, manage, running_servers

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def two_servers(redis_url, django_db_setup, tmp_path_factory):
    with running_servers(
        2,
        database_url=current_database_url(),
        redis_url=redis_url,
        env={"SEARCH_URL": ""},
        log_dir=tmp_path_factory.mktemp("servers"),
    ) as servers:
        yield servers


@pytest.fixture
def shared_redis(redis_url):
    store = redis.Redis.from_url(redis_url)
    store.flushdb()
    yield store
    store.flushdb()


def apply(server, path, email):
    """Fill in and send the membership application form on `server`, as a browser would."""
    form = server.get(path)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
    cookie = re.search(r"csrftoken=([^;]+)", form.headers["Set-Cookie"]).group(1)
    data = {
        "csrfmiddlewaretoken": token,
        "full_name": "Rate Probe",
        "position": "Director",
        "organisation": "Probe Ministry",
        "sector": "government",
        "country": "KE",
        "email": email,
        "motivation": "I would like to join the network to share experience of digital policy " * 2,
        "consent": "on",
    }
    return server.post(
        path,
        urllib.parse.urlencode(data).encode(),
        headers={"Cookie": f"csrftoken={cookie}", "Content-Type": "application/x-www-form-urlencoded"},
    )


def test_a_rate_limit_counted_on_one_server_is_enforced_on_the_other(two_servers, shared_redis):
    first, second = two_servers
    directory = MemberDirectoryPage.objects.get(locale__language_code="en")
    path = directory.url + directory.reverse_subpage("join")
    email = "rate-probe@example.org"
    try:
        for _ in range(application_rate_limit.limit):
            assert apply(first, path, email).status == 200  # accepted: the thanks page
        refused = apply(second, path, email)
        assert refused.status == 429
        assert "Please try again later" in refused.text
    finally:
        # The servers committed the applications: leave the test database as it was.
        cleanup = connections.create_connection("default")
        with cleanup.cursor() as cursor:
            cursor.execute("DELETE FROM members_membershipapplication WHERE email = %s", [email])
        cleanup.close()


def chrome_keys(store):
    return {key for key in store.keys("*site-chrome:*") if not key.endswith(b"version")}


def test_the_chrome_cached_by_one_server_is_reused_and_purged_for_both(two_servers, shared_redis, redis_url):
    first, second = two_servers
    assert 'href="/en/about/"' in first.get("/en/").text
    cached = chrome_keys(shared_redis)
    assert cached  # the first server stored the English menu and footer in Redis
    assert 'href="/en/about/"' in second.get("/en/").text
    assert chrome_keys(shared_redis) == cached  # the second reused them rather than computing its own

    # An editor unpublishes the About page from a third process (an admin
    # host, a worker): both servers drop it from the menu at once.
    env = {"REDIS_URL": redis_url}
    published_at = manage("shell", "-c", UNPUBLISH, env=env).split()[-1]
    try:
        assert 'href="/en/about/"' not in first.get("/en/").text
        assert 'href="/en/about/"' not in second.get("/en/").text
    finally:
        manage("shell", "-c", REPUBLISH.format(published_at=published_at), env=env)
    assert 'href="/en/about/"' in second.get("/en/").text


UNPUBLISH = (
    "from home.models import AboutPage; "
    "page = AboutPage.objects.get(locale__language_code='en'); "
    "print(page.last_published_at.isoformat()); "
    "page.unpublish()"
)
# Republished as it was: the same revision and publication date, so that the
# translations of the page are not reported as outdated by later tests.
REPUBLISH = (
    "from home.models import AboutPage; "
    "page = AboutPage.objects.get(locale__language_code='en'); "
    "page.get_latest_revision().publish(); "
    "AboutPage.objects.filter(pk=page.pk).update(last_published_at='{published_at}')"
)
