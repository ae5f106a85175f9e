"""
Links that editors chose (a body's call to action, the About page's join
button) never point readers at a page they may not see: one that was
unpublished, never published, deleted, or put behind a login or password
(on itself or a section above it). Before, the call to action kept the
hidden page's address and its own title, and a page in the page cache kept
showing the link after the target was hidden. Read here as a reader does,
with the page cache on.
"""

import re

import pytest
from django.test import Client
from wagtail.models import Page, PageViewRestriction
from wagtail.rich_text import RichText

from events.models import EventPage
from home.models import AboutPage
from tests import site as test_site
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

OBSERVANCE = test_site.EVENT["observance"]["slug"]
CTA_TITLE = "Read the briefing for partners"
BUTTON = "Open the briefing"


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def read(url):
    response = Client().get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def call_to_action(page, **extra):
    return (
        "call_to_action",
        {"title": CTA_TITLE, "text": "For partners.", "button_label": BUTTON, "page": page, **extra},
    )


def linking_page(parent, *blocks, slug="linking"):
    return publish(StandardPageFactory(parent=parent, title="Linking page", slug=slug, body=list(blocks)))


@pytest.fixture
def section(home):
    return publish(StandardPageFactory(parent=home, title="Partners' corner", slug="partners"))


@pytest.fixture
def target(section):
    return publish(StandardPageFactory(parent=section, title="Briefing for the 2027 assembly", slug="briefing"))


def unpublish(page):
    page.unpublish()


def restrict_login(page):
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


def restrict_password(page):
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="partners")


def restrict_section(page):
    PageViewRestriction.objects.create(page=page.get_parent(), restriction_type=PageViewRestriction.LOGIN)


def delete(page):
    page.delete()


HIDE = [unpublish, restrict_login, restrict_password, restrict_section, delete]


def assert_not_offered(html, url, title):
    assert url not in html
    assert title not in html
    assert CTA_TITLE not in html  # a call to action without a page to follow is left out
    assert BUTTON not in html


@pytest.mark.parametrize("hide", HIDE, ids=[hide.__name__ for hide in HIDE])
def test_a_call_to_action_stops_offering_a_page_once_it_is_hidden(home, target, hide):
    page = linking_page(home, call_to_action(target))
    url, title = target.url, target.title
    html = read(page.url)  # the page cache keeps it
    assert re.search(rf'href="{re.escape(url)}">{BUTTON}</a>', html)
    assert CTA_TITLE in html
    hide(target)
    html = read(page.url)
    assert_not_offered(html, url, title)
    assert "Linking page" in html


@pytest.mark.parametrize("hide", HIDE, ids=[hide.__name__ for hide in HIDE])
def test_a_call_to_action_in_an_article_stops_offering_a_hidden_page(in_focus, target, hide):
    from tests.factories import ArticlePageFactory

    article = publish(ArticlePageFactory(parent=in_focus, title="An article", body=[call_to_action(target)]))
    url, title = target.url, target.title
    assert url in read(article.url)
    hide(target)
    assert_not_offered(read(article.url), url, title)


def test_a_page_that_was_never_published_is_never_offered(home, section):
    draft = StandardPageFactory(parent=section, title="Draft strategy", slug="draft-strategy", live=False)
    page = linking_page(home, call_to_action(draft))
    assert_not_offered(read(page.url), f"/en/partners/{draft.slug}/", draft.title)


def test_a_page_offered_again_once_readers_may_see_it(home, target):
    page = linking_page(home, call_to_action(target))
    restriction = PageViewRestriction.objects.create(page=target, restriction_type=PageViewRestriction.LOGIN)
    assert target.url not in read(page.url)
    restriction.delete()
    assert target.url in read(page.url)


def test_a_hidden_page_gives_way_to_the_external_link_the_editor_gave(home, target):
    page = linking_page(home, call_to_action(target, url="https://www.itu.int/res70"))
    url = target.url
    restrict_login(target)
    html = read(page.url)
    assert url not in html
    assert 'href="https://www.itu.int/res70">Open the briefing</a>' in html


def test_other_blocks_are_kept_around_a_dropped_call_to_action(home, target):
    page = linking_page(
        home,
        ("heading", {"text": "Before the link", "level": "h2"}),
        call_to_action(target),
        ("heading", {"text": "After the link", "level": "h2"}),
    )
    restrict_login(target)
    html = read(page.url)
    assert "Before the link" in html and "After the link" in html
    assert "block-call_to_action" not in html  # no empty wrapper either


