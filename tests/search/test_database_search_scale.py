"""
The database search answers in a fixed number of SQL queries, at most 15,
whatever the size of the site: measured on the search page and the search API
with 5 and then 40 matching articles, events, members and pages in each of
four languages (Arabic, and Chinese written without spaces, among them), and
editors' picks for the query growing with the site. Before the picks were
read in one query, each cost one more.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from taggit.models import Tag
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale

from articles.models import ArticleIndexPage
from events.models import EventIndexPage
from home.models import HomePage
from search import database
from tests.factories import ArticlePageFactory, EventPageFactory, MemberFactory, StandardPageFactory

MAX_QUERIES = 15
SMALL, LARGE = 5, 40
PICKS = {SMALL: 1, LARGE: 6}
# language: a word that every generated item carries, and the query that finds it
WORDS = {
    "en": ("broadband", "broadband"),
    "fr": ("télécentres", "télécentre"),
    "ar": ("النطاق العريض", "النطاق"),
    "zh-hans": ("宽带普及", "宽带"),
}


@pytest.fixture
def no_engine(settings):
    """
    No engine at all. Wagtail's own index (the admin's search) is not what is
    measured: it stays on the database and is not updated on every save of
    the hundreds of pages built here.
    """
    settings.SEARCH_URL = ""
    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database_backend", "AUTO_UPDATE": False}}


def grow(language, count):
    """Add `count` matching items of every kind in `language` (what publishing would index, indexed)."""
    locale = Locale.objects.get(language_code=language)
    word = WORDS[language][0]
    articles = ArticleIndexPage.objects.get(locale=locale)
    events = EventIndexPage.objects.get(locale=locale)
    home = HomePage.objects.get(depth=2, locale=locale)
    topics = list(Tag.objects.filter(slug="policy"))
    added = []
    for _ in range(count):
        article = ArticlePageFactory(parent=articles, title=f"{word} article", intro=f"{word} for schools")
        article.tags.set(topics)  # held on the page until it is indexed below; no revision needed
        added += [
            article,
            EventPageFactory(parent=events, title=f"{word} event", summary=f"{word} for schools"),
            StandardPageFactory(parent=home, title=f"{word} page", intro=f"{word} for schools"),
            MemberFactory(locale=locale, biography=f"She brings {word} to schools."),
        ]
    database.sync_objects(added)


def promote(language, count):
    """Editors' picks for the query: `count` of the matching articles."""
    from articles.models import ArticlePage

    query, _created = Query.objects.get_or_create(query_string=WORDS[language][1])
    query.editors_picks.all().delete()
    picked = ArticlePage.objects.filter(locale__language_code=language, title__startswith=WORDS[language][0])
    for order, page in enumerate(picked.order_by("pk")[:count]):
        SearchPromotion.objects.create(query=query, page=page, sort_order=order, description="Chosen by editors")


def measured(client, url, params):
    client.get(url, params)  # the day's first search of a query also creates its log row; the chrome is cached
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(captured.captured_queries), response


def counts(client):
    """Queries of the search page and the search API for each language's word, with what they found."""
    found = {}
    for language, (_word, query) in WORDS.items():
        page, page_response = measured(client, f"/{language}/search/", {"q": query})
        api, api_response = measured(client, "/api/v2/search/", {"q": query, "locale": language, "per_page": 50})
        body = api_response.json()
        found[language] = {
            "page": page,
            "api": api,
            "total": body["total"],
            "shown": len(body["results"]),
            "promoted": len(body["promotions"]),
            "marked": "<mark>" in page_response.content.decode(),
        }
    return found


@pytest.mark.django_db
def test_search_queries_do_not_grow_with_the_site(client, no_engine):
    for language in WORDS:
        grow(language, SMALL)
        promote(language, PICKS[SMALL])
    small = counts(client)
    for language in WORDS:
        grow(language, LARGE - SMALL)
        promote(language, PICKS[LARGE])
    large = counts(client)

    for language in WORDS:
        # The sizes really differ: every kind matched, pages of results filled, picks shown.
        assert small[language]["total"] >= 4 * SMALL, (language, small[language])
        assert large[language]["total"] >= 4 * LARGE, (language, large[language])
        assert large[language]["shown"] == 50 and large[language]["promoted"] == PICKS[LARGE]
        assert small[language]["marked"] and large[language]["marked"]
        for where in ("page", "api"):
            assert large[language][where] <= MAX_QUERIES, (language, where, large[language][where])
            assert large[language][where] == small[language][where], (language, where, small, large)
