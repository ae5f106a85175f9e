"""
What a reader finds of In Focus beyond a single article: the home page's
latest articles, the featured article, topic archives page by page, and the
feeds (what they list, in which language, with whose names and topics).
"""

import datetime
import re

import feedparser
import pytest
from django.utils import translation
from django.utils.translation import gettext
from taggit.models import Tag
from wagtail.models import PageViewRestriction

from articles.models import ArticleIndexPage, ArticlePage
from tests import site
from tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


def card_titles(response):
    return re.findall(r'class="card__title"><a href="[^"]+">([^<]+)</a>', response.content.decode())


def private(page):
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    return page


class TestLatestOnTheHomePage:
    def section(self, client, code="en"):
        content = client.get(f"/{code}/").content.decode()
        with translation.override(code):
            heading = gettext("Latest from In Focus")
        found = re.search(rf"<h2[^>]*>{re.escape(heading)}</h2>(.*?)</section>", content, re.S)
        return found.group(1) if found else None

    def test_shows_the_three_newest_articles_and_links_to_all(self, client, in_focus):
        newest = [
            ArticlePageFactory(parent=in_focus, title=f"Fresh story {n}", date=datetime.date(2030, 1, n))
            for n in range(1, 5)
        ]
        section = self.section(client)
        titles = re.findall(r'class="card__title"><a href="[^"]+">([^<]+)</a>', section)
        assert titles == [page.title for page in reversed(newest[1:])]
        assert f'<a href="{in_focus.url}">{gettext("All In Focus articles")}</a>' in section

    def test_in_each_language_the_articles_of_that_language(self, client, in_focus):
        for code in site.LANGUAGES:
            section = self.section(client, code)
            assert site.ARTICLE["title"][code] in section, code

    def test_drafts_and_private_articles_never_appear(self, client, in_focus):
        ArticlePageFactory(parent=in_focus, title="Embargoed draft", date=datetime.date(2031, 1, 1), live=False)
        private(ArticlePageFactory(parent=in_focus, title="Members-only story", date=datetime.date(2031, 1, 2)))
        section = self.section(client)
        assert "Embargoed draft" not in section
        assert "Members-only story" not in section
        assert site.ARTICLE["title"]["en"] in section

    def test_no_section_without_live_articles(self, client, in_focus):
        for article in ArticlePage.objects.child_of(in_focus).live():
            article.unpublish()
        assert self.section(client) is None

    def test_no_section_when_in_focus_is_unpublished(self, client, in_focus):
        in_focus.unpublish()
        assert self.section(client) is None


class TestFeaturedArticle:
    def test_the_editors_choice_comes_first_even_when_older(self, client, in_focus):
        older = ArticlePageFactory(parent=in_focus, title="A classic interview", date=datetime.date(2001, 1, 1))
        in_focus.featured_article = older
        in_focus.save_revision().publish()
        titles = card_titles(client.get(in_focus.url))
        assert titles[0] == older.title
        assert titles.count(older.title) == 1  # not listed a second time below

    def test_an_unpublished_choice_gives_way_to_the_newest_article(self, client, in_focus):
        chosen = ArticlePageFactory(parent=in_focus, title="Withdrawn interview", date=datetime.date(2001, 1, 1))
        in_focus.featured_article = chosen
        in_focus.save_revision().publish()
        chosen.unpublish()
        titles = card_titles(client.get(in_focus.url))
        assert titles[0] == site.ARTICLE["title"]["en"]
        assert chosen.title not in titles

    def test_only_the_first_page_has_a_featured_article(self, client, in_focus):
        for n in range(14):
            ArticlePageFactory(parent=in_focus, date=datetime.date(2010, 1, 1) + datetime.timedelta(days=n))
        content = client.get(in_focus.url, {"page": 2}).content.decode()
        assert "card--featured" not in content
        assert "card--featured" in client.get(in_focus.url).content.decode()


