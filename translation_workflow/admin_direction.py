"""
Right-to-left where it matters: when an editor or translator works on Arabic
content, the fields they type into are right-to-left and marked lang="ar",
whatever language the admin itself is in. The middleware tells the page which
language the content is in, through the script that applies it
(static/translation_workflow/js/content-direction.js, added by the
insert_global_admin_js hook); no response is rewritten.
"""

import re
from contextvars import ContextVar

from django.apps import apps
from django.urls import Resolver404, resolve
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import get_language_info
from wagtail.models import Locale, Page

_SNIPPET_URL_NAME = re.compile(r"wagtailsnippets_(?P<app>\w+?)_(?P<model>[a-z0-9]+):(?P<view>edit|add)$")


def content_locale(request):
    """The locale of the page or snippet this admin request edits or creates, if any."""
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None
    name = match.view_name
    kwargs = match.kwargs
    if name == "wagtailadmin_pages:edit":
        page = Page.objects.filter(pk=kwargs.get("page_id")).select_related("locale").first()
        return page.locale if page else None
    if name == "wagtailadmin_pages:add":
        parent = Page.objects.filter(pk=kwargs.get("parent_page_id")).select_related("locale").first()
        return parent.locale if parent else None
    snippet = _SNIPPET_URL_NAME.match(name or "")
    if snippet:
        try:
            model = apps.get_model(snippet["app"], snippet["model"])
        except LookupError:
            return None
        if not hasattr(model, "locale"):
            return None
        if snippet["view"] == "edit":
            instance = model.objects.filter(pk=kwargs.get("pk")).select_related("locale").first()
            return instance.locale if instance else None
        return Locale.objects.filter(language_code=request.GET.get("locale", "")).first() or Locale.get_default()
    return None


# The content locale of the admin request being answered, for the hook that
# renders the page's scripts (Wagtail calls admin hooks without the request).
_content_locale = ContextVar("admin_content_locale", default=None)


class AdminContentDirectionMiddleware:
    """Notes which language the content of an admin request is in; nothing is written into the response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith("/admin/"):
            return self.get_response(request)
        token = _content_locale.set(_Lazy(request))
        try:
            return self.get_response(request)
        finally:
            _content_locale.reset(token)


class _Lazy:
    """Looks the content locale up only if a page actually renders the admin's scripts."""

    def __init__(self, request):
        self.request = request

    @cached_property
    def locale(self):
        return content_locale(self.request)


def content_direction_script(src):
    """The script that sets the fields' direction, told the content's language through data attributes."""
    current = _content_locale.get()
    locale = current.locale if current is not None else None
    if locale is None:
        return format_html('<script src="{}" defer></script>', src)
    return format_html(
        '<script src="{}" data-content-language="{}" data-direction="{}" defer></script>',
        src,
        locale.language_code,
        "rtl" if get_language_info(locale.language_code)["bidi"] else "ltr",
    )
