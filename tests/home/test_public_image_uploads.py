"""Pictures the public sends (article submissions, membership photos): what is refused, and what is kept of the rest."""

import io

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image

from home.uploads import MAX_DIMENSION, reencode_public_image


def upload(name, image_format, size=(40, 30), mode="RGB", **save):
    output = io.BytesIO()
    Image.new(mode, size, "white").save(output, format=image_format, **save)
    return SimpleUploadedFile(name, output.getvalue())


def refusal(file):
    with translation.override("en"), pytest.raises(forms.ValidationError) as refused:
        reencode_public_image(file)
    return refused.value


def test_a_file_over_the_size_limit_is_refused_naming_both_sizes(settings):
    settings.PUBLIC_IMAGE_MAX_UPLOAD_SIZE = 1024
    error = refusal(SimpleUploadedFile("big.jpg", b"\xff" * 2048))
    assert error.code == "file_too_large"
    assert error.messages == ["This image is 2.0\xa0KB; the limit is 1.0\xa0KB."]  # no break inside a size


@pytest.mark.parametrize(
    "file",
    [
        pytest.param(upload("picture.gif", "GIF"), id="gif"),
        pytest.param(SimpleUploadedFile("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"/>'), id="svg"),
        pytest.param(SimpleUploadedFile("cut.png", upload("x.png", "PNG").read()[:60]), id="truncated-png"),
    ],
)
def test_anything_but_a_whole_jpeg_png_or_webp_is_refused(file):
    error = refusal(file)
    assert error.code == "invalid_image"
    assert "JPEG, PNG or WebP" in error.messages[0]


def test_an_image_with_too_many_pixels_is_refused_before_it_is_decoded(settings):
    settings.PUBLIC_IMAGE_MAX_PIXELS = 2_000_000
    error = refusal(upload("wide.png", "PNG", size=(2000, 1001), mode="1"))
    assert error.code == "image_too_big"
    assert error.messages == ["This image is 2000 × 1001 pixels; please send one of at most 2 megapixels."]


def test_a_large_photo_is_shrunk_and_its_metadata_dropped():
    exif = Image.Exif()
    exif[0x010F] = "Camera maker"  # Make
    exif[0x8825] = {2: (1.0, 2.0, 3.0)}  # GPS position: where the photo was taken
    result = reencode_public_image(upload("holiday photo.jpeg", "JPEG", size=(3000, 1500), exif=exif))
    assert result.name == "holiday photo.jpg"
    with Image.open(result) as image:
        assert image.format == "JPEG"
        assert image.size == (MAX_DIMENSION, MAX_DIMENSION // 2)
        assert not image.getexif()


def test_a_cmyk_jpeg_comes_back_as_rgb():
    result = reencode_public_image(upload("print.jpg", "JPEG", mode="CMYK"))
    with Image.open(result) as image:
        assert image.mode == "RGB"
