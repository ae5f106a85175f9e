"""Arabic content is edited right-to-left, whatever the admin's own language. In Chromium."""

import pytest
from wagtail.models import Page

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def test_arabic_translation_editor_targets_are_right_to_left(admin_page, live_site):
    arabic_about = Page.objects.get(slug="about", locale__language_code="ar")
    admin_page.goto(f"{live_site}/admin/pages/{arabic_about.pk}/edit/")
    assert admin_page.locator("html").get_attribute("dir") in (None, "ltr")  # the admin itself stays English
    translated = admin_page.locator(".js-translation-editor li > div p").first
    translated.wait_for()
    assert translated.get_attribute("dir") == "rtl"
    assert translated.get_attribute("lang") == "ar"
    # Open a segment for editing: the field the translator types into is RTL too.
    admin_page.locator(".js-translation-editor button", has_text="Edit").first.click()
    field = admin_page.locator(".js-translation-editor textarea").first
    field.wait_for()
    assert field.get_attribute("dir") == "rtl"
    assert field.get_attribute("lang") == "ar"


def test_new_arabic_page_fields_are_right_to_left(admin_page, live_site):
    arabic_home = Page.objects.get(depth=2, locale__language_code="ar")
    admin_page.goto(f"{live_site}/admin/pages/add/home/standardpage/{arabic_home.pk}/")
    title = admin_page.locator('input[name="title"]')
    title.wait_for()
    assert title.get_attribute("dir") == "rtl" and title.get_attribute("lang") == "ar"
    intro = admin_page.locator('textarea[name="intro"]')
    assert intro.get_attribute("dir") == "rtl"
    assert admin_page.locator('input[name="slug"]').get_attribute("dir") != "rtl"


def test_english_page_fields_stay_left_to_right(admin_page, live_site):
    english_about = Page.objects.get(slug="about", locale__language_code="en")
    admin_page.goto(f"{live_site}/admin/pages/{english_about.pk}/edit/")
    title = admin_page.locator('input[name="title"]')
    title.wait_for()
    assert title.get_attribute("dir") == "ltr"
    assert title.get_attribute("lang") == "en"
