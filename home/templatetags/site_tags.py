"""Template tags for the site chrome: navigation, footer and language links."""

import json

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import translate_url
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.models import Page, Site

from home import chrome, page_cache
from search.documents import public_pages

register = template.Library()


def live_public_translations(page):
    """
    Every live translation of `page` (itself included) that an anonymous
    reader may see, keyed by language code.
    """
    page_cache.links_to_translations(page)
    translations = public_pages(page.get_translations(inclusive=True)).select_related("locale")
    return {p.locale.language_code: p for p in translations}


@register.simple_tag(takes_context=True)
def language_links(context, page=None):
    """
    Links for the language switcher and hreflang alternates.

    On a Wagtail page, only languages with a live, public translation are
    offered. Elsewhere (search, forms) the same path is offered in every
    language. A view that knows better (the error pages) passes its own
    `language_links`.
    """
    if context.get("language_links") is not None:
        return context["language_links"]
    request = context.get("request")
    current = translation.get_language()
    names = dict(settings.LANGUAGES)
    links = []
    if isinstance(page, Page) and page.pk:
        available = live_public_translations(page)
        for code, _name in settings.LANGUAGES:
            if code in available:
                # With the request, Wagtail reads the site roots once for every link.
                links.append(_link(code, names[code], available[code].get_url(request), current, request))
    elif request is not None:
        for code, _name in settings.LANGUAGES:
            links.append(_link(code, names[code], translate_url(request.get_full_path(), code), current, request))
    return links


def _link(code, name, url, current, request):
    with translation.override(code):
        native_name = str(name)
    return {
        "code": code,
        "name": native_name,
        "url": url,
        "absolute_url": request.build_absolute_uri(url) if request else url,
        "is_current": code == current,
        "bidi": translation.get_language_info(code)["bidi"],
    }


@register.inclusion_tag("includes/navigation.html", takes_context=True)
def main_navigation(context):
    current = context.get("page")
    items = []
    for item in chrome.navigation():
        item = dict(item)
        if isinstance(current, Page) and current.path.startswith(item["path"]):
            item["current"] = "page" if current.path == item["path"] else "true"
        items.append(item)
    return {"items": items}


@register.simple_tag
def footer_html():
    return mark_safe(chrome.footer_html())  # noqa: S308 - rich text from the editors, rendered by Wagtail


@register.simple_tag(takes_context=True)
def localized_home_url(context):
    request = context.get("request")
    if home := getattr(request, "home_page", None):  # found by home.routing
        return home.get_url(request)
    site = Site.find_for_request(request)
    if site is None:
        return "/"
    return site.root_page.localized.url


_JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.filter
def json_ld(data):
    """Structured data for search engines, as a script element that cannot be broken out of."""
    if not data:
        return ""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))  # noqa: S308


@register.filter
def isodate(value):
    """A date from an ISO 8601 string ('2027-04-22T09:00:00+03:00'), for the date filter."""
    import datetime

    try:
        return datetime.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
