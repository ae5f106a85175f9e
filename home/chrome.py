"""
The site chrome (main navigation, footer) per language, cached in the shared
cache (Redis in production) and invalidated for every worker at once by
bumping a version number whenever a page is published, unpublished, moved or
deleted, or a menu or footer is edited.
"""

import secrets
import time

from django.core.cache import cache
from django.db import transaction
from django.db.models import F, TextField, Value
from django.urls import get_script_prefix
from wagtail.models import Page
from wagtail.rich_text import expand_db_html

from home.visibility import public_pages

from . import locales, page_cache
from .redis_cache import reachable

VERSION_KEY = "site-chrome:version"
TIMEOUT = 60 * 60


# The chrome this process last read or built per language, with the version
# it was stored under: reused while the shared cache says that version is
# still current (read on every call) and its shared copy would not have
# expired, which saves reading and unpickling it.
_held = {}


def _read_version():
    """The shared version, or None when the shared cache cannot say (unreachable)."""
    current = cache.get(VERSION_KEY)
    if current is None:
        cache.add(VERSION_KEY, _first_version(), timeout=None)
        current = cache.get(VERSION_KEY)
    return current


def _first_version():
    # Not 1: a version lost with the shared cache (flushed, evicted) starts
    # again where no process's copy can have been kept.
    return secrets.randbits(48)


def invalidate(**kwargs):
    """
    A new version now, and again when the surrounding transaction commits: a
    reader who built the chrome from the uncommitted state in between stored
    it under the first new version.
    """
    _invalidate_now()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_invalidate_now)


def _invalidate_now():
    if not _bump_version():
        # Sent again once Redis answers: until then nothing is cached.
        page_cache.resend_when_reachable("site-chrome", _bump_version)


def _bump_version():
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, _first_version(), timeout=None)
    return reachable(cache)


def _cached(locale, request=None):
    # Read once per request: the menu and the footer come from one reading.
    if request is not None and (seen := getattr(request, "_site_chrome", {}).get(locale.language_code)) is not None:
        return seen
    value = _current(locale)
    if request is not None:
        request._site_chrome = {**getattr(request, "_site_chrome", {}), locale.language_code: value}
    return value


def _current(locale):
    current = _read_version()
    held = _held.get(locale.language_code)
    if (
        current is not None
        and held is not None
        and held[0] == current
        and time.time() < held[1].get("built", 0) + TIMEOUT
    ):
        return held[1]
    key = f"site-chrome:{current or 1}:{locale.language_code}"
    value = cache.get(key)
    if value is None:
        value = {**_chrome(locale), "built": time.time()}
        cache.set(key, value, TIMEOUT)
    if current is not None:
        _held[locale.language_code] = (current, value)
    return value


def _chrome(locale):
    """
    The menu and the footer in `locale`, in two queries whatever their size:
    both snippets with their items, and every page either links, in this
    language, that readers may see.
    """
    menu, footer = _snippets(locale)
    keys = [item["page_key"] for item in menu["items"] + footer["items"]]
    visible = {
        page.translation_key: page
        for page in public_pages(Page.objects.filter(translation_key__in=[key for key in keys if key], locale=locale))
    }
    return {"navigation": _navigation(menu, locale, visible), "footer": _footer(footer, locale, visible)}


MENU, FOOTER = 0, 1


def _snippets(locale):
    """
    The menu and the footer, each in `locale` or else in the default language
    (as their for_locale), as {"language", "body", "items": [{"page_key",
    "label", "url"}]}: one query, a row per item (one for a snippet without),
    the two snippets' rows in a UNION of the same columns.
    """
    from .models import FooterText, NavigationMenu

    languages = {locale.pk, locales.default().pk}
    menus = NavigationMenu.objects.filter(locale__in=languages).values(
        kind=Value(MENU),
        snippet=F("pk"),
        language=F("locale_id"),
        text=Value(None, output_field=TextField()),
        item=F("items__pk"),
        order=F("items__sort_order"),
        page_key=F("items__link_page__translation_key"),
        label=F("items__link_label"),
        url=Value(None, output_field=TextField()),
    )
    footers = FooterText.objects.filter(locale__in=languages).values(
        kind=Value(FOOTER),
        snippet=F("pk"),
        language=F("locale_id"),
        text=F("body"),
        item=F("links__pk"),
        order=F("links__sort_order"),
        page_key=F("links__link_page__translation_key"),
        label=F("links__label"),
        url=F("links__link_url"),
    )
    rows = list(menus.union(footers, all=True).order_by("kind", "snippet", "order"))
    return [_in_language([row for row in rows if row["kind"] == kind], locale) for kind in (MENU, FOOTER)]


def _in_language(rows, locale):
    """One snippet's rows: those of the snippet in `locale`, else in the default language."""
    chosen = None
    for wanted in (locale.pk, locales.default().pk):
        chosen = next((row["snippet"] for row in rows if row["language"] == wanted), None)
        if chosen is not None:
            break
    mine = [row for row in rows if row["snippet"] == chosen]
    if not mine:
        return {"language": None, "body": "", "items": []}
    return {
        "language": locales.by_id(mine[0]["language"]).language_code,
        "body": mine[0]["text"],
        "items": [
            {"page_key": row["page_key"], "label": row["label"], "url": row["url"]}
            for row in mine
            if row["item"] is not None
        ],
    }


def _navigation(menu, locale, visible):
    result = []
    for item in menu["items"]:
        page = visible.get(item["page_key"])
        if page is not None:
            # A label written in the default language's menu (used while this
            # language has none) is in that language; a page title is not.
            language = menu["language"] if item["label"] else locale.language_code
            result.append(
                {"label": item["label"] or page.title, "url": page.url, "path": page.path, "language": language}
            )
    return result


def _footer(footer, locale, visible):
    if footer["language"] is None:
        return {"html": "", "language": locale.language_code, "links": []}
    links = []
    for item in footer["items"]:
        if key := item["page_key"]:
            # Page links follow the reader's language, like the main menu; a
            # page readers may not see (draft, private) drops out rather than
            # leaking.
            page = visible.get(key)
            if page is None:
                continue
            label, url = item["label"] or page.title, page.url
            language = footer["language"] if item["label"] else locale.language_code
        else:
            label, url, language = item["label"], item["url"], footer["language"]
        links.append({"label": label, "url": url, "language": language, "external": not key})
    return {"html": expand_db_html(footer["body"]), "language": footer["language"], "links": links}


def rendered(name, render, locale=None, request=None):
    """
    `render()`, the HTML of a part of the page header or footer that is the
    same on every page in the language and shows nothing but the chrome and
    what the code says (templates, URLs, translations): rendered once per
    process for each version of the chrome, and kept with it, so that a new
    version renders it again. `name` says everything else it depends on.
    """
    value = _cached(locale or locales.active(), request)
    parts = value.setdefault("rendered", {})
    key = (name, get_script_prefix())
    if (html := parts.get(key)) is None:
        html = parts[key] = render()
    return html


def navigation(locale=None, request=None):
    """[{"label", "url", "path", "language"}] for the main menu in `locale`."""
    return _cached(locale or locales.active(), request)["navigation"]


def footer(locale=None, request=None):
    """{"html", "language", "links"}: the footer in `locale`, or in the default language until it is translated."""
    return _cached(locale or locales.active(), request)["footer"]
