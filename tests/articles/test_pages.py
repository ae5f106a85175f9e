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
from tests import site
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


@pytest.fixture
def two_topics():
    return Tag.objects.create(name="Topic A", slug="topic-a"), Tag.objects.create(name="Topic B", slug="topic-b")


@pytest.mark.django_db
class TestIndex:
    def test_newest_first_with_featured_article_on_top(self, client, in_focus):
        newest = ArticlePageFactory(parent=in_focus, title="The newest article", date=datetime.date(2030, 1, 1))
        response = client.get(in_focus.url)
        titles = card_titles(response)
        assert titles[0] == newest.title  # newest, featured
        assert titles[1] == site.ARTICLE["title"]["en"]  # the newest of the others
        assert len(titles) == 1 + 1 + len(site.MORE_ARTICLES)

    def test_twelve_per_page(self, client, in_focus):
        for n in range(24):
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

        existing = ArticlePage.objects.child_of(in_focus).count()
        for _n in range(13 - existing + 1):
            ArticlePageFactory(parent=in_focus, topics=[policy], date=datetime.date(2019, 1, 1))
        client.get(in_focus.url)  # the shared caches of a running site (site, language links)
        few = queries()  # page 2 holds a single article
        for _n in range(11):
            ArticlePageFactory(parent=in_focus, topics=[policy], date=datetime.date(2018, 1, 1))
        client.get(in_focus.url)  # publishing made the menus be read again
        many = queries()  # page 2 now holds twelve
        assert many == few

    def test_filter_by_topic_redirects_to_the_topic_archive(self, client, in_focus):
        response = client.get(in_focus.url, {"topic": "e-health"})
        assert response.status_code == 302
        assert response["Location"] == in_focus.url + "topic/e-health/"


@pytest.mark.django_db
class TestTopicArchive:
    def test_lists_only_articles_on_that_topic(self, client, in_focus, two_topics):
        topic, other = two_topics
        on_topic = ArticlePageFactory(parent=in_focus, title="On the topic", topics=[topic])
        ArticlePageFactory(parent=in_focus, title="Off the topic", topics=[other])
        assert card_titles(client.get(in_focus.url + f"topic/{topic.slug}/")) == [on_topic.title]

    def test_unknown_topic_is_404(self, client, in_focus):
        assert client.get(in_focus.url + "topic/no-such-topic/").status_code == 404

    def test_topic_labels_are_localised(self, client, french_in_focus):
        content = client.get(french_in_focus.url + "topic/e-health/").content.decode()
        assert site.TOPICS["e-health"]["fr"] in content
        assert site.ARTICLE["title"]["fr"] in content


@pytest.mark.django_db
class TestFeed:
    def test_rss_feed_parses_and_lists_live_articles_newest_first(self, client, in_focus):
        newest = ArticlePageFactory(parent=in_focus, title="The newest article", date=datetime.date(2030, 1, 1))
        ArticlePageFactory(parent=in_focus, title="Hidden draft", live=False)
        feed = feedparser.parse(client.get(in_focus.url + "feed/").content)
        assert not feed.bozo
        titles = [entry.title for entry in feed.entries]
        assert titles[:2] == [newest.title, site.ARTICLE["title"]["en"]]
        assert "Hidden draft" not in titles
        assert len(titles) == ArticlePage.objects.child_of(in_focus).live().count()

    def test_feed_holds_at_most_twenty_articles(self, client, in_focus):
        for _n in range(21):
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
        assert site.ARTICLE["title"]["ar"] in {entry.title for entry in feed.entries}


@pytest.fixture
def article(in_focus, policy):
    """An article by one author, dated, on one topic, translated into French and Russian."""
    page = ArticlePageFactory(
        parent=in_focus,
        title="Coding clubs that keep girls in ICT",
        slug="coding-clubs",
        date=datetime.date(2026, 4, 23),
        body=[("paragraph", rich_text_value("Clubs meet after school. " * 20))],
        authors=[("Amina Diallo", "Teacher")],
        topics=[policy],
    )
    translate_object(page, "fr", {page.title: "Des clubs de code pour les filles"})
    translate_object(page, "ru", {page.title: "Клубы программирования для девочек"})
    return page


