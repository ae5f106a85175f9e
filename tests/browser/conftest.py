import os
import shutil

import pytest

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser(live_site):  # closed before the live server stops, so no request holds a connection
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an asyncio loop in this thread, which makes
    # Django refuse ORM calls from the (synchronous) tests themselves.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

    executable = shutil.which("chromium")
    if executable is None:
        pytest.fail("Debian's chromium is not installed (make test installs it)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


@pytest.fixture
def admin_page(browser, live_site):
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    page.goto(f"{live_site}/admin/login/")
    page.fill("#id_username", "admin")
    page.fill("#id_password", "admin-password")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_site}/admin/")
    yield page
    context.close()
