"""
In Focus from the editors' side of the admin, each journey ending where a
reader would notice it: a reader's submission approved into a live article,
a new topic labelled in French, the featured article chosen, and the
submissions list that editors search.
"""

import re

import feedparser
import pytest
from django.test import Client
from taggit.models import Tag
from wagtail.models import Workflow

from articles.models import ArticlePage, ArticleSubmission, TopicLabel
from home.translations import translate_object
from tests.articles.conftest import new_article_form, submission_data
from tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


def card_titles(content):
    return re.findall(r'class="card__title"><a href="[^"]+">([^<]+)</a>', content)


@pytest.fixture
def submitted(client, in_focus):
    response = client.post(in_focus.url + "submit/", submission_data(), REMOTE_ADDR="203.0.113.50")
    assert response.status_code == 302
    return ArticlePage.objects.get(title=submission_data()["title"])


def approve(admin_client, article):
    state = article.current_workflow_state
    assert state is not None and state.status == state.STATUS_IN_PROGRESS
    task_state = state.current_task_state
    response = admin_client.post(
        f"/admin/pages/workflow/action/{article.pk}/approve/{task_state.pk}/", {"comment": "Well written."}
    )
    assert response.status_code in (200, 302)
    article.refresh_from_db()
    return article


class TestSubmissionToPublication:
    def test_the_draft_is_in_the_in_focus_review(self, submitted):
        state = submitted.current_workflow_state
        assert state.workflow == Workflow.objects.get(name="In Focus review")
        assert not submitted.live

    def test_approving_publishes_it_for_readers_and_the_feed(self, admin_client, client, in_focus, submitted):
        article = approve(admin_client, submitted)
        assert article.live
        client.logout()
        assert client.get(article.url).status_code == 200
        assert article.title in card_titles(client.get(in_focus.url).content.decode())
        feed = feedparser.parse(client.get(in_focus.url + "feed/").content)
        assert article.title in [entry.title for entry in feed.entries]

    def test_the_published_article_names_the_submitter_but_not_her_address(
        self, admin_client, client, in_focus, submitted
    ):
        article = approve(admin_client, submitted)
        client.logout()
        content = client.get(article.url).content.decode()
        data = submission_data()
        assert data["author_name"] in content
        assert data["email"] not in content
        api = client.get(f"/api/v2/pages/{article.pk}/").content.decode()
        assert data["email"] not in api

    def test_asking_for_changes_keeps_it_from_readers(self, admin_client, client, submitted):
        task_state = submitted.current_workflow_state.current_task_state
        response = admin_client.post(
            f"/admin/pages/workflow/action/{submitted.pk}/reject/{task_state.pk}/", {"comment": "Please shorten."}
        )
        assert response.status_code in (200, 302)
        submitted.refresh_from_db()
        assert not submitted.live
        client.logout()
        assert client.get(submitted.get_url() or "/en/in-focus/" + submitted.slug + "/").status_code == 404


class TestSubmissionsList:
    def test_editors_find_a_submission_by_the_authors_name(self, admin_client, submitted):
        url = "/admin/snippets/articles/articlesubmission/"
        found = admin_client.get(url, {"q": "Mokoena"}).content.decode()
        assert submission_data()["title"] in found
        assert submission_data()["title"] not in admin_client.get(url, {"q": "Nobody-by-that-name"}).content.decode()

    def test_a_record_cannot_be_forged_through_the_admin(self, admin_user, submitted):
        editor = Client(raise_request_exception=False)
        editor.force_login(admin_user)
        count = ArticleSubmission.objects.count()
        response = editor.post("/admin/snippets/articles/articlesubmission/add/", {"title": "Forged"})
        assert response.status_code < 500
        assert ArticleSubmission.objects.count() == count


class TestTopicLabels:
    def test_a_new_topic_labelled_in_french_shows_its_french_label(self, admin_client, client, in_focus, locales):
        tag = Tag.objects.create(name="Open data", slug="open-data")
        english = admin_client.post(
            "/admin/snippets/articles/topiclabel/add/?locale=en", {"tag": tag.pk, "label": "Open data"}
        )
        assert english.status_code == 302
        french_index = in_focus.get_translation(locales["fr"])
        article = ArticlePageFactory(parent=french_index, title="Des données ouvertes", topics=[tag])
        before = client.get(article.url).content.decode()
        # Until it is translated, the English label stands in, marked as English.
        assert re.search(r'lang="en"[^>]*>Open data<', before)
        # The French team translates the label, as in wagtail-localize's editor.
        translate_object(TopicLabel.objects.get(tag=tag, locale=locales["en"]), "fr", {"Open data": "Données ouvertes"})
        client.logout()
        after = client.get(article.url).content.decode()
        assert "Données ouvertes" in after
        archive = client.get(f"{french_index.url}topic/open-data/").content.decode()
        assert "Données ouvertes" in archive
        assert card_titles(archive) == ["Des données ouvertes"]
        feed = feedparser.parse(client.get(f"{french_index.url}feed/").content)
        entry = next(entry for entry in feed.entries if entry.title == "Des données ouvertes")
        assert [tag.term for tag in entry.tags] == ["Données ouvertes"]


def test_the_editor_chooses_the_featured_article(admin_client, client, in_focus):
    older = ArticlePageFactory(parent=in_focus, title="An older favourite")
    older.date = older.date.replace(year=2001) if older.date else None
    older.save_revision().publish()
    form = {
        "title": in_focus.title,
        "slug": in_focus.slug,
        "intro": in_focus.intro,
        "featured_article": older.pk,
        "submission_intro": "",
        "terms": "",
        "action-publish": "publish",
    }
    response = admin_client.post(f"/admin/pages/{in_focus.pk}/edit/", form)
    assert response.status_code == 302, response.content.decode()[-2000:]
    client.logout()
    content = client.get(in_focus.url).content.decode()
    featured = content[
        content.index('class="featured"') : content.index("</section>", content.index('class="featured"'))
    ]
    assert "An older favourite" in featured
    assert card_titles(content).count("An older favourite") == 1


def test_the_editor_previews_an_article_she_has_not_saved(admin_client, in_focus):
    """The admin's preview of a new article, before its first save, shows it as readers will see it."""
    sibling = ArticlePageFactory(parent=in_focus, title="Already published")
    sibling.tags.add("open-data")
    sibling.save_revision().publish()
    url = f"/admin/pages/add/articles/articlepage/{in_focus.pk}/preview/"
    assert admin_client.post(url, new_article_form(tags="open-data")).json()["is_valid"]
    response = admin_client.get(url)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Not saved yet" in content and "Still being written." in content
    assert 'href="/en/in-focus/topic/open-data/"' in content
    assert not ArticlePage.objects.filter(slug="not-saved-yet").exists()
