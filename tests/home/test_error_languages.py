"""Error pages speak the language of the address, right to left in Arabic, and the API's errors are JSON."""

import json
import re

import pytest
from django.test import RequestFactory
from django.utils import translation
from django.utils.translation import gettext

from home import errors
from tests import site

pytestmark = pytest.mark.django_db

DIRECTION = {"ar": "rtl"}


def in_language(code, text):
    with translation.override(code):
        return gettext(text)


@pytest.mark.parametrize("code", site.LANGUAGES)
def test_page_not_found_in_the_language_of_the_address(client, code):
    response = client.get(f"/{code}/no-such-page-anywhere/")
    assert response.status_code == 404
    content = response.content.decode()
    assert re.search(rf'<html lang="{code}" dir="{DIRECTION.get(code, "ltr")}"', content)
    title = in_language(code, "Page not found")
    if code != "en":
        assert title != "Page not found", f"no {code} translation"
    assert f"<h1>{title}</h1>" in content


@pytest.mark.parametrize("code", site.LANGUAGES)
def test_server_error_page_in_the_language_of_the_address(code):
    response = errors.server_error(RequestFactory().get(f"/{code}/in-focus/"))
    assert response.status_code == 500
    content = response.content.decode()
    assert re.search(rf'<html lang="{code}" dir="{DIRECTION.get(code, "ltr")}"', content)
    title = in_language(code, "Server error")
    if code != "en":
        assert title != "Server error", f"no {code} translation"
    assert f"<h1>{title}</h1>" in content


def test_server_error_under_the_api_is_json():
    response = errors.server_error(RequestFactory().get("/api/v2/pages/"))
    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content)["message"] == gettext(
        "Something went wrong on our side. Please try again later."
    )


@pytest.mark.parametrize("path", ["/api/", "/api/v2/no-such-endpoint/", "/api/v3/pages/"])
def test_unknown_api_addresses_are_a_json_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content) == {"message": gettext("There is nothing at this address in the API.")}
