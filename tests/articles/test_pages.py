import datetime
import json
import re

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from taggit.models import Tag
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from articles.models import ArticleIndexPage, ArticlePage
from home.models import HomePage, StandardPage
from home.translations import translate_object
from tests.factories import ArticlePageFactory


class TestArticlePageRules(WagtailPageTestCase):
    def test_index_lives_under_home_and_holds_only_articles(self):
        self.assertAllowedParentPageTypes(ArticleIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ArticleIndexPage, {ArticlePage})

    def test_articles_live_only_under_an_index(self):
        self.assertAllowedParentPageTypes(ArticlePage, {ArticleIndexPage})
        self.assertCanNotCreateAt(HomePage, ArticlePage)
        self.assertCanNotCreateAt(StandardPage, ArticlePage)

    def test_one_index_per_language_tree(self):
        english_home = HomePage.objects.get(locale__language_code="en", depth=2)
        assert not ArticleIndexPage.can_create_at(english_home)

    def test_editor_creates_an_article_with_authors_topics_and_body(self):
        self.login()
        index = ArticleIndexPage.objects.get(locale__language_code="en")
        self.assertCanCreate(
            index,
            ArticlePage,
            nested_form_data(
                {
                    "title": "A new broadband plan",
                    "slug": "broadband-plan",
                    "intro": "What the plan means for rural women.",
                    "body": streamfield([("paragraph", rich_text("<p>The plan connects every village.</p>"))]),
                    "authors": inline_formset([{"name": "Ruth Mensah", "role": "Regulator"}]),
                    "related_links": inline_formset([]),
                    "tags": "policy, e-government",
                    "date": "2026-05-01",
                }
            ),
        )
        article = ArticlePage.objects.get(slug="broadband-plan")
        assert [a.name for a in article.authors.all()] == ["Ruth Mensah"]
        assert sorted(article.tags.slugs()) == ["e-government", "policy"]
        assert article.display_date == datetime.date(2026, 5, 1)


def card_titles(response):
    return re.findall(r'class="card__title"><a href="[^"]+">([^<]+)</a>', response.content.decode())


@pytest.mark.django_db
class TestIndex:
    def test_newest_first_with_featured_article_on_top(self, client, in_focus):
        response = client.get(in_focus.url)
        titles = card_titles(response)
        assert titles[0] == "Girls in ICT Day 2026: a record year"  # newest, featured
        assert titles[1] == "Coding clubs that keep girls in ICT"
        assert len(titles) == 12

    def test_twelve_per_page(self, client, in_focus):
        for n in range(14):
            ArticlePageFactory(parent=in_focus, date=datetime.date(2020, 1, 1) + datetime.timedelta(days=n))
        first = client.get(in_focus.url)
        second = client.get(in_focus.url + "?page=2")
        assert len(card_titles(first)) == 13  # the featured article and 12 more
        assert len(card_titles(second)) == 12
        assert 'rel="next"' in first.content.decode()

    @pytest.mark.parametrize("value", ["abc", "0", "-1", "999", "1.5", "%00", "9" * 40])
    def test_bad_page_numbers_still_show_a_page(self, client, in_focus, value):
        response = client.get(in_focus.url, {"page": value})
        assert response.status_code == 200
        assert card_titles(response)

    def test_query_count_does_not_grow_with_the_number_of_articles(self, client, in_focus, policy):
        def queries():
            with CaptureQueriesContext(connection) as context:
                assert client.get(in_focus.url + "?page=2").status_code == 200
            return len(context.captured_queries)

        for _n in range(13):
            ArticlePageFactory(parent=in_focus, topics=[policy], date=datetime.date(2019, 1, 1))
        few = queries()  # page 2 holds a single article
        for _n in range(11):
            ArticlePageFactory(parent=in_focus, topics=[policy], date=datetime.date(2018, 1, 1))
        many = queries()  # page 2 now holds twelve
        assert many == few

    def test_filter_by_topic_redirects_to_the_topic_archive(self, client, in_focus):
        response = client.get(in_focus.url, {"topic": "e-health"})
        assert response.status_code == 302
        assert response["Location"] == in_focus.url + "topic/e-health/"


@pytest.mark.django_db
class TestTopicArchive:
    def test_lists_only_articles_on_that_topic(self, client, in_focus):
        titles = card_titles(client.get(in_focus.url + "topic/e-health/"))
        assert titles == ["Telemedicine brings specialists to rural clinics"]

    def test_unknown_topic_is_404(self, client, in_focus):
        assert client.get(in_focus.url + "topic/no-such-topic/").status_code == 404

    def test_topic_labels_are_localised(self, client, french_in_focus):
        content = client.get(french_in_focus.url + "topic/e-health/").content.decode()
        assert "Cybersanté" in content
        assert "La télémédecine amène les spécialistes" in content