class TestEveryLanguage:
    """A call to action leads to the target's translation in the reader's language, only while it is public."""

    @pytest.fixture
    def event(self, locales):
        return EventPage.objects.get(slug=OBSERVANCE, locale=locales["en"])

    @pytest.fixture
    def pages(self, event, locales):
        return {
            code: linking_page(test_site.home_in(code), call_to_action(event), slug=f"linking-{code.lower()}")
            for code in locales
        }

    def test_each_language_links_its_own_translation(self, event, pages, locales):
        for code, page in pages.items():
            translation = event.get_translation(locales[code])
            assert re.search(rf'href="{re.escape(translation.url)}">{BUTTON}</a>', read(page.url)), code

    def test_no_language_links_a_hidden_event(self, event, pages, locales):
        urls = {code: event.get_translation(locales[code]).url for code in locales}
        for page in pages.values():
            read(page.url)  # kept in the page cache
        for translation in Page.objects.filter(translation_key=event.translation_key):
            restrict_login(translation)
        for code, page in pages.items():
            html = read(page.url)
            assert not any(url in html for url in urls.values()), code
            assert CTA_TITLE not in html, code

    def test_a_private_translation_is_not_offered_in_its_language(self, event, pages, locales):
        french = event.get_translation(locales["fr"])
        french_url = french.url
        read(pages["fr"].url)
        restrict_password(french)
        html = read(pages["fr"].url)
        assert french_url not in html
        assert french.title not in html
        # The page the editor chose is still public: French readers follow it.
        assert re.search(rf'href="{re.escape(event.url)}">{BUTTON}</a>', html)


class TestAboutPageJoinButton:
    @pytest.fixture
    def about(self, locales):
        about = AboutPage.objects.get(locale=locales["en"])
        about.join_link_label = "Apply now"
        about.join_link_page = Page.objects.get(slug="members", locale=locales["en"])
        return publish(about)

    @pytest.mark.parametrize("hide", [unpublish, restrict_login, restrict_password], ids=lambda hide: hide.__name__)
    def test_the_join_button_leaves_out_a_hidden_directory(self, about, hide):
        directory = about.join_link_page
        assert 'href="/en/members/">Apply now</a>' in read(about.url)
        hide(directory)
        html = read(about.url)
        assert "Apply now" not in html
        assert 'href="/en/members/"' not in html
        assert about.join_title in html  # the invitation itself stays


class TestPreview:
    """An editor's preview shows the links as readers will get them: public targets, not drafts or private pages."""

    def test_the_preview_keeps_links_to_public_pages_and_leaves_out_hidden_ones(self, home, target, section):
        draft = StandardPageFactory(parent=section, title="Draft strategy", slug="draft-strategy", live=False)
        page = linking_page(home)
        page.body = [call_to_action(target), call_to_action(draft, title="See the draft strategy")]
        response = page.make_preview_request()
        assert response.status_code == 200
        html = response.content.decode()
        assert re.search(rf'href="{re.escape(target.url)}">{BUTTON}</a>', html)
        assert "See the draft strategy" not in html
        assert "draft-strategy" not in html


class TestSearch:
    """The site search finds what readers see: not the words of a call to action left out for its hidden page."""

    @pytest.mark.parametrize("hide", HIDE, ids=[hide.__name__ for hide in HIDE])
    def test_the_words_of_a_dropped_call_to_action_are_not_found(self, home, target, hide):
        from search.query import search

        linking_page(home, call_to_action(target, title="Zanzibarite briefing"))
        assert search("zanzibarite", "en").total == 1
        hide(target)
        assert search("zanzibarite", "en").total == 0

    def test_they_are_found_again_once_the_page_is_public(self, home, target):
        from search.query import search

        linking_page(home, call_to_action(target, title="Zanzibarite briefing"))
        restriction = PageViewRestriction.objects.create(page=target, restriction_type=PageViewRestriction.LOGIN)
        assert search("zanzibarite", "en").total == 0
        restriction.delete()
        assert search("zanzibarite", "en").total == 1

    def test_a_page_never_published_lends_its_link_no_words(self, home, section):
        from search.query import search

        draft = StandardPageFactory(parent=section, title="Draft strategy", slug="draft-strategy", live=False)
        linking_page(home, call_to_action(draft, title="Zanzibarite strategy"))
        assert search("zanzibarite", "en").total == 0


class TestRichTextLinks:
    """A link to a page inside a paragraph keeps its words but loses the hidden page's address."""

    @pytest.mark.parametrize("hide", HIDE, ids=[hide.__name__ for hide in HIDE])
    def test_a_paragraphs_link_to_a_hidden_page_has_no_address(self, home, target, hide):
        paragraph = RichText(f'<p>See <a linktype="page" id="{target.pk}">our notes for partners</a>.</p>')
        page = linking_page(home, ("paragraph", paragraph))
        url = target.url
        assert f'<a href="{url}">our notes for partners</a>' in read(page.url)
        hide(target)
        html = read(page.url)
        assert url not in html
        assert "See <a>our notes for partners</a>." in html

    def test_each_language_links_its_own_translation(self, locales):
        event = EventPage.objects.get(slug=OBSERVANCE, locale=locales["en"])
        paragraph = RichText(f'<p>Mark <a linktype="page" id="{event.pk}">the day</a>.</p>')
        for code in locales:
            page = linking_page(test_site.home_in(code), ("paragraph", paragraph), slug=f"notes-{code.lower()}")
            assert f'<a href="{event.get_translation(locales[code]).url}">the day</a>' in read(page.url), code
