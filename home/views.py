from django.conf import settings
from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.models import Site

from .sitemaps import MultilingualSitemap


def page_not_found(request, exception=None):
    """
    A 404 that, when the address exists in other languages, says so: a reader
    who follows a French link to a page not yet translated into French is
    offered the languages it is available in.
    """
    return render(
        request,
        "404.html",
        {"other_languages": translations_of_path(request)},
        status=404,
    )


def translations_of_path(request):
    site = Site.find_for_request(request)
    language = translation.get_language_from_path(request.path_info)
    if site is None or language is None:
        return []
    components = [c for c in request.path_info.split("/")[2:] if c]
    if not components:
        return []
    found = {}
    for home in site.root_page.get_translations(inclusive=True).select_related("locale"):
        try:
            page, _args, _kwargs = home.specific.route(request, components)
        except Http404:
            continue
        for translated in page.get_translations(inclusive=True).live().public().select_related("locale"):
            found[translated.locale.language_code] = translated
    names = dict(settings.LANGUAGES)
    links = []
    for code, _name in settings.LANGUAGES:
        if code in found and code != language:
            with translation.override(code):
                links.append({"code": code, "name": str(names[code]), "url": found[code].url})
    return links


@require_GET
@cache_control(max_age=3600, public=True)
def sitemap(request):
    return django_sitemap(request, sitemaps={"pages": MultilingualSitemap(request)})


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        *(f"Disallow: /{code}/search/" for code, _name in settings.LANGUAGES),
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
