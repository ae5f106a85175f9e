"""
The "Submit your article" form against hostile or careless input: every
refusal is a 400 that names the field and keeps what the reader typed, never
a 500 and never a half-saved draft, picture, submission record or email.
"""

import html
import io
import re

import pytest
from django.core import mail
from django.utils import translation
from django.utils.translation import gettext
from wagtail.images import get_image_model
from wagtail.models import WorkflowState

from articles.models import ArticlePage, ArticleSubmission
from tests.articles.conftest import image_file, submission_data

pytestmark = pytest.mark.django_db


def state():
    """Everything a submission could leave behind."""
    return (
        ArticlePage.objects.count(),
        ArticleSubmission.objects.count(),
        WorkflowState.objects.count(),
        get_image_model().objects.count(),
        len(mail.outbox),
    )


def submit(reader, index, **fields):
    return reader.post(index.url + "submit/", submission_data(**fields), REMOTE_ADDR="198.51.100.7")


def field_error(content, name):
    """What the error summary at the top of the form says about field `name` ("" if nothing)."""
    found = re.search(rf'<a href="#id_{name}">(.*?)</a>', content, re.S)
    return html.unescape(found.group(1)) if found else ""


@pytest.mark.parametrize(
    "field,value",
    [
        ("title", "Spectrum\x00policy"),
        ("summary", "A summary\x00with a NUL"),
        ("body", "Regulators changed their auctions. \x00" * 12),
        ("author_name", "Zanele\x00Mokoena"),
        ("email", "zanele\x00@example.org"),
    ],
    ids=["title", "summary", "body", "author", "email"],
)
def test_a_nul_character_is_refused_not_a_server_error(reader, in_focus, field, value):
    before = state()
    response = submit(reader, in_focus, **{field: value})
    assert response.status_code == 400
    with translation.override("en"):
        assert gettext("The request contains a NUL character, which is not allowed.") in response.content.decode()
    assert state() == before


@pytest.mark.parametrize(
    "field,value",
    [
        ("title", "   "),
        ("author_name", "\t \t"),
        ("body", " " * 400),
        ("body", ("Short line.\n\n" * 20)[:290]),
        ("body", "Long " * 4001),
        ("summary", "\n\n\n"),
    ],
    ids=["blank-title", "blank-author", "spaces-for-body", "body-too-short", "body-too-long", "blank-summary"],
)
def test_blank_or_out_of_range_text_is_refused_with_the_field_named(reader, in_focus, field, value):
    before = state()
    response = submit(reader, in_focus, **{field: value})
    assert response.status_code == 400
    assert field_error(response.content.decode(), field)
    assert state() == before


def test_a_refused_form_keeps_what_the_reader_typed(reader, in_focus):
    data = submission_data(consent="")
    content = reader.post(in_focus.url + "submit/", data, REMOTE_ADDR="198.51.100.8").content.decode()
    assert f'value="{data["title"]}"' in content
    assert f'value="{data["author_name"]}"' in content
    assert data["summary"] in content
    assert f'value="{data["email"]}"' in content


def test_the_same_topic_sent_four_times_is_not_a_way_around_the_limit(reader, in_focus):
    before = state()
    response = submit(reader, in_focus, topics=["policy"] * 4)
    assert response.status_code == 400
    assert "Please choose at most three topics." in response.content.decode()
    assert state() == before


def test_thousands_of_form_fields_are_a_400(reader, in_focus, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 100
    before = state()
    data = submission_data(**{f"extra{n}": "x" for n in range(200)})
    response = reader.post(in_focus.url + "submit/", data, REMOTE_ADDR="198.51.100.9")
    assert response.status_code == 400
    assert state() == before


def test_a_picture_of_too_many_pixels_is_refused_before_it_is_decoded(reader, in_focus, settings):
    settings.PUBLIC_IMAGE_MAX_PIXELS = 1_000_000
    before = state()
    # Black and white, so the file is a few kilobytes for 1.2 megapixels.
    response = submit(reader, in_focus, image=image_file("PNG", size=(1200, 1000), mode="1"), image_alt="Wide")
    assert response.status_code == 400
    assert "megapixels" in field_error(response.content.decode(), "image")
    assert state() == before


def test_a_truncated_picture_is_refused(reader, in_focus):
    whole = image_file("JPEG", size=(300, 200)).getvalue()
    broken = io.BytesIO(whole[: len(whole) // 3])
    broken.name = "cut.jpg"
    before = state()
    response = submit(reader, in_focus, image=broken, image_alt="Cut off")
    assert response.status_code == 400
    assert field_error(response.content.decode(), "image")
    assert state() == before


def test_a_picture_named_like_a_script_is_stored_under_a_safe_name(reader, in_focus):
    picture = image_file("PNG", name='"><script>alert(1)</script>.png')
    response = submit(reader, in_focus, image=picture, image_alt="A picture")
    assert response.status_code == 302
    stored = ArticlePage.objects.order_by("-pk").first().hero_image
    assert "<" not in stored.file.name and '"' not in stored.file.name
    assert stored.file.name.endswith(".png")


def test_text_with_bidirectional_controls_is_kept_as_text(reader, in_focus):
    title = "Women in ICT \u202eevil\u202c in Arabic"
    response = submit(reader, in_focus, title=title)
    assert response.status_code == 302
    assert ArticleSubmission.objects.get().title == title


@pytest.mark.parametrize("language", ["ar", "zh-hans", "ru"])
def test_errors_are_given_in_the_readers_language(reader, in_focus, locales, language):
    index = in_focus.get_translation(locales[language])
    content = submit(reader, index, consent="").content.decode()
    with translation.override(language):
        required = gettext("This field is required.")
    assert required in field_error(content, "consent")
