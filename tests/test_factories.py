"""
The factories build what a test asks for: a draft stays a draft whatever
related data (topics, authors) it is given, so tests of "drafts never leak"
really test a draft.
"""

import pytest

from articles.models import ArticlePage
from tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "related",
    [{"topics": "policy"}, {"authors": [("Amina Diallo", "Editor")]}, {"topics": "policy", "authors": [("A", "B")]}],
    ids=["topics", "authors", "both"],
)
def test_a_draft_built_with_related_data_stays_a_draft(client, in_focus, policy, related):
    if "topics" in related:
        related = {**related, "topics": [policy]}
    draft = ArticlePageFactory(parent=in_focus, title="Unpublished findings", live=False, **related)

    stored = ArticlePage.objects.get(pk=draft.pk)
    assert not stored.live
    assert stored.live_revision is None
    assert client.get(f"{in_focus.url}{draft.slug}/").status_code == 404
    assert "Unpublished findings" not in client.get("/api/v2/pages/", {"type": "articles.ArticlePage"}).content.decode()
    # What it was given is kept, on the page and on its draft revision.
    if "topics" in related:
        assert list(stored.tags.values_list("slug", flat=True)) == ["policy"]
        assert [tag.slug for tag in stored.get_latest_revision_as_object().tags.all()] == ["policy"]
    if "authors" in related:
        assert stored.authors.count() == len(related["authors"])


def test_a_live_article_with_topics_is_published_with_them(client, in_focus, policy):
    article = ArticlePageFactory(parent=in_focus, title="Published findings", topics=[policy])
    stored = ArticlePage.objects.get(pk=article.pk)
    assert stored.live and stored.live_revision is not None
    assert list(stored.tags.values_list("slug", flat=True)) == ["policy"]
    assert client.get(article.url).status_code == 200
