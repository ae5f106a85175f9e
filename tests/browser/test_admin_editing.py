"""Editors and translators in the admin, in Chromium: the recurrence picker, upright Arabic, a clean summary."""

import pytest
from wagtail.models import Page

from events.models import EventIndexPage
from tests import site

pytestmark = [pytest.mark.browser]


def test_recurrence_picker_writes_the_rule_and_shows_the_next_dates(admin_page, live_site):
    index = EventIndexPage.objects.get(locale__language_code="en")
    admin_page.goto(f"{live_site}/admin/pages/add/events/eventpage/{index.pk}/")
    admin_page.fill('input[name="start"]', "2027-04-22 09:00")
    admin_page.locator('select[name="time_zone"]').select_option("Europe/Zurich")
    picker = admin_page.locator("[data-recurrence-picker]")
    picker.get_by_label("Repeats").select_option("YEARLY")
    picker.get_by_label("In", exact=True).select_option("4")
    picker.locator('[data-part="mode"][value="nth"]').check()
    picker.get_by_label("Which one in the month").select_option("4")
    picker.get_by_label("Day of the week").select_option("TH")
    picker.locator('[data-part="end"][value="count"]').check()
    picker.get_by_label("Number of times").fill("5")
    rule = admin_page.locator('input[name="recurrence"]')
    assert rule.input_value() == "FREQ=YEARLY;BYMONTH=4;BYDAY=4TH;COUNT=5"
    summary = picker.locator("[data-summary]")
    summary.filter(has_text="fourth Thursday").wait_for()
    assert summary.text_content() == "Every year, in April, on the fourth Thursday, 5 times in all."
    dates = picker.locator("[data-dates] li")
    dates.nth(4).wait_for()
    assert dates.all_text_contents() == [
        "April 22, 2027, 9:00 AM CEST",
        "April 27, 2028, 9:00 AM CEST",
        "April 26, 2029, 9:00 AM CEST",
        "April 25, 2030, 9:00 AM CEST",
        "April 24, 2031, 9:00 AM CEST",
    ]


def test_recurrence_picker_reads_an_existing_rule(admin_page, live_site):
    event = Page.objects.get(slug=site.EVENT["weekly"]["slug"], locale__language_code="en")
    admin_page.goto(f"{live_site}/admin/pages/{event.pk}/edit/")
    picker = admin_page.locator("[data-recurrence-picker]")
    assert picker.get_by_label("Repeats").input_value() == "WEEKLY"
    assert picker.locator('[data-part="weekday"][value="TU"]').is_checked()
    assert picker.locator('[data-part="end"][value="count"]').is_checked()
    assert picker.get_by_label("Number of times").input_value() == "8"
    picker.locator("[data-summary]").filter(has_text="Every week").wait_for()


def test_arabic_in_the_translation_editor_is_upright(admin_page, live_site):
    arabic_about = Page.objects.get(slug="about", locale__language_code="ar")
    admin_page.goto(f"{live_site}/admin/pages/{arabic_about.pk}/edit/")
    segment = admin_page.locator(".js-translation-editor li > div p[dir=rtl]").first
    segment.wait_for()
    assert segment.evaluate("element => getComputedStyle(element).fontStyle") == "normal"


def test_translation_summary_has_no_stray_bullets(admin_page, live_site):
    admin_page.goto(f"{live_site}/admin/translations/")
    summary = admin_page.locator(".translation-summary")
    assert summary.evaluate("element => getComputedStyle(element).listStyleType") == "none"
    assert summary.locator("li").count() == 4
