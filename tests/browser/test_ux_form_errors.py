"""After a failed submit, focus lands on a summary whose links lead to each field in error."""

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", ["/en/members/join/", "/ar/in-focus/submit/"])
def test_failed_submit_focuses_a_linked_error_summary(open_page, path):
    page = open_page(path)
    page.evaluate("document.querySelector('main form').noValidate = true")
    page.locator("main form [type=submit]").click()
    page.wait_for_load_state()
    assert page.evaluate("document.activeElement.classList.contains('form-errors')")
    targets = page.eval_on_selector_all(".form-errors__list a", "links => links.map(a => a.getAttribute('href'))")
    assert targets
    for target in targets:
        assert page.locator(target).count() == 1
    page.locator(".form-errors__list a").first.click()
    assert page.evaluate("'#' + document.activeElement.id") == targets[0]
