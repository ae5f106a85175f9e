import os
import shutil
from pathlib import Path

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


# What the reader-facing browser tests share: phone and desktop windows, axe-core
# (installed from npm by scripts/test.sh, served to the page from the page's own
# origin, so the site's content security policy allows it), a check that text
# in another script than the page's says which language it is in, and the
# folder the screenshots go to (gitignored) for a reviewer to look at.
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
AXE_PATH = "/__tests__/axe.min.js"
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
DEVICES = {
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
    "desktop": {"viewport": {"width": 1280, "height": 900}},
}
# Latin-script words that need no marking on a page in another script: a format
# name and a file extension. Words with a capital letter are taken for proper
# names (people, places, organisations, acronyms) and are not checked either:
# they appear inside translated prose ("تعمل Amara Okafor في…"), where no
# markup can surround them, while untranslated text always has small words.
SAME_IN_EVERY_LANGUAGE = {"iCalendar", "ics"}

LANGUAGE_CHECK = """
([allowed, ignored]) => {
    const SCRIPT_OF_LANGUAGE = (lang) =>
        lang.startsWith("ar") ? "Arab" : lang.startsWith("ru") ? "Cyrl" : lang.startsWith("zh") ? "Hans" : "Latn";
    const FOREIGN = {
        Latn: /(?<![A-Za-z])[a-z][A-Za-z]+/g,  // words starting with a small letter: not names, not acronyms
        Arab: /[\\u0600-\\u06FF]+/g,
        Cyrl: /[\\u0400-\\u04FF]+/g,
        Hans: /[\\u3400-\\u9FFF]+/g,
    };
    const problems = [];
    const check = (text, element) => {
        const marked = element.closest("[lang]");
        const lang = marked ? marked.getAttribute("lang") : "";
        const own = SCRIPT_OF_LANGUAGE(lang);
        for (const [script, pattern] of Object.entries(FOREIGN)) {
            if (script === own) continue;
            for (const word of text.match(pattern) || []) {
                if (script === "Latn" && allowed.includes(word)) continue;
                problems.push({word, lang, text: text.trim().slice(0, 80), element: element.outerHTML.slice(0, 120)});
                break;
            }
        }
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || parent.closest("script, style, noscript, template") || !node.textContent.trim()) continue;
        if (ignored && parent.closest(ignored)) continue;
        check(node.textContent, parent);
    }
    for (const element of document.querySelectorAll("img[alt], [title], [aria-label]")) {
        for (const attribute of ["alt", "title", "aria-label"]) {
            if (element.hasAttribute(attribute)) check(element.getAttribute(attribute), element);
        }
    }
    return problems;
}
"""


@pytest.fixture
def open_page(browser, live_site):
    """open_page(path, device="desktop") → a Playwright page at live_site + path, ready for axe."""
    contexts = []

    def open_(path, device="desktop", **options):
        context = browser.new_context(**DEVICES[device], **options)
        contexts.append(context)
        page = context.new_page()
        page.route(f"{live_site}{AXE_PATH}", lambda route: route.fulfill(path=str(AXE), content_type="text/javascript"))
        response = page.goto(f"{live_site}{path}")
        page.response = response
        return page

    yield open_
    for context in contexts:
        context.close()


def axe_violations(page):
    """Every axe-core violation on the page, whatever its impact, as short readable strings."""
    if not AXE.exists():
        pytest.fail("axe-core is not installed: run `npm ci` (scripts/test.sh does)")
    page.add_script_tag(url=AXE_PATH)  # same origin as the page: allowed by its content security policy
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{violation['id']} ({violation['impact']}): {node['target']} {node['failureSummary'][:200]}"
        for violation in results["violations"]
        for node in violation["nodes"]
    ]


def unmarked_foreign_text(page, ignored=""):
    """Text (and alt, title, aria-label) in another script than its nearest `lang` says, outside `ignored` (a CSS selector)."""
    return page.evaluate(LANGUAGE_CHECK, [sorted(SAME_IN_EVERY_LANGUAGE), ignored])


def screenshot(page, name):
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
