"""
The translation dashboard for pages translated by hand (copied into a
language with Wagtail's "Translate" copy and edited there, without
wagtail-localize's editor): the copy counts as up to date, with no
percentage, until the original changes; then it is marked outdated since
that change and the translator is sent to review it by hand (there is
nothing to sync).
"""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Page

from tests.factories import StandardPageFactory
from translation_workflow.status import page_rows


def cell(rows, title, language):
    row = next(row for row in rows if row.label == title)
    return next(c for c in row.cells if c.language == language)


def hand_translated(page, locale, title):
    copy = page.copy_for_translation(locale)
    copy.title = title
    copy.save_revision().publish()
    return copy


@pytest.mark.django_db
class TestTranslatedByHand:
    def test_a_fresh_copy_is_up_to_date_without_a_percentage(self, home, locales):
        page = StandardPageFactory(parent=home, title="Cyber hygiene for all")
        russian = hand_translated(page, locales["ru"], "Кибергигиена для всех")
        ru = cell(page_rows(), "Cyber hygiene for all", "ru")
        assert ru.state == "up_to_date"
        assert ru.percent is None
        assert ru.action == "review"
        assert ru.translated_id == russian.pk
        assert f"/admin/pages/{russian.pk}/edit/" in ru.url

    def test_a_change_to_the_original_marks_the_copy_outdated_for_review(self, home, locales):
        page = StandardPageFactory(parent=home, title="Spectrum for women-led firms")
        hand_translated(page, locales["es"], "Espectro para empresas dirigidas por mujeres")
        # The original changes after the copy was made.
        later = timezone.now() + datetime.timedelta(minutes=5)
        page = Page.objects.get(pk=page.pk).specific
        page.intro = "Now with a section on satellite licences."
        revision = page.save_revision()
        revision.publish()
        Page.objects.filter(pk=page.pk).update(last_published_at=later)
        type(revision).objects.filter(pk=revision.pk).update(created_at=later)
        es = cell(page_rows(), "Spectrum for women-led firms", "es")
        assert es.state == "outdated"
        assert es.since is not None
        assert es.action == "review"
        assert "/admin/localize/update/" not in es.url

    def test_the_dashboard_shows_hand_translations_in_the_admin(self, admin_client, home, locales):
        page = StandardPageFactory(parent=home, title="Mentoring circles")
        hand_translated(page, locales["zh-hans"], "导师圈")
        html = admin_client.get("/admin/translations/", {"language": "zh-hans"}).content.decode()
        assert "Mentoring circles" in html
        assert 'data-language="zh-hans"' in html
