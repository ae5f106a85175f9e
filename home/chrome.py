"""
The site chrome (main navigation, footer) per language, cached in the shared
cache (Redis in production) and invalidated for every worker at once by
bumping a version number whenever a page is published, unpublished, moved or
deleted, or a menu or footer is edited.
"""

from django.core.cache import cache
from wagtail.models import Page
from wagtail.rich_text import expand_db_html

from home.visibility import public_pages

from . import locales, page_cache
from .redis_cache import reachable

VERSION_KEY = "site-chrome:version"
TIMEOUT = 60 * 60


def version():
    current = cache.get(VERSION_KEY)
    if current is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        current = cache.get(VERSION_KEY, 1)
    return current


def invalidate(**kwargs):
    if not _bump_version():
        # Sent again once Redis answers: until then nothing is cached.
        page_cache.resend_when_reachable("site-chrome", _bump_version)


def _bump_version():
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 1, timeout=None)
    return reachable(cache)


def _cached(name, locale, compute):
    key = f"site-chrome:{version()}:{name}:{locale.language_code}"
    value = cache.get(key)
    if value is None:
        value = compute(locale)
        cache.set(key, value, TIMEOUT)
    return value


def _navigation(locale):
    from .models import NavigationMenu

    menu = NavigationMenu.objects.for_locale(locale)
    if menu is None:
        return []
    items = list(menu.items.select_related("link_page").order_by("sort_order"))
    translation_keys = [item.link_page.translation_key for item in items]
    # One query for every linked page in this language that readers may see.
    visible = {
        page.translation_key: page
        for page in public_pages(Page.objects.filter(translation_key__in=translation_keys, locale=locale))
    }
    result = []
    for item in items:
        page = visible.get(item.link_page.translation_key)
        if page is not None:
            # A label written in the default language's menu (used while this
            # language has none) is in that language; a page title is not.
            language = locales.by_id(menu.locale_id).language_code if item.link_label else locale.language_code
            result.append(
                {"label": item.link_label or page.title, "url": page.url, "path": page.path, "language": language}
            )
    return result


def _footer(locale):
    from .models import FooterText

    footer = FooterText.objects.for_locale(locale)
    if footer is None:
        return {"html": "", "language": locale.language_code, "links": []}
    language = locales.by_id(footer.locale_id).language_code
    return {"html": expand_db_html(footer.body), "language": language, "links": _footer_links(footer, locale, language)}


def _footer_links(footer, locale, footer_language):
    items = list(footer.links.select_related("link_page").order_by("sort_order"))
    keys = [item.link_page.translation_key for item in items if item.link_page_id]
    # Page links follow the reader's language, like the main menu; a page
    # readers may not see (draft, private) drops out rather than leaking.
    visible = {
        page.translation_key: page
        for page in public_pages(Page.objects.filter(translation_key__in=keys, locale=locale))
    }
    links = []
    for item in items:
        if item.link_page_id:
            page = visible.get(item.link_page.translation_key)
            if page is None:
                continue
            label, url = item.label or page.title, page.url
            language = footer_language if item.label else locale.language_code
        else:
            label, url, language = item.label, item.link_url, footer_language
        links.append({"label": label, "url": url, "language": language, "external": not item.link_page_id})
    return links


def navigation(locale=None):
    """[{"label", "url", "path", "language"}] for the main menu in `locale`."""
    return _cached("navigation", locale or locales.active(), _navigation)


def footer(locale=None):
    """{"html", "language", "links"}: the footer in `locale`, or in the default language until it is translated."""
    return _cached("footer", locale or locales.active(), _footer)
