"""
Right-to-left where it matters: when an editor or translator works on Arabic
content, the fields they type into are right-to-left and marked lang="ar",
whatever language the admin itself is in. The middleware tells the page which
language the content is in; static/translation_workflow/js/content-direction.js applies it.
"""

import re

from django.apps import apps
from django.urls import Resolver404, resolve
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


class AdminContentDirectionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.path_info.startswith("/admin/")
            and response.status_code == 200
            and response.get("Content-Type", "").startswith("text/html")
            and not getattr(response, "streaming", False)
        ):
            locale = content_locale(request)
            if locale is not None:
                info = get_language_info(locale.language_code)
                meta = format_html(
                    '<meta name="content-language" content="{}" data-direction="{}">',
                    locale.language_code,
                    "rtl" if info["bidi"] else "ltr",
                )
                response.content = response.content.replace(b"</head>", meta.encode() + b"</head>", 1)
        return response
