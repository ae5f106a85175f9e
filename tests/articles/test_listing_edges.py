"""
Edges of In Focus that readers meet: paging through every article exactly
once (the featured one included), an index or topic with nothing in it yet in
each language, topics whose slugs are not Latin, the feeds of an empty index,
and what an article shows when its editor left something out.
"""

import datetime
import re

import feedparser
import pytest
from django.utils import translation
from django.utils.translation import gettext
from taggit.models import Tag
from wagtail.models import PageViewRestriction

from articles.models import ARTICLES_PER_PAGE, ArticlePage, ArticleRelatedLink
from tests import site
from tests.factories import ArticlePageFactory, ImageFactory

pytestmark = pytest.mark.django_db


def card_titles(content):
    return re.findall(r'class="card__title"><a href="[^"]+">([^<]+)</a>', content)


def page_label(content):
    found = re.search(r"Page (\d+) of (\d+)", content)
    return (int(found[1]), int(found[2])) if found else (1, 1)


def every_page(client, url):
    """The card titles of every page of a listing, following its own page count, and the counts each page gave."""
    first = client.get(url).content.decode()
    titles, totals = [card_titles(first)], {page_label(first)[1]}
    for number in range(2, page_label(first)[1] + 1):
        content = client.get(url, {"page": number}).content.decode()
        assert page_label(content)[0] == number
        titles.append(card_titles(content))
        totals.add(page_label(content)[1])
    return titles, totals


def english_articles(in_focus):
    return ArticlePage.objects.child_of(in_focus).live().count()


@pytest.mark.parametrize("extra", [ARTICLES_PER_PAGE + 2, ARTICLES_PER_PAGE * 2 + 1])
def test_paging_shows_every_article_exactly_once(client, in_focus, extra):
    for n in range(extra):
        ArticlePageFactory(
            parent=in_focus, title=f"Paged piece {n:02}", date=datetime.date(2019, 1, 1) + datetime.timedelta(days=n)
        )
    pages, totals = every_page(client, in_focus.url)
    shown = [title for titles in pages for title in titles]
    assert len(shown) == len(set(shown)), "an article is shown on two pages"
    assert len(shown) == english_articles(in_focus)
    assert len(totals) == 1, f"the pages disagree on how many there are: {totals}"


def test_a_chosen_featured_article_is_not_repeated_on_a_later_page(client, in_focus):
    for n in range(ARTICLES_PER_PAGE + 3):
        ArticlePageFactory(
            parent=in_focus, title=f"Older piece {n:02}", date=datetime.date(2001, 1, 1) + datetime.timedelta(days=n)
        )
    oldest = ArticlePage.objects.get(title="Older piece 00")
    in_focus.featured_article = oldest
    site.publish(in_focus)
    pages, _totals = every_page(client, in_focus.url)
    assert pages[0][0] == oldest.title
    assert [titles.count(oldest.title) for titles in pages[1:]] == [0] * (len(pages) - 1)


def test_past_the_last_page_shows_the_last_page_not_the_first(client, in_focus):
    for n in range(ARTICLES_PER_PAGE * 2):
        ArticlePageFactory(parent=in_focus, date=datetime.date(2018, 1, 1) + datetime.timedelta(days=n))
    pages, _totals = every_page(client, in_focus.url)
    content = client.get(in_focus.url, {"page": 999}).content.decode()
    assert card_titles(content) == pages[-1]
    assert 'rel="next"' not in content


@pytest.mark.parametrize("language", site.LANGUAGES)
def test_an_index_without_articles_says_so_in_the_readers_language(client, in_focus, locales, language):
    ArticlePage.objects.filter(locale=locales[language]).update(live=False)
    content = client.get(in_focus.get_translation(locales[language]).url).content.decode()
    with translation.override(language):
        empty = gettext("There are no articles here yet.")
    assert empty in content
    assert card_titles(content) == []
    assert 'class="featured"' not in content
    direction = "rtl" if language == "ar" else "ltr"
    assert re.search(rf'<html[^>]* lang="{language}"[^>]* dir="{direction}"', content)


@pytest.mark.parametrize("language", ["en", "ar", "zh-hans"])
def test_the_feed_of_an_empty_index_is_valid_and_empty(client, in_focus, locales, language):
    ArticlePage.objects.filter(locale=locales[language]).update(live=False)
    index = in_focus.get_translation(locales[language])
    for path in ("feed/", "feed/atom/"):
        response = client.get(index.url + path)
        assert response.status_code == 200
        feed = feedparser.parse(response.content)
        assert not feed.bozo, feed.bozo_exception
        assert feed.entries == []
        assert site.TEXT["in_focus"][language] in feed.feed.title


