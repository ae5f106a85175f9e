"""
A browser asks for HTML: `Accept: text/html` with no `*/*`. Every API
address answers it (the JSON, or the browsable API where the endpoint offers
it) instead of 406 Not Acceptable, which tells a person who opened the link
nothing.
"""

import json

import pytest

from cms.api import ENDPOINTS

pytestmark = pytest.mark.django_db

ACCEPT_HEADERS = ["text/html", "text/html,application/xhtml+xml", "application/xml"]


def addresses(home):
    return ["/api/v2" + endpoint.path.replace("{id}", str(home.pk)) for endpoint in ENDPOINTS]


@pytest.mark.parametrize("accept", ACCEPT_HEADERS)
def test_the_schema_answers_json_to_a_browser(client, accept):
    response = client.get("/api/v2/schema/", HTTP_ACCEPT=accept)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert json.loads(response.content)["openapi"].startswith("3.")


@pytest.mark.parametrize("accept", ACCEPT_HEADERS)
def test_no_api_address_answers_not_acceptable(client, home, accept):
    answers = {path: client.get(path, HTTP_ACCEPT=accept).status_code for path in addresses(home)}
    assert answers  # the endpoints the schema documents
    assert {path: status for path, status in answers.items() if status == 406 or status >= 500} == {}


@pytest.mark.parametrize("path", ["/api/v2/events/", "/api/v2/pages/"])
def test_a_bad_parameter_is_explained_to_a_browser_too(client, path):
    response = client.get(path, {"limit": "many"}, HTTP_ACCEPT="text/html")
    assert response.status_code == 400
    assert "limit" in response.content.decode()
