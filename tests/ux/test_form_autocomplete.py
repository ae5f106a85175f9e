"""Public forms tell the browser which fields hold the reader's own details (WCAG 1.3.5)."""

import re

import pytest

pytestmark = pytest.mark.django_db


def autocomplete_tokens(content):
    """{field name: autocomplete token} of the form's inputs and selects."""
    tokens = {}
    for tag in re.findall(r"<(?:input|select)\b[^>]*>", content):
        name, token = re.search(r'name="([^"]+)"', tag), re.search(r'autocomplete="([^"]+)"', tag)
        if name and token:
            tokens[name.group(1)] = token.group(1)
    return tokens


@pytest.mark.parametrize("language", ["en", "ar"])
def test_join_form_fields_carry_autocomplete_tokens(client, language):
    tokens = autocomplete_tokens(client.get(f"/{language}/members/join/").content.decode())
    assert tokens["full_name"] == "name"
    assert tokens["email"] == "email"
    assert tokens["organisation"] == "organization"
    assert tokens["country"] == "country"


def test_article_submission_fields_carry_autocomplete_tokens(client):
    tokens = autocomplete_tokens(client.get("/en/in-focus/submit/").content.decode())
    assert tokens["author_name"] == "name"
    assert tokens["email"] == "email"
    assert tokens["organisation"] == "organization"
