import pytest
from django.contrib.messages import get_messages
from wagtail.models import Page, WorkflowState

from tests.factories import StandardPageFactory


@pytest.mark.django_db
class TestBulkMachineTranslation:
    def test_creates_drafts_in_all_five_languages_and_publishes_nothing(
        self, admin_client, home, dummy_machine_translator
    ):
        section = StandardPageFactory(parent=home, title="Digital skills hub", intro="Free courses for women.")
        StandardPageFactory(parent=section, title="Coding basics", intro="Start here.")
        response = admin_client.post(f"/admin/translations/machine-translate/{section.pk}/", {"scope": "section"})
        assert response.status_code == 302
        for title in ["Digital skills hub", "Coding basics"]:
            source = Page.objects.get(title=title, locale__language_code="en")
            translations = source.get_translations()
            assert {p.locale.language_code for p in translations} == {"ar", "es", "fr", "ru", "zh-hans"}
            assert not any(p.live for p in translations)
            assert all(p.title == " ".join(reversed(title.split())) for p in translations)  # the dummy reverses words
            assert (
                WorkflowState.objects.filter(
                    object_id__in=[str(p.pk) for p in translations], status=WorkflowState.STATUS_IN_PROGRESS
                ).count()
                == 5
            )
        assert admin_client.get("/es/digital-skills-hub/").status_code == 404

    def test_says_clearly_when_no_provider_is_configured(self, admin_client, home, settings):
        settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
        page = StandardPageFactory(parent=home, title="Untranslatable")
        response = admin_client.post(f"/admin/translations/machine-translate/{page.pk}/", {"scope": "page"})
        text = " ".join(str(m) for m in get_messages(response.wsgi_request))
        assert "Machine translation is not set up" in text
        assert not page.get_translations().exists()


@pytest.mark.django_db
def test_page_action_asks_before_translating(admin_client, home, dummy_machine_translator):
    page = StandardPageFactory(parent=home, title="Open data")
    edit = admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert f"/admin/translations/machine-translate/{page.pk}/" in edit
    confirm = admin_client.get(f"/admin/translations/machine-translate/{page.pk}/")
    assert confirm.status_code == 200 and "Arabic" in confirm.content.decode()
    assert not page.get_translations().exists()  # nothing happens on GET
    admin_client.post(f"/admin/translations/machine-translate/{page.pk}/", {"scope": "page"})
    assert page.get_translations().count() == 5
