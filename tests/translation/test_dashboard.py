import pytest
from wagtail.models import Locale
from wagtail.rich_text import RichText
from wagtail_localize.models import StringSegment, StringTranslation

from home.models import AboutPage
from home.translations import translate_object
from tests import site
from tests.factories import StandardPageFactory
from translation_workflow.status import page_rows


def cell(rows, title, language):
    row = next(row for row in rows if row.label == title)
    return next(c for c in row.cells if c.language == language)


@pytest.mark.django_db
class TestTranslationStates:
    def test_missing_in_progress_up_to_date_and_outdated(self, home):
        page = StandardPageFactory(parent=home, title="Partnerships", intro="Who we work with.")
        page.body = [("paragraph", RichText("<p>First paragraph.</p>")), ("paragraph", RichText("<p>Second.</p>"))]
        page.save_revision().publish()
        translate_object(
            page,
            "fr",
            {
                "Partnerships": "Partenariats",
                "Who we work with.": "Nos partenaires.",
                "First paragraph.": "Premier paragraphe.",
                "Second.": "Deuxième.",
            },
        )
        translate_object(page, "es", {"Partnerships": "Alianzas"})  # only the title so far

        rows = page_rows()
        assert cell(rows, "Partnerships", "ar").state == "missing"
        assert cell(rows, "Partnerships", "ar").action == "translate"
        spanish = cell(rows, "Partnerships", "es")
        assert spanish.state == "in_progress" and 0 < spanish.percent < 100
        assert cell(rows, "Partnerships", "fr").state == "up_to_date"

        page.refresh_from_db()
        page.intro = "Who we work with, worldwide."
        page.save_revision().publish()
        french = cell(page_rows(), "Partnerships", "fr")
        assert french.state == "outdated"
        assert french.since is not None
        assert french.action == "sync" and "/admin/localize/update/" in french.url

    def test_dashboard_page_in_the_admin(self, admin_client):
        response = admin_client.get("/admin/translations/")
        assert response.status_code == 200
        content = response.content.decode()
        assert site.TEXT["about"]["en"] in content and 'data-state="up_to_date"' in content
        about = AboutPage.objects.get(locale__language_code="en")
        filtered = admin_client.get("/admin/translations/", {"section": about.pk, "language": "ar"})
        assert 'data-language="ar"' in filtered.content.decode()
        assert 'data-language="fr"' not in filtered.content.decode()

    def test_json_for_staff_only(self, admin_client, french_translator):
        from django.test import Client

        assert Client().get("/api/v2/translation-status/").status_code in (401, 403)
        translator = Client()
        translator.force_login(french_translator)
        assert translator.get("/api/v2/translation-status/").status_code == 403
        data = admin_client.get("/api/v2/translation-status/", {"language": "fr", "kind": "page"}).json()
        about = next(item for item in data["items"] if item["title"] == site.TEXT["about"]["en"])
        assert about["languages"]["fr"]["state"] == "up_to_date"
        assert set(about["languages"]) == {"fr"}
        assert admin_client.get("/api/v2/translation-status/", {"language": "xx"}).status_code == 400


@pytest.mark.django_db
def test_resync_keeps_what_the_translator_already_did(admin_client, home):
    page = StandardPageFactory(parent=home, title="Mentoring", intro="Mentors meet monthly.")
    page.body = [
        ("paragraph", RichText("<p>Mentors share experience.</p>")),
        ("paragraph", RichText("<p>Mentees choose a topic.</p>")),
    ]
    page.save_revision().publish()
    french = translate_object(
        page,
        "fr",
        {
            "Mentoring": "Mentorat",
            "Mentors meet monthly.": "Les mentors se réunissent.",
            "Mentors share experience.": "Les mentors partagent leur expérience.",
            "Mentees choose a topic.": "Les mentorés choisissent un sujet.",
        },
    )
    # The translator improves one segment by hand in the translation editor.
    segment = StringSegment.objects.get(source__object_id=page.translation_key, string__data="Mentees choose a topic.")
    edited = StringTranslation.objects.get(translation_of=segment.string, locale=french.locale, context=segment.context)
    edited.data = "Chaque mentorée choisit son sujet."
    edited.save()
    # The source changes in another paragraph, then the translation is synced.
    page.refresh_from_db()
    page.body[0].value = RichText("<p>Mentors share experience and advice.</p>")  # the block keeps its id
    page.save_revision().publish()
    from wagtail_localize.models import TranslationSource

    source = TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale)
    response = admin_client.post(f"/admin/localize/update/{source.pk}/", {"publish_translations": "on"})
    assert response.status_code == 302
    french = page.get_translation(Locale.objects.get(language_code="fr"))
    french.refresh_from_db()
    texts = " ".join(str(block.value) for block in french.specific.body)
    assert "Chaque mentorée choisit son sujet." in texts  # the manual edit survived
    assert "Mentors share experience and advice." in texts  # the changed segment awaits translation
    assert french.title == "Mentorat"
    rows = page_rows()
    assert cell(rows, "Mentoring", "fr").state == "in_progress"