class TestTopicArchive:
    @pytest.fixture
    def many_on_policy(self, in_focus, policy):
        return [
            ArticlePageFactory(
                parent=in_focus,
                title=f"Policy brief {n:02}",
                topics=[policy],
                date=datetime.date(2020, 1, 1) + datetime.timedelta(days=n),
            )
            for n in range(14)
        ]

    def test_twelve_a_page_newest_first(self, client, in_focus, many_on_policy):
        url = in_focus.url + "topic/policy/"
        first, second = card_titles(client.get(url)), card_titles(client.get(url, {"page": 2}))
        assert len(first) == 12
        assert first[0] == site.ARTICLE["title"]["en"]  # dated 2026, the newest on the topic
        expected = ArticlePage.objects.child_of(in_focus).live().filter(tags__slug="policy").count()
        assert len(first) + len(second) == expected
        assert not set(first) & set(second)

    @pytest.mark.parametrize("value", ["x", "0", "-3", "99999", ""])
    def test_bad_page_numbers_show_a_page_of_the_topic(self, client, in_focus, many_on_policy, value):
        response = client.get(in_focus.url + "topic/policy/", {"page": value})
        assert response.status_code == 200
        assert set(card_titles(response)) <= {page.title for page in many_on_policy} | {
            site.ARTICLE["title"]["en"],
            "Rural spectrum rules",
        }

    def test_only_live_public_articles_on_the_topic(self, client, in_focus, policy):
        # The factory publishes an article it gives topics to: unpublished afterwards, it is a draft again.
        ArticlePageFactory(parent=in_focus, title="Draft on policy", topics=[policy]).unpublish()
        private(ArticlePageFactory(parent=in_focus, title="Private on policy", topics=[policy]))
        titles = card_titles(client.get(in_focus.url + "topic/policy/"))
        assert "Draft on policy" not in titles
        assert "Private on policy" not in titles


class TestFeeds:
    @pytest.mark.parametrize("feed", ["feed/", "feed/atom/"])
    def test_each_language_lists_its_own_articles(self, client, in_focus, locales, feed):
        french = in_focus.get_translation(locales["fr"])
        parsed = feedparser.parse(client.get(french.url + feed).content)
        titles = {entry.title for entry in parsed.entries}
        assert site.ARTICLE["title"]["fr"] in titles
        assert site.ARTICLE["title"]["en"] not in titles
        assert "Rural spectrum rules" not in titles  # English only
        assert french.title in parsed.feed.title
        french_article = ArticlePage.objects.get(slug=site.ARTICLE["slug"], locale=locales["fr"])
        assert french_article.full_url in {entry.link for entry in parsed.entries}

    def test_private_articles_stay_out(self, client, in_focus):
        private(ArticlePageFactory(parent=in_focus, title="Board paper", date=datetime.date(2031, 1, 1)))
        titles = [entry.title for entry in feedparser.parse(client.get(in_focus.url + "feed/").content).entries]
        assert "Board paper" not in titles

    def test_an_entry_names_its_authors_and_topics(self, client, in_focus):
        parsed = feedparser.parse(client.get(in_focus.url + "feed/atom/").content)
        entry = next(entry for entry in parsed.entries if entry.title == site.ARTICLE["title"]["en"])
        assert entry.author == site.ARTICLE["author"][0]
        assert {tag.term for tag in entry.tags} == {Tag.objects.get(slug=slug).name for slug in site.ARTICLE["topics"]}
        assert entry.summary == site.ARTICLE["intro"]["en"]
        assert entry.link == ArticlePage.objects.get(slug=site.ARTICLE["slug"], locale=in_focus.locale).full_url

    def test_the_feed_describes_itself_with_the_index_introduction(self, client, in_focus):
        in_focus.intro = "Stories of women who lead in ICT."
        in_focus.save_revision().publish()
        parsed = feedparser.parse(client.get(in_focus.url + "feed/").content)
        assert parsed.feed.description == "Stories of women who lead in ICT."
        assert parsed.feed.link == in_focus.full_url

    def test_an_unpublished_index_has_no_feed(self, client, in_focus):
        url = in_focus.url
        ArticleIndexPage.objects.get(pk=in_focus.pk).unpublish()
        assert client.get(url + "feed/").status_code == 404
