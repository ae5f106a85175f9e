"""
What readers may see, asked one way everywhere: pages, the API, listings,
the site search and feeds all filter with `public_pages`.
"""

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.models import PageViewRestriction


def public_pages(queryset):
    """
    Live pages with no view restriction on themselves or an ancestor, in one
    SQL clause however many restrictions exist (Wagtail's .public() adds one
    clause per restricted page).
    """
    return queryset.live().filter(~behind_a_restriction())


def behind_a_restriction():
    """True for a page with a view restriction on itself or an ancestor (an annotation or a filter)."""
    return Exists(PageViewRestriction.objects.filter(page__path=Substr(OuterRef("path"), 1, Length("page__path"))))
