"""
Nothing private leaks: a crawler walks every public page the test site links
to, in every language, plus the sitemap, feeds, calendars and the API, and
looks for canaries: a draft, a private page, an unlisted member and the
contact details of every member.
"""

import re
from collections import deque
from urllib.parse import urljoin, urlsplit

import pytest
from wagtail.models import PageViewRestriction

from articles.models import ArticleIndexPage
from tests import site
from tests.factories import CONTACT_DOMAIN, ArticlePageFactory, StandardPageFactory

LINK = re.compile(r'(?:href|src)="([^"#]+)"')
SKIP = ("/admin/", "/documents/", "/static/", "/media/", "mailto:", "javascript:")
LIMIT = 1500
LANGUAGES = 6
# Query strings worth following once: filters and the first pages. The month
# grid links to every month from 2000 to 2100; one month per language is enough.
FOLLOWED_PARAMETERS = {"page", "category", "country", "expertise", "sector", "region", "topic", "month"}


def worth_following(query, seen_months):
    if not query:
        return True
    pairs = [pair.split("=", 1) for pair in query.split("&")]
    keys = {pair[0] for pair in pairs}
    if not keys <= FOLLOWED_PARAMETERS or len(keys) > 1:
        return False
    if "page" in keys:
        return all(len(pair) == 2 and pair[1] in {"1", "2"} for pair in pairs)
    if "month" in keys:
        seen_months["count"] = seen_months.get("count", 0) + 1
        return seen_months["count"] <= LANGUAGES
    return True


def crawl(client, starts):
    seen, queue, bodies, months = set(), deque(starts), {}, {}
    while queue and len(seen) < LIMIT:
        url = queue.popleft()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code != 200 or response.get("Content-Type", "").startswith("image/"):
            continue
        body = response.content.decode("utf-8", errors="replace")
        bodies[url] = body
        if "html" not in response.get("Content-Type", ""):
            continue
        for link in LINK.findall(body):
            absolute = urljoin(url, link.replace("&amp;", "&"))
            parts = urlsplit(absolute)
            if parts.netloc not in ("", "testserver") or absolute.startswith(SKIP) or parts.path.startswith(SKIP):
                continue
            local = parts.path + (f"?{parts.query}" if parts.query else "")
            if local not in seen and local not in queue and worth_following(parts.query, months):
                queue.append(local)
    return bodies


@pytest.mark.django_db
def test_no_canary_reaches_any_public_response(client, home, locales, canary):
    draft = ArticlePageFactory(
        parent=ArticleIndexPage.objects.child_of(home).get(), title="Canary draft article", live=False
    )
    private = StandardPageFactory(parent=home, title="Canary private page", slug="canary-private")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")  # noqa: S106

    starts = [f"/{code}/" for code in locales] + [
        "/sitemap.xml",
        "/robots.txt",
        "/api/v2/pages/?limit=100",
        "/api/v2/pages/?limit=100&offset=100",
        "/api/v2/images/",
        "/api/v2/documents/",
    ]
    bodies = crawl(client, starts)
    assert len(bodies) > 150, "the crawler should reach most of the test site"

    canaries = [
        CONTACT_DOMAIN,
        canary.full_name,
        canary.email,
        "Canary draft article",
        "Canary private page",
        "+41 22 000 00 00",
        draft.slug,
    ]
    leaks = {(url, word) for url, body in bodies.items() for word in canaries if word in body}
    assert not leaks
    # The crawler did see the member directory and the calendars.
    assert any(f"/members/{site.TRANSLATED_MEMBER_SLUG}/" in url for url in bodies)
    assert any(url.endswith("feed.ics") for url in bodies)
