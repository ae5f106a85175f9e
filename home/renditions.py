"""Image renditions for data (API fields, structured data), not markup."""

from wagtail.images.models import Filter, SourceImageIOError


def rendition(image, spec):
    """
    `image.get_rendition(spec)`, without the write to the shared cache that
    Wagtail makes on every call, even for a rendition it found among those
    prefetched with the image: in production a Redis round trip per image per
    request, for something the next request prefetches again.
    """
    filter = image.clean_filter_for_svg(Filter(spec=spec))
    if image._get_prefetched_renditions() is not None:
        try:
            return image.find_existing_rendition(filter)
        except image.get_rendition_model().DoesNotExist:
            pass
    return image.get_rendition(filter)


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
        return rendition(image, spec)
    except SourceImageIOError:
        return None
