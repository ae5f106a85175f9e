"""
The In Focus review, moderated per language (LanguageGroupApprovalTask): an
article waiting for review appears on the dashboard of the moderators of its
own language only; they open, lock and approve it, and it goes live; a
moderator of another language sees no action, cannot open its editor and
cannot approve it; a superuser may act in every language.
"""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Workflow

from articles.models import ArticleIndexPage
from tests.factories import ArticlePageFactory
from translation_workflow.models import LanguageGroupApprovalTask
from translation_workflow.teams import moderators_group_name


def moderator(django_user_model, username, locale):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "password")  # noqa: S106
    user.groups.add(Group.objects.get(name=moderators_group_name(locale)))
    return user


@pytest.fixture
def arabic_article_in_review(home, locales):
    index = ArticleIndexPage.objects.child_of(home.get_translation(locales["ar"])).get()
    article = ArticlePageFactory(parent=index, title="النساء في قيادة الاتصالات", live=False)
    article.save_revision()
    state = Workflow.objects.get(name="In Focus review").start(article, user=None)
    return article, state.current_task_state


@pytest.fixture
def amal(django_user_model, locales):
    return moderator(django_user_model, "amal", locales["ar"])


@pytest.fixture
def margaux(django_user_model, locales):
    return moderator(django_user_model, "margaux", locales["fr"])


def approve(client, article, task_state):
    return client.post(f"/admin/pages/workflow/action/{article.pk}/approve/{task_state.pk}/", {"comment": ""})


@pytest.mark.django_db
class TestModeratorOfTheLanguage:
    def test_the_article_waits_on_her_dashboard_not_on_another_languages(
        self, client, arabic_article_in_review, amal, margaux
    ):
        article, _task_state = arabic_article_in_review
        client.force_login(amal)
        assert article.title in client.get("/admin/").content.decode()
        client.force_login(margaux)
        assert article.title not in client.get("/admin/").content.decode()

    def test_she_opens_and_approves_it_and_readers_see_it(self, client, arabic_article_in_review, amal):
        article, task_state = arabic_article_in_review
        client.force_login(amal)
        assert client.get(f"/admin/pages/{article.pk}/edit/").status_code == 200
        response = approve(client, article, task_state)
        assert response.status_code in (200, 302)
        article.refresh_from_db()
        assert article.live
        assert client.get(article.url).status_code == 200

    def test_her_task_offers_approve_and_reject(self, arabic_article_in_review, amal):
        article, task_state = arabic_article_in_review
        task = task_state.task.specific
        assert isinstance(task, LanguageGroupApprovalTask)
        actions = {name for name, _label, _modal in task.get_actions(article, amal)}
        assert {"approve", "reject"} <= actions
        assert not task.locked_for_user(article, amal)
        assert task.user_can_lock(article, amal)


@pytest.mark.django_db
class TestModeratorOfAnotherLanguage:
    def test_she_cannot_approve_lock_or_edit_it(self, client, arabic_article_in_review, margaux):
        article, task_state = arabic_article_in_review
        task = task_state.task.specific
        assert task.get_actions(article, margaux) == []
        assert task.locked_for_user(article, margaux)
        assert not task.user_can_lock(article, margaux)
        assert not task.user_can_access_editor(article, margaux)
        client.force_login(margaux)
        approve(client, article, task_state)
        article.refresh_from_db()
        assert not article.live

    def test_an_editor_outside_the_moderators_cannot_approve(self, client, arabic_article_in_review, django_user_model):
        article, task_state = arabic_article_in_review
        editor = django_user_model.objects.create_user("edith", "edith@example.org", "password")  # noqa: S106
        editor.groups.add(Group.objects.get(name="Editors"))
        assert task_state.task.specific.get_actions(article, editor) == []
        client.force_login(editor)
        approve(client, article, task_state)
        article.refresh_from_db()
        assert not article.live


@pytest.mark.django_db
def test_a_superuser_approves_in_any_language(admin_client, admin_user, arabic_article_in_review):
    article, task_state = arabic_article_in_review
    assert task_state.task.specific.get_actions(article, admin_user)
    approve(admin_client, article, task_state)
    article.refresh_from_db()
    assert article.live


@pytest.mark.django_db
def test_the_task_type_is_described_to_administrators_who_build_workflows(admin_client):
    response = admin_client.get(reverse("wagtailadmin_workflows:select_task_type"))
    assert response.status_code == 200
    text = response.content.decode()
    assert str(LanguageGroupApprovalTask.get_description()) in text
