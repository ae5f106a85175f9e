"""
The admin tells its right-to-left script which language the content being
edited is in through Wagtail's insert_global_admin_js hook: the script's own
tag carries the language, and no response is rewritten after rendering.
"""

import pytest
from wagtail.models import Locale

from home.translations import translate_object
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def arabic_page(home):
    english = StandardPageFactory(parent=home, title="Direction probe", slug="direction-probe")
    return translate_object(english, "ar", {"Direction probe": "مسبار الاتجاه"})


def script_tag(html):
    start = html.index("content-direction.js")
    return html[html.rindex("<script", 0, start) : html.index(">", start) + 1]


def test_editing_arabic_content_tells_the_script_right_to_left(admin_client, arabic_page):
    html = admin_client.get(f"/admin/pages/{arabic_page.pk}/edit/").content.decode()
    tag = script_tag(html)
    assert 'data-content-language="ar"' in tag
    assert 'data-direction="rtl"' in tag
    assert '<meta name="content-language"' not in html


def test_editing_english_content_tells_the_script_left_to_right(admin_client, arabic_page):
    english = arabic_page.get_translation(Locale.get_default())
    tag = script_tag(admin_client.get(f"/admin/pages/{english.pk}/edit/").content.decode())
    assert 'data-content-language="en"' in tag
    assert 'data-direction="ltr"' in tag


def test_admin_screens_without_content_name_no_language(admin_client):
    tag = script_tag(admin_client.get("/admin/").content.decode())
    assert "data-content-language" not in tag