@pytest.mark.django_db
class TestFeed:
    def test_rss_feed_parses_and_lists_live_articles_newest_first(self, client, in_focus):
        ArticlePageFactory(parent=in_focus, title="Hidden draft", live=False)
        feed = feedparser.parse(client.get(in_focus.url + "feed/").content)
        assert not feed.bozo
        titles = [entry.title for entry in feed.entries]
        assert titles[0] == "Girls in ICT Day 2026: a record year"
        assert "Hidden draft" not in titles
        assert len(titles) == 12

    def test_feed_holds_at_most_twenty_articles(self, client, in_focus):
        for _n in range(10):
            ArticlePageFactory(parent=in_focus)
        feed = feedparser.parse(client.get(in_focus.url + "feed/").content)
        assert len(feed.entries) == 20

    def test_atom_feed_in_arabic(self, client, in_focus, locales):
        arabic = in_focus.get_translation(locales["ar"])
        content = client.get(arabic.url + "feed/atom/").content
        feed = feedparser.parse(content)
        assert not feed.bozo
        assert feed.version == "atom10"
        assert b'xml:lang="ar"' in content
        assert {entry.title for entry in feed.entries} >= {
            "نوادي البرمجة التي تُبقي الفتيات في مجال تكنولوجيا المعلومات والاتصالات"
        }


@pytest.mark.django_db
class TestArticlePage:
    def test_byline_date_and_reading_time(self, client):
        content = client.get("/en/in-focus/coding-clubs-for-girls/").content.decode()
        assert "Amina Diallo" in content
        assert "April 23, 2026" in content
        assert "1 minute read" in content

    def test_date_follows_the_readers_locale(self, client):
        assert "23 avril 2026" in client.get("/fr/in-focus/coding-clubs-for-girls/").content.decode()
        assert "23 апреля 2026" in client.get("/ru/in-focus/coding-clubs-for-girls/").content.decode()

    def test_json_ld_and_open_graph(self, client):
        content = client.get("/en/in-focus/mobile-money-for-market-traders/").content.decode()
        data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', content, re.S).group(1))
        assert data["@type"] == "Article"
        assert data["headline"] == "Mobile money puts market traders in charge of their income"
        assert data["author"] == [{"@type": "Person", "name": "Grace Wanjiru"}]
        assert data["datePublished"] == "2026-03-10"
        assert '<meta property="og:type" content="article">' in content
        # Share links need no third-party script (the site's own, like the search box's, are fine).
        assert not re.search(r'<script[^>]+src="(https?:)?//', content)

    def test_topics_link_to_their_archives(self, client):
        content = client.get("/en/in-focus/telemedicine-in-rural-clinics/").content.decode()
        assert 'href="/en/in-focus/topic/e-health/">e-Health</a>' in content

    def test_related_articles_share_topics(self, client):
        page = ArticlePage.objects.get(slug="spectrum-policy-and-rural-access", locale__language_code="en")
        related = page.get_related_articles()
        assert related[0].slug == "broadband-markets-and-affordability"  # shares both topics
        assert all({t.slug for t in r.tags.all()} & {"policy", "telecommunication-market-development"} for r in related)

    def test_chosen_related_articles_come_first(self, client):
        page = ArticlePage.objects.get(slug="spectrum-policy-and-rural-access", locale__language_code="en")
        chosen = ArticlePage.objects.get(slug="digital-heritage-archives", locale__language_code="en")
        page.related_links.create(related=chosen)
        page.save_revision().publish()
        assert page.get_related_articles()[0].pk == chosen.pk

    def test_reading_time_counts_chinese_characters(self):
        article = ArticlePage.objects.get(slug="coding-clubs-for-girls", locale__language_code="zh-hans")
        assert article.reading_time == 1
        article.body = [("paragraph", rich_text_value("信" * 1200))]
        del article.reading_time
        assert article.reading_time == 3


def rich_text_value(text):
    from wagtail.rich_text import RichText

    return RichText(f"<p>{text}</p>")


@pytest.mark.django_db
def test_dates_and_topics_follow_the_source_on_resync():
    article = ArticlePage.objects.get(slug="telemedicine-in-rural-clinics", locale__language_code="en")
    article.date = datetime.date(2025, 12, 1)
    article.tags.add(Tag.objects.get(slug="policy"))
    article.save_revision().publish()
    translate_object(article, "fr", {})
    french = article.get_translation(Page.objects.get(slug="in-focus", locale__language_code="fr").locale).specific
    assert french.date == datetime.date(2025, 12, 1)
    assert sorted(french.tags.slugs()) == ["e-health", "policy", "technology-development"]
    assert french.title == "La télémédecine amène les spécialistes dans les dispensaires ruraux"
