"""
Where the language switcher sends a reader: the page itself in each language
when it is translated, otherwise the nearest translated section above it (or
the home page), so that a reader who lands on an untranslated page can always
get back to her own language.
"""

from functools import cache

from django.conf import settings
from django.db.models import F
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Page

from . import page_cache
from .prepared import PreparedQuery


# Both depend only on the language and this process's catalogues: worked out
# once per language, not six times a page (each switches the active language).
@cache
def native_name(code):
    """A language's name in that language: 'العربية', 'Français'."""
    with translation.override(code):
        return str(dict(settings.LANGUAGES)[code])


@cache
def fallback_hint(code):
    """Why the link does not open the same page, said in the link's language."""
    with translation.override(code):
        return gettext("This page is not translated yet: this link opens the nearest section that is.")


def link(code, url, request, fallback=False):
    return {
        "code": code,
        "name": native_name(code),
        "hint": fallback_hint(code) if fallback else "",
        "url": url,
        "absolute_url": request.build_absolute_uri(url) if request else url,
        "is_current": code == translation.get_language(),
        "bidi": translation.get_language_info(code)["bidi"],
        # Not the page itself: the switcher still offers it, but search
        # engines are not told it is a translation (no hreflang alternate).
        "fallback": fallback,
    }


def routed_remainder(page, request):
    """
    What a routable page's address adds after the page's own ('join/',
    'topic/broadband/', '?month=2027-04'), so that switching language keeps
    the reader on the same view.
    """
    if request is None:
        return ""
    url_parts = page.get_url_parts(request=request)
    page_path = url_parts[2] if url_parts else ""
    path = request.path
    remainder = path[len(page_path) :] if page_path and path.startswith(page_path) else ""
    query = request.META.get("QUERY_STRING", "")
    return remainder + (f"?{query}" if query else "")


def page_language_links(page, request=None):
    """
    One link per language in settings.LANGUAGES for `page`: its live, public
    translation, else the deepest live, public translation of one of its
    ancestors. One query whatever the depth, and none while the targets are
    in the shared cache: they are kept under the page cache's translation
    tags, which publishing, unpublishing, moving or restricting any of the
    pages involved purges. The names and hints come from this process's
    catalogues, so a deployment with new translations shows them at once.
    """
    if request is None:
        targets = _link_targets(page, request)
    else:
        # The targets' addresses depend on the site asked (the host).
        key = f"language-link-targets:{page.pk}:{request.scheme}://{request.get_host()}"
        targets = page_cache.remembered(key, lambda: _link_targets(page, request))
    # A translation keeps the reader on the same routed view and query.
    remainder = routed_remainder(page, request)
    return [
        link(code, url + remainder if not fallback else url, request, fallback=fallback)
        for code, url, fallback in targets
    ]


def _link_targets(page, request):
    """[(language code, url, fallback)] for page_language_links."""
    # Ancestors' paths are prefixes of the page's own; the tree root (depth 1)
    # is not a page readers can see.
    lineage = [page.path[: Page.steplen * depth] for depth in range(2, page.depth + 1)]
    best = {}
    for candidate in _translations_of(lineage):
        # A stored page's links change when any of these gains or loses a translation.
        page_cache.links_to_translations(candidate)
        code = candidate.language_code
        if code not in best or candidate.depth > best[code].depth:
            best[code] = candidate
    page_cache.links_to_translations(page)
    targets = []
    for code, _name in settings.LANGUAGES:
        target = best.get(code)
        if target is None:
            continue
        url = _Address(target.url_path).get_url(request=request)
        if url is None:
            continue
        is_translation = target.translation_key == page.translation_key
        targets.append((code, url, not is_translation))
    return targets


@PreparedQuery
def _translations_of(paths):
    """The live, public translations of the pages at `paths`."""
    from home.visibility import public_pages

    return (
        public_pages(
            Page.objects.filter(translation_key__in=Page.objects.filter(path__in=paths).values("translation_key"))
        )
        .annotate(language_code=F("locale__language_code"))
        .values_list("depth", "url_path", "translation_key", "language_code", named=True)
    )


class _Address:
    """
    A page's address worked out from its url_path alone, by Wagtail's own
    Page methods (which read nothing else): no model instance for each target.
    """

    get_url = Page.get_url
    get_url_parts = Page.get_url_parts
    _get_relevant_site_root_paths = Page._get_relevant_site_root_paths
    _get_site_root_paths = Page._get_site_root_paths

    def __init__(self, url_path):
        self.url_path = url_path
