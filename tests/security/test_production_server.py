"""
What the tester saw on production settings under gunicorn, checked the same
way: a request for a host the site does not serve answers 400, on pages, on
files and on the API alike.
"""

import pytest

from tests.servers import current_database_url, start_server

pytestmark = pytest.mark.django_db

PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "cms.settings.production",
    "SECRET_KEY": "a-long-random-production-secret-key-for-these-tests-0123456789",
    "ALLOWED_HOSTS": "www.example.org,127.0.0.1",
    # The tests speak plain HTTP to gunicorn, as the TLS proxy would.
    "SECURE_SSL_REDIRECT": "false",
    "SEARCH_URL": "",
    "TASKS_BACKEND": "immediate",
}


@pytest.fixture(scope="module")
def production_server(redis_url, django_db_setup, tmp_path_factory):
    server = start_server(
        database_url=current_database_url(),
        redis_url=redis_url,
        env=PRODUCTION,
        log_dir=tmp_path_factory.mktemp("production"),
    )
    yield server
    server.stop()


@pytest.mark.parametrize("path", ["/en/", "/robots.txt", "/api/v2/pages/", "/sitemap.xml", "/admin/login/"])
def test_an_unknown_host_is_a_400(production_server, path):
    response = production_server.get(path, headers={"Host": "evil.example"})
    assert response.status == 400, (path, response.status)
    assert "evil.example" not in response.text
    assert "Internal Server Error" not in production_server.log()


def test_the_site_answers_its_own_host(production_server):
    assert production_server.get("/en/", headers={"Host": "www.example.org"}).status == 200
