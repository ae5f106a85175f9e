"""
In Focus pages keep each article card, which articles a page lists and the
related articles in the shared cache (articles.cards, home.page_cache
.remembered_many) even with the full-page cache off: a second reader reads
no card again, and every change a card shows reaches readers at once.
"""

import datetime
import re

import pytest
from taggit.models import Tag

from articles.models import ArticlePage, ArticleRelatedLink, TopicLabel
from home.translations import translate_object
from tests import site
from tests.factories import ArticlePageFactory, ImageFactory
from tests.reading import queries_of, read

LISTINGS = ["/en/in-focus/", "/en/in-focus/topic/policy/"]

pytestmark = pytest.mark.usefixtures("page_cache_off")


def article(language="en"):
    return ArticlePage.objects.get(slug=site.ARTICLE["slug"], locale__language_code=language)


def related_to(page):
    """A page (in `page`'s language) that shows `page` among its related articles."""
    for other in ArticlePage.objects.live().filter(locale=page.locale).exclude(pk=page.pk):
        if page in other.get_related_articles():
            return other
    raise AssertionError("no page shows it as related")


def card_pictures(html, name):
    """The addresses of the cards' cropped renditions of the picture `name`."""
    return set(re.findall(rf'[^"\s,]*/{name}\.[^"\s,]*fill-400x225[^"\s,]*', html))


def featured_card(html):
    start = html.index("card--featured")
    return html[start : html.index("</article>", start)]


def publish_title(page, title):
    page.title = title
    page.save_revision().publish()


@pytest.mark.django_db
class TestCardsAreKept:
    @pytest.mark.parametrize("url", [*LISTINGS, "/en/in-focus/?page=2"])
    def test_a_second_reader_reads_no_card_again(self, url):
        first = read(url)
        queries = queries_of(url)
        assert read(url) == first
        # Neither the articles' rows, nor their authors, topics or pictures.
        for table in ("articles_articlepage", "articles_articleauthor", "articles_articlepagetag", "rendition"):
            assert not [sql for sql in queries if table in sql], table

    def test_the_related_articles_are_not_chosen_again(self):
        url = related_to(article()).url
        first = read(url)
        queries = queries_of(url)
        assert read(url) == first
        assert not [sql for sql in queries if "articles_articlerelatedlink" in sql]

    def test_only_the_featured_article_is_marked_featured(self):
        html = read("/en/in-focus/")
        assert html.count("card--featured") == 1
        assert html.count('<article class="card') > 1


@pytest.mark.django_db
class TestCardsFollowChanges:
    def test_a_published_edit_shows_on_listings_and_related_articles(self):
        page = article()
        urls = [*LISTINGS, related_to(page).url]
        for url in urls:
            assert page.title in read(url), url
        publish_title(page, "Coding clubs, refreshed")
        for url in urls:
            assert "Coding clubs, refreshed" in read(url), url

    def test_an_unpublished_article_leaves_listings_and_related_articles(self):
        page = article()
        urls = [*LISTINGS, related_to(page).url]
        for url in urls:
            assert page.title in read(url), url
        page.unpublish()
        for url in urls:
            assert page.title not in read(url), url

    def test_a_new_article_is_listed_and_counted(self, in_focus, policy):
        before = read("/en/in-focus/topic/policy/")
        ArticlePageFactory(parent=in_focus, title="Spectrum for all", topics=[policy])
        after = read("/en/in-focus/topic/policy/")
        assert "Spectrum for all" not in before
        assert "Spectrum for all" in after

    def test_a_newly_featured_article_tops_page_one_at_once(self, in_focus):
        older = ArticlePageFactory(parent=in_focus, title="An older feature", date=datetime.date(2001, 1, 1))
        assert "An older feature" not in featured_card(read("/en/in-focus/"))
        in_focus.featured_article = older
        in_focus.save_revision().publish()
        assert "An older feature" in featured_card(read("/en/in-focus/"))

    def test_a_renamed_topic_shows_on_every_card(self, policy):
        english = TopicLabel.objects.get(tag=policy, locale__language_code="en")
        for url in LISTINGS:
            assert english.label in read(url), url
        english.label = "Public policy and regulation"
        english.save()
        for url in LISTINGS:
            assert read(url).count("Public policy and regulation") > 1, url

    def test_a_renamed_unlabelled_topic_shows_on_its_cards(self, in_focus):
        tag = Tag.objects.create(name="Satellites", slug="satellites")
        ArticlePageFactory(parent=in_focus, title="Orbits for schools", topics=[tag])
        assert ">Satellites<" in read("/en/in-focus/")
        tag.name = "Satellite links"
        tag.save()
        assert ">Satellite links<" in read("/en/in-focus/")

    def test_a_changed_picture_shows_on_its_cards(self, in_focus, policy):
        picture = ImageFactory(file__filename="focal-test.png")
        page = ArticlePageFactory(parent=in_focus, hero_image=picture, topics=[policy])
        urls = [*LISTINGS, related_to(page).url]
        before = {url: card_pictures(read(url), "focal-test") for url in urls}
        # A new focal point gives the cropped renditions new files.
        picture.focal_point_x, picture.focal_point_y = 10, 10
        picture.focal_point_width, picture.focal_point_height = 8, 8
        picture.save()
        for url in urls:
            after = card_pictures(read(url), "focal-test")
            assert before[url], url
            assert after, url
            assert not after & before[url], url

    def test_a_published_translation_is_listed_in_its_language(self, in_focus):
        page = ArticlePageFactory(parent=in_focus, title="Broadband in every village")
        assert "Haut débit dans chaque village" not in read("/fr/in-focus/")
        translate_object(page, "fr", {"Broadband in every village": "Haut débit dans chaque village"})
        assert "Haut débit dans chaque village" in read("/fr/in-focus/")

    def test_a_published_translation_replaces_a_chosen_related_article(self, in_focus):
        chosen = ArticlePageFactory(parent=in_focus, title="Broadband in every village")
        french = article("fr")
        french.related_links.add(ArticleRelatedLink(related=chosen))
        french.save_revision().publish()
        assert "Broadband in every village" in read(french.url)
        translate_object(chosen, "fr", {"Broadband in every village": "Haut débit dans chaque village"})
        html = read(french.url)
        assert "Haut débit dans chaque village" in html
        assert "Broadband in every village" not in html
