"""API answers are compact JSON for machines, indented on request and in the browsable page."""

import json

import pytest


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/api/v2/pages/", "/api/v2/articles/", "/api/v2/events/", "/api/v2/images/"])
def test_list_endpoints_answer_compact_json_with_the_same_content(client, path):
    compact = client.get(path, HTTP_ACCEPT="application/json")
    indented = client.get(path, HTTP_ACCEPT="application/json; indent=4")
    assert compact.status_code == indented.status_code == 200
    assert b"\n" not in compact.content
    assert b'\n    "meta"' in indented.content
    assert json.loads(compact.content) == json.loads(indented.content)
    assert len(compact.content) < len(indented.content)


@pytest.mark.django_db
def test_the_browsable_page_stays_indented_for_people(client):
    page = client.get("/api/v2/pages/", HTTP_ACCEPT="text/html")
    assert page.status_code == 200
    assert "\n    &quot;meta&quot;" in page.content.decode()
