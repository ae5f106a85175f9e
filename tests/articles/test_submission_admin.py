"""A reader's submission and its draft article point to each other in the admin."""

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache

from articles.models import ArticleSubmission
from tests.factories import ArticlePageFactory

from .conftest import submission_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(client, in_focus):
    cache.clear()
    response = client.post(in_focus.url + "submit/", submission_data(), REMOTE_ADDR="203.0.113.9")
    assert response.status_code == 302
    cache.clear()
    return ArticleSubmission.objects.get(title="Women shaping spectrum policy")


def test_draft_editor_shows_the_submission_in_a_side_panel(admin_client, submitted):
    content = admin_client.get(f"/admin/pages/{submitted.article_id}/edit/").content.decode()
    assert 'data-side-panel-toggle="submission"' in content
    assert 'data-side-panel="submission"' in content
    assert "canary-submitter@example.org" in content
    assert "Independent Communications Authority" in content
    assert f"/admin/snippets/articles/articlesubmission/inspect/{submitted.pk}/" in content


def test_editors_without_access_to_submissions_do_not_see_the_submitter(client, django_user_model, submitted):
    editor = django_user_model.objects.create_user("edith", "edith@example.org", "password")  # noqa: S106
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    response = client.get(f"/admin/pages/{submitted.article_id}/edit/")
    content = response.content.decode()
    assert "canary-submitter@example.org" not in content
    assert 'data-side-panel="submission"' not in content


def test_other_articles_have_no_submission_panel(admin_client, in_focus):
    article = ArticlePageFactory(parent=in_focus, title="Written by the editors")
    content = admin_client.get(f"/admin/pages/{article.pk}/edit/").content.decode()
    assert 'data-side-panel="submission"' not in content
    assert 'data-side-panel="status"' in content  # Wagtail's own panels are still there


def test_submission_list_links_to_the_draft(admin_client, submitted):
    content = admin_client.get("/admin/snippets/articles/articlesubmission/").content.decode()
    assert f'href="/admin/pages/{submitted.article_id}/edit/"' in content
    assert "Edit the draft article" in content
