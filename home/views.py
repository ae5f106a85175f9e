import functools

from django.conf import settings
from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.models import Site

from .errors import is_api
from .sitemaps import MultilingualSitemap


def page_not_found(request, exception=None):
    """
    A 404 that offers only addresses that exist. When the page exists in
    other languages (a French link to a page not yet translated into French),
    it says so; otherwise its language links lead to the nearest section that
    exists, in the languages that section is published in. Under /api/, JSON
    in the API's error shape.
    """
    if is_api(request):
        return JsonResponse({"message": _("There is nothing at this address in the API.")}, status=404)
    pages, exact = translations_along_path(request)
    language = translation.get_language_from_path(request.path_info)
    links = _links(request, pages, language)
    return render(
        request,
        "404.html",
        {
            "other_languages": [link for link in links if not link["is_current"]] if exact else [],
            "language_links": links,
        },
        status=404,
    )


def translations_along_path(request):
    """
    ({language code: page}, exact) for the live public translations of the
    page at this address in any language, or, failing that, of its nearest
    ancestor that exists; exact says which.
    """
    site = Site.find_for_request(request)
    if site is None or translation.get_language_from_path(request.path_info) is None:
        return {}, False
    components = [c for c in request.path_info.split("/")[2:] if c]
    homes = list(site.root_page.get_translations(inclusive=True).select_related("locale"))
    # From the home page down: stop at the first depth where nothing exists,
    # so a long made-up path costs no more than the real tree is deep.
    nearest, exact = {}, False
    for depth in range(len(components) + 1):
        found = {}
        for home in homes:
            try:
                page, _args, _kwargs = home.specific.route(request, components[:depth])
            except Http404:
                continue
            for translated in page.get_translations(inclusive=True).live().public().select_related("locale"):
                found[translated.locale.language_code] = translated
        if not found:
            break
        nearest, exact = found, depth == len(components)
    return nearest, exact


def _links(request, pages, current):
    """Language switcher entries (the shape the language_links tag gives) for {code: page}."""
    links = []
    for code, name in settings.LANGUAGES:
        if code in pages:
            url = pages[code].url
            with translation.override(code):
                native_name = str(name)
            links.append(
                {
                    "code": code,
                    "name": native_name,
                    "url": url,
                    "absolute_url": request.build_absolute_uri(url),
                    "is_current": code == current,
                    "bidi": translation.get_language_info(code)["bidi"],
                }
            )
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


def without_guessed_encoding(view):
    """
    Wagtail's document download sets Content-Encoding to the encoding
    mimetypes guesses from the file name, which for every allowed extension is
    none: the header went out as the text "None". A download is never encoded.
    """

    @functools.wraps(view)
    def serve(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if response.get("Content-Encoding") in ("None", ""):
            del response["Content-Encoding"]
        return response

    return serve
