"""
Every public page type, in English and Arabic, in Chromium: no axe-core
violation of any impact, and no text in another script than the page's
without a `lang` saying so. Screenshots of the main pages at phone and
desktop widths go to tests/browser/screenshots/ for a reviewer.
"""

import pytest

from tests import site

from .conftest import axe_violations, screenshot, unmarked_foreign_text

pytestmark = pytest.mark.browser

PAGE_TYPES = {
    "home": "",
    "about": "about/",
    "standard-page": "about/privacy/",
    "in-focus": "in-focus/",
    "topic": "in-focus/topic/e-skills-development/",
    "article": f"in-focus/{site.ARTICLE['slug']}/",
    "submit-article": "in-focus/submit/",
    "events": "events/",
    "month": "events/?month=2027-04",  # with a cancelled date
    "past-events": "events/past/",
    "event": f"events/{site.EVENT['observance']['slug']}/",
    "event-series": f"events/{site.EVENT['series']['slug']}/",  # with a cancelled date
    "members": "members/",
    "member-profile": f"members/{site.TRANSLATED_MEMBER_SLUG}/",
    "map": "members/map/",
    "join": "members/join/",
    "search": "search/?q={word}",  # the first word of the test site's article in the page's language
}
# Search excerpts quote the indexed text of each hit as it is, in the hit's
# language; event organisers and venues keep their own names in every
# language (marked on the event pages themselves).
NOT_LANGUAGE_CHECKED = {"search": ".search-result__excerpt"}


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_page_is_accessible_and_marks_other_languages(open_page, page_type, language):
    page = open_page(f"/{language}/{PAGE_TYPES[page_type].format(word=site.ARTICLE['title'][language].split()[0])}")
    assert page.response.status == 200
    assert page.locator("html").get_attribute("lang") == language
    assert axe_violations(page) == []
    assert unmarked_foreign_text(page, NOT_LANGUAGE_CHECKED.get(page_type, "")) == []


@pytest.mark.parametrize("device", ["phone", "desktop"])
@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("page_type", ["home", "article", "events"])
def test_screenshots_for_review(open_page, page_type, language, device):
    page = open_page(f"/{language}/{PAGE_TYPES[page_type]}", device)
    page.wait_for_load_state("networkidle")
    # Nothing is wider than the screen (no sideways scrolling on a phone), and every picture loaded.
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")  # let lazy pictures load
    page.wait_for_load_state("networkidle")
    broken = page.evaluate(
        "[...document.images].filter(img => img.complete && img.naturalWidth === 0).map(img => img.currentSrc)"
    )
    assert broken == []
    page.evaluate("window.scrollTo(0, 0)")
    screenshot(page, f"{page_type}-{language}-{device}")


def test_phone_header_is_compact_and_opens_a_menu(open_page):
    page = open_page("/en/events/", "phone")
    header = page.locator(".site-header")
    assert header.bounding_box()["height"] <= 100
    button = page.get_by_role("button", name="Menu")
    menu = page.locator("#site-menu")
    assert button.get_attribute("aria-expanded") == "false"
    assert not menu.is_visible()
    button.click()
    assert button.get_attribute("aria-expanded") == "true"
    assert page.get_by_role("link", name=site.TEXT["members"]["en"]).is_visible()
    assert page.locator(".language-switcher a[hreflang=ar]").is_visible()
    page.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false"
    assert not menu.is_visible()
    assert page.evaluate("document.activeElement.classList.contains('site-header__menu-button')")


def test_desktop_shows_the_menu_without_a_button(open_page):
    page = open_page("/ar/")
    assert not page.locator(".site-header__menu-button").is_visible()
    assert page.locator(".main-nav").is_visible()


def test_without_javascript_the_phone_menu_stays_open(open_page):
    page = open_page("/en/", "phone", java_script_enabled=False)
    assert page.locator(".main-nav").is_visible()
    assert not page.locator(".site-header__menu-button").is_visible()


@pytest.mark.parametrize("device", ["phone", "desktop"])
def test_switching_language_keeps_the_reader_on_the_same_page(open_page, device):
    page = open_page("/en/about/", device)
    if device == "phone":
        page.get_by_role("button", name="Menu").click()
    page.locator(".language-switcher a[hreflang=ar]").click()
    page.wait_for_url("**/ar/about/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator(".language-switcher [aria-current]").get_attribute("lang") == "ar"


def test_untranslated_article_offers_a_way_back_in_every_language(open_page):
    page = open_page(f"/en/in-focus/{site.MORE_ARTICLES[0]['slug']}/")  # in English only
    links = page.locator(".language-switcher a")
    assert links.count() == 5
    page.locator(".language-switcher a[hreflang=ar]").click()
    page.wait_for_url("**/ar/in-focus/")
    assert page.locator("html").get_attribute("lang") == "ar"


def test_month_grid_opens_on_a_month_with_events_and_moves_on(open_page):
    page = open_page("/en/events/")
    page.get_by_role("link", name="Month", exact=True).click()
    page.wait_for_url("**?month=*")
    assert page.locator(".month-grid .month-grid__busy").count() >= 1
    heading = page.locator("#month-heading").text_content()
    page.locator(".month-nav a[rel=next]").click()
    page.wait_for_load_state()
    assert page.locator("#month-heading").text_content() != heading


def test_filtering_the_directory(open_page):
    page = open_page("/en/members/")
    everyone = page.locator(".member-card").count()
    page.get_by_label("Sector").select_option("academia")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url("**sector=academia*")
    cards = page.locator(".member-card")
    assert 0 < cards.count() < everyone
    for summary in cards.locator(".card__summary").all_text_contents():
        assert summary.startswith("Academia")


def test_the_map_leads_to_the_members_of_a_country(open_page):
    page = open_page("/en/members/map/")
    assert page.locator(".world-map path[class*='map-bin-']:not(.map-bin-0)").count() >= 5
    first = page.locator(".map-table tbody th a").first
    country = first.text_content().strip()
    first.click()
    page.wait_for_url("**?country=*")
    summaries = page.locator(".member-card .card__summary").all_text_contents()
    assert summaries and all(summary.endswith(country) for summary in summaries)
