"""
The full-page cache for anonymous readers (home.page_cache): what is stored,
what never is, and that every kind of change reaches readers at once.
"""

import datetime

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from taggit.models import Tag

from articles.models import ArticleIndexPage, ArticlePage, TopicLabel
from events.models import EventCategory, EventPage
from home.models import AboutPage, FooterText, NavigationMenu, StandardPage
from members.models import Member
from tests import site

HEADER = "X-Page-Cache"

PAGES = [
    "/en/",
    "/ar/",
    "/zh-hans/",
    "/fr/about/",
    "/en/in-focus/",
    "/en/in-focus/?page=2",
    "/es/in-focus/topic/policy/",
    f"/en/in-focus/{site.ARTICLE['slug']}/",
    "/en/in-focus/feed/",
    "/en/events/",
    "/ru/events/?month=2027-04",
    "/en/events/past/",
    f"/en/events/{site.EVENT['observance']['slug']}/",
    "/en/members/",
    "/en/members/?sector=government",
    f"/en/members/{site.TRANSLATED_MEMBER_SLUG}/",
    "/en/members/map/",
]


@pytest.fixture
def reader():
    """An anonymous reader with no cookies."""
    return Client()


def fetch(reader, url):
    response = reader.get(url)
    assert response.status_code == 200, url
    return response


def text(response):
    return response.content.decode()


@pytest.mark.django_db
class TestWhatIsStored:
    @pytest.mark.parametrize("url", PAGES)
    def test_second_anonymous_request_is_a_hit_without_sql(self, reader, url, django_assert_num_queries):
        first = fetch(reader, url)
        assert first[HEADER] == "miss"
        with django_assert_num_queries(0):
            second = fetch(reader, url)
        assert second[HEADER] == "hit"
        assert second.content == first.content
        assert second["Content-Type"] == first["Content-Type"]

    def test_hit_keeps_the_security_headers(self, reader):
        first = fetch(reader, "/en/about/")
        second = fetch(reader, "/en/about/")
        for header in ("Content-Security-Policy", "X-Frame-Options", "Content-Language"):
            assert second[header] == first[header]

    def test_each_language_and_query_is_its_own_entry(self, reader):
        english = fetch(reader, "/en/in-focus/")
        french = fetch(reader, "/fr/in-focus/")
        assert french[HEADER] == "miss"
        assert 'lang="fr"' in text(french) and 'lang="en"' in text(english)
        assert fetch(reader, "/en/in-focus/?page=2")[HEADER] == "miss"

    def test_signed_in_users_are_never_served_or_stored(self, reader, admin_client):
        fetch(reader, "/en/about/")
        editor_view = fetch(admin_client, "/en/about/")
        assert HEADER not in editor_view
        assert "wagtail-userbar" in text(editor_view)
        again = fetch(admin_client, "/en/about/")
        assert HEADER not in again
        assert "wagtail-userbar" not in text(fetch(reader, "/en/about/"))

    @pytest.mark.parametrize("url", ["/en/in-focus/submit/", "/en/members/join/"])
    def test_forms_with_a_csrf_token_are_not_stored(self, reader, url):
        first = fetch(reader, url)
        assert first[HEADER] == "skip"
        assert 'name="csrfmiddlewaretoken"' in text(first)
        assert fetch(Client(), url)[HEADER] == "skip"

    def test_error_pages_are_not_stored(self, reader):
        assert reader.get("/en/no-such-page/").status_code == 404
        response = reader.get("/en/no-such-page/")
        assert response.status_code == 404
        assert response.get(HEADER) != "hit"

    def test_search_results_are_not_stored(self, reader):
        # Every search is logged (search.models.SearchQueryLog).
        fetch(reader, "/en/search/?q=ict")
        assert HEADER not in fetch(reader, "/en/search/?q=ict")

    def test_a_reader_with_a_session_is_not_served_from_the_cache(self, reader):
        fetch(reader, "/en/about/")
        reader.cookies["sessionid"] = "anything"
        assert HEADER not in fetch(reader, "/en/about/")

    def test_previews_do_not_reach_readers(self, reader, admin_client):
        about = AboutPage.objects.get(locale__language_code="en")
        fetch(reader, about.url)
        about.title = "Draft title nobody may see"
        about.save_revision()
        preview = admin_client.get(f"/admin/pages/{about.pk}/edit/preview/")
        assert preview.status_code in (200, 405)
        page = fetch(reader, about.url)
        assert page[HEADER] == "hit"
        assert "Draft title nobody may see" not in text(page)

    def test_private_pages_are_not_stored(self, reader):
        from wagtail.models import PageViewRestriction

        about = AboutPage.objects.get(locale__language_code="en")
        fetch(reader, about.url)
        PageViewRestriction.objects.create(page=about, restriction_type=PageViewRestriction.PASSWORD, password="x")
        response = reader.get(about.url)
        assert response.get(HEADER) != "hit"
        assert about.title not in text(response).split("<main", 1)[-1] or "password" in text(response).lower()
        assert reader.get(about.url).get(HEADER) != "hit"


