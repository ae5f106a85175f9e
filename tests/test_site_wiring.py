"""
The URL wiring in cms/urls.py and cms/api.py as crawlers and API clients meet
it: robots.txt and the sitemap it names, the API documentation and its
schema, and the addresses outside the language prefix that stay where they are.
"""

import pytest
from django.conf import settings

from tests import site


@pytest.mark.django_db
def test_robots_txt_keeps_crawlers_out_of_the_admin_and_search_and_names_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines
    assert {f"Disallow: /{code}/search/" for code, _name in settings.LANGUAGES} <= set(lines)
    [sitemap] = [line.removeprefix("Sitemap: ") for line in lines if line.startswith("Sitemap: ")]
    assert sitemap == "http://testserver/sitemap.xml"
    listed = client.get("/sitemap.xml")
    assert listed.status_code == 200 and b"<urlset" in listed.content


@pytest.mark.django_db
def test_the_api_documentation_loads_the_schema_it_links_to(client):
    docs = client.get("/api/v2/docs/")
    assert docs.status_code == 200
    assert 'data-schema-url="/api/v2/schema/"' in docs.content.decode()
    # What a browser following the link sends.
    schema = client.get("/api/v2/schema/", HTTP_ACCEPT="text/html,application/xhtml+xml,*/*;q=0.8")
    assert schema["Content-Type"] == "application/json"
    assert schema.json()["servers"] == [{"url": "http://testserver/api/v2"}]


@pytest.mark.django_db
def test_the_api_documentation_speaks_the_readers_language_right_to_left_in_arabic(client):
    docs = client.get("/api/v2/docs/", HTTP_ACCEPT_LANGUAGE="ar")
    html = docs.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "واجهة برمجة المحتوى" in html  # "Content API"
    assert 'data-send-label="أرسل الطلب"' in html  # the label the script puts on each form's button


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/api/v2/pages/999999/", "/documents/999999/missing.pdf", "/admin/nowhere/"])
def test_addresses_outside_the_language_prefix_are_not_sent_to_a_language(client, path):
    response = client.get(path)
    assert not response.get("Location", "").startswith(("/en/", "/fr/"))


@pytest.mark.django_db
@pytest.mark.parametrize("language", site.LANGUAGES)
def test_the_bare_address_sends_each_browser_to_its_language(client, language):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 302 and response["Location"] == f"/{language}/"