@pytest.mark.django_db
class TestArticlePage:
    def test_byline_date_and_reading_time(self, client, article):
        content = client.get(article.url).content.decode()
        assert "Amina Diallo" in content
        assert "April 23, 2026" in content
        assert "1 minute read" in content

    def test_date_follows_the_readers_locale(self, client, article):
        assert "23 avril 2026" in client.get("/fr/in-focus/coding-clubs/").content.decode()
        assert "23 апреля 2026" in client.get("/ru/in-focus/coding-clubs/").content.decode()

    def test_json_ld_and_open_graph(self, client, article):
        content = client.get(article.url).content.decode()
        data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', content, re.S).group(1))
        assert data["@type"] == "Article"
        assert data["headline"] == "Coding clubs that keep girls in ICT"
        assert data["author"] == [{"@type": "Person", "name": "Amina Diallo"}]
        assert data["datePublished"] == "2026-04-23"
        assert '<meta property="og:type" content="article">' in content
        # Share links need no third-party script (the site's own, like the search box's, are fine).
        assert not re.search(r'<script[^>]+src="(https?:)?//', content)

    def test_topics_link_to_their_archives(self, client, article):
        content = client.get(article.url).content.decode()
        assert f'href="/en/in-focus/topic/policy/">{site.TOPICS["policy"]["en"]}</a>' in content

    def test_related_articles_share_topics(self, in_focus, two_topics):
        first, second = two_topics
        page = ArticlePageFactory(parent=in_focus, topics=[first, second])
        ArticlePageFactory(parent=in_focus, title="Shares one", topics=[first], date=datetime.date(2030, 1, 1))
        both = ArticlePageFactory(parent=in_focus, title="Shares both", topics=[first, second])
        ArticlePageFactory(parent=in_focus, title="Shares none")
        related = page.get_related_articles()
        assert related[0].pk == both.pk  # shares both topics, though older
        assert [r.title for r in related] == ["Shares both", "Shares one"]

    def test_chosen_related_articles_come_first(self, in_focus, two_topics):
        first, second = two_topics
        page = ArticlePageFactory(parent=in_focus, topics=[first, second])
        ArticlePageFactory(parent=in_focus, topics=[first, second])
        chosen = ArticlePageFactory(parent=in_focus, title="Chosen, on no shared topic")
        page.related_links.create(related=chosen)
        page.save_revision().publish()
        assert page.get_related_articles()[0].pk == chosen.pk

    def test_reading_time_counts_chinese_characters(self, in_focus):
        source = ArticlePageFactory(parent=in_focus, body=[("paragraph", rich_text_value("信息"))])
        article = translate_object(source, "zh-hans", {"信息": "信息"}).specific
        assert article.reading_time == 1
        article.body = [("paragraph", rich_text_value("信" * 1200))]
        del article.reading_time
        assert article.reading_time == 3


def rich_text_value(text):
    from wagtail.rich_text import RichText

    return RichText(f"<p>{text}</p>")


@pytest.mark.django_db
def test_dates_and_topics_follow_the_source_on_resync(in_focus, policy):
    e_health = Tag.objects.get(slug="e-health")
    article = ArticlePageFactory(parent=in_focus, title="Telemedicine in clinics", topics=[e_health])
    translate_object(article, "fr", {article.title: "La télémédecine dans les dispensaires"})
    article.date = datetime.date(2025, 12, 1)
    article.tags.add(policy)
    article.save_revision().publish()
    translate_object(article, "fr", {})
    french = article.get_translation(Page.objects.get(slug="in-focus", locale__language_code="fr").locale).specific
    assert french.date == datetime.date(2025, 12, 1)
    assert sorted(french.tags.slugs()) == ["e-health", "policy"]
    assert french.title == "La télémédecine dans les dispensaires"