def article(slug=site.ARTICLE["slug"], language="en"):
    return ArticlePage.objects.get(slug=slug, locale__language_code=language)


def publish_title(page, title):
    page.title = title
    page.save_revision().publish()
    return page


@pytest.mark.django_db
class TestPurging:
    def test_publishing_an_article_refreshes_it_its_index_topics_and_home(self, reader):
        page = article()
        tag = page.tags.first()
        urls = [page.url, "/en/in-focus/", f"/en/in-focus/topic/{tag.slug}/", "/en/", "/en/in-focus/feed/"]
        for url in urls:
            fetch(reader, url)
        publish_title(page, "Coding clubs, refreshed")
        for url in urls:
            response = fetch(reader, url)
            assert response[HEADER] == "miss", url
            assert "Coding clubs, refreshed" in text(response), url

    def test_publishing_leaves_unrelated_pages_stored(self, reader):
        unrelated = [
            f"/en/events/{site.EVENT['observance']['slug']}/",
            "/fr/about/",
            f"/en/members/{site.TRANSLATED_MEMBER_SLUG}/",
        ]
        for url in unrelated:
            fetch(reader, url)
        publish_title(article(), "Coding clubs, refreshed")
        for url in unrelated:
            assert fetch(reader, url)[HEADER] == "hit", url

    def test_related_articles_on_other_pages_follow_a_publish(self, reader):
        page = article()
        shown_on = [
            other.url
            for other in ArticlePage.objects.live().filter(locale=page.locale).exclude(pk=page.pk)
            if page in other.get_related_articles()
        ]
        assert shown_on
        fetch(reader, shown_on[0])
        publish_title(page, "Coding clubs, refreshed")
        assert "Coding clubs, refreshed" in text(fetch(reader, shown_on[0]))

    def test_unpublishing_removes_the_page_and_its_listings(self, reader):
        page = article()
        fetch(reader, page.url)
        fetch(reader, "/en/in-focus/")
        page.unpublish()
        assert reader.get(page.url).status_code == 404
        assert page.title not in text(fetch(reader, "/en/in-focus/"))

    def test_deleting_removes_the_page_and_its_listings(self, reader):
        page = article()
        url, title = page.url, page.title
        fetch(reader, url)
        fetch(reader, "/en/in-focus/")
        page.delete()
        assert reader.get(url).status_code == 404
        assert title not in text(fetch(reader, "/en/in-focus/"))

    def test_moving_a_page_serves_it_at_its_new_address_only(self, reader, home):
        about = AboutPage.objects.get(locale__language_code="en")
        child = StandardPage(title="Our history", slug="our-history", intro="Since 2011.")
        about.add_child(instance=child)
        child.save_revision().publish()
        old_url = child.url
        fetch(reader, old_url)
        child.move(home, pos="last-child")
        child.refresh_from_db()
        old = reader.get(old_url)
        assert old.status_code in (301, 404)  # Wagtail may leave a redirect behind
        assert old.get("Location", child.url) == child.url
        assert "Since 2011." in text(fetch(reader, child.url))

    def test_a_new_slug_moves_the_page_and_its_language_links(self, reader, locales):
        page = article()
        french = page.get_translation(locales["fr"])
        fetch(reader, french.url)
        page.slug = "coding-clubs-renamed"
        page.save_revision().publish()
        assert "/en/in-focus/coding-clubs-renamed/" in text(fetch(reader, french.url))

    def test_publishing_a_translation_adds_it_to_every_language_switcher(self, reader, locales):
        page = article()
        french = page.get_translation(locales["fr"])
        french.unpublish()
        assert f'href="{french.url}"' not in text(fetch(reader, page.url))
        french.get_latest_revision().publish()
        assert f'href="{french.url}"' in text(fetch(reader, page.url))

    def test_scheduled_publishing_reaches_readers(self, reader):
        page = article()
        fetch(reader, page.url)
        page.title = "Published on schedule"
        revision = page.save_revision(approved_go_live_at=timezone.now() - datetime.timedelta(minutes=1))
        assert revision.approved_go_live_at
        assert page.title not in text(fetch(reader, page.url))
        call_command("publish_scheduled", verbosity=0)
        assert "Published on schedule" in text(fetch(reader, page.url))

    def test_navigation_changes_reach_every_page_of_that_language(self, reader):
        fetch(reader, "/fr/about/")
        fetch(reader, "/en/about/")
        menu = NavigationMenu.objects.get(locale__language_code="fr")
        item = menu.items.first()
        item.link_label = "Nouvelle étiquette"
        item.save()
        assert "Nouvelle étiquette" in text(fetch(reader, "/fr/about/"))
        assert fetch(reader, "/en/about/")[HEADER] == "hit"

    def test_footer_changes_reach_readers(self, reader):
        fetch(reader, "/en/events/")
        footer = FooterText.objects.get(locale__language_code="en")
        footer.body = "<p>A new footer line</p>"
        footer.save()
        assert "A new footer line" in text(fetch(reader, "/en/events/"))

    def test_topic_label_changes_reach_articles_and_archives(self, reader):
        page = article()
        tag = page.tags.first()
        fetch(reader, page.url)
        fetch(reader, "/en/in-focus/")
        label = TopicLabel.objects.get(tag=tag, locale__language_code="en")
        label.label = "A relabelled topic"
        label.save()
        assert "A relabelled topic" in text(fetch(reader, page.url))
        assert "A relabelled topic" in text(fetch(reader, "/en/in-focus/"))

    def test_event_category_changes_reach_event_pages(self, reader):
        event = EventPage.objects.filter(locale__language_code="en", category__isnull=False).first()
        fetch(reader, event.url)
        category = EventCategory.objects.get(pk=event.category_id)
        category.name = "Renamed category"
        category.save()
        assert "Renamed category" in text(fetch(reader, event.url))

    def test_a_member_withdrawing_consent_disappears_at_once(self, reader):
        member = Member.objects.get(slug=site.TRANSLATED_MEMBER_SLUG, locale__language_code="en")
        profile = f"/en/members/{member.slug}/"
        fetch(reader, profile)
        assert member.full_name in text(fetch(reader, "/en/members/"))
        member.listed = False
        member.save()
        assert reader.get(profile).status_code == 404
        assert member.full_name not in text(fetch(reader, "/en/members/"))

    def test_a_bylines_profile_link_follows_the_members_consent(self, reader):
        member = Member.objects.get(slug=site.TRANSLATED_MEMBER_SLUG, locale__language_code="en")
        page = article()
        author = page.authors.first()
        author.member = member
        author.save()
        page.save_revision().publish()
        assert f'href="/en/members/{member.slug}/"' in text(fetch(reader, page.url))
        member.listed = False
        member.save()
        assert f'href="/en/members/{member.slug}/"' not in text(fetch(reader, page.url))

    def test_a_members_profile_changes_reach_her_profile(self, reader):
        member = Member.objects.get(slug=site.TRANSLATED_MEMBER_SLUG, locale__language_code="en")
        fetch(reader, f"/en/members/{member.slug}/")
        member.position = "Minister of Digital Affairs"
        member.save()
        assert "Minister of Digital Affairs" in text(fetch(reader, f"/en/members/{member.slug}/"))

    def test_renaming_a_topic_reaches_the_directory_and_articles(self, reader):
        tag = Tag.objects.get(slug="policy")
        TopicLabel.objects.filter(tag=tag).delete()
        fetch(reader, "/en/in-focus/")
        tag.name = "Renamed policy"
        tag.save()
        assert "Renamed policy" in text(fetch(reader, "/en/in-focus/"))

    def test_publishing_an_index_refreshes_its_articles_breadcrumb(self, reader):
        index = ArticleIndexPage.objects.get(locale__language_code="en")
        page = article()
        fetch(reader, page.url)
        publish_title(index, "In Focus magazine")
        assert "In Focus magazine" in text(fetch(reader, page.url))
