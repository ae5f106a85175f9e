import polib
import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail_localize.models import Translation

from home.models import AboutPage


def translation_of(page, language):
    return Translation.objects.get(source__object_id=page.translation_key, target_locale__language_code=language)


def entries(translation):
    return [(e.msgctxt, e.msgid, e.msgstr) for e in translation.export_po()]


def upload(client, translation, content, name="about.po"):
    response = client.post(
        f"/admin/localize/translate/{translation.pk}/pofile/upload/",
        {"file": SimpleUploadedFile(name, content, "text/x-gettext-translation"), "next": "/admin/"},
    )
    return response, " ".join(str(m) for m in get_messages(response.wsgi_request))


@pytest.mark.django_db
class TestPORoundTrip:
    @pytest.mark.parametrize("who", ["admin_user", "french_translator"])
    def test_download_translate_upload(self, client, request, who):
        client.force_login(request.getfixturevalue(who))
        about = AboutPage.objects.get(locale__language_code="en")
        french = translation_of(about, "fr")
        download = client.get(f"/admin/localize/translate/{french.pk}/pofile/download/")
        assert download.status_code == 200
        po = polib.pofile(download.content.decode())
        entry = next(e for e in po if e.msgid == about.join_title)
        entry.msgstr = "Rejoignez-nous, depuis 2011"
        response, text = upload(client, french, str(po).encode())
        assert response.status_code == 302
        assert "Successfully imported" in text
        french.save_target(publish=True)
        assert AboutPage.objects.get(locale__language_code="fr").join_title == "Rejoignez-nous, depuis 2011"

    def test_a_translator_gets_and_gives_no_file_in_another_language(self, client, french_translator):
        client.force_login(french_translator)
        about = AboutPage.objects.get(locale__language_code="en")
        arabic = translation_of(about, "ar")
        download = client.get(f"/admin/localize/translate/{arabic.pk}/pofile/download/")
        assert download.status_code in (302, 403) and b"msgid" not in download.content
        po = polib.pofile(str(arabic.export_po()))
        next(e for e in po if e.msgid == about.join_title).msgstr = "مخترق"
        before = entries(arabic)
        response, _text = upload(client, arabic, str(po).encode())
        assert response.status_code in (302, 403)
        assert entries(arabic) == before

    @pytest.mark.parametrize(
        "content,message",
        [
            (b"\xff\xfe not gettext at all", "not a valid PO file"),
            (b"just some text\nwith lines\n", "not a valid PO file"),
            (
                b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "Hello"\nmsgstr "Bonjour"\n',
                "made for another translation",
            ),
        ],
        ids=["binary", "plain-text", "no-translation-id"],
    )
    def test_bad_files_are_refused_and_change_nothing(self, admin_client, content, message):
        about = AboutPage.objects.get(locale__language_code="en")
        french = translation_of(about, "fr")
        before = entries(french)
        response, text = upload(admin_client, french, content)
        assert response.status_code == 302
        assert message in text
        assert entries(french) == before

    def test_file_for_another_translation_is_refused(self, admin_client):
        about = AboutPage.objects.get(locale__language_code="en")
        spanish_po = str(translation_of(about, "es").export_po()).encode()
        french = translation_of(about, "fr")
        before = entries(french)
        response, text = upload(admin_client, french, spanish_po)
        assert "made for another translation" in text
        assert entries(french) == before

    def test_file_with_text_not_in_the_page_is_refused_whole(self, admin_client):
        about = AboutPage.objects.get(locale__language_code="en")
        french = translation_of(about, "fr")
        po = polib.pofile(str(french.export_po()))
        next(e for e in po if e.msgid == about.join_title).msgstr = "Rejoignez-nous"
        po.append(polib.POEntry(msgid="A sentence that is not on the page", msgstr="Une phrase", msgctxt="body.x"))
        before = entries(french)
        response, text = upload(admin_client, french, str(po).encode())
        assert "not in this page" in text
        assert entries(french) == before  # not even the valid entry was imported


def test_interface_catalogues_are_complete():
    from pathlib import Path

    for name in ["ar", "es", "fr", "ru", "zh_Hans"]:
        po = polib.pofile(str(Path(__file__).resolve().parents[2] / "locale" / name / "LC_MESSAGES" / "django.po"))
        assert po.percent_translated() == 100, name
        assert not [e for e in po if "fuzzy" in e.flags], name


def load_check_messages():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent.parent / "scripts" / "check_messages.py"
    spec = importlib.util.spec_from_file_location("check_messages", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


ARABIC_HEADER = (
    'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Plural-Forms: nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : '
    'n%100>=11 && n%100<=99 ? 4 : 5;\\n"\n\n'
)


class TestPluralForms:
    def test_every_catalogue_has_real_plural_forms(self):
        check_messages = load_check_messages()
        for locale in check_messages.LOCALES:
            po = polib.pofile(str(check_messages.catalogue(locale)))
            assert check_messages.plural_problems(po) == [], locale

    def test_identical_or_missing_forms_fail_the_check(self):
        check_messages = load_check_messages()
        same = [f'msgstr[{i}] "%(counter)s نتيجة"' for i in range(6)]
        identical = polib.pofile(
            ARABIC_HEADER + 'msgid "%(counter)s result"\nmsgid_plural "%(counter)s results"\n' + "\n".join(same) + "\n"
        )
        assert "same text in all 6" in check_messages.plural_problems(identical)[0]
        missing = polib.pofile(
            ARABIC_HEADER + 'msgid "%(counter)s result"\nmsgid_plural "%(counter)s results"\n'
            'msgstr[0] "a"\nmsgstr[1] "b"\n'
        )
        assert "needs all 6 plural forms" in check_messages.plural_problems(missing)[0]
        noted = polib.pofile(
            'msgid ""\nmsgstr ""\n"Plural-Forms: nplurals=3; plural=n>1;\\n"\n\n'
            "# same plural forms: « pays » est invariable\n"
            'msgid "%(n)s country"\nmsgid_plural "%(n)s countries"\n'
            'msgstr[0] "%(n)s pays"\nmsgstr[1] "%(n)s pays"\nmsgstr[2] "%(n)s pays"\n'
        )
        assert check_messages.plural_problems(noted) == []
