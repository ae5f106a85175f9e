"""Image renditions for data (API fields, structured data), not markup."""

from wagtail.images.models import SourceImageIOError


def rendition_or_none(image, spec):
    """
    The rendition of `image` at `spec`, or None when its original file is
    missing from storage (a failed upload, a bucket restored without it):
    the record is still served, just without its picture, instead of the
    whole list answering 500. Templates get the same from Wagtail's
    `{% image %}` tag, which renders a broken image instead.
    """
    if image is None:
        return None
    try:
        return image.get_rendition(spec)
    except SourceImageIOError:
        return None
