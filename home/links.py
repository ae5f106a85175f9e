"""
Pages that editors chose to link (a call to action's page, the About page's
join button, a link in rich text), as a reader may follow them: the chosen
page's translation in the reader's language, else the chosen page, and only
while it is live and public. A link to anything else would give away a
hidden page's address and title, so it is left out.
"""

from django.db.models import Q
from wagtail.models import Page

from . import locales, page_cache
from .visibility import public_pages


def reachable(pages):
    """
    {chosen page id: the page a reader follows} for `pages` (None ignored),
    in one query however many there are; a chosen page whose link readers
    may not follow has no entry.

    The response depends on every chosen page, shown or not: unpublishing,
    restricting or deleting it, or publishing its translation, purges it
    (home.page_cache.purge_page).
    """
    pages = [page for page in pages if page is not None]
    if not pages:
        return {}
    locale = locales.active()
    for page in pages:
        page_cache.shows_page(page)
        page_cache.links_to_translations(page)
    candidates = public_pages(
        Page.objects.filter(
            Q(pk__in={page.pk for page in pages})
            | Q(translation_key__in={page.translation_key for page in pages}, locale_id=locale.pk)
        )
    )
    by_pk, in_language = {}, {}
    for candidate in candidates:
        by_pk[candidate.pk] = candidate
        if candidate.locale_id == locale.pk:
            in_language[candidate.translation_key] = candidate
    found = {}
    for page in pages:
        # A withdrawn or private translation does not stand in for the chosen
        # page, which readers of every language may follow while it is public.
        if target := in_language.get(page.translation_key) or by_pk.get(page.pk):
            found[page.pk] = target
    return found


def reachable_ids(pages):
    """The ids of those of `pages` that readers may see, in one query: for the API, which links by id."""
    pages = [page for page in pages if page is not None]
    if not pages:
        return set()
    for page in pages:
        page_cache.shows_page(page)
    return set(public_pages(Page.objects.filter(pk__in={page.pk for page in pages})).values_list("pk", flat=True))
