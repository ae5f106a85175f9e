import html
import re

import pytest
from django.contrib.auth.models import Group
from django.utils.html import escape
from wagtail.models import Page, PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import AboutPage, HomePage, StandardPage
from tests import site
from tests.factories import MemberFactory, StandardPageFactory

LANGUAGES = {"ar": "rtl", "en": "ltr", "es": "ltr", "fr": "ltr", "ru": "ltr", "zh-hans": "ltr"}


def html_tag(response):
    return re.search(r"<html[^>]*>", response.content.decode()).group(0)


class TestPageTypeRules(WagtailPageTestCase):
    def test_home_page_sits_at_the_top_of_the_tree_only(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertCanNotCreateAt(HomePage, HomePage)

    def test_about_page_lives_under_home_and_holds_standard_pages(self):
        self.assertAllowedParentPageTypes(AboutPage, {HomePage})
        self.assertAllowedSubpageTypes(AboutPage, {StandardPage})

    def test_standard_pages_can_nest(self):
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanCreateAt(StandardPage, StandardPage)
        self.assertCanCreateAt(AboutPage, StandardPage)

    def test_only_one_about_page_per_home_page(self):
        home = HomePage.objects.get(locale__language_code="en", depth=2)
        assert not AboutPage.can_create_at(home)


class TestEditorCreatesPages(WagtailPageTestCase):
    def setUp(self):
        self.login()
        self.home = HomePage.objects.get(locale__language_code="en", depth=2)

    def test_editor_creates_a_standard_page_with_a_body(self):
        self.assertCanCreate(
            self.home,
            StandardPage,
            nested_form_data(
                {
                    "title": "Mentoring programme",
                    "slug": "mentoring",
                    "intro": "How members mentor young women in ICT.",
                    "body": streamfield(
                        [
                            ("heading", {"text": "How it works", "level": "h2"}),
                            ("paragraph", rich_text("<p>Each mentor meets her mentee monthly.</p>")),
                            ("quote", {"quote": "It changed my career.", "attribution": "A mentee"}),
                        ]
                    ),
                }
            ),
        )
        page = StandardPage.objects.get(slug="mentoring")
        assert page.locale.language_code == "en"
        assert [block.block_type for block in page.body] == ["heading", "paragraph", "quote"]


@pytest.mark.django_db
@pytest.mark.parametrize("language,direction", LANGUAGES.items())
@pytest.mark.parametrize("slug", ["", "about/"])
def test_each_page_renders_in_each_language_with_lang_and_dir(client, language, direction, slug):
    response = client.get(f"/{language}/{slug}")
    assert response.status_code == 200
    tag = html_tag(response)
    assert f'lang="{language}"' in tag
    assert f'dir="{direction}"' in tag


@pytest.mark.django_db
def test_standard_page_renders_its_body(client, home):
    page = StandardPageFactory(parent=home, title="Mentoring", intro="Mentors and mentees.")
    response = client.get(page.url)
    assert response.status_code == 200
    assert "Mentors and mentees." in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_about_page_shows_its_title_and_introduction_in_the_readers_language(client, language):
    content = client.get(f"/{language}/about/").content.decode()
    assert escape(site.TEXT["about"][language]) in content
    assert escape(site.TEXT["about_intro"][language]) in content


@pytest.mark.django_db
def test_root_redirects_by_accept_language(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ru,en;q=0.5")
    assert response.status_code == 302
    assert response["Location"] == "/ru/"


@pytest.mark.django_db
def test_home_page_lists_its_goals_in_french(client):
    content = client.get("/fr/").content.decode()
    assert escape(site.TEXT["goals_heading"]["fr"]) in content
    assert escape(site.TEXT["goal"]["fr"]) in content


@pytest.mark.django_db
class TestLanguageLinks:
    def test_switcher_and_hreflang_offer_every_live_translation(self, client):
        content = client.get("/en/about/").content.decode()
        for code in LANGUAGES:
            assert f'hreflang="{code}" href="http://testserver/{code}/about/"' in content
        assert 'hreflang="x-default"' in content

    def test_draft_translation_is_not_offered(self, client, home, locales):
        page = StandardPageFactory(parent=home, title="Policy notes", slug="policy-notes")
        french = page.copy_for_translation(locales["fr"], copy_parents=False)
        french.title = "Notes de politique"
        french.save_revision()  # a draft: never published
        content = client.get(page.url).content.decode()
        assert "/fr/policy-notes/" not in content
        assert client.get("/fr/policy-notes/").status_code == 404

    def test_private_translation_is_not_offered(self, client, home, locales):
        page = StandardPageFactory(parent=home, title="Board minutes", slug="board-minutes")
        spanish = page.copy_for_translation(locales["es"], copy_parents=False)
        spanish.save_revision().publish()
        PageViewRestriction.objects.create(page=spanish, restriction_type=PageViewRestriction.LOGIN)
        content = client.get(page.url).content.decode()
        assert "/es/board-minutes/" not in content


@pytest.mark.django_db
class TestNothingPrivateIsRendered:
    def test_draft_page_is_not_served(self, client, home):
        page = StandardPageFactory(parent=home, title="Unannounced award", slug="award", live=False)
        assert client.get("/en/award/").status_code == 404
        assert "Unannounced award" not in client.get("/en/").content.decode()
        assert page.url not in client.get("/sitemap.xml").content.decode()

    @pytest.mark.parametrize("restriction_type", ["password", "login", "groups"])
    def test_private_page_is_not_shown_to_anonymous_readers(self, client, home, restriction_type):
        page = StandardPageFactory(
            parent=home, title="Secretariat notes", slug="secretariat", intro="Confidential budget"
        )
        restriction = PageViewRestriction.objects.create(
            page=page,
            restriction_type=restriction_type,
            password="s3cret",  # noqa: S106
        )
        if restriction_type == "groups":
            restriction.groups.add(Group.objects.get(name="Editors"))
        response = client.get("/en/secretariat/")
        assert "Confidential budget" not in response.content.decode()
        assert response.status_code in (200, 302)  # the password form or a login redirect
        assert "/en/secretariat/" not in client.get("/sitemap.xml").content.decode()


@pytest.mark.django_db
def test_missing_translation_offers_the_languages_the_page_exists_in(client, home):
    StandardPageFactory(parent=home, title="Only in English", slug="only-english")
    response = client.get("/fr/only-english/")
    assert response.status_code == 404
    content = response.content.decode()
    assert 'href="/en/only-english/"' in content
    assert 'lang="fr"' in html_tag(response)


@pytest.mark.django_db
def test_navigation_follows_publishing_at_once(client):
    about = AboutPage.objects.get(locale__language_code="fr")
    assert 'href="/fr/about/"' in client.get("/fr/").content.decode()
    about.unpublish()
    assert 'href="/fr/about/"' not in client.get("/fr/").content.decode()
    about.get_latest_revision().publish()
    assert 'href="/fr/about/"' in client.get("/fr/").content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("language,direction", LANGUAGES.items())
def test_every_page_type_renders_in_every_language(client, home, language, direction):
    from home.translations import translate_object

    standard = StandardPageFactory(parent=home, title="Partners", slug="partners")
    if language != "en":
        translate_object(standard, language, {"Partners": f"Partners ({language})"})
    urls = [
        "",  # HomePage
        "about/",  # AboutPage
        "partners/",  # StandardPage
        "in-focus/",  # ArticleIndexPage
        f"in-focus/{site.ARTICLE['slug']}/",  # ArticlePage
        "events/",  # EventIndexPage
        f"events/{site.EVENT['conference']['slug']}/",  # EventPage
        "members/",  # MemberDirectoryPage
    ]
    for url in urls:
        response = client.get(f"/{language}/{url}")
        assert response.status_code == 200, url
        assert f'lang="{language}"' in html_tag(response) and f'dir="{direction}"' in html_tag(response), url


@pytest.mark.django_db
def test_byline_links_to_listed_member_profiles_only(client):
    from articles.models import ArticlePage

    article = ArticlePage.objects.get(slug=site.ARTICLE["slug"], locale__language_code="en")
    author = article.authors.first()
    author.member = MemberFactory(full_name="Byline Author")
    author.save()
    content = client.get(article.url).content.decode()
    assert 'href="/en/members/byline-author/" rel="author"' in content
    author.member.listed = False
    author.member.save()
    assert "/en/members/byline-author/" not in client.get(article.url).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_navigation_and_footer_speak_the_readers_language(client, language):
    content = client.get(f"/{language}/").content.decode()
    for key, slug in [("about", "about"), ("in_focus", "in-focus"), ("events", "events"), ("members", "members")]:
        label = re.escape(escape(site.TEXT[key][language]))
        assert re.search(rf'<a href="/{language}/{slug}/"[^>]*>\s*{label}\s*</a>', content), key
    assert site.TEXT["footer"][language] in html.unescape(content)


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_privacy_notice_is_served_under_about_in_each_language(client, language):
    response = client.get(f"/{language}/about/privacy/")
    assert response.status_code == 200
    assert escape(site.TEXT["privacy"][language]) in response.content.decode()
