"""The header search in Chromium: English and Arabic, desktop and phone widths, keyboard and autocomplete."""

import pytest

from tests import site

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def open_page(browser, live_site):
    contexts = []

    def open_at(path, viewport, javascript=True):
        context = browser.new_context(viewport=viewport, java_script_enabled=javascript)
        contexts.append(context)
        page = context.new_page()
        page.goto(f"{live_site}{path}")
        return page

    yield open_at
    for context in contexts:
        context.close()


@pytest.mark.parametrize(
    ("language", "query", "expected"),
    [("en", "telemedicine", "Telemedicine"), ("ar", "التطبيب", "التطبيب")],  # the test site's article
)
def test_desktop_search_from_the_header_with_the_keyboard(open_page, language, query, expected):
    page = open_page(f"/{language}/", DESKTOP)
    box = page.locator("#site-search-q")
    assert box.is_visible()  # open on wide screens, no toggle to press
    assert not page.locator(".site-search__toggle").is_visible()
    assert page.get_by_label(page.locator("label[for=site-search-q]").inner_text()).count() == 1
    box.focus()
    page.keyboard.type(query)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{language}/search/?q=*")
    assert expected in page.locator(".search-results").inner_text()


def test_autocomplete_suggests_titles_as_you_type(open_page):
    page = open_page("/en/in-focus/", DESKTOP)
    page.locator("#site-search-q").press_sequentially("teleme", delay=50)
    option = page.locator("#site-search-suggestions [role=option]").first
    option.wait_for()
    assert "Telemedicine" in option.inner_text()
    assert page.locator("#site-search-q").get_attribute("aria-expanded") == "true"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url("**/in-focus/telemedicine-*/")


def test_arabic_box_is_mirrored(open_page):
    page = open_page("/ar/", DESKTOP)
    box = page.locator("#site-search-q").bounding_box()
    button = page.locator(".site-search__button").bounding_box()
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert button["x"] < box["x"]  # the button sits at the end of the line, which is the left in Arabic


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("javascript", [True, False])
def test_phone_folds_the_box_so_content_comes_first(open_page, language, javascript):
    page = open_page(f"/{language}/", PHONE, javascript=javascript)
    toggle = page.locator(".site-search__toggle")
    assert toggle.is_visible()
    assert not page.locator("#site-search-q").is_visible()
    header_height = page.locator(".site-search").bounding_box()["height"]
    assert header_height < 60
    # Keyboard: Tab reaches the toggle, Enter opens it, the box takes the query.
    toggle.focus()
    page.keyboard.press("Enter")
    box = page.locator("#site-search-q")
    assert box.is_visible()
    box.fill(site.ARTICLE["title"][language].split()[0])  # a word of the test site's article
    box.press("Enter")
    page.wait_for_url(f"**/{language}/search/?q=*")
    assert page.locator(".search-results li").count() > 0


def test_phone_results_come_before_the_filters(open_page):
    page = open_page("/en/search/?q=women", PHONE, javascript=False)
    filters = page.locator(".search-filters__toggle")
    assert filters.is_visible()
    assert not page.locator(".facets").is_visible()  # behind the toggle
    first_result = page.locator(".search-results li").first.bounding_box()
    assert first_result["y"] < PHONE["height"]  # on the first screen
    filters.click()
    assert page.locator(".facets").is_visible()
