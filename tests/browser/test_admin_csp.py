"""
The admin works under its Content-Security-Policy: in Chromium, signing in,
the dashboard, a page editor, an image upload, a snippet editor and the
translation editor log no CSP violation.
"""

import re

import pytest
from wagtail.models import Page

from articles.models import TopicLabel
from events.models import EventPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

VIOLATION = re.compile(r"Content.Security.Policy|Refused to (load|execute|apply|connect|frame)", re.IGNORECASE)


def test_the_admin_works_under_its_csp(browser, live_site, tmp_path):
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    violations = []
    page.on("console", lambda message: violations.append(message.text) if VIOLATION.search(message.text) else None)
    page.on("pageerror", lambda error: violations.append(str(error)))

    response = page.goto(f"{live_site}/admin/login/")
    assert "Content-Security-Policy" in response.headers or "content-security-policy" in response.headers
    page.fill("#id_username", "admin")
    page.fill("#id_password", "admin-password")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_site}/admin/")
    page.wait_for_load_state("networkidle")

    event = EventPage.objects.filter(locale__language_code="en").first()
    page.goto(f"{live_site}/admin/pages/{event.pk}/edit/")
    page.wait_for_load_state("networkidle")

    image = tmp_path / "upload.png"
    from PIL import Image

    Image.new("RGB", (32, 32), (10, 120, 200)).save(image)
    page.goto(f"{live_site}/admin/images/multiple/add/")
    page.set_input_files("input[type=file]", str(image))
    page.wait_for_load_state("networkidle")

    label = TopicLabel.objects.filter(locale__language_code="en").first()
    page.goto(f"{live_site}/admin/snippets/articles/topiclabel/edit/{label.pk}/")
    page.wait_for_load_state("networkidle")

    arabic_about = Page.objects.get(slug="about", locale__language_code="ar")
    page.goto(f"{live_site}/admin/pages/{arabic_about.pk}/edit/")
    page.locator(".js-translation-editor li > div p").first.wait_for()
    page.wait_for_load_state("networkidle")
    context.close()
    assert violations == [], "\n".join(violations)
