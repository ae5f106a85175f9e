"""On a phone the Arabic site name reads in a line or two, not five, and the header stays compact."""

import pytest

pytestmark = pytest.mark.browser


def test_arabic_site_name_does_not_wrap_into_a_column_on_phones(open_page):
    page = open_page("/ar/", "phone")
    lines = page.eval_on_selector(
        ".site-header__brand span",
        "name => Math.round(name.getBoundingClientRect().height / parseFloat(getComputedStyle(name).lineHeight))",
    )
    assert lines <= 2
    assert page.locator(".site-header").bounding_box()["height"] <= 110
    assert page.get_by_role("button", name="القائمة").is_visible()
