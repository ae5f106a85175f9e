"""Admin tidy-ups from the UX review: one search-log screen, notices written for editors, read-only submissions."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import ArticleSubmission

pytestmark = pytest.mark.django_db


def test_one_search_log_screen_in_the_admin_menu(admin_client):
    content = admin_client.get("/admin/").content.decode()
    assert "Search queries" in content  # ours, per language, in the main menu
    assert reverse("wagtailsearchpromotions:search_terms") not in content  # not a second one under Reports


def test_machine_translation_notice_does_not_show_server_settings(admin_client, settings):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
    content = admin_client.get("/admin/translations/").content.decode()
    assert "Machine translation is not set up" in content
    assert "DEEPL_API_KEY" not in content and "LIBRETRANSLATE_URL" not in content


def test_event_editor_does_not_show_the_raw_rule_help_above_the_picker(admin_client, home):
    from events.models import EventIndexPage

    index = EventIndexPage.objects.get(locale=home.locale)
    content = admin_client.get(reverse("wagtailadmin_pages:add", args=["events", "eventpage", index.pk])).content
    content = content.decode()
    assert "Repeats" in content  # the picker
    assert "FREQ=YEARLY" not in content


def test_editors_cannot_change_what_the_reader_submitted(admin_client):
    consented = timezone.now() - datetime.timedelta(days=2)
    submission = ArticleSubmission.objects.create(
        title="Rural broadband cooperatives",
        author_name="Reader Example",
        country="KE",
        email="reader@example.org",
        language="en",
        consented_at=consented,
    )
    url = reverse("wagtailsnippets_articles_articlesubmission:edit", args=[submission.pk])
    form = admin_client.get(url).content.decode()
    assert "reader@example.org" in form  # shown to the editor
    assert 'name="email"' not in form and 'name="consented_at"' not in form
    admin_client.post(url, {"email": "someone@else.example", "consented_at": "2020-01-01 00:00", "title": "Changed"})
    submission.refresh_from_db()
    assert submission.email == "reader@example.org"
    assert submission.consented_at == consented
    assert submission.title == "Rural broadband cooperatives"
