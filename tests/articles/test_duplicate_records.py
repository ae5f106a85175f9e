"""
An editor who adds a second record where the site allows one per language
(a topic's label, an event category's slug, a member's address) is told what
to change, in the admin's form, rather than getting a server error; nothing
is saved and the first record is unchanged.
"""

import pytest
from django.test import Client
from taggit.models import Tag

from articles.models import TopicLabel
from events.models import EventCategory
from members.models import Member

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(admin_user):
    client = Client(raise_request_exception=False)
    client.force_login(admin_user)
    return client


def test_a_second_label_for_a_topic_in_one_language_is_refused_with_a_reason(editor, policy):
    count = TopicLabel.objects.count()
    response = editor.post("/admin/snippets/articles/topiclabel/add/?locale=en", {"tag": policy.pk, "label": "Policy"})
    assert response.status_code == 200
    assert "already has a label in this language" in response.content.decode()
    assert TopicLabel.objects.count() == count


def test_a_label_for_a_new_topic_is_accepted(editor):
    tag = Tag.objects.create(name="Space", slug="space")
    response = editor.post("/admin/snippets/articles/topiclabel/add/?locale=en", {"tag": tag.pk, "label": "Space"})
    assert response.status_code == 302
    assert TopicLabel.objects.filter(tag=tag, locale__language_code="en").exists()


def test_relabelling_a_topic_keeps_its_one_label(editor, policy):
    label = TopicLabel.objects.get(tag=policy, locale__language_code="en")
    response = editor.post(
        f"/admin/snippets/articles/topiclabel/edit/{label.pk}/", {"tag": policy.pk, "label": "Public policy"}
    )
    assert response.status_code == 302
    assert TopicLabel.objects.get(tag=policy, locale__language_code="en").label == "Public policy"


def test_a_second_category_with_the_same_slug_in_one_language_is_refused(editor):
    count = EventCategory.objects.count()
    response = editor.post(
        "/admin/snippets/events/eventcategory/add/?locale=en", {"name": "Conferences", "slug": "conference"}
    )
    assert response.status_code == 200
    assert EventCategory.objects.count() == count
    assert EventCategory.objects.get(slug="conference", locale__language_code="en").name == "Conference"


def test_a_second_member_at_the_same_address_is_refused(editor):
    existing = Member.objects.filter(locale__language_code="en", listed=True).first()
    count = Member.objects.count()
    form = {
        "full_name": "Another Person",
        "slug": existing.slug,
        "sector": "government",
        "country": "KE",
        "languages_spoken": [],
        "expertise": "",
    }
    response = editor.post("/admin/snippets/members/member/add/?locale=en", form)
    assert response.status_code == 200
    assert Member.objects.count() == count
