"""
An editor uploads pictures in the admin (one at a time, or several at once):
a file Pillow refuses while reading it — a header claiming a picture of
hundreds of megapixels, a text chunk that inflates past Pillow's limit, a
file that is no image at all — gets the form's message (naming the number
of pixels when the header gave it), never a server error, and nothing is
saved; a good picture is saved.
"""

import io
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image
from wagtail.images import get_image_model
from wagtail.models import Collection

ADD = "/admin/images/add/"
ADD_MULTIPLE = "/admin/images/multiple/add/"


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_claiming(width, height):
    """A PNG whose header names `width` × `height` pixels, with one tiny row of data."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 16))
        + chunk(b"IEND", b"")
    )


def png_with_inflating_text():
    """A small real PNG with a compressed text chunk that inflates to 8 MB (Pillow stops at 1 MB)."""
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "teal").save(buffer, format="PNG")
    data = buffer.getvalue()
    bomb = chunk(b"zTXt", b"Comment\x00\x00" + zlib.compress(b"A" * 8_000_000, 9))
    return data[:33] + bomb + data[33:]  # after the signature and IHDR


def good_png():
    buffer = io.BytesIO()
    Image.new("RGB", (320, 200), "purple").save(buffer, format="PNG")
    return buffer.getvalue()


def root_collection():
    return Collection.get_first_root_node().pk


def upload(client, name, content, title="Uploaded picture"):
    return client.post(
        ADD, {"title": title, "collection": root_collection(), "file": SimpleUploadedFile(name, content, "image/png")}
    )


def images():
    return get_image_model().objects.count()


@pytest.mark.django_db
class TestOneAtATime:
    def test_a_header_claiming_hundreds_of_megapixels_is_refused_naming_them(self, admin_client):
        before = images()
        response = upload(admin_client, "huge.png", png_claiming(20_000, 20_000))
        assert response.status_code == 200
        [message] = response.context["form"].errors["file"]
        assert "400000000" in message and "40000000" in message
        assert images() == before

    def test_a_text_chunk_that_inflates_past_pillows_limit_is_not_a_valid_image(self, admin_client):
        before = images()
        response = upload(admin_client, "bomb.png", png_with_inflating_text())
        assert response.status_code == 200
        assert response.context["form"].errors["file"]
        assert images() == before

    @pytest.mark.parametrize(
        "content",
        [b"<svg xmlns='http://www.w3.org/2000/svg'></svg>", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, b""],
        ids=["svg-named-png", "broken-header", "empty"],
    )
    def test_a_file_that_is_no_picture_is_refused(self, admin_client, content):
        before = images()
        response = upload(admin_client, "not-a-picture.png", content)
        assert response.status_code == 200
        assert response.context["form"].errors["file"]
        assert images() == before

    def test_a_good_picture_is_saved_with_its_size(self, admin_client):
        response = upload(admin_client, "purple.png", good_png(), title="A purple card")
        assert response.status_code == 302
        image = get_image_model().objects.get(title="A purple card")
        assert (image.width, image.height) == (320, 200)

    def test_the_refusal_is_in_the_editors_language(self, admin_client, admin_user):
        from wagtail.users.models import UserProfile

        profile = UserProfile.get_for_user(admin_user)
        profile.preferred_language = "fr"
        profile.save()
        response = upload(admin_client, "huge.png", png_claiming(20_000, 20_000))
        [message] = response.context["form"].errors["file"]
        with translation.override("fr"):
            from django.utils.translation import gettext

            expected = gettext("This file has too many pixels (%(num_pixels)s). Maximum pixels %(max_pixels_count)s.")
        assert expected != "This file has too many pixels (%(num_pixels)s). Maximum pixels %(max_pixels_count)s."
        assert message == expected % {"num_pixels": 400_000_000, "max_pixels_count": 40_000_000}


@pytest.mark.django_db
class TestSeveralAtOnce:
    def test_a_bomb_among_several_uploads_is_refused_and_the_good_one_kept(self, admin_client):
        before = images()
        refused = admin_client.post(
            ADD_MULTIPLE,
            {
                "collection": root_collection(),
                "files[]": SimpleUploadedFile("huge.png", png_claiming(20_000, 20_000), "image/png"),
            },
            headers={"x-requested-with": "XMLHttpRequest"},
        )
        assert refused.status_code == 200
        assert refused.json()["success"] is False
        assert "400000000" in refused.json()["error_message"]
        accepted = admin_client.post(
            ADD_MULTIPLE,
            {"collection": root_collection(), "files[]": SimpleUploadedFile("card.png", good_png(), "image/png")},
            headers={"x-requested-with": "XMLHttpRequest"},
        )
        assert accepted.json()["success"] is True
        assert images() == before + 1
