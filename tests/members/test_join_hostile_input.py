"""
The "Join the network" form against hostile or careless input, in the
reader's language: a refusal is a 400 naming the field, keeping what she
typed, saving nothing and emailing no one; what is accepted is stored as
typed and reaches the secretariat as text.
"""

import html
import re

import pytest
from django.core import mail
from django.utils import translation
from django.utils.translation import gettext

from members.models import MembershipApplication
from tests import site
from tests.members.test_join import application

pytestmark = pytest.mark.django_db


def apply(reader, directory, **fields):
    return reader.post(directory.url + "join/", application(**fields), REMOTE_ADDR="198.51.100.20")


def field_error(content, name):
    found = re.search(rf'<a href="#id_{name}">(.*?)</a>', content, re.S)
    return html.unescape(found.group(1)) if found else ""


def nothing_happened():
    return not MembershipApplication.objects.exists() and not mail.outbox


@pytest.mark.parametrize(
    "field,value",
    [
        ("full_name", "   "),
        ("motivation", " " * 80),
        ("motivation", "Short." + " " * 60),
        ("email", "ines@applicant.example.org\r\nBcc: x@evil.example"),
        ("sector", ""),
        ("country", "ZZ"),
    ],
    ids=[
        "blank-name",
        "blank-motivation",
        "padded",
        "email-header",
        "no-sector",
        "unknown-country",
    ],
)
def test_bad_input_is_a_400_naming_the_field_and_nothing_is_kept(reader, directory, field, value):
    response = apply(reader, directory, **{field: value})
    assert response.status_code == 400
    assert field_error(response.content.decode(), field)
    assert nothing_happened()


@pytest.mark.parametrize("field", ["full_name", "motivation", "organisation", "email"])
@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_nul_character_is_a_400_that_says_so_in_her_language(reader, directory, locales, field, language):
    value = application()[field][:5] + "\x00" + application()[field][5:]
    response = apply(reader, directory.get_translation(locales[language]), **{field: value})
    assert response.status_code == 400
    with translation.override(language):
        assert gettext("The request contains a NUL character, which is not allowed.") in response.content.decode()
    assert nothing_happened()


def test_a_refused_application_keeps_what_she_typed(reader, directory):
    data = application(consent="")
    content = apply(reader, directory, consent="").content.decode()
    for name in ("full_name", "position", "organisation", "email"):
        assert f'value="{data[name]}"' in content
    assert data["motivation"] in content
    assert re.search(rf'<option value="{data["country"]}"[^>]* selected', content)


@pytest.mark.parametrize("language", site.LANGUAGES)
def test_the_refusal_speaks_the_readers_language(reader, directory, locales, language):
    page = directory.get_translation(locales[language])
    content = apply(reader, page, consent="").content.decode()
    with translation.override(language):
        required = gettext("This field is required.")
        summary = gettext("Please correct the errors below. Nothing has been sent yet.")
    assert required in field_error(content, "consent")
    assert html.escape(summary, quote=False) in content or summary in content
    direction = "rtl" if language == "ar" else "ltr"
    assert re.search(rf'<html[^>]* lang="{language}"[^>]* dir="{direction}"', content)
    assert nothing_happened()


def test_markup_is_stored_as_typed_and_mailed_as_text(reader, directory):
    motivation = "<script>alert('x')</script> I lead spectrum policy and want to learn from peers worldwide."
    response = apply(reader, directory, full_name="<b>Ines</b> Ferreira", motivation=motivation)
    assert response.status_code == 302
    stored = MembershipApplication.objects.get()
    assert stored.full_name == "<b>Ines</b> Ferreira"
    assert stored.motivation == motivation
    (message,) = mail.outbox
    assert "<b>Ines</b> Ferreira" in message.subject
    assert not message.alternatives  # plain text: nothing for a mail reader to render


def test_names_in_every_script_are_welcome(reader, directory):
    for n, name in enumerate(["رشا اختبار", "梅 测试", "Гульнара Исмаилова", "Aïcha Traoré"]):
        response = apply(reader, directory, full_name=name, email=f"person{n}@applicant.example.org")
        assert response.status_code == 302
    assert set(MembershipApplication.objects.values_list("full_name", flat=True)) == {
        "رشا اختبار",
        "梅 测试",
        "Гульнара Исмаилова",
        "Aïcha Traoré",
    }


def test_the_thank_you_page_leads_back_to_the_directory(reader, directory):
    response = apply(reader, directory)
    assert response.status_code == 302
    thanks = reader.get(response["Location"])
    assert thanks.status_code == 200
    assert f'href="{directory.url}"' in thanks.content.decode()


def test_a_get_of_the_form_saves_nothing_whatever_its_query(reader, directory):
    response = reader.get(directory.url + "join/", application())
    assert response.status_code == 200
    assert nothing_happened()
