"""
A translator uploads a PO file for one page in one language: files that are
too large, empty, missing, or whose translation adds a link the page does
not have are refused whole with a message saying why, and the stored
translation does not change; entries left untranslated or marked obsolete
in an otherwise good file are skipped, and the rest is imported.
"""

import polib
import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail_localize.models import Translation, TranslationSource

from home.models import AboutPage
from tests.factories import StandardPageFactory
from translation_workflow.po import MAX_PO_BYTES


def translation_of(page, language):
    return Translation.objects.get(source__object_id=page.translation_key, target_locale__language_code=language)


def stored(translation):
    return [(e.msgctxt, e.msgid, e.msgstr) for e in translation.export_po()]


def post(client, translation, files):
    response = client.post(f"/admin/localize/translate/{translation.pk}/pofile/upload/", {**files, "next": "/admin/"})
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    return " ".join(str(m) for m in get_messages(response.wsgi_request))


def upload(client, translation, content):
    return post(client, translation, {"file": SimpleUploadedFile("page.po", content, "text/x-gettext-translation")})


@pytest.fixture
def french_about(db):
    return translation_of(AboutPage.objects.get(locale__language_code="en"), "fr")


@pytest.fixture
def linked_page(home, locales):
    """A page whose text carries a link and markup, submitted for translation into French."""
    page = StandardPageFactory(
        parent=home,
        title="Digital rights",
        body=[("paragraph", '<p>Read <a href="https://www.itu.int/">the ITU report</a> on <b>rights</b>.</p>')],
    )
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(source=source, target_locale=locales["fr"], enabled=True)
    return translation


@pytest.mark.django_db
class TestRefusedWhole:
    def test_a_file_larger_than_any_page_is_refused_unread(self, admin_client, french_about):
        before = stored(french_about)
        said = upload(admin_client, french_about, b"#" * (MAX_PO_BYTES + 1))
        assert "too large" in said
        assert stored(french_about) == before

    def test_an_empty_file_is_not_a_po_file(self, admin_client, french_about):
        before = stored(french_about)
        assert "not a valid PO file" in upload(admin_client, french_about, b"")
        assert stored(french_about) == before

    def test_no_file_at_all_asks_for_one(self, admin_client, french_about):
        before = stored(french_about)
        assert "Choose a PO file to upload." in post(admin_client, french_about, {})
        assert stored(french_about) == before

    def test_a_translation_that_adds_a_link_the_page_does_not_have_is_refused(self, admin_client, linked_page):
        po = polib.pofile(str(linked_page.export_po()))
        entry = next(e for e in po if "ITU report" in e.msgid)
        # The page's link is <a id="a1">; a second one would point wherever the file says.
        assert 'id="a1"' in entry.msgid
        entry.msgstr = 'Lisez <a id="a1">le rapport de l’UIT</a> et <a id="a2">ce site</a> sur les <b>droits</b>.'
        said = upload(admin_client, linked_page, str(po).encode())
        assert "has broken markup or links" in said
        assert all(not msgstr for _ctx, _id, msgstr in stored(linked_page))

    def test_the_same_links_in_another_order_of_words_are_accepted(self, admin_client, linked_page):
        po = polib.pofile(str(linked_page.export_po()))
        entry = next(e for e in po if "ITU report" in e.msgid)
        entry.msgstr = 'Sur les <b>droits</b>, lisez <a id="a1">le rapport de l’UIT</a>.'
        assert "Successfully imported" in upload(admin_client, linked_page, str(po).encode())
        assert entry.msgstr in [msgstr for _ctx, _id, msgstr in stored(linked_page)]


@pytest.mark.django_db
class TestPartlyTranslated:
    def test_untranslated_and_obsolete_entries_are_skipped_and_the_rest_imported(self, admin_client, linked_page):
        po = polib.pofile(str(linked_page.export_po()))
        title = next(e for e in po if e.msgid == "Digital rights")
        title.msgstr = "Droits numériques"
        # An obsolete entry (text the page no longer has) is ignored, not refused.
        po.append(polib.POEntry(msgid="Text removed from the page", msgstr="Texte retiré", obsolete=True))
        said = upload(admin_client, linked_page, str(po).encode())
        assert "Successfully imported" in said
        translated = {msgid: msgstr for _ctx, msgid, msgstr in stored(linked_page)}
        assert translated["Digital rights"] == "Droits numériques"
        assert not translated[next(e.msgid for e in po if "ITU report" in e.msgid)]
