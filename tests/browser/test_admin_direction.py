"""Arabic content is edited right-to-left, whatever the admin's own language. In Chromium."""

from zoneinfo import ZoneInfo

import pytest
from wagtail.models import Page

from events.models import EventPage
from tests import site

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


def test_search_autocomplete_is_keyboard_usable(browser, live_site, settings):
    page = browser.new_page()
    page.goto(f"{live_site}/en/search/")
    box = page.locator("#search-q")
    box.type("tele", delay=30)
    options = page.locator("#search-suggestions [role=option]")
    options.first.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    assert options.count() >= 1
    box.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == options.first.get_attribute("id")
    assert options.first.get_attribute("aria-selected") == "true"
    box.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    page.close()


def test_event_times_gain_the_readers_local_time(browser, live_site):
    context = browser.new_context(timezone_id="Asia/Tokyo", locale="fr-FR")
    page = context.new_page()
    page.goto(f"{live_site}/fr/events/{site.EVENT['conference']['slug']}/")
    hint = page.locator(".local-time").first
    hint.wait_for()
    assert "Votre heure" in hint.text_content()
    assert "UTC+9" in hint.text_content() or "JST" in hint.text_content() or "GMT+9" in hint.text_content()
    # Without JavaScript the page still gives the time in the event's own zone.
    no_js = browser.new_context(java_script_enabled=False).new_page()
    no_js.goto(f"{live_site}/fr/events/{site.EVENT['conference']['slug']}/")
    assert no_js.locator(".local-time").count() == 0
    event = EventPage.objects.get(slug=site.EVENT["conference"]["slug"], locale__language_code="fr")
    zone = event.start.astimezone(ZoneInfo(event.time_zone)).strftime("%Z")  # CET or CEST
    assert zone in no_js.locator(".event-when__next").text_content()
    context.close()
