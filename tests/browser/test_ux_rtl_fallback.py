"""An English profile on an Arabic page keeps its direction but lines up with the page (right)."""

import pytest

pytestmark = pytest.mark.browser


def test_english_fallback_name_and_bio_align_with_the_arabic_page(open_page, live_site):
    directory = open_page("/ar/members/")
    profiles = directory.eval_on_selector_all(".member-card a[href*='/members/']", "links => links.map(a => a.href)")
    for url in dict.fromkeys(profiles):
        page = open_page(url.removeprefix(live_site))
        if page.locator("main h1[dir='ltr']").count():
            break
    else:
        pytest.fail("no Arabic profile falls back to English text")
    # How far the name's text stops short of the right side of the line it is on (the
    # heading's edge, or the portrait floated there); about 0 when it lines up with the page.
    gap = page.evaluate(
        """() => {
            const heading = document.querySelector("main h1[dir='ltr']");
            const range = document.createRange();
            range.selectNodeContents(heading);
            const box = heading.getBoundingClientRect(), text = range.getBoundingClientRect();
            const photo = document.querySelector("main .member-profile__photo");
            let right = box.right;
            if (photo) {
                const frame = photo.getBoundingClientRect();
                if (frame.top < text.bottom && frame.bottom > text.top && frame.left > text.left) {
                    right = frame.left - parseFloat(getComputedStyle(photo).marginLeft);
                }
            }
            return right - text.right;
        }"""
    )
    assert abs(gap) < 4
