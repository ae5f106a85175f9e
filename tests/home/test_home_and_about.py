"""The home page's hero and the About page's invitation to join, as editors set them and readers see them."""

import re

import pytest
from wagtail.models import Page

from home.models import AboutPage
from tests import site
from tests.factories import ImageFactory

pytestmark = pytest.mark.django_db


def content_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


class TestHero:
    def test_a_picture_without_its_own_description_is_described_by_the_image(self, client, home):
        home.hero_image = ImageFactory(description="Delegates in Geneva")
        home.hero_image_alt = ""
        home.save_revision().publish()
        hero = re.search(r'<section class="hero".*?</section>', content_of(client, "/en/"), re.S).group(0)
        assert 'alt="Delegates in Geneva"' in hero

    def test_the_more_link_leads_to_the_page_in_the_readers_language(self, client, home, locales):
        home.hero_link_label = "Learn about the Network"
        home.save_revision().publish()
        hero = re.search(r'<section class="hero".*?</section>', content_of(client, "/en/"), re.S).group(0)
        assert '<a href="/en/about/">Learn about the Network</a>' in hero

    def test_a_call_to_action_to_an_unpublished_page_is_not_offered(self, client, home, locales, in_focus):
        label = site.TEXT["submit"]["en"]
        assert label in content_of(client, "/en/")
        in_focus.unpublish()
        assert label not in content_of(client, "/en/")


class TestAboutPage:
    @pytest.fixture
    def about(self, locales):
        about = AboutPage.objects.get(locale=locales["en"])
        about.join_title = "Join the Network"
        about.join_text = "Decision makers in ICT are welcome."
        about.join_link_label = "Apply now"
        about.join_link_page = Page.objects.get(slug="members", locale=locales["en"])
        about.save_revision().publish()
        return about

    def test_invites_readers_to_join_with_a_link_to_the_directory(self, client, about):
        content = content_of(client, about.url)
        aside = re.search(r'<aside class="call-to-action".*?</aside>', content, re.S).group(0)
        assert "Join the Network" in aside
        assert "Decision makers in ICT are welcome." in aside
        assert '<a class="button" href="/en/members/">Apply now</a>' in aside

    def test_without_a_button_label_the_invitation_has_no_button(self, client, about):
        about.join_link_label = ""
        about.save_revision().publish()
        aside = re.search(r'<aside class="call-to-action".*?</aside>', content_of(client, about.url), re.S).group(0)
        assert "Join the Network" in aside
        assert "<a " not in aside

    def test_without_a_title_there_is_no_invitation(self, client, about):
        about.join_title = ""
        about.save_revision().publish()
        assert '<aside class="call-to-action"' not in content_of(client, about.url)
