"""Template tags for the site chrome: navigation, footer and language links."""

import json

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.template.loader import get_template
from django.urls import translate_url
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from wagtail.models import Page, Site

from home import chrome, content_language, locales
from home.language_links import link, page_language_links

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context, page=None):
    """
    Links for the language switcher and hreflang alternates, one per language.

    On a Wagtail page, each language links to the page's live, public
    translation, or else to the nearest translated section above it (marked
    `fallback`: not an hreflang alternate). Elsewhere (search, forms) the
    same path is offered in every language.
    """
    if context.get("language_links") is not None:
        return context["language_links"]
    request = context.get("request")
    if isinstance(page, Page) and page.pk:
        return page_language_links(page, request)
    if request is None:
        return []
    return [link(code, translate_url(request.get_full_path(), code), request) for code, _name in settings.LANGUAGES]


@register.simple_tag(takes_context=True)
def main_navigation(context):
    """The main menu, with the item the reader is in marked: rendered once per chrome version for each such mark."""
    request = context.get("request")
    current = context.get("page")
    items = []
    for item in chrome.navigation(request=request):
        item = dict(item)
        if isinstance(current, Page) and current.path.startswith(item["path"]):
            item["current"] = "page" if current.path == item["path"] else "true"
        items.append(item)
    marks = tuple(item.get("current") for item in items)
    return chrome.rendered(
        ("navigation", marks),
        lambda: mark_safe(get_template("includes/navigation.html").render({"items": items})),  # noqa: S308
        request=request,
    )


@register.tag
def chrome_part(parser, token):
    """
    {% chrome_part "name" %}...{% endchrome_part %}: a part of the header or
    footer the same on every page in the language, showing only the chrome
    (menu, footer) and what the code says (translations, URLs, static files):
    rendered once per process for each version of the chrome (home.chrome.rendered).
    """
    try:
        _tag, name = token.split_contents()
    except ValueError:
        raise template.TemplateSyntaxError("chrome_part takes one argument: the part's name") from None
    nodelist = parser.parse(("endchrome_part",))
    parser.delete_first_token()
    return ChromePartNode(name.strip("\"'"), nodelist)


class ChromePartNode(template.Node):
    def __init__(self, name, nodelist):
        self.name, self.nodelist = name, nodelist

    def render(self, context):
        # The part's own context level: what it sets stays inside, as when rendered each time.
        def render():
            with context.push():
                return mark_safe(self.nodelist.render(context))  # noqa: S308

        return chrome.rendered(self.name, render, request=context.get("request"))


@register.simple_tag(takes_context=True)
def site_footer(context):
    footer = chrome.footer(request=context.get("request"))
    # Rich text from the editors, rendered by Wagtail.
    return {"html": mark_safe(footer["html"]), "language": footer["language"], "links": footer["links"]}  # noqa: S308


@register.filter
def localized(page):
    """`{{ page|localized }}`: the page in the reader's language when it is translated (home.locales.localized)."""
    return locales.localized(page)


@register.simple_tag(takes_context=True)
def localized_home_url(context):
    request = context.get("request")
    if home := getattr(request, "home_page", None):  # found by home.routing
        return home.get_url(request)
    site = Site.find_for_request(request)
    if site is None:
        return "/"
    return locales.localized(site.root_page).url


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


@register.simple_tag
def lang_attrs(value):
    """
    ` lang="en" dir="ltr"` on an element whose text is in another language
    than the page (an untranslated profile, a fallback label), else nothing.
    `value` is a language code, a Locale, a translatable object or a fallback
    string (content_language.TextIn).
    """
    return content_language.attributes(value)


@register.simple_tag
def name_attrs(text):
    """The same for a proper name, told by its script: ` lang="en" dir="ltr"` for 'Nairobi' on an Arabic page."""
    return content_language.name_attributes(text)


@register.filter
def in_its_language(value):
    """`value`, escaped, in a span that says its language when that is not the page's (for inside sentences)."""
    attributes = content_language.attributes(value)
    return format_html("<span{}>{}</span>", attributes, value) if attributes else conditional_escape(value)


@register.filter
def name_in_its_script(text):
    """A proper name, escaped, in a span that says its language where its script is not the page's."""
    attributes = content_language.name_attributes(text)
    return format_html("<span{}>{}</span>", attributes, text) if attributes else conditional_escape(text)
