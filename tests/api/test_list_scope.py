"""
Which pages an API list holds, now that its filters run on the model's own
rows: public pages of the asked site only, whatever the type or section, and
a count (kept in the shared cache, per endpoint) that follows publishing,
unpublishing and restricting at once, and no Last-Modified that would not.
"""

import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.http import http_date
from wagtail.models import Page, PageViewRestriction, Site

from tests.factories import ArticlePageFactory, HomePageFactory, StandardPageFactory

LISTS = ["/api/v2/pages/", "/api/v2/pages/?type=home.StandardPage", "/api/v2/pages/?type=articles.ArticlePage"]


def listed(client, url, **headers):
    """(ids of every item of `url`, its total_count)."""
    separator = "&" if "?" in url else "?"
    response = client.get(f"{url}{separator}limit=100", **headers)
    assert response.status_code == 200, response.content[:300]
    body = response.json()
    assert body["meta"]["total_count"] <= 100, "more items than one request shows"
    return {item["id"] for item in body["items"]}, body["meta"]["total_count"]


@pytest.fixture
def other_site(db):
    """A second site on its own host, with a live page of each kind the lists show."""
    home = HomePageFactory(parent=Page.get_first_root_node(), title="Other home", slug="other-home")
    Site.objects.create(hostname="other.example", port=80, root_page=home, site_name="Other")
    page = StandardPageFactory(parent=home, title="Other site page")
    return home, page


@pytest.mark.django_db
@pytest.mark.parametrize("url", LISTS)
def test_a_restricted_subtree_is_in_no_list_nor_count(client, home, url):
    section = StandardPageFactory(parent=home, title="Members' corner")
    inside = StandardPageFactory(parent=section, title="Inside the corner")
    beside = StandardPageFactory(parent=home, title="Next to the corner")
    before, before_total = listed(client, url)
    if "Article" not in url:
        assert {section.pk, inside.pk, beside.pk} <= before

    PageViewRestriction.objects.create(page=section, restriction_type="password", password="secret")  # noqa: S106

    after, total = listed(client, url)
    assert not {section.pk, inside.pk} & after
    if "Article" not in url:
        assert beside.pk in after
    assert total == len(after) == len(before - {section.pk, inside.pk})


@pytest.mark.django_db
def test_articles_under_a_restricted_section_are_not_listed_in_any_count(client, in_focus):
    hidden = ArticlePageFactory(parent=in_focus, title="Behind the login")
    before, before_total = listed(client, "/api/v2/articles/")
    assert hidden.pk in before

    PageViewRestriction.objects.create(page=in_focus, restriction_type="login")

    after, total = listed(client, "/api/v2/articles/")
    english = set(in_focus.get_children().values_list("pk", flat=True))
    assert hidden.pk in english
    assert not english & after
    assert after, "the other languages' articles are still public"
    assert total == len(after) == before_total - len(english & before)


@pytest.mark.django_db
@pytest.mark.parametrize("url", LISTS)
def test_each_site_lists_and_counts_only_its_own_pages(client, home, other_site, url):
    other_home, other_page = other_site
    ours, our_total = listed(client, url)
    theirs, their_total = listed(client, url, HTTP_HOST="other.example")

    other_pages = set(Page.objects.descendant_of(other_home, inclusive=True).values_list("pk", flat=True))
    assert not ours & other_pages
    assert theirs <= other_pages
    assert our_total == len(ours)
    assert their_total == len(theirs)
    if "Article" not in url:
        assert other_page.pk in theirs
        assert other_page.pk not in ours
        assert ours, "the default site lists its own pages"


@pytest.mark.django_db
def test_articles_of_another_site_are_not_listed(client, in_focus, other_site):
    ours, total = listed(client, "/api/v2/articles/")
    theirs, their_total = listed(client, "/api/v2/articles/", HTTP_HOST="other.example")
    assert ours
    assert total == len(ours)
    assert theirs == set()
    assert their_total == 0


@pytest.mark.django_db
def test_an_unpublished_parent_leaves_the_lists_and_their_count_at_once(client, home):
    parent = StandardPageFactory(parent=home, title="Parent to withdraw")
    before, before_total = listed(client, "/api/v2/pages/")
    assert parent.pk in before

    parent.unpublish()

    after, total = listed(client, "/api/v2/pages/")
    assert parent.pk not in after
    assert total == before_total - 1 == len(after)


@pytest.mark.django_db
def test_publishing_an_article_updates_the_kept_count(client, in_focus):
    draft = ArticlePageFactory(parent=in_focus, title="Fresh news", live=False)
    ids, total = listed(client, "/api/v2/articles/")
    assert draft.pk not in ids

    draft.save_revision().publish()

    ids, new_total = listed(client, "/api/v2/articles/")
    assert draft.pk in ids
    assert new_total == total + 1


@pytest.mark.django_db
@pytest.mark.parametrize("first", ["/api/v2/pages/", "/api/v2/articles/"])
def test_each_endpoint_keeps_its_own_count(client, in_focus, first):
    StandardPageFactory(parent=in_focus.get_parent(), title="Not an article")
    ArticlePageFactory(parent=in_focus, title="An article")
    listed(client, first)  # whichever is asked first, its count is not the other's
    pages, pages_total = listed(client, "/api/v2/pages/")
    articles, articles_total = listed(client, "/api/v2/articles/")
    assert articles_total == len(articles) < pages_total == len(pages)


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/api/v2/pages/?limit=100", "/api/v2/articles/?limit=100"])
def test_a_client_asking_if_modified_since_sees_a_withdrawn_article_go(client, in_focus, url):
    """A list has no date of its last change: no Last-Modified, so no 304 by date once an article leaves it."""
    article = ArticlePageFactory(parent=in_focus, title="Soon withdrawn")
    first = client.get(url)
    assert article.pk in {item["id"] for item in first.json()["items"]}
    assert not first.has_header("Last-Modified")

    article.unpublish()

    again = client.get(url, HTTP_IF_MODIFIED_SINCE=http_date(time.time() + 60))
    assert again.status_code == 200
    assert article.pk not in {item["id"] for item in again.json()["items"]}
    assert client.get(url, HTTP_IF_NONE_MATCH=again["ETag"]).status_code == 304


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/api/v2/pages/?limit=5", "/api/v2/articles/?limit=5"])
def test_a_second_list_does_not_count_every_page_again(client, in_focus, url):
    """Counting and MAX(last_published_at) read every public page: kept until a page changes."""
    first = client.get(url)
    with CaptureQueriesContext(connection) as captured:
        again = client.get(url)
    assert again.json() == first.json()
    whole_list = [q["sql"] for q in captured.captured_queries if "COUNT(" in q["sql"] or "MAX(" in q["sql"]]
    assert not whole_list
