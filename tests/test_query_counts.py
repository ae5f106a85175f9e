"""
Every page type renders in a bounded number of SQL queries when it is not in
the page cache (at most 10 for a page about one thing, 15 for a listing or the
home page), and the number does not grow with the items listed, the size of
the page or the number of languages. Measured at two sizes of content.

Each page is counted right after the page cache is cleared (home.page_cache:
stored pages and page parts, a Redis database of their own), again when its
parts are kept, and on the first request after the whole of Redis is emptied
(the site-wide caches too: Wagtail's renditions, the menu and footer of each
language), within the same bounds.
"""

import datetime

import pytest
from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from taggit.models import Tag

from articles.models import ArticleAuthor, ArticleIndexPage, ArticlePage
from events.models import EventIndexPage, EventOccurrenceOverride
from home import page_cache
from home.models import AboutPage, StandardPage
from members.models import Member, MemberDirectoryPage
from tests import site
from tests.factories import ArticlePageFactory, EventPageFactory

DETAIL = 10
LISTING = 15


def count_queries(url):
    client = Client()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured.captured_queries)


def measure(url):
    """Queries right after the page cache is cleared, then with the page's parts kept."""
    count_queries(url)  # the site-wide caches, as a running site keeps them
    page_cache.clear()
    cold = count_queries(url)
    warm = count_queries(url)
    return cold, warm


def after_emptying_every_cache(url):
    for alias in settings.CACHES:
        caches[alias].clear()
    return count_queries(url)


def grow_articles(n=15):
    index = ArticleIndexPage.objects.get(locale__language_code="en")
    topics = list(Tag.objects.filter(slug__in=["policy", "e-skills-development"]))
    for i in range(n):
        article = ArticlePageFactory(
            parent=index, topics=topics, date=datetime.date(2030, 1, 1) + datetime.timedelta(i)
        )
        ArticleAuthor.objects.create(page=article, name=f"Author {i}", role="Minister", locale=article.locale)
        ArticleAuthor.objects.create(page=article, name=f"Co-author {i}", locale=article.locale)


def grow_article_itself():
    """More authors, topics and related articles on the measured article."""
    grow_articles(6)
    article = ArticlePage.objects.get(slug=site.ARTICLE["slug"], locale__language_code="en")
    for i in range(5):
        ArticleAuthor.objects.create(page=article, name=f"Extra author {i}", locale=article.locale)
    article.tags.add(*Tag.objects.all()[:6])
    article.save_revision().publish()


def grow_events(n=15):
    index = EventIndexPage.objects.get(locale__language_code="en")
    for i in range(n):
        EventPageFactory(
            parent=index,
            start=timezone.now() + datetime.timedelta(days=3 + i),
            recurrence="FREQ=WEEKLY;COUNT=4" if i % 2 else "",
        )


def grow_event_itself():
    event = EventIndexPage.objects.get(locale__language_code="en").get_children().live().first().specific
    event.recurrence = "FREQ=WEEKLY;COUNT=30"
    event.save_revision().publish()
    for week in range(1, 8):
        day = (event.start + datetime.timedelta(weeks=week)).date()
        EventOccurrenceOverride.objects.create(page=event, occurrence_date=day, note="Moved", locale=event.locale)
    grow_events(5)


def grow_members(n=30):
    english = MemberDirectoryPage.objects.get(locale__language_code="en").locale
    for i in range(n):
        member = Member.objects.create(
            full_name=f"Member Number {i}",
            sector="government",
            country=["KE", "FR", "BR", "IN", "EG"][i % 5],
            listed=True,
            show_on_map=True,
            show_organisation=True,
            organisation="Ministry",
            locale=english,
        )
        member.expertise.add("policy", f"skill-{i}")


def grow_member_itself():
    member = Member.objects.get(slug=site.TRANSLATED_MEMBER_SLUG, locale__language_code="en")
    member.expertise.add(*[f"expertise-{i}" for i in range(8)])
    member.languages_spoken = ["en", "fr", "ar", "es", "ru"]
    member.save()
    grow_members(5)


def grow_standard_pages():
    about = AboutPage.objects.get(locale__language_code="en")
    for i in range(5):
        page = StandardPage(title=f"History part {i}", slug=f"history-{i}", intro="More.")
        about.add_child(instance=page)


def standard_page_url():
    about = AboutPage.objects.get(locale__language_code="en")
    page = StandardPage(title="Our history", slug="our-history", intro="Since 2011.")
    about.add_child(instance=page)
    return page.url


PAGE_TYPES = [
    # (name, url, bound, how to make the content bigger)
    ("home", "/en/", LISTING, lambda: (grow_articles(), grow_events())),
    ("home in Arabic", "/ar/", LISTING, lambda: (grow_articles(), grow_events())),
    ("about", "/en/about/", DETAIL, grow_standard_pages),
    ("standard page", standard_page_url, DETAIL, grow_standard_pages),
    ("In Focus", "/en/in-focus/", LISTING, grow_articles),
    ("In Focus page 2", "/en/in-focus/?page=2", LISTING, grow_articles),
    ("topic archive", "/en/in-focus/topic/policy/", LISTING, grow_articles),
    ("article feed", "/en/in-focus/feed/", LISTING, grow_articles),
    ("article", f"/en/in-focus/{site.ARTICLE['slug']}/", DETAIL, grow_article_itself),
    ("article in French", f"/fr/in-focus/{site.ARTICLE['slug']}/", DETAIL, grow_article_itself),
    ("events", "/en/events/", LISTING, grow_events),
    ("month grid", "/en/events/?month=2027-04", LISTING, grow_events),
    ("past events", "/en/events/past/", LISTING, grow_events),
    ("event", f"/en/events/{site.EVENT['observance']['slug']}/", DETAIL, grow_event_itself),
    ("directory", "/en/members/", LISTING, grow_members),
    ("directory filtered", "/en/members/?sector=government&region=africa", LISTING, grow_members),
    ("member profile", f"/en/members/{site.TRANSLATED_MEMBER_SLUG}/", DETAIL, grow_member_itself),
    ("map", "/en/members/map/", LISTING, grow_members),
]


@pytest.fixture
def no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "url", "bound", "grow"), PAGE_TYPES, ids=[p[0] for p in PAGE_TYPES])
def test_page_renders_in_bounded_queries_at_two_sizes(no_page_cache, name, url, bound, grow):
    url = url() if callable(url) else url
    small, small_kept = measure(url)
    grow()
    large, large_kept = measure(url)
    assert small <= bound, f"{name}: {small} queries after the page cache was cleared"
    assert large <= small, f"{name}: {small} queries grew to {large} with more content"
    assert large_kept <= small_kept <= small, f"{name}: {small_kept}/{large_kept} with its parts kept"
    everything = after_emptying_every_cache(url)
    assert everything <= bound, f"{name}: {everything} queries after Redis was emptied"


@pytest.mark.django_db
def test_query_count_does_not_depend_on_the_number_of_languages(no_page_cache, locales):
    article = ArticlePage.objects.get(slug=site.ARTICLE["slug"], locale__language_code="en")
    _cold, six_languages = measure(article.url)
    for code in ("ar", "ru", "zh-hans"):
        article.get_translation(locales[code]).unpublish()
    _cold, three_languages = measure(article.url)
    assert six_languages == three_languages
