"""
The home page rendered with nothing in the shared cache, then from its stored
sections: the renditions of every picture it shows (the hero's and the
sections' cards') are read in one query either way, and the sections find
their indexes among the home page's children.
"""

import datetime
import re

import pytest
from django.core.cache import cache
from wagtail.models import PageViewRestriction

from events.models import EventPage
from tests import site
from tests.factories import ArticlePageFactory, ImageFactory
from tests.reading import queries_of, read

pytestmark = pytest.mark.usefixtures("page_cache_off")


def rendition_queries(url):
    return [sql for sql in queries_of(url) if sql.startswith('SELECT "wagtailimages_rendition"')]


def section(html, title):
    start = html.index(f">{title}</h2>")
    return html[start : html.index("</section>", start)]


@pytest.mark.django_db
class TestPictures:
    def test_every_picture_has_its_renditions_read_in_one_query(self, in_focus):
        for n in range(3):
            ArticlePageFactory(
                parent=in_focus,
                title=f"Pictured {n}",
                hero_image=ImageFactory(title=f"pictured-{n}"),
                date=datetime.date(2035, 1, 1 + n),
            )
        read("/en/")  # makes the new pictures' renditions
        cache.clear()
        assert len(rendition_queries("/en/")) == 1

    def test_stored_sections_still_show_their_pictures_in_one_query(self, in_focus):
        ArticlePageFactory(
            parent=in_focus,
            title="With a picture",
            hero_image=ImageFactory(title="with-picture"),
            date=datetime.date(2035, 1, 1),
        )
        first = read("/en/")
        # The sections now come from the shared cache, the page is rendered again.
        assert len(rendition_queries("/en/")) == 1
        again = read("/en/")
        assert again == first
        latest = section(again, "Latest from In Focus")
        assert "With a picture" in latest
        assert re.search(r"fill-400x225", latest)


@pytest.mark.django_db
class TestSectionIndexes:
    def test_a_withdrawn_index_takes_its_section_away_and_leaves_the_others(self, in_focus):
        assert "Latest from In Focus" in read("/en/")
        in_focus.unpublish()
        html = read("/en/")
        assert "Latest from In Focus" not in html
        assert "Upcoming events" in html

    def test_each_language_finds_its_own_index(self, in_focus, locales):
        french = in_focus.get_translation(locales["fr"])
        html = read("/fr/")
        assert f'href="{french.url}"' in html
        assert f'href="{in_focus.url}"' not in html


@pytest.mark.django_db
class TestHeroButtonsInTheReadersLanguage:
    """The hero's buttons, found with whether readers may see them in one query (HomePage.hero_targets)."""

    @pytest.fixture
    def event(self, home, locales):
        """The test site's event a hero button links to."""
        event = EventPage.objects.get(slug=site.EVENT["observance"]["slug"], locale=locales["en"])
        assert any(action.value["page"].pk == event.pk for action in home.hero_actions)
        return event

    def hero(self, url):
        return re.search(r'<section class="hero".*?</section>', read(url), re.S).group(0)

    def test_a_french_reader_is_sent_to_the_french_page(self, event, locales):
        hero = self.hero("/fr/")
        assert f'href="{event.get_translation(locales["fr"]).url}"' in hero
        assert f'href="{event.url}"' not in hero

    def test_a_withdrawn_translation_takes_its_button_away_for_its_readers_only(self, event, locales):
        french = event.get_translation(locales["fr"])
        french.unpublish()
        assert f'href="{french.url}"' not in self.hero("/fr/")
        assert f'href="{event.url}"' not in self.hero("/fr/")
        assert f'href="{event.url}"' in self.hero("/en/")

    def test_a_restricted_translation_is_not_offered(self, event, locales):
        french = event.get_translation(locales["fr"])
        PageViewRestriction.objects.create(page=french, restriction_type=PageViewRestriction.LOGIN)
        assert f'href="{french.url}"' not in self.hero("/fr/")

    def test_an_untranslated_page_is_offered_in_its_own_language(self, event, locales):
        event.get_translation(locales["fr"]).delete()
        assert f'href="{event.url}"' in self.hero("/fr/")
