"""Permissions-Policy on every response: pages, the API, the admin, static files, errors."""

import pytest


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url", ["/en/", "/api/v2/pages/", "/admin/login/", "/static/css/site.css", "/en/no-such-page/", "/robots.txt"]
)
def test_every_response_has_a_permissions_policy(client, url):
    response = client.get(url)
    policy = response.get("Permissions-Policy", "")
    assert "camera=()" in policy and "geolocation=()" in policy and "microphone=()" in policy