def test_feed_entries_link_to_the_articles_full_address(client, in_focus):
    feed = feedparser.parse(client.get(in_focus.url + "feed/").content)
    article = ArticlePage.objects.get(slug=site.ARTICLE["slug"], locale__language_code="en")
    entry = next(entry for entry in feed.entries if entry.title == article.title)
    assert entry.link == article.full_url
    assert entry.id == entry.link


def test_a_topic_without_articles_has_an_empty_archive(client, in_focus):
    Tag.objects.create(name="Satellites", slug="satellites")
    response = client.get(in_focus.url + "topic/satellites/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "Topic: Satellites" in content
    assert card_titles(content) == []
    assert "There are no articles here yet." in content


def test_a_topic_with_an_arabic_slug_has_an_archive(client, in_focus, locales):
    tag = Tag.objects.create(name="الأمن السيبراني", slug="الأمن-السيبراني")
    arabic_index = in_focus.get_translation(locales["ar"])
    article = ArticlePageFactory(parent=arabic_index, title="مقال عن الأمن", topics=[tag])
    response = client.get(f"{arabic_index.url}topic/{tag.slug}/")
    assert response.status_code == 200
    assert card_titles(response.content.decode()) == [article.title]
    redirect = client.get(arabic_index.url, {"topic": tag.slug})
    assert redirect.status_code == 302
    assert client.get(redirect["Location"]).status_code == 200


@pytest.mark.parametrize("value", ["no-such-topic", "a b", "<script>", "x" * 300])
def test_asking_for_a_topic_that_does_not_exist_is_not_found(client, in_focus, value):
    assert client.get(in_focus.url, {"topic": value}).status_code == 404


def test_an_empty_topic_parameter_shows_the_whole_index(client, in_focus):
    response = client.get(in_focus.url, {"topic": ""})
    assert response.status_code == 200
    assert len(card_titles(response.content.decode())) == english_articles(in_focus)


def test_the_topic_list_offers_only_topics_that_have_live_articles(client, in_focus):
    lonely = Tag.objects.create(name="Only on a draft", slug="only-on-a-draft")
    draft = ArticlePageFactory(parent=in_focus, title="A draft on a lonely topic", topics=[lonely])
    draft.unpublish()
    content = client.get(in_focus.url).content.decode()
    assert f"topic/{lonely.slug}/" not in content
    assert "topic/policy/" in content


def test_the_pictures_own_description_stands_in_for_a_missing_alternative_text(client, in_focus):
    picture = ImageFactory(description="Engineers at a rural base station")
    article = ArticlePageFactory(parent=in_focus, hero_image=picture, hero_image_alt="")
    content = client.get(article.url).content.decode()
    assert 'alt="Engineers at a rural base station"' in content
    article.hero_image_alt = "A mast on a hill"
    site.publish(article)
    assert 'alt="A mast on a hill"' in client.get(article.url).content.decode()


def test_a_related_article_that_is_a_draft_or_private_is_never_shown(client, in_focus):
    article = ArticlePageFactory(parent=in_focus, title="Has chosen links")
    draft = ArticlePageFactory(parent=in_focus, title="Chosen but unpublished")
    draft.unpublish()
    hidden = ArticlePageFactory(parent=in_focus, title="Chosen but private")
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.LOGIN)
    shown = ArticlePageFactory(parent=in_focus, title="Chosen and public")
    for order, related in enumerate([draft, hidden, shown]):
        ArticleRelatedLink.objects.create(page=article, related=related, sort_order=order)
    content = client.get(article.url).content.decode()
    related = content[content.index('id="related-heading"') :]
    assert "Chosen and public" in related
    assert "Chosen but unpublished" not in related
    assert "Chosen but private" not in related


def test_a_chosen_related_article_is_shown_in_the_readers_language(client, in_focus, locales):
    shared = ArticlePage.objects.get(slug=site.ARTICLE["slug"], locale__language_code="en")
    article = ArticlePageFactory(parent=in_focus, title="Links to the shared article")
    ArticleRelatedLink.objects.create(page=article, related=shared, sort_order=0)
    french = site.translate(article, {})["fr"]
    content = client.get(french.url).content.decode()
    related = content[content.index('id="related-heading"') :]
    assert site.ARTICLE["title"]["fr"] in related
    assert site.ARTICLE["title"]["en"] not in related


def test_an_article_without_a_date_shows_the_day_it_was_first_published(client, in_focus):
    article = ArticlePageFactory(parent=in_focus, date=None)
    site.publish(article)
    published = article.first_published_at.date()
    content = client.get(article.url).content.decode()
    assert f'datetime="{published.isoformat()}"' in content
