"""
The admin's right-to-left script is told the content's language on every
screen where content is typed: adding a page under an Arabic parent, adding
a snippet in a language (or the default one), editing a translated snippet.
Screens whose records have no language (webhooks) and those that match no
route name no language.
"""

import pytest

from headless.models import WebhookEndpoint
from home.models import FooterText, NavigationMenu

pytestmark = pytest.mark.django_db


def script_tag(html):
    start = html.index("content-direction.js")
    return html[html.rindex("<script", 0, start) : html.index(">", start) + 1]


def told(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return script_tag(response.content.decode())


@pytest.mark.parametrize(("code", "direction"), [("ar", "rtl"), ("fr", "ltr"), ("zh-hans", "ltr"), ("ru", "ltr")])
def test_adding_a_page_under_a_translated_home_takes_its_language(admin_client, home, locales, code, direction):
    parent = home.get_translation(locales[code])
    tag = told(admin_client, f"/admin/pages/add/home/standardpage/{parent.pk}/")
    assert f'data-content-language="{code}"' in tag
    assert f'data-direction="{direction}"' in tag


@pytest.mark.parametrize(("code", "direction"), [("ar", "rtl"), ("es", "ltr")])
def test_editing_a_translated_footer_and_menu_takes_their_language(admin_client, code, direction):
    footer = FooterText.objects.get(locale__language_code=code)
    menu = NavigationMenu.objects.get(locale__language_code=code)
    for url in (
        f"/admin/snippets/home/footertext/edit/{footer.pk}/",
        f"/admin/snippets/home/navigationmenu/edit/{menu.pk}/",
    ):
        tag = told(admin_client, url)
        assert f'data-content-language="{code}"' in tag and f'data-direction="{direction}"' in tag


def test_adding_a_snippet_in_arabic_is_right_to_left(admin_client):
    tag = told(admin_client, "/admin/snippets/home/navigationmenu/add/?locale=ar")
    assert 'data-content-language="ar"' in tag and 'data-direction="rtl"' in tag


def test_adding_a_snippet_without_a_language_uses_the_default_one(admin_client):
    tag = told(admin_client, "/admin/snippets/home/navigationmenu/add/")
    assert 'data-content-language="en"' in tag and 'data-direction="ltr"' in tag


def test_records_without_a_language_name_none(admin_client):
    endpoint = WebhookEndpoint.objects.create(name="Front end", url="https://93.184.215.14/hooks", events=[])
    for url in (
        "/admin/snippets/headless/webhookendpoint/add/",
        f"/admin/snippets/headless/webhookendpoint/edit/{endpoint.pk}/",
    ):
        assert "data-content-language" not in told(admin_client, url)


def test_a_page_being_added_under_a_missing_parent_is_not_found(admin_client):
    response = admin_client.get("/admin/pages/add/home/standardpage/999999/")
    assert response.status_code == 404
