"""Checking images uploaded in the admin, and checking and re-encoding those uploaded by the public."""

import io
import os
import re

from django import forms
from django.conf import settings
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

ALLOWED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
MAX_DIMENSION = 2400


def public_upload_max_bytes():
    return settings.PUBLIC_IMAGE_MAX_UPLOAD_SIZE


def public_upload_max_pixels():
    return settings.PUBLIC_IMAGE_MAX_PIXELS


def reencode_public_image(upload):
    """
    Check that `upload` is a JPEG, PNG or WebP image within the size limit and
    return it re-encoded (metadata stripped, at most MAX_DIMENSION pixels on a
    side) as a ContentFile. Anything else raises a ValidationError saying why.
    """
    limit = public_upload_max_bytes()
    if upload.size > limit:
        raise forms.ValidationError(
            _("This image is %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="file_too_large",
        )
    refusal = forms.ValidationError(
        _("Please upload a JPEG, PNG or WebP image. Other files, including SVG, are not accepted."),
        code="invalid_image",
    )
    try:
        upload.seek(0)
        # Image.open reads the header only: format and size are checked
        # before any pixel is decoded (a small file can hold a huge image).
        with Image.open(upload) as probe:
            image_format = probe.format
            if image_format not in ALLOWED_FORMATS:
                raise refusal
            if probe.width * probe.height > public_upload_max_pixels():
                raise forms.ValidationError(
                    _(
                        "This image is %(width)s × %(height)s pixels; please send one of at most %(megapixels)s megapixels."
                    )
                    % {"width": probe.width, "height": probe.height, "megapixels": public_upload_max_pixels() // 10**6},
                    code="image_too_big",
                )
            probe.verify()
        upload.seek(0)
        with Image.open(upload) as image:
            image = ImageOps.exif_transpose(image)
            image.thumbnail((MAX_DIMENSION, MAX_DIMENSION))
            if image_format == "JPEG" and image.mode not in ("RGB", "L"):
                image = image.convert("RGB")
            output = io.BytesIO()
            image.save(output, format=image_format, quality=85)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
        raise refusal from error
    base = os.path.splitext(os.path.basename(upload.name or "image"))[0][:50] or "image"
    return ContentFile(output.getvalue(), name=f"{base}.{ALLOWED_FORMATS[image_format]}")


# Pillow names the image's size when it refuses to open it past its limit.
PILLOW_PIXELS = re.compile(r"\((\d+) pixels\)")


class CheckedImageField(WagtailImageField):
    """
    Wagtail's image field, with a file Pillow refuses while reading it (a PNG
    whose text chunk inflates past Pillow's limit, a truncated stream) given
    the field's "not a valid image" message instead of a server error.
    """

    def check_image_pixel_size(self, f):
        # Wagtail says "(unknown number)" when Pillow refuses to open an image
        # past its own limit; the header said how many, so the editor is told.
        try:
            f.image.get_size()
        except (Image.DecompressionBombWarning, Image.DecompressionBombError) as error:
            found = PILLOW_PIXELS.search(str(error))
            if found and self.max_image_pixels:
                raise forms.ValidationError(
                    self.error_messages["file_too_many_pixels"]
                    % {"num_pixels": int(found[1]), "max_pixels_count": self.max_image_pixels},
                    code="file_too_many_pixels",
                ) from None
        super().check_image_pixel_size(f)

    def to_python(self, data):
        try:
            return super().to_python(data)
        except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
            raise forms.ValidationError(self.error_messages["invalid_image"], code="invalid_image") from error


class AdminImageForm(BaseImageForm):
    """The admin's image forms (one upload or several: WAGTAILIMAGES_IMAGE_FORM_BASE) with CheckedImageField."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            original = self.fields["file"]
            self.fields["file"] = CheckedImageField(
                label=original.label, required=original.required, widget=original.widget
            )
