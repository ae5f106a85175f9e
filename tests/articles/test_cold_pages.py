"""
In Focus pages rendered with nothing in the shared cache: what a card, the
topic list and the article page show is read once for the whole page (the
featured card with the others, topic labels with the topics), and merging
those reads keeps every card in the reader's language and in its place.
"""

import datetime
import math
import re

import pytest
from taggit.models import Tag

from articles.models import ARTICLES_PER_PAGE, ArticleIndexPage, TopicLabel
from tests import site
from tests.factories import ArticlePageFactory
from tests.reading import queries_of, read

pytestmark = pytest.mark.usefixtures("page_cache_off")

ARTICLE_URL = f"/en/in-focus/{site.ARTICLE['slug']}/"


def card_titles(html):
    return re.findall(r'class="card__title"><a href="[^"]*">([^<]*)</a>', html)


def featured_card(html):
    start = html.index("card--featured")
    return html[start : html.index("</article>", start)]


def reads_topics(sql):
    """A query of topics themselves (of an article or its cards), not of pages filtered by topic."""
    return re.match(r'SELECT (DISTINCT )?\(?"(taggit_tag|articles_articlepagetag)"', sql) is not None


def reads_labels_on_their_own(sql):
    return sql.startswith('SELECT "articles_topiclabel"')


@pytest.fixture
def unlabelled_in_french(locales):
    """A topic labelled in English only (its tag's name is neither label)."""
    tag = Tag.objects.create(name="satellites-tag", slug="satellites")
    TopicLabel.objects.create(tag=tag, locale=locales["en"], label="Satellite links")
    return tag


@pytest.fixture
def french_pair(french_in_focus, policy, unlabelled_in_french):
    """Two French articles sharing topics, so that each shows the other as related."""
    first = ArticlePageFactory(
        parent=french_in_focus, title="Premier article", topics=[policy], date=datetime.date(2031, 1, 2)
    )
    second = ArticlePageFactory(
        parent=french_in_focus,
        title="Second article",
        topics=[policy, unlabelled_in_french],
        date=datetime.date(2031, 1, 1),
    )
    return first, second


@pytest.mark.django_db
class TestReadOnceForThePage:
    def test_the_featured_card_and_the_others_read_their_authors_together(self):
        queries = queries_of("/en/in-focus/")
        assert len([sql for sql in queries if "articles_articleauthor" in sql]) == 1

    @pytest.mark.parametrize("url", ["/en/in-focus/", "/en/in-focus/topic/policy/", ARTICLE_URL])
    def test_topic_labels_are_read_with_the_topics(self, url):
        assert not [sql for sql in queries_of(url) if reads_labels_on_their_own(sql)]

    def test_an_article_and_its_related_cards_read_their_topics_together(self):
        assert len([sql for sql in queries_of(ARTICLE_URL) if reads_topics(sql)]) == 1


@pytest.mark.django_db
class TestCardsStayRight:
    def test_french_cards_and_topic_list_show_french_labels(self, french_in_focus):
        html = read(french_in_focus.url)
        assert html.count(site.TOPICS["policy"]["fr"]) > 1  # the topic list and the cards
        assert site.TOPICS["e-health"]["fr"] in html
        assert site.TOPICS["policy"]["en"] not in html

    def test_arabic_topic_archive_names_its_topic_in_arabic(self, in_focus, locales):
        arabic = in_focus.get_translation(locales["ar"])
        html = read(arabic.url + "topic/policy/")
        assert f"<title>{site.TOPICS['policy']['ar']}" in html
        assert site.TOPICS["e-health"]["ar"] in html  # the shared article's card

    def test_a_topic_no_article_has_is_still_named_in_the_readers_language(self, french_in_focus, locales):
        tag = Tag.objects.create(name="drones-tag", slug="drones")
        TopicLabel.objects.create(tag=tag, locale=locales["en"], label="Drones")
        TopicLabel.objects.create(tag=tag, locale=locales["fr"], label="Les drones")
        assert "<title>Les drones" in read(french_in_focus.url + "topic/drones/")

    def test_related_cards_and_the_article_show_labels_in_its_language(self, french_pair):
        first, second = french_pair
        html = read(first.url)
        related = html[html.index('<article class="card') :]
        assert "Second article" in related
        assert site.TOPICS["policy"]["fr"] in related
        # Not translated yet: the English label, marked as English.
        assert 'lang="en" dir="ltr">Satellite links</a>' in related
        assert "satellites-tag" not in html
        assert 'lang="en" dir="ltr">Satellite links</a>' in read(second.url)

    def test_an_untranslated_label_is_marked_on_listing_cards_and_topic_list(self, french_pair, french_in_focus):
        html = read(french_in_focus.url)
        assert html.count('lang="en" dir="ltr">Satellite links</a>') == 2  # the topic list and the card

    def test_a_chosen_featured_article_is_on_top_of_page_one_and_in_no_list(self, in_focus):
        for day in range(ARTICLES_PER_PAGE + 2):
            ArticlePageFactory(parent=in_focus, title=f"Recent {day}", date=datetime.date(2031, 1, 1 + day))
        oldest = ArticlePageFactory(parent=in_focus, title="Old but chosen", date=datetime.date(1999, 1, 1))
        in_focus.featured_article = oldest
        in_focus.save_revision().publish()
        live = ArticleIndexPage.objects.get(pk=in_focus.pk).articles().count()
        # The featured article is on none of the pages' lists.
        pages = [
            read(f"/en/in-focus/?page={number}") for number in range(1, math.ceil((live - 1) / ARTICLES_PER_PAGE) + 1)
        ]
        assert "Old but chosen" in featured_card(pages[0])
        listed = [title for html in pages for title in card_titles(html)]
        assert listed.count("Old but chosen") == 1
        assert len(listed) == len(set(listed)) == live

    def test_the_newest_article_is_featured_when_none_is_chosen(self, in_focus):
        ArticlePageFactory(parent=in_focus, title="Brand new", date=datetime.date(2035, 1, 1))
        html = read("/en/in-focus/")
        assert "Brand new" in featured_card(html)
        assert card_titles(html).count("Brand new") == 1
