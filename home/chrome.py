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


def _cached(locale):
    key = f"site-chrome:{version()}:{locale.language_code}"
    value = cache.get(key)
    if value is None:
        value = _chrome(locale)
        cache.set(key, value, TIMEOUT)
    return value


def _chrome(locale):
    """
    The menu and the footer in `locale`, in three queries whatever their
    size: the menu with its items, the footer with its links, and every page
    either links, in this language, that readers may see.
    """
    from .models import FooterText, NavigationMenu

    menu = _in_language(NavigationMenu, locale, "items", ["link_page__translation_key", "link_label"])
    footer = _in_language(FooterText, locale, "links", ["link_page__translation_key", "link_url", "label"], ["body"])
    keys = [item["link_page__translation_key"] for item in menu["items"] + footer["items"]]
    visible = {
        page.translation_key: page
        for page in public_pages(Page.objects.filter(translation_key__in=[key for key in keys if key], locale=locale))
    }
    return {"navigation": _navigation(menu, locale, visible), "footer": _footer(footer, locale, visible)}


def _in_language(model, locale, items, item_fields, fields=()):
    """
    The snippet `model` in `locale`, else in the default language (as its
    for_locale), as {"language", "items": [{field: value}], field: value}:
    one query, a row per item (or one row for a snippet without items).
    """
    default = locales.default()
    rows = list(
        model.objects.filter(locale__in={locale.pk, default.pk})
        .order_by("pk", f"{items}__sort_order")
        .values("pk", "locale_id", *fields, f"{items}__pk", *(f"{items}__{field}" for field in item_fields))
    )
    chosen = None
    for wanted in (locale.pk, default.pk):
        chosen = next((row["pk"] for row in rows if row["locale_id"] == wanted), None)
        if chosen is not None:
            break
    mine = [row for row in rows if row["pk"] == chosen]
    if not mine:
        return {"language": None, "items": []}
    found = {field: mine[0][field] for field in fields}
    found["language"] = locales.by_id(mine[0]["locale_id"]).language_code
    found["items"] = [
        {field: row[f"{items}__{field}"] for field in item_fields} for row in mine if row[f"{items}__pk"] is not None
    ]
    return found


def _navigation(menu, locale, visible):
    result = []
    for item in menu["items"]:
        page = visible.get(item["link_page__translation_key"])
        if page is not None:
            # A label written in the default language's menu (used while this
            # language has none) is in that language; a page title is not.
            language = menu["language"] if item["link_label"] else locale.language_code
            result.append(
                {"label": item["link_label"] or page.title, "url": page.url, "path": page.path, "language": language}
            )
    return result


def _footer(footer, locale, visible):
    if footer["language"] is None:
        return {"html": "", "language": locale.language_code, "links": []}
    links = []
    for item in footer["items"]:
        if key := item["link_page__translation_key"]:
            # Page links follow the reader's language, like the main menu; a
            # page readers may not see (draft, private) drops out rather than
            # leaking.
            page = visible.get(key)
            if page is None:
                continue
            label, url = item["label"] or page.title, page.url
            language = footer["language"] if item["label"] else locale.language_code
        else:
            label, url, language = item["label"], item["link_url"], footer["language"]
        links.append({"label": label, "url": url, "language": language, "external": not key})
    return {"html": expand_db_html(footer["body"]), "language": footer["language"], "links": links}


def navigation(locale=None):
    """[{"label", "url", "path", "language"}] for the main menu in `locale`."""
    return _cached(locale or locales.active())["navigation"]


def footer(locale=None):
    """{"html", "language", "links"}: the footer in `locale`, or in the default language until it is translated."""
    return _cached(locale or locales.active())["footer"]
