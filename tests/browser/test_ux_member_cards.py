"""On a phone the member directory shows several members per screen, not one portrait per screen."""

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", ["en", "ar"])
def test_member_cards_are_compact_on_phones(open_page, language):
    page = open_page(f"/{language}/members/", "phone")
    heights = page.eval_on_selector_all(
        ".member-card:has(.member-card__photo)", "cards => cards.map(card => card.getBoundingClientRect().height)"
    )
    assert heights, "no member card with a portrait"
    # A 844 px tall phone screen holds at least four cards (it held fewer than two).
    assert max(heights) < 844 / 4
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_member_cards_keep_their_large_portrait_on_desktop(open_page):
    page = open_page("/en/members/", "desktop")
    width = page.eval_on_selector(".member-card__photo", "photo => photo.getBoundingClientRect().width")
    assert width > 200
