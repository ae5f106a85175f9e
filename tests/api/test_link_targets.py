"""
The headless API gives no page an editor linked once readers may not see it:
a foreign key to a page (the home page's hero link, the About page's join
button, In Focus's featured article) came with the hidden page's title and
address; a stream's call to action or hero button came with its id and the
editor's label, which is often the page's title. Now a hidden page is null
and a block with nothing left to offer is left out, in detail and listings.
"""

import json

import pytest
from django.test import Client
from wagtail.models import Page, PageViewRestriction

from articles.models import ArticlePage
from events.models import EventPage
from home.models import AboutPage, HomePage
from tests import site as test_site
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def get(path, **params):
    response = Client().get(path, params)
    assert response.status_code == 200, (path, response.content[:300])
    return response.json()


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def restrict(page):
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


@pytest.fixture
def target(home):
    return publish(StandardPageFactory(parent=home, title="Briefing for partners", slug="briefing"))


def test_a_call_to_action_to_a_hidden_page_is_left_out_of_the_body(home, target):
    page = publish(
        StandardPageFactory(
            parent=home,
            slug="linking",
            body=[
                ("call_to_action", {"title": "Read the briefing", "button_label": "Open", "page": target}),
                (
                    "call_to_action",
                    {
                        "title": "Or the resolution",
                        "button_label": "ITU",
                        "page": target,
                        "url": "https://www.itu.int/",
                    },
                ),
            ],
        )
    )
    blocks = get(f"/api/v2/pages/{page.pk}/")["body"]
    assert [block["value"]["page"] for block in blocks] == [target.pk, target.pk]
    restrict(target)
    for body in (
        get(f"/api/v2/pages/{page.pk}/")["body"],
        get("/api/v2/pages/", type="home.StandardPage", slug="linking", fields="body")["items"][0]["body"],
    ):
        assert [block["value"]["title"] for block in body] == ["Or the resolution"]
        assert body[0]["value"]["page"] is None
        assert body[0]["value"]["url"] == "https://www.itu.int/"


def test_the_hero_leaves_out_a_hidden_page(home):
    event = EventPage.objects.get(slug=test_site.EVENT["observance"]["slug"], locale=home.locale)
    about = AboutPage.objects.get(locale=home.locale)
    data = get(f"/api/v2/pages/{home.pk}/")
    assert event.pk in [action["value"]["page"] for action in data["hero_actions"]]
    assert data["hero_link_page"]["id"] == about.pk
    restrict(event)
    about.unpublish()
    data = get(f"/api/v2/pages/{home.pk}/")
    text = json.dumps(data, ensure_ascii=False)
    assert event.title not in text  # the test site's button label is the event's title
    assert event.pk not in [action["value"]["page"] for action in data["hero_actions"]]
    assert len(data["hero_actions"]) == 2  # the other buttons stay
    assert data["hero_link_page"] is None
    assert about.title not in text


def test_the_join_button_leaves_out_a_hidden_directory(locales):
    about = AboutPage.objects.get(locale=locales["en"])
    directory = Page.objects.get(slug="members", locale=locales["en"])
    about.join_link_page = directory
    about.join_link_label = "Apply now"
    publish(about)
    assert get(f"/api/v2/pages/{about.pk}/")["join_link_page"]["title"] == directory.title
    PageViewRestriction.objects.create(page=directory, restriction_type=PageViewRestriction.PASSWORD, password="x")
    data = get(f"/api/v2/pages/{about.pk}/")
    assert data["join_link_page"] is None
    listed = get("/api/v2/pages/", type="home.AboutPage", locale="en", fields="join_link_page")["items"][0]
    assert listed["join_link_page"] is None


def test_a_withdrawn_featured_article_is_not_named(in_focus):
    article = ArticlePage.objects.child_of(in_focus).first()
    in_focus.featured_article = article
    publish(in_focus)
    assert get(f"/api/v2/pages/{in_focus.pk}/")["featured_article"]["title"] == article.title
    article.unpublish()
    data = get(f"/api/v2/pages/{in_focus.pk}/")
    assert data["featured_article"] is None
    assert article.title not in json.dumps(data, ensure_ascii=False)


def test_the_home_pages_in_every_language_leave_out_a_hidden_event(locales):
    event = EventPage.objects.get(slug=test_site.EVENT["observance"]["slug"], locale=locales["en"])
    translations = list(Page.objects.filter(translation_key=event.translation_key))
    for code in locales:
        home = HomePage.objects.get(depth=2, locale=locales[code])
        linked = [action["value"]["page"] for action in get(f"/api/v2/pages/{home.pk}/")["hero_actions"]]
        assert {page.pk for page in translations} & set(linked), code
    for translation in translations:
        restrict(translation)
    for code in locales:
        home = HomePage.objects.get(depth=2, locale=locales[code])
        linked = [action["value"]["page"] for action in get(f"/api/v2/pages/{home.pk}/")["hero_actions"]]
        assert not {page.pk for page in translations} & set(linked), code
        assert len(linked) == 2, code
